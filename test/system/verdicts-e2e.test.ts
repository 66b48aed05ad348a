// Issue 10 §1 and §2 end to end: recorded runs of real tools (test/fixtures/suites/replay/) under the built
// `seamwatch run` and under the committed action bundle on Node 24, as a runner runs it. A run that
// recovered after an infrastructure retry ends green whatever placeholder the tool wrote for the failed
// setup; JUnit merges do not depend on the order of the elements.
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runAction, type StepResult } from "../support/run-action.ts";
import { runCli } from "../support/run-cli.ts";

interface RunReport {
  readonly outcome: string;
  readonly totals: Record<string, number>;
  readonly attempts: readonly { readonly number: number; readonly retried: boolean }[];
  readonly tests: readonly {
    readonly classname: string;
    readonly name: string;
    readonly verdict: string;
    readonly placeholder: { kind: string; scope: string } | null;
    readonly evidence: { rule: string; line: string | null } | null;
    readonly failure: { message: string | null; details: string | null } | null;
  }[];
}

/** One copy of the recorded runs per test file; each run gets its own empty working directory. */
let replayDir = "";
beforeAll(() => {
  replayDir = mkdtempSync(join(tmpdir(), "seamwatch-replay-"));
  cpSync(join(repoRoot, "test/fixtures/suites/replay"), replayDir, { recursive: true });
});

const workspace = () => mkdtempSync(join(tmpdir(), "seamwatch-verdicts-"));
const replay = (scenario: string) =>
  `${JSON.stringify(process.execPath)} ${JSON.stringify(join(replayDir, "replay.mjs"))} ${scenario}`;

async function cliRun(scenario: string) {
  const dir = workspace();
  const result = await runCli(
    [
      "run",
      "--junit",
      "**/*.xml",
      "--retry-delay-seconds",
      "0",
      "--json",
      "run.json",
      "--",
      replay(scenario),
    ],
    { cwd: dir },
  );
  const report = JSON.parse(readFileSync(join(dir, "run.json"), "utf8")) as RunReport;
  return { ...result, report };
}

async function actionRun(scenario: string) {
  const run = await runAction({
    inputs: { run: replay(scenario), junit: "**/*.xml", "retry-delay-seconds": "0" },
    workspace: workspace(),
    eventName: "push",
    event: { ref: "refs/heads/main" },
  });
  const report = JSON.parse(await readFile(run.main.outputs["report-path"] ?? "", "utf8")) as RunReport;
  return { ...run, report };
}

function log(step: StepResult | { stdout: string; stderr: string }): string {
  return `--- stdout\n${step.stdout}\n--- stderr\n${step.stderr}`;
}

const byName = (report: RunReport, name: string) => {
  const found = report.tests.filter((test) => test.name === name);
  expect(found, `test "${name}" in ${JSON.stringify(report.tests.map((t) => t.name))}`).toHaveLength(1);
  return found[0] as RunReport["tests"][number];
};

