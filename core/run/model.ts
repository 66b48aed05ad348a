// The engine's result model across attempts: what each attempt did and how the attempts combine into one
// verdict per test and one outcome for the run. Produced by the engine, consumed by reporters.
import type { AttemptClassification, ClassifiedFailure, Evidence, FailureKind } from "../classify/index.ts";
import type { Counts, Failure, SetupPlaceholder, TestCase, TestStatus } from "../junit/index.ts";

export interface JunitSummary {
  /** Report files matched for the attempt. */
  readonly files: number;
  /** Files that broke off early; what was read before the break is kept. */
  readonly incompleteFiles: number;
  /** Files that could not be read at all. */
  readonly unreadableFiles: number;
  readonly counts: Counts;
}

/** One run of the test command. */
export interface AttemptRecord {
  /** 1-based. */
  readonly number: number;
  /** Wall-clock time of the command. */
  readonly durationMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly junit: JunitSummary;
  readonly testCases: readonly TestCase[];
  readonly classification: AttemptClassification;
  /** Whether another attempt was started because of this one. */
  readonly retried: boolean;
}

export interface RetryPolicy {
  /** Total attempts allowed, the first included (1 = never retry). */
  readonly maxAttempts: number;
}

/**
 * A test's verdict over the whole run:
 * - `recovered-after-infra-retry`: failed for infrastructure, then passed on a later attempt (not flaky); a
 *   placeholder for setup recovers when a later attempt ran its tests and none of them failed;
 * - `flaky`: passed on one attempt and failed genuinely on another, or re-ran and passed inside one report;
 * - `infra-failure`: never passed, and only infrastructure failed it;
 * - `superseded`: a placeholder for setup whose tests ran in a later attempt and failed there: those real
 *   failures are reported instead of it.
 */
export type TestVerdict =
  | "passed"
  | "failed"
  | "skipped"
  | "flaky"
  | "recovered-after-infra-retry"
  | "infra-failure"
  | "superseded";

/** One test in one attempt. */
export interface TestAttemptResult {
  readonly attempt: number;
  readonly status: TestStatus;
  /** The report itself re-ran the test and it passed (surefire flakyFailure, TestCase.flaky). */
  readonly flaky: boolean;
  readonly durationMs: number;
  readonly failure: Failure | null;
  /** Kind of the failure; null when the test did not fail in this attempt. */
  readonly kind: FailureKind | null;
  readonly evidence: Evidence | null;
}

export interface MergedTest {
  readonly id: string;
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  /**
   * Set when the entry is no test but a placeholder for setup (a class, file, package or suite that failed
   * before or around its tests); null for a real test. Optional for test code that builds merged tests.
   */
  readonly placeholder?: SetupPlaceholder | null;
  readonly verdict: TestVerdict;
  /** Every attempt the test appeared in, in order. */
  readonly attempts: readonly TestAttemptResult[];
  /**
   * The failure to show: the last genuine one for `failed`, the first genuine one for `flaky`, the last
   * infra one for `infra-failure`, the infra one it recovered from for `recovered-after-infra-retry`.
   */
  readonly failure: Failure | null;
  readonly evidence: Evidence | null;
  /** Time spent on the test across all attempts. */
  readonly durationMs: number;
}

/**
 * Each test is counted once, under its verdict; recovered tests are also counted in `passed`. A placeholder
 * for setup counts as a test only while it is all there is of its tests (it still failed at the end); a
 * recovered placeholder counts in `recovered` alone, a superseded one nowhere: its real tests count instead.
 */
export interface RunTotals {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly flaky: number;
  /** Tests and placeholders that recovered after an infrastructure retry. */
  readonly recovered: number;
  readonly infraFailed: number;
  /** Wall-clock time of all attempts. */
  readonly durationMs: number;
}

export type RunOutcome = "passed" | "test-failures" | "infra-failure";

export interface RunResult {
  readonly outcome: RunOutcome;
  /** In order of first appearance. */
  readonly tests: readonly MergedTest[];
  readonly totals: RunTotals;
  readonly attempts: readonly AttemptRecord[];
  /** Failures of the last attempt that belong to no test: a failed or killed command, no JUnit. */
  readonly attemptFailures: readonly ClassifiedFailure[];
}
