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
import { decodeDurationSketch, encodeDurationSketch, StoredSketchMerger } from "../../core/history/index.ts";

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
