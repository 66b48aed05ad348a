// A run report → what the dashboard stores for it: one run, its attempts, one result per test, failure
// messages once per fingerprint, and infrastructure events. Pure: the store writes what this returns.

import { ciTimeLost, countsForTiming, isLikelyOutage } from "../analytics/index.ts";
import type { CiContext, CiProvider } from "../ci/index.ts";
import type { Evidence } from "../classify/index.ts";
import type { Failure } from "../junit/index.ts";
import { formatSuitePath } from "../junit/index.ts";
import { testDurationMs } from "../report/index.ts";
import type { RunOutcome, TestVerdict } from "../run/index.ts";
import { fingerprintFailure } from "./fingerprint-failure.ts";
import type {
  ReportAttempt,
  ReportFailureRef,
  ReportTest,
  RunReport,
  RunReportVersion,
} from "./run-report.ts";

/** Caps for stored texts: a message is shown whole, details are a sample for the test page. */
export const STORED_TEXT_CAPS = { name: 2000, message: 2000, details: 8000, evidenceLine: 500 } as const;

export interface PlannedRun {
  /** Idempotency key inside a project: the same CI run, attempt and job is one run. */
  readonly uploadKey: string;
  readonly provider: CiProvider | null;
  readonly commitSha: string | null;
  readonly branch: string | null;
  readonly ref: string | null;
  readonly defaultBranch: string | null;
  readonly baseBranch: string | null;
  readonly pullRequest: number | null;
  readonly workflow: string | null;
  readonly job: string | null;
  readonly jobKey: string | null;
  readonly ciRunId: string | null;
  readonly ciRunAttempt: number | null;
  readonly runUrl: string | null;
  readonly command: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly outcome: RunOutcome;
  readonly cancelled: boolean;
  readonly attemptCount: number;
  /** Attempts started again because the one before failed for infrastructure only. */
  readonly infraRetries: number;
  readonly counts: RunCounts;
  readonly reportVersion: RunReportVersion;
}

export interface RunCounts {
  readonly tests: number;
  /** Recovered tests count as passed too, as in the run report's totals. */
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  readonly skipped: number;
  readonly infraFailed: number;
  readonly recovered: number;
}

export interface EvidenceGroup {
  readonly rule: string;
  readonly kind: "infra" | "test";
  readonly description: string;
  readonly line: string | null;
  readonly count: number;
}

export interface PlannedAttempt {
  readonly number: number;
  readonly durationMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly outcome: ReportAttempt["classification"]["outcome"];
  readonly retried: boolean;
  readonly tests: number;
  readonly failedTests: number;
  readonly unreadableReports: number;
  /** Distinct rules, infrastructure first, each with how often it matched and its first line. */
  readonly evidence: readonly EvidenceGroup[];
}

export interface PlannedFailure {
  readonly fingerprint: string;
  readonly type: string | null;
  readonly message: string | null;
  readonly details: string | null;
  /** The infrastructure signature when the failure was classified as infrastructure. */
  readonly signature: string | null;
}

/** The verdicts a stored result can have: a superseded placeholder is no test and is not stored. */
export type StoredVerdict = Exclude<TestVerdict, "superseded">;

export interface PlannedResult {
  /** The test id seamwatch computes (suite path, classname, name, file): stable across runs. */
  readonly testKey: string;
  readonly suite: string;
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly verdict: StoredVerdict;
  /** The test's own time: its last attempt, so an infra retry does not count it twice. */
  readonly durationMs: number;
  /** Whether the duration goes into timings (core/analytics' `countsForTiming`: clean passes only). */
  readonly timed: boolean;
  /** CI time this result cost (core/analytics' `ciTimeLost`): additive, summed per test and day. */
  readonly ciTimeLostMs: number;
  readonly attempts: number;
  readonly failureFingerprint: string | null;
}

export interface PlannedInfraEvent {
  readonly attempt: number;
  readonly signature: string;
  readonly description: string;
  readonly evidenceLine: string | null;
  /** Failures in the attempt that matched this signature. */
  readonly failures: number;
  /** A test it hit, when it hit tests. */
  readonly testKey: string | null;
  /**
   * The attempt's time when infrastructure alone failed it (the attempt was wasted), on the attempt's
   * first signature; 0 for the others and when genuine failures shared the attempt.
   */
  readonly timeLostMs: number;
}

export interface RunRecord {
  readonly run: PlannedRun;
  readonly attempts: readonly PlannedAttempt[];
  readonly results: readonly PlannedResult[];
  /** Distinct by fingerprint. */
  readonly failures: readonly PlannedFailure[];
  readonly infraEvents: readonly PlannedInfraEvent[];
}

