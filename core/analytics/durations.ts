// Test and suite durations: p50, p95 and max per day and over a window. One percentile definition
// everywhere, nearest rank: the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉ (1-based),
// always a duration that was measured, never an interpolation between two. Daily rollups keep a mergeable
// sketch as well, so that a window of months is summarised from days without the raw rows.
import { analyticsDefaults } from "./defaults.ts";

export interface DurationSummary {
  readonly count: number;
  /** Null when there is no duration. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
}

/** Nearest-rank percentile (0 < p ≤ 100) of durations in any order; null for none. */
export function percentile(durations: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is over 0 and at most 100: ${p}`);
  if (durations.length === 0) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
}

/** p50, p95 and max over a window of durations (nearest rank). */
export function summarizeDurations(durations: Iterable<number>): DurationSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0 ? null : (sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null);
  return { count: sorted.length, p50Ms: at(50), p95Ms: at(95), maxMs: sorted.at(-1) ?? null };
}

/** The UTC day of an instant, "YYYY-MM-DD": the key of daily rollups. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export interface TimedResult {
  /** When the run started (epoch ms). */
  readonly at: number;
  readonly durationMs: number;
}

export type DailyDurations = DurationSummary & { readonly day: string };

/** The summary of each UTC day that has durations, oldest first. */
export function summarizeDurationsByDay(results: Iterable<TimedResult>): DailyDurations[] {
  const byDay = new Map<string, number[]>();
  for (const { at, durationMs } of results) {
    const day = dayOf(at);
    const list = byDay.get(day);
    if (list) list.push(durationMs);
    else byDay.set(day, [durationMs]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, durations]) => ({ day, ...summarizeDurations(durations) }));
}

/**
 * A mergeable summary of durations for rollups: counts in logarithmic bins whose width keeps any percentile
 * within `relativeError` of a measured duration (DDSketch's bins), plus the exact max. Two days merge by
 * adding counts, so a 6-month p95 reads ~180 small rows instead of millions of results. Plain JSON.
 */
export interface DurationSketch {
  readonly relativeError: number;
  readonly count: number;
  readonly maxMs: number | null;
  /** Durations of 0 ms (or less: clocks), which no logarithmic bin holds. */
  readonly zeroes: number;
  /** [bin index, count], ascending by index. */
  readonly bins: readonly (readonly [number, number])[];
}

export function newDurationSketch(
  relativeError: number = analyticsDefaults.sketchRelativeError,
): DurationSketch {
  if (!(relativeError > 0 && relativeError < 1)) {
    throw new RangeError(`The sketch's relative error is between 0 and 1: ${relativeError}`);
  }
  return { relativeError, count: 0, maxMs: null, zeroes: 0, bins: [] };
}

/** The sketch with one more duration: what ingest calls per result. */
export function addDuration(sketch: DurationSketch, durationMs: number): DurationSketch {
  const maxMs = sketch.maxMs === null ? durationMs : Math.max(sketch.maxMs, durationMs);
  if (durationMs <= 0) return { ...sketch, count: sketch.count + 1, maxMs, zeroes: sketch.zeroes + 1 };
  const index = sketchBinOf(sketch.relativeError, durationMs);
  return { ...sketch, count: sketch.count + 1, maxMs, bins: addBins(sketch.bins, [[index, 1]]) };
}

/** Two sketches (days, tests, jobs) as one; both must have the same relative error. */
export function mergeDurationSketches(a: DurationSketch, b: DurationSketch): DurationSketch {
  if (a.relativeError !== b.relativeError) {
    throw new RangeError(`Cannot merge sketches of relative error ${a.relativeError} and ${b.relativeError}`);
  }
  const maxes = [a.maxMs, b.maxMs].filter((max): max is number => max !== null);
  return {
    relativeError: a.relativeError,
    count: a.count + b.count,
    maxMs: maxes.length > 0 ? Math.max(...maxes) : null,
    zeroes: a.zeroes + b.zeroes,
    bins: addBins(a.bins, b.bins),
  };
}

/** Nearest-rank percentile from a sketch: within the relative error of the exact one, never above the max. */
export function percentileOfSketch(sketch: DurationSketch, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is over 0 and at most 100: ${p}`);
  if (sketch.count === 0 || sketch.maxMs === null) return null;
  const rank = Math.ceil((p / 100) * sketch.count);
  if (rank === sketch.count) return sketch.maxMs;
  if (rank <= sketch.zeroes) return 0;
  let seen = sketch.zeroes;
  for (const [index, count] of sketch.bins) {
    seen += count;
    if (seen >= rank) return Math.min(sketch.maxMs, sketchBinValue(sketch.relativeError, index));
  }
  return sketch.maxMs;
}

/** The bin of a sketch of `relativeError` that holds a duration over 0 ms. */
export function sketchBinOf(relativeError: number, durationMs: number): number {
  return Math.ceil(Math.log(durationMs) / Math.log(gammaOf(relativeError)));
}

/** What a percentile that falls in bin `index` reads: the bin's midpoint (before the cap at the max). */
export function sketchBinValue(relativeError: number, index: number): number {
  const gamma = gammaOf(relativeError);
  return (2 * gamma ** index) / (gamma + 1);
}

/** The summary a sketch gives: the same fields as `summarizeDurations`, p50 and p95 approximate. */
export function summarizeSketch(sketch: DurationSketch): DurationSummary {
  return {
    count: sketch.count,
    p50Ms: percentileOfSketch(sketch, 50),
    p95Ms: percentileOfSketch(sketch, 95),
    maxMs: sketch.maxMs,
  };
}

// A bin holds (γ^(i−1), γ^i]; its midpoint 2γ^i/(γ+1) is within α of every value in it.
function gammaOf(relativeError: number): number {
  return (1 + relativeError) / (1 - relativeError);
}

function addBins(
  a: readonly (readonly [number, number])[],
  b: readonly (readonly [number, number])[],
): readonly (readonly [number, number])[] {
  const merged: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left && (!right || left[0] < right[0])) {
      merged.push([left[0], left[1]]);
      i += 1;
    } else if (right && (!left || right[0] < left[0])) {
      merged.push([right[0], right[1]]);
      j += 1;
    } else if (left && right) {
      merged.push([left[0], left[1] + right[1]]);
      i += 1;
      j += 1;
    }
  }
  return merged;
}
