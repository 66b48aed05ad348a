// The engine: runs the test command, reads the JUnit it leaves, and hands each attempt to the attempt loop,
// which classifies it and retries only attempts that failed for infrastructure alone. The CLI (`seamwatch
// run`) and the GitHub Action both call `runSuite`; neither has a loop of its own.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as realSleep } from "node:timers/promises";
import type { AttemptEvidence, Rule } from "../core/classify/index.ts";
import type { JunitFile } from "../core/junit/index.ts";
import { plural } from "../core/report/index.ts";
import type { RunResult } from "../core/run/index.ts";
import { checkMaxAttempts } from "../process/retry.ts";
import type { OutputStream } from "../process/spawn.ts";
import { type AttemptRun, runAttempts } from "./attempt-loop.ts";
import { readJunitFile } from "./read-junit.ts";
import { findReports, setAside } from "./report-files.ts";
import { checkShell, runShellCommand } from "./shell-command.ts";

/** What to run and how to retry it, as a user sets it through the action's inputs or the CLI's flags. */
export interface SuiteSettings {
  /** Run through the shell, like a workflow `run:` step. */
  readonly command: string;
  /** `bash` (bash -e with pipefail, as GitHub runs it), `sh` (sh -e), or a template with `{0}`. */
  readonly shell: string;
  /** Absolute. */
  readonly cwd: string;
  readonly junitPatterns: readonly string[];
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Delay after attempt `attemptNumber` failed for infrastructure, before the next one. */
  readonly retryDelayMs: (attemptNumber: number) => number;
  /** null: no timeout. */
  readonly attemptTimeoutMs: number | null;
  /** From `buildRules({ infraPatterns, testPatterns })`: user patterns ahead of the built-in table. */
  readonly rules: readonly Rule[];
}

export interface RunSuiteOptions extends SuiteSettings {
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

  const runAttempt = async (number: number): Promise<AttemptRun> => {
    if (number > 1) {
      const previous = await findReports(options.junitPatterns, options.cwd, asideDir);
      await setAside(previous, options.cwd, join(asideDir, `attempt-${number - 1}`));
    }
    const attemptStarted = now();
    const command = await runShellCommand({
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
    return { durationMs, evidence, cancelled: command.cancelled };
  };

  const { result, cancelled } = await runAttempts({
    runAttempt,
    maxAttempts: options.maxAttempts,
    retryDelayMs: options.retryDelayMs,
    rules: options.rules,
    log,
    sleep: options.sleep ?? ((ms) => realSleep(ms)),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return Object.freeze({
    result,
    durationMs: now() - started,
    command: options.command,
    startedAt: new Date(started).toISOString(),
    cancelled,
    asideDir,
  });
}

function checkOptions(options: RunSuiteOptions): void {
  checkShell(options.shell);
  checkMaxAttempts(options.maxAttempts);
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
