// The JSON of JUnit files: the documented `seamwatch parse --json` shape. Field names here are a public
// contract: change them with care, in the README and the CHANGELOG too.

import {
  type Counts,
  formatSuitePath,
  type JunitFile,
  type SetupPlaceholder,
  type TestCase,
} from "../junit/index.ts";

export interface JsonFileEntry extends Counts {
  readonly path: string;
  readonly dialect: string;
  readonly incomplete: boolean;
  readonly error: string | null;
}

export interface JsonTestCase {
  readonly id: string;
  readonly suite: string;
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly status: TestCase["status"];
  readonly flaky: boolean;
  /**
   * Set when the entry is no test but stands for a class, file, module or package that failed before or
   * around its tests (`initializationError`, a `"before all" hook`, a file that did not load); null for a test.
   */
  readonly placeholder: SetupPlaceholder | null;
  readonly durationMs: number;
  /** Each time the report ran the test: re-runs inside the report (flaky re-runs, retries, repeats). */
  readonly executions: readonly { status: TestCase["status"]; durationMs: number; message: string | null }[];
  readonly failure: { type: string | null; message: string | null; details: string | null } | null;
}

/** "file:line:column: message" for a file's error, or null. */
export function describeFileError(file: JunitFile): string | null {
  const error = file.error;
  if (!error) return null;
  const where = error.line === null ? file.path : `${file.path}:${error.line}:${error.column}`;
  return `${where}: ${error.message}`;
}

export function toJsonFile(file: JunitFile): JsonFileEntry {
  const { tests, passed, failed, errored, skipped, flaky, durationMs } = file.counts;
  return {
    path: file.path,
    dialect: file.dialect,
    tests,
    passed,
    failed,
    errored,
    skipped,
    flaky,
    durationMs,
    incomplete: file.incomplete,
    error: describeFileError(file),
  };
}

export function toJsonTotals(totals: Counts): Counts {
  const { tests, passed, failed, errored, skipped, flaky, durationMs } = totals;
  return { tests, passed, failed, errored, skipped, flaky, durationMs };
}

export function toJsonTestCase(testCase: TestCase): JsonTestCase {
  const failure = testCase.failure;
  return {
    id: testCase.id,
    suite: formatSuitePath(testCase.suitePath),
    classname: testCase.classname,
    name: testCase.name,
    file: testCase.file ?? failure?.file ?? null,
    line: testCase.line ?? failure?.line ?? null,
    status: testCase.status,
    flaky: testCase.flaky,
    placeholder: testCase.placeholder
      ? { kind: testCase.placeholder.kind, scope: testCase.placeholder.scope }
      : null,
    durationMs: testCase.durationMs,
    executions: testCase.executions.map((execution) => ({
      status: execution.status,
      durationMs: execution.durationMs,
      message: execution.failure?.message ?? null,
    })),
    failure: failure ? { type: failure.type, message: failure.message, details: failure.details } : null,
  };
}
