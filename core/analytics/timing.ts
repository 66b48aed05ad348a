// "Got slower": a p50 against a baseline p50. One function for the dashboard (a test's recent results on the
// default branch against its older baseline), the PR comment (head against the base branch) and the suite's
// wall time. Flagged only past both thresholds, so neither a 10 ms test taking 13 ms nor a 10-minute suite
// taking 1 s longer is news, and only with enough durations on each side.
import { type AnalyticsOptions, analyticsDefaults, resolveOptions } from "./defaults.ts";

export interface TimingSample {
  /** Nearest-rank p50 of the durations; null when there are none. */
  readonly p50Ms: number | null;
  /** How many durations the p50 is of. */
  readonly count: number;
}

export type TimingVerdict = "slower" | "not-slower" | "too-few-samples";

export interface TimingComparison {
  readonly verdict: TimingVerdict;
  /** current p50 − baseline p50; null when either is missing. */
  readonly changeMs: number | null;
  /** changeMs ÷ baseline p50 (0.25 = 25 % slower); null when either is missing or the baseline is 0. */
  readonly changeRatio: number | null;
}

export type TimingOptions = Pick<
  AnalyticsOptions,
  "slowerRelative" | "slowerAbsoluteMs" | "minBaselineSamples" | "minCurrentSamples"
>;

/**
 * For the PR comment: one run is the head's whole sample, so the minimum applies to the base side only
 * (issue #13: "a sample of at least 5").
 */
export const pullRequestTimingOptions: TimingOptions = {
  slowerRelative: analyticsDefaults.slowerRelative,
  slowerAbsoluteMs: analyticsDefaults.slowerAbsoluteMs,
  minBaselineSamples: analyticsDefaults.minBaselineSamples,
  minCurrentSamples: 1,
};

/** Whether `current` got slower than `baseline`: at least `slowerRelative` AND `slowerAbsoluteMs` more. */
export function compareTiming(
  current: TimingSample,
  baseline: TimingSample,
  options: Partial<TimingOptions> = {},
): TimingComparison {
  const settings = resolveOptions(options);
  if (current.p50Ms === null || baseline.p50Ms === null) {
    return { verdict: "too-few-samples", changeMs: null, changeRatio: null };
  }
  const changeMs = current.p50Ms - baseline.p50Ms;
  const changeRatio = baseline.p50Ms > 0 ? changeMs / baseline.p50Ms : null;
  if (current.count < settings.minCurrentSamples || baseline.count < settings.minBaselineSamples) {
    return { verdict: "too-few-samples", changeMs, changeRatio };
  }
  const relativelySlower = changeRatio === null ? changeMs > 0 : changeRatio >= settings.slowerRelative;
  const slower = relativelySlower && changeMs >= settings.slowerAbsoluteMs;
  return { verdict: slower ? "slower" : "not-slower", changeMs, changeRatio };
}
