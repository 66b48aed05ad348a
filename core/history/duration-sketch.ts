// How a daily rollup keeps core/analytics' mergeable DurationSketch in the database: compact bytes instead of
// its JSON (360,000 rows at 10 million results). The sketch and every percentile read from it are the
// analytics'; this file only packs and unpacks it, exactly.
//
// Layout: a version byte, the relative error and the max as float64, then varints: the zero count, the bin
// count, and per bin the zigzag delta of its index from the previous one and its count.
import {
  addDuration,
  type DurationSketch,
  newDurationSketch,
  sketchBinOf,
  sketchBinValue,
  summarizeSketch,
} from "../analytics/index.ts";

const ENCODING_VERSION = 2;

export function encodeDurationSketch(sketch: DurationSketch): Uint8Array {
  // Written into a buffer kept for the purpose, then copied out at its length: a packed sketch is a few dozen
  // bytes, which V8 keeps on its own heap, where a buffer sized for the worst case would not be.
  const size = 1 + 16 + 10 + sketch.bins.length * 20;
  if (scratch.length < size) {
    scratch = new Uint8Array(Math.max(size, scratch.length * 2));
    scratchView = new DataView(scratch.buffer);
  }
  const out = scratch;
  out[0] = ENCODING_VERSION;
  scratchView.setFloat64(1, sketch.relativeError, true);
  scratchView.setFloat64(9, sketch.maxMs ?? Number.NaN, true);
  let length = writeVarint(out, 17, sketch.zeroes);
  length = writeVarint(out, length, sketch.bins.length);
  let previous = 0;
  for (const [index, count] of sketch.bins) {
    const delta = index - previous;
    length = writeVarint(out, length, delta >= 0 ? delta * 2 : -delta * 2 - 1);
    length = writeVarint(out, length, count);
    previous = index;
  }
  return out.slice(0, length);
}

let scratch = new Uint8Array(1024);
let scratchView = new DataView(scratch.buffer);

