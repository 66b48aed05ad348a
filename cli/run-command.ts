// `seamwatch run [options] -- <command...>`: runs a test command with infrastructure-aware retries, the
// same engine as the GitHub Action, and reports the result.
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { parseArgs } from "node:util";
import type { CiOverrides } from "../core/ci/index.ts";
import { buildRules, compilePatterns, PatternError, type UserPattern } from "../core/classify/index.ts";
import { type RunHistory, renderRunReport, terminalSafe } from "../core/report/index.ts";
import { readCiContext } from "../runner/ci-context.ts";
import { decideFailOn, FAIL_ON, type FailOn, isFailOn } from "../runner/fail-on.ts";
import { writeRunReport } from "../runner/run-report-file.ts";
import { runSuite, type SuiteRun, type SuiteSettings } from "../runner/run-suite.ts";
import { retryDelayMs, RUN_SETTINGS as SETTINGS } from "../runner/settings.ts";
import { CommandStartError, checkShell } from "../runner/shell-command.ts";
import {
  type Baseline,
  type DashboardConnection,
  fetchBaseline,
  type UploadedRun,
  uploadRunReport,
} from "../upload/dashboard-client.ts";
import { baselineBranch, buildRunHistory, testIdsOf } from "../upload/history.ts";
import { UPLOAD_SETTINGS } from "../upload/settings.ts";
import { CI_FLAGS, CI_FLAGS_HEADING, readCiOverrides } from "./ci-flags.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";
import { optionLines } from "./help-text.ts";
import { readConnection } from "./upload-command.ts";

export const RUN_USAGE = `Usage: seamwatch run [options] -- <command...>

Runs the test command through a shell, streaming its output, and retries it only when an attempt
failed for infrastructure alone (a service not up, Docker unreachable, a killed process). A genuine
test failure is never retried. Prints a Markdown report at the end.

One word after -- is run as a shell command line ("npm test && npm run e2e"); several words are
quoted and run as one command, exactly as given.

Options:
${optionLines(SETTINGS.junit.flag, SETTINGS.junit.help)}
${optionLines(SETTINGS.maxAttempts.flag, SETTINGS.maxAttempts.help)}
${optionLines(SETTINGS.retryDelaySeconds.flag, SETTINGS.retryDelaySeconds.help)}
${optionLines(SETTINGS.attemptTimeoutMinutes.flag, SETTINGS.attemptTimeoutMinutes.help)}
${optionLines(SETTINGS.infraPatterns.flag, SETTINGS.infraPatterns.help)}
${optionLines(SETTINGS.testPatterns.flag, SETTINGS.testPatterns.help)}
${optionLines(SETTINGS.slowTestSeconds.flag, SETTINGS.slowTestSeconds.help)}
${optionLines(SETTINGS.failOn.flag, SETTINGS.failOn.help)}
  --summary <file>                 append the Markdown report to the file (e.g. $GITHUB_STEP_SUMMARY)
                                   instead of printing it
  --json <file>                    write the whole result as JSON, with where it ran (below)
${optionLines(SETTINGS.shell.flag, SETTINGS.shell.help)}
  -h, --help                       show this help

Dashboard (with --upload, the report also compares the run with the base branch's history there):
  --upload                         send the run's report to a seamwatch dashboard
${optionLines(UPLOAD_SETTINGS.serverUrl.flag, UPLOAD_SETTINGS.serverUrl.help)}
${optionLines(UPLOAD_SETTINGS.serverToken.flag, UPLOAD_SETTINGS.serverToken.help)}
${optionLines(UPLOAD_SETTINGS.failOnUploadError.flag, UPLOAD_SETTINGS.failOnUploadError.help)}
${optionLines(UPLOAD_SETTINGS.regressionPercent.flag, UPLOAD_SETTINGS.regressionPercent.help)}
${optionLines(UPLOAD_SETTINGS.regressionMinSeconds.flag, UPLOAD_SETTINGS.regressionMinSeconds.help)}

${CI_FLAGS_HEADING}
${CI_FLAGS.map((flag) => optionLines(`--${flag.name} ${flag.placeholder}`, flag.help)).join("\n")}

JUnit reports already present when the run starts, and those of each retried attempt, are moved to a
temporary folder first, so a stale report is never read as fresh. Each attempt sees SEAMWATCH_ATTEMPT.

Exit codes, as --fail-on decides: 0 passed (with the default, flaky tests included), 1 test failures,
3 infrastructure failure after all attempts, 4 passed but not uploaded (with --fail-on-upload-error),
64 bad usage, 128+n stopped by signal n.`;

