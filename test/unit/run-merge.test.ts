// Merging attempts into the final per-test view: recovered after an infra retry versus flaky, and the
// run's outcome and totals as a user reads them in the summary.
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../core/junit/index.ts";
import { mergeAttempts } from "../../core/run/index.ts";
import { evidence, failure, junit, test } from "../support/model-builders.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const POLICY = { maxAttempts: 3 };
const REFUSED_IN_FIXTURE = failure({
  message: 'failed on setup with "Error: connect ECONNREFUSED 127.0.0.1:5432"',
  phase: "setup",
});
const ASSERTION = failure({ type: "AssertionError", message: "expected 200 to equal 201", phase: "call" });
const PORT_NEVER_OPENED = failure({
  type: "org.testcontainers.containers.ContainerLaunchException",
  message: "Timed out waiting for container port to open (localhost ports: [32781] should be listening)",
  phase: null,
});

describe("mergeAttempts", () => {
  it("marks a test that failed for infrastructure and then passed as recovered, not flaky", async () => {
    const result = await run(
      [test("orders", "errored", REFUSED_IN_FIXTURE), test("users", "errored", REFUSED_IN_FIXTURE)],
      [test("orders", "passed"), test("users", "passed")],
    );
    expect(result.outcome).toBe("passed");
    expect(result.tests.map((t) => [t.name, t.verdict])).toEqual([
      ["orders", "recovered-after-infra-retry"],
      ["users", "recovered-after-infra-retry"],
    ]);
    expect(result.tests[0]?.evidence).toMatchObject({ rule: "service-connection-refused", source: "junit" });
    expect(result.tests[0]?.failure).toBe(REFUSED_IN_FIXTURE);
    expect(result.totals).toMatchObject({ tests: 2, passed: 2, recovered: 2, flaky: 0, failed: 0 });
  });

  it("marks a test that passed once and failed an assertion on a re-run caused by infra elsewhere as flaky", async () => {
    const result = await run(
      [test("checkout", "passed"), test("search", "errored", PORT_NEVER_OPENED)],
      [test("checkout", "failed", ASSERTION), test("search", "passed")],
    );
    expect(result.attempts.map((a) => a.retried)).toEqual([true, false]);
    expect(result.tests.map((t) => [t.name, t.verdict])).toEqual([
      ["checkout", "flaky"],
      ["search", "recovered-after-infra-retry"],
    ]);
    expect(result.tests[0]?.failure).toBe(ASSERTION);
    expect(result.tests[0]?.attempts.map((a) => [a.attempt, a.status, a.kind])).toEqual([
      [1, "passed", null],
      [2, "failed", "test"],
    ]);
    // Decision: a flaky test does not fail the run; it is counted and shown as flaky.
    expect(result.outcome).toBe("passed");
    expect(result.totals).toMatchObject({ tests: 2, passed: 1, flaky: 1, recovered: 1, failed: 0 });
  });

  it("counts a within-report re-run (surefire flakyFailure) as flaky even on a single attempt", async () => {
    const rerun: TestCase = {
      ...test("payments", "passed"),
      flaky: true,
      failure: ASSERTION,
      executions: [
        { status: "failed", durationMs: 5, failure: ASSERTION },
        { status: "passed", durationMs: 5, failure: null },
      ],
    };
    const result = await run([rerun, test("refunds", "passed")]);
    expect(result.tests.map((t) => t.verdict)).toEqual(["flaky", "passed"]);
    expect(result.tests[0]?.failure).toBe(ASSERTION);
    expect(result.outcome).toBe("passed");
  });

  it("fails the run on a genuine failure and lists the infra failures beside it", async () => {
    const result = await run([
      test("a", "failed", ASSERTION),
      test("b", "errored", REFUSED_IN_FIXTURE),
      test("c", "skipped"),
    ]);
    expect(result.attempts).toHaveLength(1);
    expect(result.outcome).toBe("test-failures");
    expect(result.tests.map((t) => t.verdict)).toEqual(["failed", "infra-failure", "skipped"]);
    expect(result.totals).toMatchObject({ tests: 3, failed: 1, infraFailed: 1, skipped: 1, passed: 0 });
  });

  it("ends as infra-failure when retries run out and infrastructure still fails", async () => {
    const broken = [test("a", "errored", PORT_NEVER_OPENED)];
    const result = await run(broken, broken, broken);
    expect(result.attempts.map((a) => a.retried)).toEqual([true, true, false]);
    expect(result.outcome).toBe("infra-failure");
    expect(result.tests[0]).toMatchObject({
      verdict: "infra-failure",
      evidence: { rule: "container-never-ready" },
    });
    expect(result.tests[0]?.attempts).toHaveLength(3);
    expect(result.totals.durationMs).toBe(3000);
  });

  it("ends as infra-failure when the last attempt died without JUnit, even after tests passed earlier", async () => {
    const { result } = await runScripted(
      [
        evidence({ junitFiles: [junit([test("a", "passed"), test("b", "errored", REFUSED_IN_FIXTURE)])] }),
        evidence({ exitCode: 137 }),
      ],
      { maxAttempts: 2 },
    );
    expect(result.outcome).toBe("infra-failure");
    expect(result.attemptFailures.map((f) => f.evidence.rule)).toEqual(["killed"]);
    expect(result.tests.map((t) => t.verdict)).toEqual(["passed", "infra-failure"]);
  });

  it("fails the run when the last attempt's command failed for a reason of its own", async () => {
    const { result } = await runScripted(
      [
        evidence({
          exitCode: 1,
          outputTail: ["ERROR: Coverage for lines (71%) does not meet global threshold (80%)"],
          junitFiles: [junit([test("a", "passed")])],
        }),
      ],
      POLICY,
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.attemptFailures[0]?.evidence).toMatchObject({
      rule: "command-failed",
      line: "exit code 1",
    });
    expect(result.tests[0]?.verdict).toBe("passed");
  });

  it("keeps tests in order of first appearance and sums their time across attempts", async () => {
    const result = await run(
      [test("b", "errored", REFUSED_IN_FIXTURE)],
      [test("a", "passed"), test("b", "passed")],
    );
    expect(result.tests.map((t) => t.name)).toEqual(["b", "a"]);
    expect(result.tests[0]?.durationMs).toBe(10);
  });

  it("needs at least one attempt", () => {
    expect(() => mergeAttempts([])).toThrow(RangeError);
  });
});

/** Runs the real attempt loop over the given attempts' test cases (exit 1 when anything failed). */
async function run(...attempts: TestCase[][]) {
  const script = attempts.map((testCases) => {
    const failed = testCases.some((t) => t.status === "failed" || t.status === "errored");
    return evidence({ exitCode: failed ? 1 : 0, junitFiles: [junit(testCases)] });
  });
  return (await runScripted(script, POLICY)).result;
}