// Every placeholder a tool writes for setup rather than a test: attempt 1 has only the placeholder, failed
// for infrastructure; attempt 2 runs the two real tests, which pass.
const RECOVERING = [
  {
    scenario: "surefire-class-name",
    placeholder: "com.example.shop.OrdersRepositoryTest",
    kind: "class setup",
    rule: "registry-unreachable",
    tests: ["listsOrders", "savesAnOrder"],
  },
  {
    scenario: "surefire-empty-name",
    placeholder: "",
    kind: "class setup",
    rule: "registry-unreachable",
    tests: ["listsOrders", "savesAnOrder"],
  },
  {
    scenario: "surefire-initialization-error",
    placeholder: "initializationError",
    kind: "class setup",
    rule: "registry-unreachable",
    tests: ["listsOrders", "savesAnOrder"],
  },
  {
    scenario: "gradle-class-method",
    placeholder: "classMethod",
    kind: "class setup",
    rule: "container-never-ready",
    tests: ["capturesAPayment", "refundsAPayment"],
  },
  {
    scenario: "jest-suite-failed-to-run",
    placeholder: "__tests__/orders.test.js",
    kind: "file load",
    rule: "service-connection-refused",
    tests: ["orders lists orders", "orders adds an order"],
  },
  {
    scenario: "mocha-before-all-hook",
    placeholder: 'orders "before all" hook for "lists orders"',
    kind: "hook",
    rule: "service-connection-refused",
    tests: ["orders lists orders", "orders adds an order"],
  },
  {
    scenario: "pytest-collection-error",
    placeholder: "tests.test_orders",
    kind: "collection",
    rule: "service-connection-refused",
    tests: ["test_lists_orders", "test_adds_order"],
  },
  {
    scenario: "go-testmain",
    placeholder: "TestMain",
    kind: "package",
    rule: "service-connection-refused",
    tests: ["TestListsOrders", "TestAddsOrder"],
  },
  {
    scenario: "vitest-file-load",
    placeholder: "orders.test.mjs",
    kind: "file load",
    rule: "service-connection-refused",
    tests: ["lists orders", "adds an order"],
  },
  {
    scenario: "suite-level-error",
    placeholder: "",
    kind: "suite",
    rule: "testcontainers-no-docker",
    tests: ["testListsOrders", "testSavesAnOrder"],
  },
] as const;

function expectRecovered(report: RunReport, expected: (typeof RECOVERING)[number]): void {
  expect(report.outcome).toBe("passed");
  expect(report.attempts.map((attempt) => attempt.retried)).toEqual([true, false]);
  // Totals count the real tests; the placeholder is counted as recovered only.
  expect(report.totals).toMatchObject({ tests: 2, passed: 2, failed: 0, infraFailed: 0, recovered: 1 });
  const placeholder = byName(report, expected.placeholder);
  expect(placeholder).toMatchObject({
    verdict: "recovered-after-infra-retry",
    placeholder: { kind: expected.kind },
    evidence: { rule: expected.rule },
  });
  for (const name of expected.tests) expect(byName(report, name).verdict).toBe("passed");
}

