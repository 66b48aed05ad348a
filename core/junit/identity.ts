// A test's identity must stay the same across runs, so it uses only what the report declares about the test
// (never a location taken from a failure's stack trace, which exists only when the test fails).

export interface TestIdentity {
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
}

/** A 64-bit identity hash as two unsigned 32-bit halves. */
export interface IdentityHash {
  readonly high: number;
  readonly low: number;
}

/**
 * A 64-bit hash in the style of cyrb53 (two multiply-xorshift lanes) over the identity's parts, with a
 * separator between parts. It runs once per test case, millions of times on large reports, so it uses only
 * 32-bit integer maths and never builds a joined string. Not cryptographic, and need not be: it names tests.
 */
export function hashIdentity(identity: TestIdentity): IdentityHash {
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
  return { high: h2 >>> 0, low: h1 >>> 0 };
}

/** The identity as the 16-hex-digit `id` of a test case. */
export function formatId(hash: IdentityHash): string {
  return hex32(hash.high) + hex32(hash.low);
}

export function testId(identity: TestIdentity): string {
  return formatId(hashIdentity(identity));
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

/**
 * Identity hash -> 32-bit value, in typed arrays (12 bytes a test at most), so that re-runs anywhere in a
 * file can be found without keeping every test case, or even every id string, in memory.
 */
export class IdentityTable {
  private highs = new Uint32Array(1024);
  private lows = new Uint32Array(1024);
  private values = new Uint32Array(1024);
  private used = new Uint8Array(1024);
  private size = 0;

  /** The slot holding `hash`, or -1. */
  find(hash: IdentityHash): number {
    const mask = this.used.length - 1;
    let slot = (hash.low ^ Math.imul(hash.high, 0x9e3779b1)) & mask;
    while (this.used[slot] === 1) {
      if (this.lows[slot] === hash.low && this.highs[slot] === hash.high) return slot;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  get(slot: number): number {
    return this.values[slot] as number;
  }

  set(slot: number, value: number): void {
    this.values[slot] = value;
  }

  /** Adds a hash that `find` did not find. */
  insert(hash: IdentityHash, value: number): void {
    if ((this.size + 1) * 4 > this.used.length * 3) this.grow();
    const mask = this.used.length - 1;
    let slot = (hash.low ^ Math.imul(hash.high, 0x9e3779b1)) & mask;
    while (this.used[slot] === 1) slot = (slot + 1) & mask;
    this.used[slot] = 1;
    this.highs[slot] = hash.high;
    this.lows[slot] = hash.low;
    this.values[slot] = value;
    this.size++;
  }

  private grow(): void {
    const { highs, lows, values, used } = this;
    const capacity = used.length * 2;
    this.highs = new Uint32Array(capacity);
    this.lows = new Uint32Array(capacity);
    this.values = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.size = 0;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] === 1) {
        this.insert({ high: highs[slot] as number, low: lows[slot] as number }, values[slot] as number);
      }
    }
  }
}
