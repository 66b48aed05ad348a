// Durations with hand-computed nearest-rank percentiles, per day and over a window, and the mergeable sketch
// of the daily rollups; "got slower" against a baseline for a test, a pull request and the suite.
import { describe, expect, it } from "vitest";
import {
  addDuration,
  compareTiming,
  mergeDurationSketches,
  newDurationSketch,
  percentile,
  percentileOfSketch,
  pullRequestTimingOptions,
  summarizeDurations,
  summarizeDurationsByDay,
  summarizeSketch,
} from "../../core/analytics/index.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("percentile (nearest rank)", () => {
  it.each([
    [[5, 1, 4, 2, 3], 50, 3], // rank ⌈2.5⌉ = 3
    [[1, 2, 3, 4], 50, 2], // rank 2: a measured value, not 2.5
    [range(1, 20), 95, 19], // rank ⌈19⌉ = 19
    [range(1, 10).map((n) => n * 100), 95, 1000], // rank ⌈9.5⌉ = 10
    [range(1, 100), 95, 95],
    [[7], 95, 7],
  ])("%j p%d is %d", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("is null without durations and refuses a percentile out of range", () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarizeDurations", () => {
  it("gives p50, p95 and max over a window", () => {
    // Sorted 100 200 300 400 5000: p50 rank 3, p95 rank ⌈4.75⌉ = 5.
    expect(summarizeDurations([300, 100, 5000, 200, 400])).toEqual({
      count: 5,
      p50Ms: 300,
      p95Ms: 5000,
      maxMs: 5000,
    });
    expect(summarizeDurations([])).toEqual({ count: 0, p50Ms: null, p95Ms: null, maxMs: null });
  });

  it("splits per UTC day, oldest first", () => {
    const day = (iso: string) => Date.parse(iso);
    const daily = summarizeDurationsByDay([
      { at: day("2026-03-02T00:00:00Z"), durationMs: 900 },
      { at: day("2026-03-01T08:00:00Z"), durationMs: 100 },
      { at: day("2026-03-01T23:59:59Z"), durationMs: 300 },
      { at: day("2026-03-01T12:00:00Z"), durationMs: 200 },
    ]);
    expect(daily).toEqual([
      { day: "2026-03-01", count: 3, p50Ms: 200, p95Ms: 300, maxMs: 300 },
      { day: "2026-03-02", count: 1, p50Ms: 900, p95Ms: 900, maxMs: 900 },
    ]);
  });
});

describe("duration sketch (daily rollups)", () => {
  const sketchOf = (values: readonly number[]) => values.reduce(addDuration, newDurationSketch());

  it("keeps p50 and p95 within 1 % of the exact nearest-rank values, and the max exact", () => {
    const values = range(1, 1000).map((n) => n * 37);
    const summary = summarizeSketch(sketchOf(values));
    // Exact: p50 = 500 · 37 = 18,500; p95 = 950 · 37 = 35,150; max 37,000.
    expect(summary.count).toBe(1000);
    expect(Math.abs((summary.p50Ms ?? 0) - 18_500) / 18_500).toBeLessThanOrEqual(0.01);
    expect(Math.abs((summary.p95Ms ?? 0) - 35_150) / 35_150).toBeLessThanOrEqual(0.01);
    expect(summary.maxMs).toBe(37_000);
  });

  it("merges two days into exactly the sketch of both, and survives a JSON column", () => {
    const monday = [120, 130, 125, 4000, 0, 118];
    const tuesday = [140, 150, 135, 3900, 122];
    const merged = mergeDurationSketches(
      JSON.parse(JSON.stringify(sketchOf(monday))),
      JSON.parse(JSON.stringify(sketchOf(tuesday))),
    );
    expect(merged).toEqual(sketchOf([...monday, ...tuesday]));
    expect(percentileOfSketch(merged, 100)).toBe(4000);
    // 11 durations: p50 rank 6 is 130 (0, 118, 120, 122, 125, 130, …), within 1 %.
    expect(Math.abs((percentileOfSketch(merged, 50) ?? 0) - 130) / 130).toBeLessThanOrEqual(0.01);
    // Rank 1 is the 0 ms duration.
    expect(percentileOfSketch(merged, 5)).toBe(0);
  });

  it("refuses to merge sketches of different precision", () => {
    expect(() => mergeDurationSketches(newDurationSketch(0.01), newDurationSketch(0.02))).toThrow(
      /relative error/,
    );
    expect(summarizeSketch(newDurationSketch())).toEqual({ count: 0, p50Ms: null, p95Ms: null, maxMs: null });
  });
});

describe("compareTiming (got slower)", () => {
  const base = { p50Ms: 10_000, count: 5 };

  it("flags a test past both thresholds: +2 s and +20 % of a 10 s p50", () => {
    expect(compareTiming({ p50Ms: 12_000, count: 5 }, base)).toEqual({
      verdict: "slower",
      changeMs: 2_000,
      changeRatio: 0.2,
    });
  });

  it("does not flag past one threshold only", () => {
    // +1.5 s but 15 %.
    expect(compareTiming({ p50Ms: 11_500, count: 5 }, base).verdict).toBe("not-slower");
    // +45 % but 0.9 s.
    expect(compareTiming({ p50Ms: 2_900, count: 5 }, { p50Ms: 2_000, count: 5 }).verdict).toBe("not-slower");
  });

  it("needs 5 durations on each side", () => {
    expect(compareTiming({ p50Ms: 20_000, count: 4 }, base).verdict).toBe("too-few-samples");
    expect(compareTiming({ p50Ms: 20_000, count: 5 }, { p50Ms: 10_000, count: 4 })).toEqual({
      verdict: "too-few-samples",
      changeMs: 10_000,
      changeRatio: 1,
    });
    expect(compareTiming({ p50Ms: null, count: 0 }, base).verdict).toBe("too-few-samples");
  });

  it("judges a pull request's one run against 5 base durations, and the suite's wall time alike", () => {
    expect(compareTiming({ p50Ms: 14_000, count: 1 }, base, pullRequestTimingOptions).verdict).toBe("slower");
    const suiteBase = { p50Ms: 600_000, count: 12 };
    // +5 s of a 10-minute suite is 0.8 %: not news. +3 min is 30 %.
    expect(compareTiming({ p50Ms: 605_000, count: 1 }, suiteBase, pullRequestTimingOptions).verdict).toBe(
      "not-slower",
    );
    expect(compareTiming({ p50Ms: 780_000, count: 1 }, suiteBase, pullRequestTimingOptions)).toEqual({
      verdict: "slower",
      changeMs: 180_000,
      changeRatio: 0.3,
    });
  });

  it("takes the caller's thresholds", () => {
    expect(compareTiming({ p50Ms: 11_500, count: 5 }, base, { slowerRelative: 0.1 }).verdict).toBe("slower");
  });
});
