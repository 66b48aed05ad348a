// The engine: runs the test command, reads the JUnit it leaves, classifies each attempt, retries only
// attempts that failed for infrastructure alone, and merges the attempts into one result. The CLI
// (`seamwatch run`) and the GitHub Action both call `runSuite`; neither has a loop of its own.

import { mkdir, mkdtemp, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as realSleep } from "node:timers/promises";
import {
  type AttemptClassification,
  type AttemptEvidence,
  type ClassifiedFailure,
  classifyAttempt,
  type Rule,
} from "../core/classify/index.ts";
import { formatSuitePath, type JunitFile } from "../core/junit/model.ts";
import { mergeAttempts, type RunResult, recordAttempt, shouldRetry } from "../core/run/index.ts";
import { findReports, setAside } from "./attempt-reports.ts";
import { readJunitFile } from "./read-junit.ts";
import { type RetryDecision, retry } from "./retry.ts";
import { checkShell, type OutputStream, runCommand } from "./run-command.ts";

export { defaultJunitPatterns } from "./attempt-reports.ts";
export { exponentialBackoff } from "./retry.ts";
export { CommandStartError, checkShell, ShellError } from "./run-command.ts";

export interface RunSuiteOptions {
  /** Run through the shell, like a workflow `run:` step. */
  readonly command: string;
  /** `bash` (bash -e with pipefail, as GitHub runs it), `sh` (sh -e), or a template with `{0}`. */
  readonly shell: string;
  readonly cwd: string;
  readonly junitPatterns: readonly string[];
  readonly maxAttempts: number;
  /** Delay after attempt `attemptNumber` failed for infrastructure, before the next one. */
  readonly retryDelayMs: (attemptNumber: number) => number;
  readonly attemptTimeoutMs: number | null;
  /** From `buildRules({ infraPatterns, testPatterns })`. */
  readonly rules: readonly Rule[];
  /** Defaults to this process's environment. Each attempt also gets `SEAMWATCH_ATTEMPT` (1, 2, ...). */
  readonly env?: NodeJS.ProcessEnv;
  /** Default: written through to this process's stdout and stderr as it arrives. */
  readonly onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  /** One line per attempt and retry decision. Default: stderr. */
  readonly log?: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Stops the running attempt's process tree and starts no further attempt. */
  readonly signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL when a process tree is stopped. Default 5 s. */
  readonly killGraceMs?: number;
  /** Where earlier reports are moved. Default: a new folder under the system temp dir. */
  readonly asideDir?: string;
}

export interface SuiteRun {
  readonly result: RunResult;
  /** Wall-clock time of the whole run, retry delays included. */
  readonly durationMs: number;
  readonly command: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** The run was stopped through `signal`: the result covers the attempts made until then. */
  readonly cancelled: boolean;
  /** Holds reports from before the run (`before-run/`) and from each retried attempt (`attempt-N/`). */
  readonly asideDir: string;
}

const DEFAULT_KILL_GRACE_MS = 5000;

interface AttemptOutcome {
  readonly number: number;
  readonly durationMs: number;
  readonly evidence: AttemptEvidence;
  readonly classification: AttemptClassification;
  readonly cancelled: boolean;
}

