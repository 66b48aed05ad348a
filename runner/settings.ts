// The settings of a run that the action's inputs and `seamwatch run`'s flags both set, each named, defaulted
// and described once here: action/inputs.ts reads the inputs with these defaults (action.yml repeats them, and
// a test keeps the two equal), and `seamwatch run --help` is written from this table.
import { exponentialBackoff } from "../process/retry.ts";
import type { FailOn } from "./fail-on.ts";
import { defaultJunitPatterns } from "./report-files.ts";

export interface RunSetting<T> {
  /** The action's input, and the CLI's flag without its dashes (singular for a repeatable flag). */
  readonly input: string;
  readonly flag: string;
  readonly default: T;
  /** The CLI's help, one entry a line. */
  readonly help: readonly string[];
}

/** Backoff when no retry delay is given: 5 s, 10 s, 20 s, ... never more than 5 minutes. */
const FIRST_RETRY_DELAY_MS = 5_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;
const SLOW_TEST_SECONDS = 60;
const SHELL = "bash";
const DEFAULT_FAIL_ON: FailOn = "test-failures";

export const RUN_SETTINGS = {
  junit: {
    input: "junit",
    flag: "--junit <glob>",
    default: defaultJunitPatterns,
    help: [
      "JUnit XML to read after each attempt (repeatable); default:",
      defaultJunitPatterns.join(" "),
      "(node_modules excluded)",
    ],
  },
  maxAttempts: {
    input: "max-attempts",
    flag: "--max-attempts <n>",
    default: MAX_ATTEMPTS,
    help: [`attempts in all, the first included (default ${MAX_ATTEMPTS})`],
  },
  retryDelaySeconds: {
    input: "retry-delay-seconds",
    flag: "--retry-delay-seconds <s>",
    default: null,
    help: [
      `wait s seconds before each retry (default: ${FIRST_RETRY_DELAY_MS / 1000}, then ${(2 * FIRST_RETRY_DELAY_MS) / 1000}, ${(4 * FIRST_RETRY_DELAY_MS) / 1000}... up`,
      `to ${MAX_RETRY_DELAY_MS / 60_000} minutes)`,
    ],
  },
  attemptTimeoutMinutes: {
    input: "attempt-timeout-minutes",
    flag: "--attempt-timeout-minutes <m>",
    default: null,
    help: ["stop an attempt's whole process tree after m minutes (fractions allowed)"],
  },
  infraPatterns: {
    input: "infra-patterns",
    flag: "--infra-pattern <regex>",
    default: [],
    help: ["output or failure text that means infrastructure (repeatable)"],
  },
  testPatterns: {
    input: "test-patterns",
    flag: "--test-pattern <regex>",
    default: [],
    help: ["text that means a genuine failure, checked first (repeatable)"],
  },
  slowTestSeconds: {
    input: "slow-test-seconds",
    flag: "--slow-test-seconds <s>",
    default: SLOW_TEST_SECONDS,
    help: [`tests slower than this are listed as slow (default ${SLOW_TEST_SECONDS})`],
  },
  shell: {
    input: "shell",
    flag: "--shell <bash|sh|template>",
    default: SHELL,
    help: [
      `how the command is run (default ${SHELL}: bash -e -o pipefail);`,
      'a template runs a script file put in place of {0}, e.g. "python {0}"',
    ],
  },
  failOn: {
    input: "fail-on",
    flag: "--fail-on <policy>",
    default: DEFAULT_FAIL_ON,
    help: [
      `when the run fails (default ${DEFAULT_FAIL_ON}):`,
      "test-failures: a test failed, or infrastructure on every attempt;",
      "new-failures: only new failures and tests still broken on the base",
      "branch, known-flaky ones not blocking (needs --upload; without the",
      "base branch's history it decides as test-failures and says so);",
      "any-failure: also flaky tests or retries; never: only report",
    ],
  },
} as const satisfies Record<string, RunSetting<unknown>>;

/** The delay before each retry: `seconds` each time, or the backoff when it is null. */
export function retryDelayMs(seconds: number | null): (attemptNumber: number) => number {
  return seconds === null
    ? exponentialBackoff(FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS)
    : () => seconds * 1000;
}
