// The attempt loop, the one place that decides retries: run the command (handed in as `runAttempt`), classify
// the attempt, retry only an attempt that failed for infrastructure alone, and merge the attempts into one
// result. `runSuite` hands it a real run of the command; tests hand it attempts of their own.
import {
  type AttemptClassification,
  type AttemptEvidence,
  type ClassifiedFailure,
  classifyAttempt,
  type Rule,
} from "../core/classify/index.ts";
import { formatSuitePath, type JunitFile } from "../core/junit/index.ts";
import { plural } from "../core/report/index.ts";
import { mergeAttempts, type RunResult, recordAttempt, shouldRetry } from "../core/run/index.ts";
import { type RetryDecision, retry } from "../process/retry.ts";

/** What one run of the command gave. */
export interface AttemptRun {
  /** Wall-clock time of the command. */
  readonly durationMs: number;
  readonly evidence: AttemptEvidence;
  /** The command was stopped through the loop's `signal`. */
  readonly cancelled: boolean;
}

export interface AttemptLoopOptions {
  /** Runs the command once; attempts are numbered from 1. */
  readonly runAttempt: (attemptNumber: number) => Promise<AttemptRun>;
  readonly maxAttempts: number;
  /** Delay after attempt `attemptNumber` failed for infrastructure, before the next one. */
  readonly retryDelayMs: (attemptNumber: number) => number;
  /** From `buildRules({ infraPatterns, testPatterns })`; the built-in rules when absent. */
  readonly rules?: readonly Rule[];
  /** One line per attempt: what happened, why, and what happens next. */
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  /** Once aborted, no further attempt starts. */
  readonly signal?: AbortSignal;
}

export interface AttemptLoopResult {
  readonly result: RunResult;
  /** The run was stopped through `signal`: the result covers the attempts made until then. */
  readonly cancelled: boolean;
}

interface ClassifiedAttempt extends AttemptRun {
  readonly number: number;
  readonly classification: AttemptClassification;
}

export async function runAttempts(options: AttemptLoopOptions): Promise<AttemptLoopResult> {
  const attempts = await retry(
    async (number): Promise<ClassifiedAttempt> => {
      const run = await options.runAttempt(number);
      return { ...run, number, classification: classifyAttempt(run.evidence, options.rules) };
    },
    {
      maxAttempts: options.maxAttempts,
      delayMs: options.retryDelayMs,
      isRetryable: (attempt) =>
        !attempt.cancelled && shouldRetry(attempt, { maxAttempts: options.maxAttempts }),
      describe: describeAttempt,
      log: options.log,
      sleep: options.sleep,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  const records = attempts.map((attempt, index) =>
    recordAttempt({ ...attempt, retried: index < attempts.length - 1 }),
  );
  return {
    result: mergeAttempts(records),
    cancelled: attempts.some((attempt) => attempt.cancelled) || options.signal?.aborted === true,
  };
}

function describeAttempt(attempt: ClassifiedAttempt, decision: RetryDecision): string {
  const { evidence, classification } = attempt;
  const head = `attempt ${decision.attemptNumber} of ${decision.maxAttempts}`;
  const facts = `(${exitText(evidence)} after ${seconds(attempt.durationMs)}; ${junitText(evidence.junitFiles)})`;
  if (attempt.cancelled) return `${head} cancelled ${facts}`;
  switch (classification.outcome) {
    case "passed":
      return `${head} passed ${facts}`;
    case "infra-failure": {
      const next =
        decision.retryInMs === null ? "no attempts left" : `retrying in ${seconds(decision.retryInMs)}`;
      return `${head} failed for infrastructure: ${failureText(classification.infraFailures)} ${facts}; ${next}`;
    }
    case "test-failures": {
      const infra = classification.infraFailures.length;
      const beside = infra > 0 ? ` (and ${plural(infra, "infrastructure failure")})` : "";
      return `${head} failed: ${plural(classification.testFailures.length, "genuine failure")}${beside}, first ${failureText(classification.testFailures)} ${facts}; not retried: a retry could hide a real failure`;
    }
  }
}

function failureText(failures: readonly ClassifiedFailure[]): string {
  const first = failures[0];
  if (!first) return "unknown";
  // Suites only, not the classname: Node's runner names every class "test".
  const where = first.test
    ? `${formatSuitePath([...first.test.suitePath, first.test.name].filter((part) => part))}: `
    : "";
  const line = first.evidence.line === null ? "" : ` ${JSON.stringify(first.evidence.line)}`;
  const more = failures.length > 1 ? ` (+${failures.length - 1} more)` : "";
  return `${where}[${first.evidence.rule}]${line}${more}`;
}

function exitText(evidence: AttemptEvidence): string {
  if (evidence.timedOut) return "timed out, process group stopped";
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}

function junitText(files: readonly JunitFile[]): string {
  if (files.length === 0) return "no JUnit file matched";
  const tests = files.reduce((sum, file) => sum + file.counts.tests, 0);
  return `${plural(files.length, "JUnit file")}, ${plural(tests, "test")}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
