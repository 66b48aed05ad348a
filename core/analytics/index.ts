// Public surface of the test analytics: pure functions over stored results (a window) or additive rollups,
// and the per-test state that ingest advances one result at a time.
export { type AnalyticsOptions, analyticsDefaults, resolveOptions } from "./defaults.ts";
export {
  addDuration,
  type DailyDurations,
  type DurationSketch,
  type DurationSummary,
  dayOf,
  mergeDurationSketches,
  newDurationSketch,
  percentile,
  percentileOfSketch,
  sketchBinOf,
  sketchBinValue,
  summarizeDurations,
  summarizeDurationsByDay,
  summarizeSketch,
  type TimedResult,
} from "./durations.ts";
export {
  type CommitResult,
  type FlipRate,
  failureRate,
  findSameCommitFlakes,
  flakeRate,
  flipRate,
  flipRateOfOutcomes,
  type Rate,
  rateOf,
  type SameCommitFlake,
  wilsonInterval,
} from "./flakiness.ts";
export { ciTimeLost, type ImpactEntry, type ResultCost, rankByImpact } from "./impact.ts";
export {
  type InfraDay,
  type InfraFailure,
  type InfraTally,
  isLikelyOutage,
  summarizeInfraByDay,
  totalInfraBySignature,
} from "./infrastructure.ts";
export {
  addOutcome,
  type CountedOutcome,
  countedOutcome,
  countOutcomes,
  countsForTiming,
  mergeOutcomeCounts,
  noOutcomes,
  type OutcomeCounts,
  outcomeCountKey,
} from "./outcomes.ts";
export {
  type BaselineComparison,
  type BaselineTest,
  compareWithBaseline,
  decideFailOnNewFailures,
  type FailOnDecision,
  type KnownFlakyTest,
  type RunTest,
  type TimingRegression,
} from "./pull-request.ts";
export {
  advanceTestState,
  type CommitSeen,
  flipRateOfState,
  foldTestState,
  type HealthReason,
  newTestState,
  type TestHealth,
  type TestResult,
  type TestState,
} from "./test-state.ts";
export {
  compareTiming,
  pullRequestTimingOptions,
  type TimingComparison,
  type TimingOptions,
  type TimingSample,
  type TimingVerdict,
} from "./timing.ts";
