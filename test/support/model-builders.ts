// Small builders of the result model for unit tests of classification and cross-attempt merging, where a
// whole JUnit report would hide the one fact a test is about.
import type { AttemptEvidence } from "../../core/classify/index.ts";
import type { Failure, JunitFile, TestCase, TestStatus } from "../../core/junit/index.ts";

export function evidence(over: Partial<AttemptEvidence>): AttemptEvidence {
  return { exitCode: 1, signal: null, timedOut: false, outputTail: [], junitFiles: [], ...over };
}

export function failure(over: Partial<Failure>): Failure {
  return { type: null, message: null, details: null, file: null, line: null, phase: null, ...over };
}

/** A test case the report ran once, in suite "suite", class "Suite". */
export function test(name: string, status: TestStatus, fail: Failure | null = null): TestCase {
  return {
    id: `id-${name}`,
    suitePath: ["suite"],
    classname: "Suite",
    name,
    file: null,
    line: null,
    status,
    flaky: false,
    durationMs: 5,
    executions: [{ status, durationMs: 5, failure: fail }],
    failure: fail,
    properties: [],
    systemOut: null,
    systemErr: null,
  };
}

/** A report holding the test cases in one suite, with matching counts. */
export function junit(testCases: TestCase[]): JunitFile {
  const count = (status: TestStatus) => testCases.filter((t) => t.status === status).length;
  return {
    path: "report.xml",
    dialect: "generic",
    suites: testCases.length
      ? [{ path: ["suite"], name: "suite", file: null, durationMs: null, properties: [], testCases }]
      : [],
    counts: {
      tests: testCases.length,
      passed: count("passed"),
      failed: count("failed"),
      errored: count("errored"),
      skipped: count("skipped"),
      flaky: testCases.filter((t) => t.flaky).length,
      durationMs: 5 * testCases.length,
    },
    incomplete: false,
    error: null,
  };
}
