// `seamwatch run [options] -- <command...>`: runs a test command with infrastructure-aware retries, the
// same engine as the GitHub Action, and reports the result.
import { appendFile } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { parseArgs } from "node:util";
import type { CiOverrides } from "../core/ci/index.ts";
import { buildRules, compilePatterns, PatternError, type UserPattern } from "../core/classify/index.ts";
import { renderRunReport, terminalSafe } from "../core/report/index.ts";
import type { RunOutcome } from "../core/run/index.ts";
import { readCiContext } from "../runner/ci-context.ts";
import { writeRunReport } from "../runner/run-report-file.ts";
import { runSuite, type SuiteRun, type SuiteSettings } from "../runner/run-suite.ts";
import { retryDelayMs, RUN_SETTINGS as SETTINGS } from "../runner/settings.ts";
import { CommandStartError, checkShell } from "../runner/shell-command.ts";
import { CI_FLAGS, CI_FLAGS_HEADING, readCiOverrides } from "./ci-flags.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";

/** `  --flag <x>      help`, continued lines under the help's column. */
function optionLines(flag: string, help: readonly string[]): string {
  return help.map((line, index) => `  ${(index === 0 ? flag : "").padEnd(33)}${line}`).join("\n");
}

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
  --summary <file>                 append the Markdown report to the file (e.g. $GITHUB_STEP_SUMMARY)
                                   instead of printing it
  --json <file>                    write the whole result as JSON, with where it ran (below)
${optionLines(SETTINGS.shell.flag, SETTINGS.shell.help)}
  -h, --help                       show this help

${CI_FLAGS_HEADING}
${CI_FLAGS.map((flag) => optionLines(`--${flag.name} ${flag.placeholder}`, flag.help)).join("\n")}

JUnit reports already present when the run starts, and those of each retried attempt, are moved to a
temporary folder first, so a stale report is never read as fresh. Each attempt sees SEAMWATCH_ATTEMPT.

Exit codes: 0 passed (flaky tests included), 1 test failures, 3 infrastructure failure after all
attempts, 64 bad usage, 128+n stopped by signal n.`;

/** What `seamwatch run`'s flags ask for. */
interface RunFlags {
  readonly suite: SuiteSettings;
  readonly slowTestSeconds: number;
  readonly summaryFile: string | null;
  readonly jsonFile: string | null;
  /** From the ci flags: what the JSON report's `ci` block takes over the detected values. */
  readonly ciOverrides: CiOverrides;
}

const EXIT_BY_OUTCOME: Readonly<Record<RunOutcome, number>> = {
  passed: EXIT.ok,
  "test-failures": EXIT.testFailures,
  "infra-failure": EXIT.infraFailure,
};

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
  const ci = options.jsonFile
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

  if (options.jsonFile && ci) await writeRunReport(options.jsonFile, run, ci);
  const report = renderRunReport(run.result, {
    target: "summary",
    slowTestSeconds: options.slowTestSeconds,
  });
  if (options.summaryFile) await appendFile(options.summaryFile, report);
  // Test names and messages come from the reports: no escape sequence reaches the terminal.
  else io.stdout(`\n${terminalSafe(report)}`);

  if (stoppedBy) return 128 + STOP_SIGNALS[stoppedBy];
  return EXIT_BY_OUTCOME[run.result.outcome];
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
        summary: { type: "string" },
        json: { type: "string" },
        shell: { type: "string" },
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
  const ciOverrides = readCiOverrides(values);
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
      slowTestSeconds: number(values, "slow-test-seconds", SETTINGS.slowTestSeconds.default),
      summaryFile: (values.summary as string | undefined) ?? null,
      jsonFile: (values.json as string | undefined) ?? null,
      ciOverrides,
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
