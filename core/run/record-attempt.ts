import type { AttemptClassification, AttemptEvidence } from "../classify/index.ts";
import { addCounts, emptyCounts, type JunitFile, testCasesOf } from "../junit/index.ts";
import type { AttemptRecord, JunitSummary, RetryPolicy } from "./model.ts";

export function summarizeJunit(files: readonly JunitFile[]): JunitSummary {
  return Object.freeze({
    files: files.length,
    incompleteFiles: files.filter((file) => file.incomplete).length,
    unreadableFiles: files.filter((file) => file.error !== null && !file.incomplete).length,
    counts: files.reduce((sum, file) => addCounts(sum, file.counts), emptyCounts),
  });
}

/**
 * Retry only an attempt whose failures are all infrastructure, and only while attempts remain. A genuine
 * failure, alone or beside infra failures, is never retried: a retry could turn it green and hide it.
 */
export function shouldRetry(
  attempt: { readonly number: number; readonly classification: AttemptClassification },
  policy: RetryPolicy,
): boolean {
  return attempt.classification.outcome === "infra-failure" && attempt.number < policy.maxAttempts;
}

export function recordAttempt(input: {
  readonly number: number;
  readonly durationMs: number;
  readonly evidence: AttemptEvidence;
  readonly classification: AttemptClassification;
  readonly retried: boolean;
}): AttemptRecord {
  const { evidence } = input;
  return Object.freeze({
    number: input.number,
    durationMs: input.durationMs,
    exitCode: evidence.exitCode,
    signal: evidence.signal,
    timedOut: evidence.timedOut,
    junit: summarizeJunit(evidence.junitFiles),
    testCases: Object.freeze(evidence.junitFiles.flatMap(testCasesOf)),
    classification: input.classification,
    retried: input.retried,
  });
}
