// Public surface of the cross-attempt engine model.
export { mergeAttempts } from "./merge-attempts.ts";
export type {
  AttemptRecord,
  JunitSummary,
  MergedTest,
  RetryPolicy,
  RunOutcome,
  RunResult,
  RunTotals,
  TestAttemptResult,
  TestVerdict,
} from "./model.ts";
export { recordAttempt, shouldRetry, summarizeJunit } from "./record-attempt.ts";
