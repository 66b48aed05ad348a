// The run report as it travels to the dashboard: what `writeRunReport` (action/run-suite.ts) writes, version 1,
// and version 2 with the `ci` block. Only the fields the dashboard reads are typed; the server's schema
// (web/lib/run-report-schema.ts) checks a body against this shape.

import type { CiContext } from "../ci/index.ts";
import type { AttemptOutcome, Evidence, FailureKind } from "../classify/index.ts";
import type { Failure, TestStatus } from "../junit/index.ts";
import type { RunOutcome, TestVerdict } from "../run/index.ts";

export const RUN_REPORT_VERSIONS = [1, 2] as const;
export type RunReportVersion = (typeof RUN_REPORT_VERSIONS)[number];

export interface ReportFailureRef {
  readonly kind: FailureKind;
  readonly test: { readonly id: string } | null;
  readonly evidence: Evidence;
}

export interface ReportAttempt {
  readonly number: number;
  readonly durationMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly junit: {
    readonly files: number;
    readonly incompleteFiles: number;
    readonly unreadableFiles: number;
    readonly counts: { readonly tests: number; readonly failed: number; readonly errored: number };
  };
  readonly classification: {
    readonly outcome: AttemptOutcome;
    readonly infraFailures: readonly ReportFailureRef[];
    readonly testFailures: readonly ReportFailureRef[];
  };
  readonly retried: boolean;
}

export interface ReportTestAttempt {
  readonly attempt: number;
  readonly status: TestStatus;
  readonly flaky: boolean;
  readonly durationMs: number;
  readonly failure: Failure | null;
  readonly kind: FailureKind | null;
  readonly evidence: Evidence | null;
}

export interface ReportTest {
  readonly id: string;
  /** Set when the entry is no test but a placeholder for setup (core/run); absent in older reports. */
  readonly placeholder?: { readonly kind: string } | null;
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly verdict: TestVerdict;
  readonly attempts: readonly ReportTestAttempt[];
  readonly failure: Failure | null;
  readonly evidence: Evidence | null;
  readonly durationMs: number;
}

export interface RunReport {
  readonly version: RunReportVersion;
  /** Version 2 only. */
  readonly ci?: CiContext | null;
  readonly command: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly cancelled: boolean;
  readonly outcome: RunOutcome;
  readonly attemptFailures: readonly ReportFailureRef[];
  readonly attempts: readonly ReportAttempt[];
  readonly tests: readonly ReportTest[];
}
