// Public surface of the test analytics: pure functions over stored results (a window) or additive rollups,
// and the per-test state that ingest advances one result at a time.
export { type AnalyticsOptions, analyticsDefaults, resolveOptions } from "./defaults.ts";
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
export {
  addOutcome,
  type CountedOutcome,
  countedOutcome,
  countOutcomes,
  countsForTiming,
  mergeOutcomeCounts,
  noOutcomes,
  type OutcomeCounts,
} from "./outcomes.ts";
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
