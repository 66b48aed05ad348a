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

// The two lanes of the hash being computed. Module-level, so that mixing a part returns nothing and a
// test case's hash is finished without allocating.
let lane1 = 0;
let lane2 = 0;

/** Mixes `text` and then `separator` into the lanes. */
function mix(text: string, separator: number): void {
  let h1 = lane1;
  let h2 = lane2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  lane1 = Math.imul(h1 ^ separator, 2654435761);
  lane2 = Math.imul(h2 ^ separator, 1597334677);
}

export function extendHash(prefix: HashPrefix, text: string, separator: number): HashPrefix {
  lane1 = prefix.h1;
  lane2 = prefix.h2;
  mix(text, separator);
  return { h1: lane1, h2: lane2 };
}

export function suitePathHash(suitePath: readonly string[]): HashPrefix {
  let prefix = SEED;
  for (const suite of suitePath) prefix = extendHash(prefix, suite, 0x1f);
  return prefix;
}

/** Finishes a hash whose prefix already covers the suite path and the classname. */
export function finishHash(prefix: HashPrefix, name: string, file: string | null): IdentityHash {
  lane1 = prefix.h1;
  lane2 = prefix.h2;
  mix(name, 0x1e);
  // No file mixes as an empty one: ids written so far depend on it.
  mix(file ?? "", 0x1e);
  let h1 = lane1;
  let h2 = lane2;
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
 * as a double; with 4 million tests the chance that two different tests share a key is about 1 in 500.
 *
 * It is an extendible hash table: a directory indexed by the top bits of the hash points at fixed-size
 * buckets, and a full bucket splits in two. Nothing is ever freed or reallocated, because a table that
 * grew by reallocating left its old arrays to the allocator and pushed peak RSS up by tens of megabytes
 * on million-test reports. `values` holds value + 1 so that 0 marks an empty slot.
 */
export class IdentityTable {
  private directory: Bucket[];
  private depth = 0;

  /** `maxValue` decides the value width: below 255 one byte a slot, else four. */
  constructor(private readonly maxValue: number) {
    this.directory = [this.newBucket(0)];
  }

  /** A handle on the slot holding `hash` (>= 0), or -1. */
  find(hash: IdentityHash): number {
    const index = this.indexOf(hash);
    const slot = findSlot(this.directory[index] as Bucket, identityKey(hash));
    return slot === -1 ? -1 : index * BUCKET_SLOTS + slot;
  }

  get(handle: number): number {
    return ((this.bucketOf(handle).values[handle % BUCKET_SLOTS] as number) - 1) >>> 0;
  }

  set(handle: number, value: number): void {
    this.bucketOf(handle).values[handle % BUCKET_SLOTS] = value + 1;
  }

  /** Adds a hash that `find` did not find. */
  insert(hash: IdentityHash, value: number): void {
    this.findOrInsert(hash, value);
  }

  /** The handle of `hash`'s slot if it is there (>= 0); otherwise adds it with `value` and returns -1. */
  findOrInsert(hash: IdentityHash, value: number): number {
    const key = identityKey(hash);
    for (;;) {
      const index = this.indexOf(hash);
      const bucket = this.directory[index] as Bucket;
      const slot = findSlot(bucket, key);
      if (slot !== -1) return index * BUCKET_SLOTS + slot;
      // A bucket that cannot split further (its tests share all 32 top bits) takes up to its capacity.
      if (bucket.size < BUCKET_LIMIT || (bucket.depth >= 32 && bucket.size < BUCKET_SLOTS - 1)) {
        placeInBucket(bucket, key, value + 1);
        return -1;
      }
      this.split(bucket, index);
    }
  }

  private indexOf(hash: IdentityHash): number {
    return this.depth === 0 ? 0 : hash.high >>> (32 - this.depth);
  }

  private bucketOf(handle: number): Bucket {
    return this.directory[Math.floor(handle / BUCKET_SLOTS)] as Bucket;
  }

  private newBucket(depth: number): Bucket {
    return {
      depth,
      size: 0,
      keys: new Float64Array(BUCKET_SLOTS),
      values: this.maxValue < 255 ? new Uint8Array(BUCKET_SLOTS) : new Uint32Array(BUCKET_SLOTS),
    };
  }

  /** Splits a full bucket by the next bit of the hash, doubling the directory when the bucket needs it. */
  private split(bucket: Bucket, index: number): void {
    if (bucket.depth === this.depth) {
      this.directory = this.directory.flatMap((entry) => [entry, entry]);
      this.depth++;
      index *= 2;
    }
    const sibling = this.newBucket(bucket.depth + 1);
    bucket.depth++;
    // Directory entries that pointed at the bucket and have the new bit set now point at the sibling.
    const span = 1 << (this.depth - bucket.depth + 1);
    const first = index - (index % span);
    for (let i = first + span / 2; i < first + span; i++) this.directory[i] = sibling;
    // Move the entries: each goes back into the bucket or into the sibling, by the new bit.
    const { keys, values } = bucket;
    SCRATCH_KEYS.set(keys);
    SCRATCH_VALUES.set(values);
    keys.fill(0);
    values.fill(0);
    bucket.size = 0;
    const bit = 1 << (32 - bucket.depth);
    for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
      const stored = SCRATCH_VALUES[slot] as number;
      if (stored === 0) continue;
      const key = SCRATCH_KEYS[slot] as number;
      const high = Math.floor(key / 0x100000);
      placeInBucket((high & bit) !== 0 ? sibling : bucket, key, stored);
    }
  }
}

interface Bucket {
  depth: number;
  size: number;
  readonly keys: Float64Array;
  readonly values: Uint8Array | Uint32Array;
}

/** 4096 slots: 36 KiB a bucket with one-byte values; a bucket splits at 85 % full. */
const BUCKET_SLOTS = 4096;
const BUCKET_LIMIT = Math.floor(BUCKET_SLOTS * 0.85);
const SCRATCH_KEYS = new Float64Array(BUCKET_SLOTS);
const SCRATCH_VALUES = new Uint32Array(BUCKET_SLOTS);

function findSlot(bucket: Bucket, key: number): number {
  const { keys, values } = bucket;
  let slot = homeSlot(key);
  while (values[slot] !== 0) {
    if (keys[slot] === key) return slot;
    slot = (slot + 1) & (BUCKET_SLOTS - 1);
  }
  return -1;
}

function placeInBucket(bucket: Bucket, key: number, storedValue: number): void {
  const { keys, values } = bucket;
  let slot = homeSlot(key);
  while (values[slot] !== 0) slot = (slot + 1) & (BUCKET_SLOTS - 1);
  keys[slot] = key;
  values[slot] = storedValue;
  bucket.size++;
}

/** 52 bits of the hash as one number: the key for merging re-runs. */
export function identityKey(hash: IdentityHash): number {
  return hash.high * 0x100000 + (hash.low >>> 12);
}

/** The key's low bits (from the hash's low word, independent of the directory's high bits) pick the slot. */
function homeSlot(key: number): number {
  return (key - Math.floor(key / 0x100000) * 0x100000) & (BUCKET_SLOTS - 1);
}
