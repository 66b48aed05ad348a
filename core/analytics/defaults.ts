// Every threshold the analytics use, in one place, with why each value was chosen. Callers pass a partial
// object of their own; whatever they leave out comes from here.

export const analyticsDefaults = {
  /** Default-branch results a flip rate looks back over (the last N in commit order). */
  flipWindow: 30,
  /**
   * Flip rate from which a test that passes again is flaky: 3 flips in a full window of 30 (0.103), i.e. at
   * least two separate failure episodes; one isolated failure (2 flips) is not enough.
   */
  flakyFlipRate: 0.1,
  /** Flip rate under which a flaky test is healthy again over a full window: half the entry threshold. */
  resolvedFlipRate: 0.05,
  /** Passes in a row, with no flaky evidence among them, after which a flaky test is healthy again. */
  flakyResolvesAfterPasses: 30,
  /** Failures in a row that make a healthy test broken. */
  brokenAfterFailures: 3,
  /**
   * Failures in a row that make a flaky test broken: more than for a healthy test, because a test that
   * fails half the time fails 3 times in a row every 8 runs, and "already broken" blocks a pull request.
   */
  flakyBrokenAfterFailures: 5,
  /** Recent commits the test state remembers, so that a re-run of one of them can contradict it. */
  commitMemory: 20,
  /** z of the Wilson interval shown next to failure and flake rates (1.96: 95 %). */
  confidenceZ: 1.96,
  /** "Got slower": at least this much slower than the baseline p50, relatively (0.2 = 20 %)... */
  slowerRelative: 0.2,
  /** ...and at least this much in absolute terms, so a 10 ms test that takes 13 ms is not news. */
  slowerAbsoluteMs: 1_000,
  /** Durations needed on the baseline side before a comparison is made. */
  minBaselineSamples: 5,
  /** Durations needed on the current side (a window of recent results on the dashboard). */
  minCurrentSamples: 5,
  /**
   * A run in which at least this share of tests failed is an outage the classifier did not recognise, not
   * hundreds of regressions (Trunk's "infrastructure failure protection" uses 80 %).
   */
  outageFailedShare: 0.8,
  /** ...counted only for runs of at least this many tests: 4 of 5 failing can be a real regression. */
  outageMinTests: 20,
  /** Relative error of the mergeable duration sketch used for rollups (1 %). */
  sketchRelativeError: 0.01,
} as const;

export type AnalyticsOptions = { -readonly [K in keyof typeof analyticsDefaults]: number };

/** The defaults with the caller's values on top. */
export function resolveOptions(options: Partial<AnalyticsOptions> = {}): Readonly<AnalyticsOptions> {
  // Ingest calls this once per result: no copy when nothing is overridden.
  if (Object.keys(options).length === 0) return analyticsDefaults;
  const resolved: AnalyticsOptions = { ...analyticsDefaults };
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && name in analyticsDefaults) resolved[name as keyof AnalyticsOptions] = value;
  }
  return resolved;
}
