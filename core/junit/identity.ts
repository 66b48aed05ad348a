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

/** The hash state after some leading parts, so a suite's path (and a run of equal classnames) is hashed once. */
export interface HashPrefix {
  readonly h1: number;
  readonly h2: number;
}

// A 64-bit hash in the style of cyrb53 (two multiply-xorshift lanes) over the identity's parts, with a
// separator after each part. It runs once per test case, millions of times on large reports, so it uses
// only 32-bit integer maths and never builds a joined string. Not cryptographic, and need not be.
const SEED: HashPrefix = { h1: 0xdeadbeef, h2: 0x41c6ce57 };

export function extendHash(prefix: HashPrefix, text: string, separator: number): HashPrefix {
  let h1 = prefix.h1;
  let h2 = prefix.h2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return { h1: Math.imul(h1 ^ separator, 2654435761), h2: Math.imul(h2 ^ separator, 1597334677) };
}

export function suitePathHash(suitePath: readonly string[]): HashPrefix {
  let prefix = SEED;
  for (const suite of suitePath) prefix = extendHash(prefix, suite, 0x1f);
  return prefix;
}

/** Finishes a hash whose prefix already covers the suite path and the classname. */
export function finishHash(prefix: HashPrefix, name: string, file: string | null): IdentityHash {
  const last = extendHash(extendHash(prefix, name, 0x1e), file ?? "", 0x1e);
  let h1 = last.h1;
  let h2 = last.h2;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { high: h2 >>> 0, low: h1 >>> 0 };
}

export function hashIdentity(identity: TestIdentity): IdentityHash {
  return finishHash(
    extendHash(suitePathHash(identity.suitePath), identity.classname, 0x1e),
    identity.name,
    identity.file,
  );
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
 * Identity hash -> small value, in typed arrays, so that re-runs anywhere in a file can be found without
 * keeping every test case, or even every id string, in memory. A key is 52 of the hash's 64 bits, stored
 * as a double (8 bytes); with 4 million tests the chance that two different tests share a key is about
 * 1 in 500. The table is split into 256 parts that grow on their own: growing one contiguous table
 * doubled the peak memory while rehashing and left the freed arrays behind in the allocator.
 */
export class IdentityTable {
  private readonly parts: IdentityPart[] = [];

  /** `maxValue` decides the value width: below 255 one byte a slot, else four. */
  constructor(maxValue: number) {
    for (let i = 0; i < PARTS; i++) this.parts.push(new IdentityPart(maxValue));
  }

  /** A handle on the slot holding `hash`, or -1. */
  find(hash: IdentityHash): number {
    const part = hash.high >>> 24;
    const slot = (this.parts[part] as IdentityPart).find(identityKey(hash));
    return slot === -1 ? -1 : part * PART_SLOTS + slot;
  }

  get(handle: number): number {
    return (this.parts[Math.floor(handle / PART_SLOTS)] as IdentityPart).get(handle % PART_SLOTS);
  }

  set(handle: number, value: number): void {
    (this.parts[Math.floor(handle / PART_SLOTS)] as IdentityPart).set(handle % PART_SLOTS, value);
  }

  /** Adds a hash that `find` did not find. */
  insert(hash: IdentityHash, value: number): void {
    (this.parts[hash.high >>> 24] as IdentityPart).insert(identityKey(hash), value);
  }

  /** The handle of `hash`'s slot if it is there (>= 0); otherwise adds it with `value` and returns -1. */
  findOrInsert(hash: IdentityHash, value: number): number {
    const part = hash.high >>> 24;
    const slot = (this.parts[part] as IdentityPart).findOrInsert(identityKey(hash), value);
    return slot === -1 ? -1 : part * PART_SLOTS + slot;
  }
}

const PARTS = 256;
const PART_SLOTS = 2 ** 24;
const INITIAL_PART_SLOTS = 1024;

/** One open-addressing part; `values` holds value + 1 so that 0 marks an empty slot. */
class IdentityPart {
  private keys = new Float64Array(INITIAL_PART_SLOTS);
  private values: Uint8Array | Uint32Array;
  private size = 0;

  constructor(private readonly maxValue: number) {
    this.values = this.newValues(INITIAL_PART_SLOTS);
  }

  find(key: number): number {
    const capacity = this.keys.length;
    let slot = homeSlot(key, capacity);
    while (this.values[slot] !== 0) {
      if (this.keys[slot] === key) return slot;
      if (++slot === capacity) slot = 0;
    }
    return -1;
  }

  get(slot: number): number {
    return (this.values[slot] as number) - 1;
  }

  set(slot: number, value: number): void {
    this.values[slot] = value + 1;
  }

  insert(key: number, value: number): void {
    if ((this.size + 1) * 5 > this.keys.length * 4) this.grow();
    this.place(key, value + 1);
    this.size++;
  }

  /** One probe sequence for the common case of a new key. */
  findOrInsert(key: number, value: number): number {
    if ((this.size + 1) * 5 > this.keys.length * 4) this.grow();
    const capacity = this.keys.length;
    let slot = homeSlot(key, capacity);
    while (this.values[slot] !== 0) {
      if (this.keys[slot] === key) return slot;
      if (++slot === capacity) slot = 0;
    }
    this.keys[slot] = key;
    this.values[slot] = value + 1;
    this.size++;
    return -1;
  }

  private place(key: number, storedValue: number): void {
    const capacity = this.keys.length;
    let slot = homeSlot(key, capacity);
    while (this.values[slot] !== 0) if (++slot === capacity) slot = 0;
    this.keys[slot] = key;
    this.values[slot] = storedValue;
  }

  private newValues(capacity: number): Uint8Array | Uint32Array {
    return this.maxValue < 255 ? new Uint8Array(capacity) : new Uint32Array(capacity);
  }

  private grow(): void {
    const { keys, values } = this;
    const capacity = Math.ceil(keys.length * 1.5);
    this.keys = new Float64Array(capacity);
    this.values = this.newValues(capacity);
    for (let slot = 0; slot < keys.length; slot++) {
      const stored = values[slot] as number;
      if (stored !== 0) this.place(keys[slot] as number, stored);
    }
  }
}

/** 52 bits of the hash as one number: the key for merging re-runs. */
export function identityKey(hash: IdentityHash): number {
  return hash.high * 0x100000 + (hash.low >>> 12);
}

/**
 * Range reduction by multiplication: the key's low 32 bits (below the bits that picked the part) choose
 * the slot. Floating-point `%` was a tenth of the parse time, so the low bits are split off by hand.
 */
function homeSlot(key: number, capacity: number): number {
  const low32 = key - Math.floor(key / 0x100000000) * 0x100000000;
  return Math.floor((low32 / 0x100000000) * capacity);
}