/** Writes `value` at `at` as a varint; where the next byte goes. (A function, not a closure: every rollup row of
 * every upload is encoded.) */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  let offset = at;
  while (rest >= 0x80) {
    out[offset++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[offset++] = rest;
  return offset;
}

/** A day's packed sketch after one more duration, with the day's figures read from it. */
export interface StoredSketchUpdate {
  readonly bytes: Uint8Array;
  readonly maxMs: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
}

/**
 * Adds a duration to a packed sketch (null: the day's first): the very bytes and figures that unpacking,
 * core/analytics' `addDuration` and `summarizeSketch`, and packing again give, in one pass over the bytes and
 * without making the sketch. Ingest does this for every timed result of every upload.
 */
export function addToStoredSketch(bytes: Uint8Array | null, durationMs: number): StoredSketchUpdate {
  if (bytes === null) {
    const sketch = addDuration(newDurationSketch(), durationMs);
    const { p50Ms, p95Ms } = summarizeSketch(sketch);
    return { bytes: encodeDurationSketch(sketch), maxMs: sketch.maxMs as number, p50Ms, p95Ms };
  }
  const view = headerOf(bytes);
  const relativeError = view.getFloat64(1, true);
  const storedMax = view.getFloat64(9, true);
  const maxMs = Number.isNaN(storedMax) ? durationMs : Math.max(storedMax, durationMs);
  let offset = 17;
  let value = readVarint(bytes, offset);
  offset = varintEnd;
  let zeroes = value;
  const stored = readVarint(bytes, offset);
  offset = varintEnd;
  // The bins, with the new duration's counted in: the stored ones are in ascending order.
  const target = durationMs > 0 ? sketchBinOf(relativeError, durationMs) : null;
  if (target === null) zeroes += 1;
  if (binIndexes.length < stored + 1) {
    binIndexes = new Float64Array((stored + 1) * 2);
    binCounts = new Float64Array((stored + 1) * 2);
  }
  let bins = 0;
  let index = 0;
  let added = target === null;
  for (let bin = 0; bin < stored; bin++) {
    const zigzag = readVarint(bytes, offset);
    offset = varintEnd;
    index += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    value = readVarint(bytes, offset);
    offset = varintEnd;
    if (!added && (target as number) < index) {
      binIndexes[bins] = target as number;
      binCounts[bins++] = 1;
      added = true;
    }
    binIndexes[bins] = index;
    binCounts[bins++] = !added && index === target ? value + 1 : value;
    if (index === target) added = true;
  }
  if (offset !== bytes.length)
    throw new RangeError("the stored duration sketch has bytes after its last bin");
  if (!added) {
    binIndexes[bins] = target as number;
    binCounts[bins++] = 1;
  }
  let count = zeroes;
  for (let bin = 0; bin < bins; bin++) count += binCounts[bin] as number;
  const size = 1 + 16 + 10 + bins * 20;
  if (scratch.length < size) {
    scratch = new Uint8Array(Math.max(size, scratch.length * 2));
    scratchView = new DataView(scratch.buffer);
  }
  scratch[0] = ENCODING_VERSION;
  scratchView.setFloat64(1, relativeError, true);
  scratchView.setFloat64(9, maxMs, true);
  let length = writeVarint(scratch, 17, zeroes);
  length = writeVarint(scratch, length, bins);
  let previous = 0;
  for (let bin = 0; bin < bins; bin++) {
    const delta = (binIndexes[bin] as number) - previous;
    length = writeVarint(scratch, length, delta >= 0 ? delta * 2 : -delta * 2 - 1);
    length = writeVarint(scratch, length, binCounts[bin] as number);
    previous = binIndexes[bin] as number;
  }
  return {
    bytes: scratch.slice(0, length),
    maxMs,
    p50Ms: percentileOfBins(50, relativeError, count, maxMs, zeroes, bins),
    p95Ms: percentileOfBins(95, relativeError, count, maxMs, zeroes, bins),
  };
}

/** core/analytics' percentileOfSketch, over the first `bins` of `binIndexes`/`binCounts`. */
function percentileOfBins(
  p: number,
  relativeError: number,
  count: number,
  maxMs: number,
  zeroes: number,
  bins: number,
): number {
  const rank = Math.ceil((p / 100) * count);
  if (rank === count) return maxMs;
  if (rank <= zeroes) return 0;
  let seen = zeroes;
  for (let bin = 0; bin < bins; bin++) {
    seen += binCounts[bin] as number;
    if (seen >= rank) return Math.min(maxMs, sketchBinValue(relativeError, binIndexes[bin] as number));
  }
  return maxMs;
}

/** The bytes' header checked (version, length): a view on them to read the two floats after it. */
function headerOf(bytes: Uint8Array): DataView {
  if (bytes[0] !== ENCODING_VERSION || bytes.length < 19) {
    throw new RangeError(`not a stored duration sketch (encoding ${bytes[0]}, ${bytes.length} bytes)`);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

let binIndexes = new Float64Array(64);
let binCounts = new Float64Array(64);
/** Where the last `readVarint` stopped. */
let varintEnd = 0;

/** The varint at `at` (its end in `varintEnd`): a function, not a closure, for the same reason as above. */
function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  let offset = at;
  for (;;) {
    const byte = bytes[offset++];
    if (byte === undefined) throw new RangeError("the stored duration sketch ends inside a number");
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = offset;
      return value;
    }
    scale *= 0x80;
  }
}

export function decodeDurationSketch(bytes: Uint8Array): DurationSketch {
  const view = headerOf(bytes);
  const relativeError = view.getFloat64(1, true);
  const max = view.getFloat64(9, true);
  let offset = 17;
  const read = (): number => {
    const value = readVarint(bytes, offset);
    offset = varintEnd;
    return value;
  };
  const zeroes = read();
  const binCount = read();
  const bins: [number, number][] = [];
  let index = 0;
  let count = zeroes;
  for (let bin = 0; bin < binCount; bin++) {
    const zigzag = read();
    index += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    const binTotal = read();
    bins.push([index, binTotal]);
    count += binTotal;
  }
  if (offset !== bytes.length)
    throw new RangeError("the stored duration sketch has bytes after its last bin");
  return { relativeError, count, maxMs: Number.isNaN(max) ? null : max, zeroes, bins };
}

/**
 * Many stored sketches as one (days into a window): the same sketch as folding them with core/analytics'
 * `mergeDurationSketches`, without a new sketch per step, for the thousands of days an overview reads.
 */
export class StoredSketchMerger {
  private readonly bins = new Map<number, number>();
  private relativeError: number | null = null;
  private zeroes = 0;
  private count = 0;
  private maxMs: number | null = null;

  add(bytes: Uint8Array): void {
    const view = headerOf(bytes);
    const relativeError = view.getFloat64(1, true);
    if (this.relativeError !== null && relativeError !== this.relativeError) {
      throw new RangeError(
        `Cannot merge sketches of relative error ${this.relativeError} and ${relativeError}`,
      );
    }
    this.relativeError = relativeError;
    const max = view.getFloat64(9, true);
    if (!Number.isNaN(max) && (this.maxMs === null || max > this.maxMs)) this.maxMs = max;
    let offset = 17;
    const read = (): number => {
      const value = readVarint(bytes, offset);
      offset = varintEnd;
      return value;
    };
    const zeroes = read();
    this.zeroes += zeroes;
    this.count += zeroes;
    const binCount = read();
    let index = 0;
    for (let bin = 0; bin < binCount; bin++) {
      const zigzag = read();
      index += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
      const binTotal = read();
      this.bins.set(index, (this.bins.get(index) ?? 0) + binTotal);
      this.count += binTotal;
    }
  }

  /** The merged sketch; an empty one (of the analytics' default error) when nothing was added. */
  sketch(): DurationSketch {
    if (this.relativeError === null) return newDurationSketch();
    return {
      relativeError: this.relativeError,
      count: this.count,
      maxMs: this.maxMs,
      zeroes: this.zeroes,
      bins: [...this.bins.entries()].sort((a, b) => a[0] - b[0]),
    };
  }
}
