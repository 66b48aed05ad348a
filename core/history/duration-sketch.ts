// A mergeable summary of durations for the daily rollups: p50/p95 over a day, and over any window of days by
// merging the days, without keeping every duration. Exact percentiles cannot be merged, and recomputing them
// from raw rows at every upload would read thousands of rows per test (see store/queries.ts).
//
// It is a log-bucketed histogram (the DDSketch mapping): a value is put in the bucket ⌈log_γ(v)⌉ with
// γ = (1 + α) / (1 − α), and read back as the bucket's midpoint, so every percentile it returns is within
// α = 1 % of a value that was really added at that rank. Durations under 1 ms share bucket 0 and read as 0.

const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
const ENCODING_VERSION = 1;

export class DurationSketch {
  // Buckets in ascending order, with their counts: a test's day holds a handful, so arrays beat a map.
  private readonly buckets: number[] = [];
  private readonly counts: number[] = [];
  private total = 0;

  static decode(bytes: Uint8Array | null | undefined): DurationSketch {
    const sketch = new DurationSketch();
    if (!bytes || bytes.length === 0) return sketch;
    if (bytes[0] !== ENCODING_VERSION) throw new RangeError(`unknown duration sketch encoding ${bytes[0]}`);
    // Pairs of varints, read inline: this runs for every test of every upload.
    let offset = 1;
    let bucket = 0;
    let pair = 0;
    let value = 0;
    let scale = 1;
    while (offset < bytes.length) {
      const byte = bytes[offset++] as number;
      value += (byte & 0x7f) * scale;
      if (byte >= 0x80) {
        scale *= 0x80;
        continue;
      }
      if (pair === 0) {
        if (value === 0 && sketch.buckets.length > 0)
          throw new RangeError("duration sketch repeats a bucket");
        bucket += value;
        sketch.buckets.push(bucket);
      } else {
        sketch.counts.push(value);
        sketch.total += value;
      }
      pair ^= 1;
      value = 0;
      scale = 1;
    }
    if (pair !== 0 || scale !== 1) throw new RangeError("duration sketch ends inside a number");
    return sketch;
  }

  /** Number of durations added. */
  get count(): number {
    return this.total;
  }

  add(durationMs: number, count = 1): this {
    if (!(durationMs >= 0) || count <= 0) return this;
    this.addToBucket(bucketOf(durationMs), count);
    return this;
  }

  merge(other: DurationSketch): this {
    for (let i = 0; i < other.buckets.length; i++) {
      this.addToBucket(other.buckets[i] as number, other.counts[i] as number);
    }
    return this;
  }

  /**
   * The duration at quantile q (0..1) by nearest rank, the same definition as a sorted list's
   * `values[ceil(q·n) − 1]`; null when empty.
   */
  quantile(q: number): number | null {
    return this.quantiles([q])[0] ?? null;
  }

  /** Several quantiles in one pass; `qs` in ascending order. */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.total === 0) return qs.map(() => null);
    const out: (number | null)[] = [];
    let index = 0;
    let seen = this.counts[0] as number;
    for (const q of qs) {
      const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * this.total));
      while (seen < rank && index < this.buckets.length - 1) seen += this.counts[++index] as number;
      out.push(bucketValue(this.buckets[index] as number));
    }
    return out;
  }

  /** Varints of (bucket − previous bucket, count), after a version byte: a few dozen bytes a day. */
  encode(): Uint8Array {
    // A varint of a bucket delta or a count fits in 5 bytes for any count under 2^35.
    const out = new Uint8Array(1 + this.buckets.length * 10);
    out[0] = ENCODING_VERSION;
    let length = 1;
    const write = (value: number) => {
      let rest = value;
      while (rest >= 0x80) {
        out[length++] = (rest % 0x80) | 0x80;
        rest = Math.floor(rest / 0x80);
      }
      out[length++] = rest;
    };
    let previous = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      const bucket = this.buckets[i] as number;
      write(bucket - previous);
      write(this.counts[i] as number);
      previous = bucket;
    }
    return out.subarray(0, length);
  }

  private addToBucket(bucket: number, count: number): void {
    const { buckets, counts } = this;
    let index = buckets.length;
    while (index > 0 && (buckets[index - 1] as number) > bucket) index--;
    if (index > 0 && buckets[index - 1] === bucket) counts[index - 1] = (counts[index - 1] as number) + count;
    else {
      buckets.splice(index, 0, bucket);
      counts.splice(index, 0, count);
    }
    this.total += count;
  }
}

function bucketOf(durationMs: number): number {
  return durationMs < 1 ? 0 : Math.ceil(Math.log(durationMs) / LOG_GAMMA) + 1;
}

function bucketValue(bucket: number): number {
  return bucket === 0 ? 0 : (2 * GAMMA ** (bucket - 1)) / (GAMMA + 1);
}
