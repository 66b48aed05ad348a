// The one result model of JUnit reports between parsing and reporting: files -> suites -> test cases ->
// executions (each time the report ran the test). Parsers only produce it, renderers only consume it. It is
// immutable: every field is readonly, and files and suites are frozen; test cases are not frozen at run time
// because freezing millions of them costs more than the type-level guarantee is worth.

export type TestStatus = "passed" | "failed" | "errored" | "skipped";

/** Where in a test's life a failure happened, when the report says so (pytest, surefire rerun texts, ...). */
export type FailurePhase = "setup" | "call" | "teardown";

export interface Failure {
  /** Exception or assertion type, e.g. `AssertionError`, `java.lang.IllegalStateException`. */
  readonly type: string | null;
  /** One-line-ish message: the `message` attribute, else the first line of the details. */
  readonly message: string | null;
  /** The element's text: usually the stack trace. Capped, with a visible truncation marker. */
  readonly details: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly phase: FailurePhase | null;
}

/**
 * What a placeholder entry stands for. Tools write one test case for a failure that happened before or around
 * the tests themselves (a class whose `@BeforeAll` failed, a file that did not load, a Go package whose
 * TestMain failed): it is not a test, and a later attempt that runs the real tests replaces it.
 */
export interface SetupPlaceholder {
  /** In the user's words: `class setup`, `hook`, `file load`, `collection`, `package`, `suite`. */
  readonly kind: PlaceholderKind;
  /** Which real tests it stands for: see `standsFor` in placeholders.ts. */
  readonly scope: PlaceholderScope;
}

export type PlaceholderKind = "class setup" | "hook" | "file load" | "collection" | "package" | "suite";

/**
 * `class`: tests of the same class (and its nested classes); `file`: tests of the same file; `module`: tests
 * of a dotted module path (pytest); `suite`: tests in the same suite element or below it.
 */
export type PlaceholderScope = "class" | "file" | "module" | "suite";

/**
 * One time the report ran the test: a re-run inside one report (surefire's `<flakyFailure>`, a test case
 * repeated by Gradle's test-retry or PHPUnit `--repeat`) is another execution. Not to be confused with an
 * attempt, which is one run of the whole test command (core/run).
 */
export interface Execution {
  readonly status: TestStatus;
  readonly durationMs: number;
  readonly failure: Failure | null;
}

export interface Property {
  readonly name: string;
  readonly value: string;
}

export interface TestCase {
  /** Stable identity (hash of suite path, classname, name and file): the same test keeps it across runs. */
  readonly id: string;
  /** Enclosing suites, outermost first; nested suites are flattened into this path. */
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly line: number | null;
  /**
   * Final status, whatever the order of the executions: a pass and a failure make it `passed` with
   * `flaky: true`; otherwise any failure makes it `failed` (an assertion failure outranks an error); otherwise
   * any pass makes it `passed`; `skipped` only when every execution was skipped.
   */
  readonly status: TestStatus;
  readonly flaky: boolean;
  /** Time spent on the test across all of its executions. */
  readonly durationMs: number;
  /** Every execution in report order. */
  readonly executions: readonly Execution[];
  /**
   * The failure that decides a failed/errored status (the first execution with that status), or for a flaky
   * test the first failed execution's.
   */
  readonly failure: Failure | null;
  readonly properties: readonly Property[];
  readonly systemOut: string | null;
  readonly systemErr: string | null;
  /**
   * Set when the entry stands for setup rather than a test (only ever on a failed or errored entry); absent
   * or null for a real test. Optional so that hand-built test cases need not spell it out.
   */
  readonly placeholder?: SetupPlaceholder | null;
}

export interface Suite {
  /** Names from the outermost suite down to this one. */
  readonly path: readonly string[];
  readonly name: string;
  readonly file: string | null;
  readonly durationMs: number | null;
  readonly properties: readonly Property[];
  readonly testCases: readonly TestCase[];
}

export interface Counts {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly flaky: number;
  readonly durationMs: number;
}

export interface ParseError {
  readonly message: string;
  /** 1-based; null when the error is not tied to a position (unreadable file, empty file). */
  readonly line: number | null;
  readonly column: number | null;
}

export interface JunitFile {
  readonly path: string;
  /** The tool that wrote the report, detected from its shape (`generic` when nothing more specific fits). */
  readonly dialect: string;
  /** Empty unless test cases were collected (see `collectTestCases`). */
  readonly suites: readonly Suite[];
  readonly counts: Counts;
  /** True when the file ended early or broke off: what was read before the error is kept. */
  readonly incomplete: boolean;
  readonly error: ParseError | null;
}

export const emptyCounts: Counts = Object.freeze({
  tests: 0,
  passed: 0,
  failed: 0,
  errored: 0,
  skipped: 0,
  flaky: 0,
  durationMs: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  return Object.freeze({
    tests: a.tests + b.tests,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    errored: a.errored + b.errored,
    skipped: a.skipped + b.skipped,
    flaky: a.flaky + b.flaky,
    durationMs: a.durationMs + b.durationMs,
  });
}

export function testCasesOf(file: JunitFile): TestCase[] {
  return file.suites.flatMap((suite) => suite.testCases);
}

/** Human form of a suite path, used in reports and the JSON `suite` field. */
export function formatSuitePath(path: readonly string[]): string {
  return path.join(" › ");
}
