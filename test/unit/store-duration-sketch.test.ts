// The rollups keep core/analytics' duration sketch as bytes: packing and unpacking must give back the very
// same sketch, so that every percentile read from the database is the analytics' own.
import { describe, expect, it } from "vitest";
import {
  addDuration,
  type DurationSketch,
  mergeDurationSketches,
  newDurationSketch,
  summarizeSketch,
} from "../../core/analytics/index.ts";
import {
  addToStoredSketch,
  decodeDurationSketch,
  encodeDurationSketch,
  StoredSketchMerger,
} from "../../core/history/index.ts";

function sketchOf(durations: readonly number[]): DurationSketch {
  return durations.reduce(addDuration, newDurationSketch());
}

describe("stored duration sketches", () => {
  it("give back the same sketch: zero durations, sub-millisecond ones and hours included", () => {
    const sketch = sketchOf([0, 0, 0.4, 1, 2, 3, 250, 251, 4000, 86_400_000, 3.5]);
    const bytes = encodeDurationSketch(sketch);
    expect(decodeDurationSketch(bytes)).toEqual(sketch);
    expect(bytes.length).toBeLessThan(60);
  });

  it("give back the same sketch for spread-out durations and large counts", () => {
    let seed = 11;
    const durations: number[] = [];
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      durations.push(Math.round((seed / 2147483648) ** 3 * 600_000));
    }
    const many = Array.from({ length: 200 }, () => sketchOf([120])).reduce(mergeDurationSketches);
    for (const sketch of [sketchOf(durations), many, newDurationSketch()]) {
      const again = decodeDurationSketch(encodeDurationSketch(sketch));
      expect(again).toEqual(sketch);
      expect(summarizeSketch(again)).toEqual(summarizeSketch(sketch));
    }
  });

  it("merge after a round trip as before it", () => {
    const monday = sketchOf([120, 130, 4000]);
    const tuesday = sketchOf([125, 90_000]);
    const stored = mergeDurationSketches(
      decodeDurationSketch(encodeDurationSketch(monday)),
      decodeDurationSketch(encodeDurationSketch(tuesday)),
    );
    expect(stored).toEqual(mergeDurationSketches(monday, tuesday));
  });

  it("merge many stored days into the sketch the analytics' own merge makes", () => {
    const days = [[120, 130, 4000], [0, 125, 90_000], [], [3, 3, 3, 250_000]].map(sketchOf);
    const merger = new StoredSketchMerger();
    for (const day of days) merger.add(encodeDurationSketch(day));
    expect(merger.sketch()).toEqual(days.reduce(mergeDurationSketches));
    expect(new StoredSketchMerger().sketch()).toEqual(newDurationSketch());
    const other = new StoredSketchMerger();
    other.add(encodeDurationSketch(sketchOf([5])));
    expect(() => other.add(encodeDurationSketch(addDuration(newDurationSketch(0.05), 5)))).toThrow(
      /relative error/,
    );
  });

  it("refuse bytes that are not a stored sketch", () => {
    expect(() => decodeDurationSketch(Uint8Array.from([1, 5, 1]))).toThrow(/not a stored duration sketch/);
    const bytes = encodeDurationSketch(sketchOf([5, 500]));
    expect(() => decodeDurationSketch(bytes.subarray(0, bytes.length - 1))).toThrow(/ends inside a number/);
    expect(() => decodeDurationSketch(Uint8Array.from([...bytes, 0]))).toThrow(/bytes after/);
  });
});

describe("adding a duration to a stored sketch", () => {
  /** What ingest did before: unpack, add, summarise, pack. */
  function slowly(bytes: Uint8Array | null, durationMs: number) {
    const sketch = addDuration(bytes ? decodeDurationSketch(bytes) : newDurationSketch(), durationMs);
    const { p50Ms, p95Ms, maxMs } = summarizeSketch(sketch);
    return { bytes: encodeDurationSketch(sketch), maxMs, p50Ms, p95Ms };
  }

  it("gives the bytes and figures of unpacking, adding and packing again, for any day's durations", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Each day: durations from one of several shapes (zeroes, sub-millisecond, spread over hours, one value).
    const shapes = [
      () => 0,
      () => next() * 0.9,
      () => Math.round(next() ** 3 * 3_600_000),
      () => 250,
      () => Math.round(next() * 40) + 100,
      () => (next() < 0.2 ? 0 : Math.round(next() * 90_000)),
    ];
    let checked = 0;
    for (let day = 0; day < 300; day++) {
      let bytes: Uint8Array | null = null;
      const length = 1 + Math.floor(next() * 60);
      for (let result = 0; result < length; result++) {
        const shape = shapes[Math.floor(next() * shapes.length)] as () => number;
        const durationMs = shape();
        const fast = addToStoredSketch(bytes, durationMs);
        const slow = slowly(bytes, durationMs);
        expect(fast).toEqual(slow);
        bytes = fast.bytes;
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("refuses bytes that are not a stored sketch, as unpacking does", () => {
    expect(() => addToStoredSketch(Uint8Array.of(9, 1, 2), 5)).toThrow(/not a stored duration sketch/);
    const packed = encodeDurationSketch(addDuration(newDurationSketch(), 5));
    expect(() => addToStoredSketch(packed.slice(0, packed.length - 1), 5)).toThrow(/ends inside a number/);
    expect(() => addToStoredSketch(Uint8Array.of(...packed, 1), 5)).toThrow(/bytes after its last bin/);
  });
});