describe("seamwatch run: a run that recovered after an infrastructure retry ends green", () => {
  it.each(RECOVERING)("$scenario: exits 0 and shows the placeholder as recovered", async (expected) => {
    const { code, stdout, stderr, report } = await cliRun(expected.scenario);

    expect(code, log({ stdout, stderr })).toBe(0);
    expect(stderr).toMatch(/attempt 1 of 3 failed for infrastructure: .*\[/);
    expect(stderr).toMatch(/attempt 2 of 3 passed/);
    expectRecovered(report, expected);
    expect(stdout).toContain("**✅ All 2 tests passed · 1 recovered after an infrastructure retry**");
    expect(stdout).toContain("### 🛠️ Recovered after an infrastructure retry (1)");
    expect(stdout).toContain(`\`${expected.rule}\``);
    expect(stdout).not.toContain("Infrastructure failure");
    expect(stdout).not.toContain("Failed on infrastructure");
  });

  it("supersedes the placeholder with the real failure when the retried tests fail genuinely", async () => {
    const { code, stdout, stderr, report } = await cliRun("surefire-class-name-then-assertion");

    expect(code, log({ stdout, stderr })).toBe(1);
    expect(report.outcome).toBe("test-failures");
    expect(report.totals).toMatchObject({ tests: 2, passed: 1, failed: 1, recovered: 0, infraFailed: 0 });
    expect(byName(report, "com.example.shop.OrdersRepositoryTest").verdict).toBe("superseded");
    expect(byName(report, "savesAnOrder")).toMatchObject({
      verdict: "failed",
      evidence: { rule: "assertion-error" },
    });
    expect(stdout).toContain("**❌ 1 test failed**");
    expect(stdout).not.toContain("Failed on infrastructure");
  });
});

describe("seamwatch run: JUnit merges that do not depend on order", () => {
  it.each(["testng-retry-analyzer", "testng-failure-then-skipped"])(
    "%s: TestNG's retried runs written as <skipped/> cannot hide the failure",
    async (scenario) => {
      const { code, stdout, stderr, report } = await cliRun(scenario);

      expect(code, log({ stdout, stderr })).toBe(1);
      expect(stderr.match(/seamwatch: attempt \d/g)).toEqual(["seamwatch: attempt 1"]);
      expect(report.outcome).toBe("test-failures");
      expect(report.totals).toMatchObject({ tests: 1, failed: 1, skipped: 0, passed: 0 });
      expect(byName(report, "verifyTitle")).toMatchObject({
        verdict: "failed",
        failure: { message: "expected [Joogle] but found [Google]" },
      });
      expect(stdout).toContain("**❌ 1 test failed**");
    },
  );

  it("a run that passed before its skipped retries counts as passed, not skipped", async () => {
    const { code, stdout, stderr, report } = await cliRun("testng-retried-then-passed");

    expect(code, log({ stdout, stderr })).toBe(0);
    expect(report.outcome).toBe("passed");
    expect(report.totals).toMatchObject({ tests: 1, passed: 1, skipped: 0 });
    expect(byName(report, "verifyTitle").verdict).toBe("passed");
  });

  it("one test case with several results: the most severe decides and the others' messages are kept", async () => {
    const { code, stdout, stderr, report } = await cliRun("several-results");

    expect(code, log({ stdout, stderr })).toBe(1);
    expect(report.totals).toMatchObject({ tests: 5, passed: 1, failed: 4, skipped: 0 });
    for (const name of ["test_skipped_then_failure", "test_failure_then_skipped"]) {
      expect(byName(report, name).failure?.message).toBe("AssertionError: assert 2 == 3");
    }
    const both = byName(report, "test_fail_test_and_teardown");
    expect(both.failure?.message).toBe("Exception: failed");
    expect(both.failure?.details).toContain('failed on teardown with "Exception: failed teardown"');
    expect(byName(report, "test_extract[comp_b]").failure?.message).toMatch(/^failed on teardown with/);
  });
});

describe("the action on Node 24: the same verdicts", () => {
  it.each(RECOVERING)(
    "$scenario: the step passes and reports the placeholder as recovered",
    async (expected) => {
      const { main, post, report } = await actionRun(expected.scenario);

      expect(main.code, log(main)).toBe(0);
      expect(main.outputs).toMatchObject({
        outcome: "passed",
        attempts: "2",
        "infra-retries": "1",
        tests: "2",
        passed: "2",
        failed: "0",
      });
      expectRecovered(report, expected);
      expect(main.summary).toContain("### 🛠️ Recovered after an infrastructure retry (1)");
      expect(main.summary).toContain(`\`${expected.rule}\``);
      expect(post.code, log(post)).toBe(0);
    },
  );

  it("fails the step on the real failure that superseded the placeholder", async () => {
    const { main, report } = await actionRun("surefire-class-name-then-assertion");

    expect(main.code, log(main)).toBe(1);
    expect(main.outputs).toMatchObject({ outcome: "test-failures", tests: "2", passed: "1", failed: "1" });
    expect(byName(report, "com.example.shop.OrdersRepositoryTest").verdict).toBe("superseded");
  });

  it.each([
    ["testng-retry-analyzer", 1, { outcome: "test-failures", tests: "1", failed: "1", skipped: "0" }],
    ["testng-failure-then-skipped", 1, { outcome: "test-failures", tests: "1", failed: "1", skipped: "0" }],
    ["testng-retried-then-passed", 0, { outcome: "passed", tests: "1", passed: "1", skipped: "0" }],
    ["several-results", 1, { outcome: "test-failures", tests: "5", passed: "1", failed: "4" }],
  ] as const)("%s: exit %i with the order-free counts", async (scenario, exitCode, outputs) => {
    const { main } = await actionRun(scenario);

    expect(main.code, log(main)).toBe(exitCode);
    expect(main.outputs).toMatchObject(outputs);
  });
});
