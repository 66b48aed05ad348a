// A test's identity must stay the same across runs, so it uses only what the report declares about the test
// (never a location taken from a failure's stack trace, which exists only when the test fails).

/**
 * A 64-bit hash in the style of cyrb53 (two multiply-xorshift lanes) over the identity's parts, with a
 * separator between parts. It runs once per test case, millions of times on large reports, so it uses only
 * 32-bit integer maths and never builds a joined string. Not cryptographic, and need not be: it names tests.
 */
export function testId(identity: TestIdentity): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (text: string, separator: number) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ separator, 2654435761);
    h2 = Math.imul(h2 ^ separator, 1597334677);
  };
  for (const suite of identity.suitePath) mix(suite, 0x1f);
  mix(identity.classname, 0x1e);
  mix(identity.name, 0x1e);
  mix(identity.file ?? "", 0x1e);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2) + hex32(h1);
}

// Number#toString(16) is slow in V8 and showed up as a third of the parse time on large reports.
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function hex32(value: number): string {
  return (
    (BYTE_HEX[value >>> 24] as string) +
    BYTE_HEX[(value >>> 16) & 0xff] +
    BYTE_HEX[(value >>> 8) & 0xff] +
    BYTE_HEX[value & 0xff]
  );
}

export interface TestIdentity {
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
}