/** What `seamwatch run`'s flags ask for. */
interface RunFlags {
  readonly suite: SuiteSettings;
  readonly slowTestSeconds: number;
  readonly failOn: FailOn;
  readonly summaryFile: string | null;
  readonly jsonFile: string | null;
  /** From the ci flags: what the JSON report's `ci` block takes over the detected values. */
  readonly ciOverrides: CiOverrides;
  /** `--upload`: where to, and how the base branch's history is read. */
  readonly upload: {
    readonly connection: DashboardConnection;
    readonly failOnUploadError: boolean;
    readonly regressionPercent: number;
    readonly regressionMinSeconds: number;
  } | null;
}

/** Why `--fail-on new-failures` has no history to decide with when no dashboard was asked for. */
const NO_DASHBOARD = `no dashboard to compare with (--upload, with --server or ${UPLOAD_SETTINGS.serverUrl.env})`;

const STOP_SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;

export async function runRunCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let request: RunRequest;
  try {
    request = readArguments(args, io.cwd);
  } catch (error) {
    // Printed here with this command's usage; the entry point only knows the general one.
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`seamwatch run: ${error.message}\n\n${RUN_USAGE}\n`);
    return EXIT.usage;
  }
  if (request.kind === "help") {
    io.stdout(`${RUN_USAGE}\n`);
    return EXIT.ok;
  }
  const options = request.flags;
  // Read before the run, so that an unreadable event payload is said at the start, not after the tests.
  const ci =
    options.jsonFile || options.upload
      ? readCiContext({
          env: process.env,
          overrides: options.ciOverrides,
          warn: (message) => io.stderr(`seamwatch run: warning: ${message}\n`),
        })
      : null;

  const controller = new AbortController();
  let stoppedBy: keyof typeof STOP_SIGNALS | null = null;
  const stopOn = (name: keyof typeof STOP_SIGNALS) => () => {
    stoppedBy ??= name;
    controller.abort();
  };
  const handlers = Object.keys(STOP_SIGNALS).map((name) => {
    const handler = stopOn(name as keyof typeof STOP_SIGNALS);
    process.on(name, handler);
    return [name, handler] as const;
  });

  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  let run: SuiteRun;
  try {
    run = await runSuite({
      ...options.suite,
      onOutput: (chunk, stream) => io[stream](decoders[stream].write(chunk)),
      log: (line) => io.stderr(`seamwatch: ${line}\n`),
      signal: controller.signal,
    });
  } catch (error) {
    if (error instanceof CommandStartError) {
      io.stderr(`seamwatch run: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
  io.stdout(decoders.stdout.end());
  io.stderr(decoders.stderr.end());

  // Without --json, the report uploaded is written to a folder of its own, removed after the upload.
  const scratch =
    !options.jsonFile && options.upload ? await mkdtemp(join(tmpdir(), "seamwatch-report-")) : null;
  const reportFile = options.jsonFile ?? (scratch ? join(scratch, "report.json") : null);
  if (reportFile && ci) await writeRunReport(reportFile, run, ci);
  const dashboard =
    options.upload && ci && reportFile
      ? await syncWithDashboard(run, ci, reportFile, { ...options.upload, failOn: options.failOn }, io)
      : null;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  const verdict = decideFailOn({
    run: run.result,
    failOn: options.failOn,
    history: dashboard?.history ?? null,
    noHistoryReason: dashboard?.baselineProblem ?? NO_DASHBOARD,
  });
  if (verdict.notice) io.stderr(`seamwatch: notice: ${verdict.notice}\n`);
  const notices = [
    ...(verdict.notice ? [verdict.notice] : []),
    ...(dashboard?.problem ? [`Not uploaded to the dashboard: ${dashboard.problem}.`] : []),
  ];
  const report = renderRunReport(run.result, {
    target: "summary",
    slowTestSeconds: options.slowTestSeconds,
    history: dashboard?.history ?? null,
    reportUrl: dashboard?.uploaded?.url ?? null,
    notice: notices.length > 0 ? notices.join(" ") : null,
  });
  if (options.summaryFile) await appendFile(options.summaryFile, report);
  // Test names and messages come from the reports: no escape sequence reaches the terminal.
  else io.stdout(`\n${terminalSafe(report)}`);

  if (stoppedBy) return 128 + STOP_SIGNALS[stoppedBy];
  if (verdict.failure) {
    io.stderr(`seamwatch: ${verdict.failure}\n`);
    return run.result.outcome === "infra-failure" ? EXIT.infraFailure : EXIT.testFailures;
  }
  if (dashboard?.problem && options.upload?.failOnUploadError) return EXIT.uploadFailed;
  return EXIT.ok;
}

/** What the dashboard gave the run: its page, its history, and why not when it did not. */
interface DashboardSync {
  readonly uploaded: UploadedRun | null;
  /** Why nothing was uploaded; null when it was. */
  readonly problem: string | null;
  readonly history: RunHistory | null;
  /** Why there is no history; null when there is. */
  readonly baselineProblem: string | null;
}

/**
 * The base branch's baseline (before the upload, so that a run of the base branch is not its own
 * baseline), then the upload. Problems are warnings on stderr; the report says what was not uploaded.
 */
async function syncWithDashboard(
  run: SuiteRun,
  ci: NonNullable<ReturnType<typeof readCiContext>>,
  reportFile: string,
  upload: NonNullable<RunFlags["upload"]> & { readonly failOn: FailOn },
  io: CommandIo,
): Promise<DashboardSync> {
  const context = { log: (line: string) => io.stderr(`seamwatch: ${line}\n`), userAgent: "seamwatch-cli" };
  const branch = baselineBranch(ci);
  let baseline: Baseline | null = null;
  let baselineProblem: string | null = null;
  if (!ci.repository || !branch) {
    baselineProblem =
      "the run names no repository or base branch to compare with (--repository, --base-branch or --default-branch)";
  } else {
    try {
      baseline = await fetchBaseline(
        upload.connection,
        { project: ci.repository, branch, jobKey: ci.jobKey, testIds: testIdsOf(run.result) },
        context,
      );
      if (baseline.runs === 0) {
        baselineProblem = `the dashboard has no recent run of ${branch} to compare with`;
        baseline = null;
      }
    } catch (error) {
      baselineProblem = `the baseline of ${branch} could not be fetched: ${(error as Error).message}`;
    }
  }
  if (baselineProblem) io.stderr(`seamwatch: no history in the report: ${baselineProblem}\n`);
  const history = baseline
    ? buildRunHistory(run.result, run.durationMs, baseline, {
        ...upload,
        quarantine: upload.failOn === "new-failures",
      })
    : null;
  try {
    const uploaded = await uploadRunReport(upload.connection, reportFile, context);
    io.stderr(
      `seamwatch: ${uploaded.duplicate ? "already on the dashboard" : "uploaded to the dashboard"}: ${uploaded.url}\n`,
    );
    return { uploaded, problem: null, history, baselineProblem };
  } catch (error) {
    const problem = (error as Error).message;
    io.stderr(`seamwatch: warning: not uploaded to the dashboard: ${problem}\n`);
    return { uploaded: null, problem, history, baselineProblem };
  }
}

/** What the arguments ask for: the help, or a run with these flags. */
type RunRequest = { readonly kind: "help" } | { readonly kind: "run"; readonly flags: RunFlags };

function readArguments(args: readonly string[], cwd: string): RunRequest {
  const separator = args.indexOf("--");
  const own = separator < 0 ? args : args.slice(0, separator);
  const commandWords = separator < 0 ? [] : args.slice(separator + 1);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: withNegativeValues(own),
      allowPositionals: true,
      strict: true,
      options: {
        junit: { type: "string", multiple: true },
        "max-attempts": { type: "string" },
        "retry-delay-seconds": { type: "string" },
        "attempt-timeout-minutes": { type: "string" },
        "infra-pattern": { type: "string", multiple: true },
        "test-pattern": { type: "string", multiple: true },
        "slow-test-seconds": { type: "string" },
        "fail-on": { type: "string" },
        summary: { type: "string" },
        json: { type: "string" },
        shell: { type: "string" },
        upload: { type: "boolean", default: false },
        server: { type: "string" },
        token: { type: "string" },
        "fail-on-upload-error": { type: "boolean", default: false },
        "regression-percent": { type: "string" },
        "regression-min-seconds": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        ...Object.fromEntries(CI_FLAGS.map((flag) => [flag.name, { type: "string" as const }])),
      },
    });
  } catch (cause) {
    throw new UsageError((cause as Error).message);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { kind: "help" };
  if (parsed.positionals.length > 0) {
    throw new UsageError(
      `put the command after "--" (seamwatch run [options] -- ${parsed.positionals.join(" ")})`,
    );
  }
  if (commandWords.length === 0 || commandWords.every((word) => word.trim() === "")) {
    throw new UsageError('give the test command after "--", e.g. seamwatch run -- npm test');
  }
  const shell = (values.shell as string | undefined) ?? SETTINGS.shell.default;
  try {
    checkShell(shell);
  } catch (error) {
    throw new UsageError(`--shell: ${(error as Error).message}`);
  }
  const junit = (values.junit as string[] | undefined) ?? [];
  const timeout = values["attempt-timeout-minutes"] as string | undefined;
  // Checked in this order, so that of several bad flags the first is named.
  const maxAttempts = number(values, "max-attempts", SETTINGS.maxAttempts.default, {
    integer: true,
    positive: true,
  });
  const retryDelaySeconds =
    values["retry-delay-seconds"] === undefined ? null : number(values, "retry-delay-seconds", 0);
  const attemptTimeoutMinutes =
    timeout === undefined ? null : number(values, "attempt-timeout-minutes", 0, { positive: true });
  const infraPatterns = patterns(values, "infra-pattern");
  const testPatterns = patterns(values, "test-pattern");
  const slowTestSeconds = number(values, "slow-test-seconds", SETTINGS.slowTestSeconds.default);
  const failOn = (values["fail-on"] as string | undefined) ?? SETTINGS.failOn.default;
  if (!isFailOn(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")}, got ${JSON.stringify(failOn)}`);
  }
  const ciOverrides = readCiOverrides(values);
  const upload = values.upload
    ? {
        connection: readConnection(values, process.env),
        failOnUploadError: values["fail-on-upload-error"] === true,
        regressionPercent: number(values, "regression-percent", UPLOAD_SETTINGS.regressionPercent.default),
        regressionMinSeconds: number(
          values,
          "regression-min-seconds",
          UPLOAD_SETTINGS.regressionMinSeconds.default,
        ),
      }
    : null;
  return {
    kind: "run",
    flags: {
      suite: {
        command: commandLine(commandWords),
        shell,
        cwd,
        junitPatterns: junit.length > 0 ? junit : SETTINGS.junit.default,
        maxAttempts,
        retryDelayMs: retryDelayMs(retryDelaySeconds),
        attemptTimeoutMs: attemptTimeoutMinutes === null ? null : attemptTimeoutMinutes * 60_000,
        rules: buildRules({ infraPatterns, testPatterns }),
      },
      slowTestSeconds,
      failOn,
      summaryFile: (values.summary as string | undefined) ?? null,
      jsonFile: (values.json as string | undefined) ?? null,
      ciOverrides,
      upload,
    },
  };
}

// `--retry-delay-seconds -5` would otherwise be refused as a missing value; joined, it reaches the check
// that names the option and says why.
function withNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    if (arg.startsWith("--") && !arg.includes("=") && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function number(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  rules: { integer?: boolean; positive?: boolean } = {},
): number {
  const raw = values[name] as string | undefined;
  if (raw === undefined) return fallback;
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  if (value < 0) throw new UsageError(`--${name} must not be negative, got "${raw}"`);
  if (rules.integer && !Number.isInteger(value)) {
    throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  }
  if (rules.positive && value === 0) throw new UsageError(`--${name} must be more than 0, got "${raw}"`);
  return value;
}

function patterns(values: Record<string, unknown>, name: "infra-pattern" | "test-pattern"): UserPattern[] {
  const list = (values[name] as string[] | undefined) ?? [];
  try {
    return [...compilePatterns(`--${name}`, list)];
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    throw new UsageError(
      `--${name} ${JSON.stringify(error.pattern)} is not a valid regular expression${reason}`,
    );
  }
}

// One word is a command line for the shell; several are quoted so they run exactly as given.
function commandLine(words: readonly string[]): string {
  if (words.length === 1) return words[0] ?? "";
  return words.map(shellQuote).join(" ");
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