export async function runSuite(options: RunSuiteOptions): Promise<SuiteRun> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`seamwatch: ${line}\n`));
  const onOutput = options.onOutput ?? writeThrough;
  const started = now();
  const asideDir = options.asideDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-run-")));
  await mkdir(asideDir, { recursive: true });

  const stale = await findReports(options.junitPatterns, options.cwd, asideDir);
  if (stale.length > 0) {
    const dir = join(asideDir, "before-run");
    const moved = await setAside(stale, options.cwd, dir);
    log(
      `moved ${plural(moved, "JUnit file")} left from an earlier run to ${dir}, so none is read as this run's`,
    );
  }

  const attempt = async (number: number): Promise<AttemptOutcome> => {
    if (number > 1) {
      const previous = await findReports(options.junitPatterns, options.cwd, asideDir);
      await setAside(previous, options.cwd, join(asideDir, `attempt-${number - 1}`));
    }
    const attemptStarted = now();
    const command = await runCommand({
      command: options.command,
      shell: options.shell,
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), SEAMWATCH_ATTEMPT: String(number) },
      timeoutMs: options.attemptTimeoutMs,
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      onOutput,
      scriptDir: asideDir,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const durationMs = now() - attemptStarted;
    const junitFiles: JunitFile[] = [];
    for (const path of await findReports(options.junitPatterns, options.cwd, asideDir)) {
      junitFiles.push(await readJunitFile(path, { cwd: options.cwd, collectTestCases: true }));
    }
    const evidence: AttemptEvidence = Object.freeze({
      exitCode: command.exitCode,
      signal: command.signal,
      timedOut: command.timedOut,
      outputTail: command.outputTail,
      junitFiles: Object.freeze(junitFiles),
    });
    const classification = classifyAttempt(evidence, options.rules);
    return { number, durationMs, evidence, classification, cancelled: command.cancelled };
  };

  const outcomes = await retry(attempt, {
    maxAttempts: options.maxAttempts,
    delayMs: options.retryDelayMs,
    isRetryable: (outcome) =>
      !outcome.cancelled && shouldRetry(outcome, { maxAttempts: options.maxAttempts }),
    describe: describeAttempt,
    log,
    sleep: options.sleep ?? ((ms) => realSleep(ms)),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  const records = outcomes.map((outcome, index) =>
    recordAttempt({ ...outcome, retried: index < outcomes.length - 1 }),
  );
  return Object.freeze({
    result: mergeAttempts(records),
    durationMs: now() - started,
    command: options.command,
    startedAt: new Date(started).toISOString(),
    cancelled: outcomes.some((outcome) => outcome.cancelled) || options.signal?.aborted === true,
    asideDir,
  });
}

function checkOptions(options: RunSuiteOptions): void {
  checkShell(options.shell);
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${options.maxAttempts}`);
  }
  const timeout = options.attemptTimeoutMs;
  if (timeout !== null && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new RangeError(
      `attemptTimeoutMs must be a positive number of milliseconds or null, got ${timeout}`,
    );
  }
}

function writeThrough(chunk: Buffer, stream: OutputStream): void {
  (stream === "stdout" ? process.stdout : process.stderr).write(chunk);
}

// One line per attempt: what happened, why, and what happens next.
function describeAttempt(outcome: AttemptOutcome, decision: RetryDecision): string {
  const { evidence, classification } = outcome;
  const head = `attempt ${decision.attemptNumber} of ${decision.maxAttempts}`;
  const facts = `(${exitText(evidence)} after ${seconds(outcome.durationMs)}; ${junitText(evidence.junitFiles)})`;
  if (outcome.cancelled) return `${head} cancelled ${facts}`;
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Version of the JSON report's shape; bumped when a field changes meaning or goes away. */
export const RUN_REPORT_VERSION = 1;

/**
 * Writes the run as one JSON document: metadata, then the RunResult. Each attempt's raw `testCases` are
 * left out (every test's per-attempt results are in `tests[].attempts`), and tests are written in pieces,
 * so a very large suite never becomes one giant string.
 */
export async function writeRunReport(path: string, run: SuiteRun): Promise<void> {
  const { result } = run;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "w");
  try {
    const attempts = result.attempts.map(({ testCases, ...attempt }) => ({
      ...attempt,
      testCases: testCases.length,
    }));
    const head = {
      version: RUN_REPORT_VERSION,
      command: run.command,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      cancelled: run.cancelled,
      outcome: result.outcome,
      totals: result.totals,
      attemptFailures: result.attemptFailures,
      attempts,
    };
    await file.write(`${JSON.stringify(head).slice(0, -1)},"tests":[`);
    let piece = "";
    for (const [index, test] of result.tests.entries()) {
      piece += (index === 0 ? "" : ",") + JSON.stringify(test);
      if (piece.length > 1 << 20) {
        await file.write(piece);
        piece = "";
      }
    }
    await file.write(`${piece}]}\n`);
  } finally {
    await file.close();
  }
}