/** A report that passed the schema but cannot be stored as it is; `path` names the field. */
export class RunReportError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "RunReportError";
  }
}

export const OUTAGE_SIGNATURE = "likely-outage";

export function planRunRecord(report: RunReport): RunRecord {
  const ci = report.ci ?? null;
  const startedAt = Date.parse(report.startedAt);
  if (!Number.isFinite(startedAt)) {
    throw new RunReportError(`not a date and time: ${JSON.stringify(report.startedAt)}`, "startedAt");
  }
  const seen = new Set<string>();
  report.tests.forEach((test, index) => {
    if (seen.has(test.id)) {
      throw new RunReportError(`test id ${JSON.stringify(test.id)} appears twice`, `tests[${index}].id`);
    }
    seen.add(test.id);
  });
  const jobDurationMs = Math.max(0, Math.round(report.durationMs));
  const retryDurationMs = report.attempts.slice(1).reduce((sum, attempt) => sum + attempt.durationMs, 0);
  const failed = report.tests.filter((test) => test.verdict === "failed" && isTest(test)).length;
  // So many genuine failures at once are an outage the classifier did not recognise: they count against
  // no test (core/analytics' outage guard) and are kept as infrastructure.
  const outage = isLikelyOutage({ tests: report.tests.length, failed });
  const failures = new Map<string, PlannedFailure>();
  const results = report.tests.filter(isTest).map((test): PlannedResult => {
    const verdict = (outage && test.verdict === "failed" ? "infra-failure" : test.verdict) as StoredVerdict;
    const failure = test.failure && verdict !== "passed" && verdict !== "skipped" ? test.failure : null;
    const planned = failure ? planFailure(failure, test.evidence) : null;
    if (planned && !failures.has(planned.fingerprint)) failures.set(planned.fingerprint, planned);
    return {
      testKey: test.id,
      suite: cap(formatSuitePath(test.suitePath), STORED_TEXT_CAPS.name),
      classname: cap(test.classname, STORED_TEXT_CAPS.name),
      name: cap(test.name, STORED_TEXT_CAPS.name),
      file: test.file === null ? null : cap(test.file, STORED_TEXT_CAPS.name),
      verdict,
      durationMs: Math.max(0, Math.round(testDurationMs(test))),
      timed: countsForTiming(verdict),
      ciTimeLostMs: Math.round(ciTimeLost({ verdict, jobDurationMs, retryDurationMs })),
      attempts: Math.max(1, test.attempts.length),
      failureFingerprint: planned?.fingerprint ?? null,
    };
  });
  const infraEvents = report.attempts.flatMap(planInfraEvents);
  if (outage) {
    infraEvents.push({
      attempt: report.attempts.at(-1)?.number ?? 1,
      signature: OUTAGE_SIGNATURE,
      description: `${failed} of ${report.tests.length} tests failed at once: kept as an outage, not as test failures`,
      evidenceLine: null,
      failures: failed,
      testKey: null,
      timeLostMs: 0,
    });
  }
  return {
    run: planRun(report, ci, startedAt, results),
    attempts: report.attempts.map(planAttempt),
    results,
    failures: [...failures.values()],
    infraEvents,
  };
}

/**
 * Placeholders for setup that recovered or were superseded are not tests (core/run counts the tests they
 * stood for instead): they get no row, as they are in no total. The infrastructure that hit them stays in
 * the attempts' events.
 */
function isTest(test: ReportTest): boolean {
  if (test.verdict === "superseded") return false;
  return !(test.placeholder && test.verdict === "recovered-after-infra-retry");
}

function planRun(
  report: RunReport,
  ci: CiContext | null,
  startedAt: number,
  results: readonly PlannedResult[],
): PlannedRun {
  const branch = branchOf(ci);
  const job = ci?.job ?? null;
  const jobKey = ci?.jobKey ?? null;
  const uploadKey = ci?.runId
    ? `ci:${ci.runId}:${ci.runAttempt ?? 1}:${jobKey ?? job ?? ""}`
    : // Without a CI run id, the same report file sent again still has the same start time and command.
      `report:${report.startedAt}:${ci?.commitSha ?? ""}:${jobKey ?? job ?? ""}:${report.command}`;
  return {
    uploadKey,
    provider: ci?.provider ?? null,
    commitSha: ci?.commitSha ?? null,
    branch,
    ref: ci?.ref ?? null,
    defaultBranch: ci?.defaultBranch ?? null,
    baseBranch: ci?.baseBranch ?? null,
    pullRequest: ci?.pullRequest ?? null,
    workflow: ci?.workflow ?? null,
    job,
    jobKey,
    ciRunId: ci?.runId ?? null,
    ciRunAttempt: ci?.runAttempt ?? null,
    runUrl: ci?.runUrl ?? null,
    command: cap(report.command, STORED_TEXT_CAPS.message),
    startedAt,
    durationMs: Math.max(0, Math.round(report.durationMs)),
    outcome: report.outcome,
    cancelled: report.cancelled,
    attemptCount: report.attempts.length,
    infraRetries: report.attempts.filter((attempt) => attempt.retried).length,
    counts: countResults(results),
    reportVersion: report.version,
  };
}

/** The branch without `refs/heads/`, from the block's branch or, failing that, its ref. */
export function branchOf(ci: Pick<CiContext, "branch" | "ref"> | null): string | null {
  const named = ci?.branch?.trim();
  if (named) return named.replace(/^refs\/heads\//, "");
  const ref = ci?.ref?.trim();
  return ref?.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
}

function countResults(results: readonly PlannedResult[]): RunCounts {
  const counts = { tests: 0, passed: 0, failed: 0, flaky: 0, skipped: 0, infraFailed: 0, recovered: 0 };
  for (const result of results) {
    counts.tests++;
    switch (result.verdict) {
      case "passed":
        counts.passed++;
        break;
      case "recovered-after-infra-retry":
        counts.passed++;
        counts.recovered++;
        break;
      case "failed":
        counts.failed++;
        break;
      case "flaky":
        counts.flaky++;
        break;
      case "skipped":
        counts.skipped++;
        break;
      case "infra-failure":
        counts.infraFailed++;
        break;
    }
  }
  return counts;
}

function planFailure(failure: Failure, evidence: Evidence | null): PlannedFailure {
  return {
    fingerprint: fingerprintFailure(failure),
    type: failure.type === null ? null : cap(failure.type, STORED_TEXT_CAPS.message),
    message: failure.message === null ? null : cap(failure.message, STORED_TEXT_CAPS.message),
    details: failure.details === null ? null : cap(failure.details, STORED_TEXT_CAPS.details),
    signature: evidence?.kind === "infra" ? evidence.rule : null,
  };
}

function planAttempt(attempt: ReportAttempt): PlannedAttempt {
  const { classification, junit } = attempt;
  return {
    number: attempt.number,
    durationMs: Math.max(0, Math.round(attempt.durationMs)),
    exitCode: attempt.exitCode,
    signal: attempt.signal,
    timedOut: attempt.timedOut,
    outcome: classification.outcome,
    retried: attempt.retried,
    tests: junit.counts.tests,
    failedTests: junit.counts.failed + junit.counts.errored,
    unreadableReports: junit.unreadableFiles + junit.incompleteFiles,
    evidence: groupEvidence([...classification.infraFailures, ...classification.testFailures]),
  };
}

function groupEvidence(failures: readonly ReportFailureRef[]): EvidenceGroup[] {
  const groups = new Map<
    string,
    { rule: string; kind: "infra" | "test"; description: string; line: string | null; count: number }
  >();
  for (const { evidence } of failures) {
    const group = groups.get(evidence.rule);
    if (group) group.count++;
    else {
      groups.set(evidence.rule, {
        rule: evidence.rule,
        kind: evidence.kind,
        description: evidence.description,
        line: evidence.line === null ? null : cap(evidence.line, STORED_TEXT_CAPS.evidenceLine),
        count: 1,
      });
    }
  }
  return [...groups.values()];
}

function planInfraEvents(attempt: ReportAttempt): PlannedInfraEvent[] {
  const { infraFailures, outcome } = attempt.classification;
  const bySignature = new Map<string, PlannedInfraEvent & { failures: number }>();
  for (const failure of infraFailures) {
    const event = bySignature.get(failure.evidence.rule);
    if (event) {
      event.failures++;
      continue;
    }
    bySignature.set(failure.evidence.rule, {
      attempt: attempt.number,
      signature: failure.evidence.rule,
      description: failure.evidence.description,
      evidenceLine:
        failure.evidence.line === null ? null : cap(failure.evidence.line, STORED_TEXT_CAPS.evidenceLine),
      failures: 1,
      testKey: failure.test?.id ?? null,
      timeLostMs:
        bySignature.size === 0 && outcome === "infra-failure"
          ? Math.max(0, Math.round(attempt.durationMs))
          : 0,
    });
  }
  return [...bySignature.values()];
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
