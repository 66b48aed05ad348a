// Issue 10 §1: placeholders for setup (test cases a tool writes for a class, file, module or package that
// failed before or around its tests) and how the attempts of a run are merged around them. The reports are
// the recorded runs of test/fixtures/suites/replay/ (real tools where they run here) and the jest fixture.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AttemptEvidence, classifyAttempt } from "../../core/classify/index.ts";
import type { JunitFile, TestCase } from "../../core/junit/model.ts";
import { testCasesOf } from "../../core/junit/model.ts";
import { parseJunit } from "../../core/junit/parse-junit.ts";
import { standsFor } from "../../core/junit/placeholders.ts";
import { type AttemptRecord, mergeAttempts, recordAttempt, shouldRetry } from "../../core/run/index.ts";

const REPLAY = new URL("../fixtures/suites/replay/scenarios/", import.meta.url).pathname;
const JUNIT = new URL("../fixtures/junit/", import.meta.url).pathname;

function report(path: string): JunitFile {
  return parseJunit(readFileSync(path), { path });
}

/** The one report a recorded attempt wrote. */
function recorded(scenario: string, attempt: number, file: string): JunitFile {
  return report(`${REPLAY}${scenario}/attempt-${attempt}/reports/${file}`);
}

function named(file: JunitFile, name: string): TestCase {
  const found = testCasesOf(file).filter((test) => test.name === name);
  expect(found, name).toHaveLength(1);
  return found[0] as TestCase;
}

const SUREFIRE = "target/surefire-reports/TEST-com.example.shop.OrdersRepositoryTest.xml";

describe("placeholders, as each tool writes them", () => {
  it.each([
    ["surefire-class-name", SUREFIRE, "com.example.shop.OrdersRepositoryTest", "class setup", "class"],
    ["surefire-empty-name", SUREFIRE, "", "class setup", "class"],
    ["surefire-initialization-error", SUREFIRE, "initializationError", "class setup", "class"],
    [
      "gradle-class-method",
      "build/test-results/test/TEST-com.example.shop.PaymentsIntegrationTest.xml",
      "classMethod",
      "class setup",
      "class",
    ],
    ["jest-suite-failed-to-run", "junit.xml", "__tests__/orders.test.js", "file load", "file"],
    ["mocha-before-all-hook", "junit.xml", 'orders "before all" hook for "lists orders"', "hook", "file"],
    ["pytest-collection-error", "report.xml", "tests.test_orders", "collection", "module"],
    ["go-testmain", "junit.xml", "TestMain", "package", "suite"],
    ["vitest-file-load", "junit.xml", "orders.test.mjs", "file load", "file"],
    ["suite-level-error", "TEST-com.example.shop.OrdersRepositoryTest.xml", "", "suite", "suite"],
  ] as const)(
    "%s: the entry is a placeholder, and the later attempt's tests are its tests",
    (scenario, file, name, kind, scope) => {
      const placeholder = named(recorded(scenario, 1, file), name);
      expect(placeholder.placeholder).toEqual({ kind, scope });
      // It failed outside any test body, so the classifier may read network errors as infrastructure.
      expect(placeholder.failure?.phase).toBe("setup");
      const realTests = testCasesOf(recorded(scenario, 2, file));
      expect(realTests).toHaveLength(2);
      for (const test of realTests) {
        expect(test.placeholder ?? null).toBeNull();
        expect(standsFor(placeholder, test), `${test.classname} › ${test.name}`).toBe(true);
      }
    },
  );

  it("reads jest's real 'Test suite failed to run' entries as one placeholder", () => {
    const file = report(`${JUNIT}jest/report.xml`);
    const broken = named(file, "__tests__/broken.test.js");
    expect(broken.placeholder).toEqual({ kind: "file load", scope: "file" });
    expect(testCasesOf(file).filter((test) => test.placeholder)).toHaveLength(1);
  });

  it("leaves real tests alone: no placeholder in any tool's fixture but the known ones", () => {
    const reports = [
      "ctest/report.xml", // CTest names every test case after its class
      "surefire/TEST-com.example.CalculatorTest.xml",
      "gradle/TEST-com.example.CalculatorTest.xml",
      "mocha/report.xml",
      "go/report.xml",
      "pytest/report-xunit2.xml",
      "node/report.xml",
    ];
    for (const path of reports) {
      const placeholders = testCasesOf(report(`${JUNIT}${path}`)).filter((test) => test.placeholder);
      expect(placeholders, path).toEqual([]);
    }
    // vitest's fixture has one file that does not load (a missing import): that one, and only that one.
    const vitest = testCasesOf(report(`${JUNIT}vitest/report.xml`)).filter((test) => test.placeholder);
    expect(vitest.map((test) => [test.name, test.placeholder?.kind])).toEqual([
      ["tests/broken.test.js", "file load"],
    ]);
  });

  it("never makes a passing class-level entry a placeholder (surefire's junit47 provider writes them)", () => {
    const file = parseJunit(
      `<testsuite name="org.sample.My1Test" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd">
        <testcase time="0.502" classname="org.sample.My1Test" name="org.sample.My1Test"/>
      </testsuite>`,
      { path: "TEST-org.sample.My1Test.xml" },
    );
    expect(file.dialect).toBe("surefire");
    expect(testCasesOf(file)[0]?.placeholder).toBeNull();
  });

  it("reads gotestsum's TestMain that failed after the tests passed as teardown", () => {
    const file = parseJunit(
      `<testsuites><testsuite name="example.com/calc"><properties><property name="go.version" value="go1.25.0"/></properties>
        <testcase classname="" name="TestMain"><failure message="Failed" type="">[fixture] global setup&#xA;PASS&#xA;[fixture] global teardown&#xA;FAIL&#x9;example.com/calc&#x9;0.219s&#xA;</failure></testcase>
        <testcase classname="example.com/calc" name="TestAdd"/>
      </testsuite></testsuites>`,
      { path: "junit.xml" },
    );
    expect(named(file, "TestMain").failure?.phase).toBe("teardown");
  });
});

// --- merging attempts ---------------------------------------------------------------------------------

const POLICY = { maxAttempts: 3 };

function attempt(number: number, evidence: AttemptEvidence): AttemptRecord {
  const classification = classifyAttempt(evidence);
  const retried = shouldRetry({ number, classification }, POLICY);
  return recordAttempt({ number, durationMs: 1000, evidence, classification, retried });
}

function evidenceOf(exitCode: number, ...junitFiles: JunitFile[]): AttemptEvidence {
  return { exitCode, signal: null, timedOut: false, outputTail: [], junitFiles };
}

/** Runs the engine's loop over recorded attempts: a retry only after an infrastructure-only attempt. */
function run(...attempts: AttemptEvidence[]) {
  const records: AttemptRecord[] = [];
  for (const [index, evidence] of attempts.entries()) {
    const record = attempt(index + 1, evidence);
    records.push(record);
    if (!record.retried) break;
  }
  expect(records, "every given attempt ran").toHaveLength(attempts.length);
  return mergeAttempts(records);
}

const verdicts = (result: ReturnType<typeof mergeAttempts>) =>
  Object.fromEntries(result.tests.map((test) => [test.name, test.verdict]));

describe("merging attempts around a placeholder", () => {
  const classError = recorded("surefire-class-name", 1, SUREFIRE);
  const passing = recorded("surefire-class-name", 2, SUREFIRE);
  const oneFails = recorded("surefire-class-name-then-assertion", 2, SUREFIRE);
  const CLASS = "com.example.shop.OrdersRepositoryTest";

  it("recovers it when a later attempt ran its tests and they passed: the run passes", () => {
    const result = run(evidenceOf(1, classError), evidenceOf(0, passing));
    expect(result.outcome).toBe("passed");
    expect(verdicts(result)).toEqual({
      [CLASS]: "recovered-after-infra-retry",
      listsOrders: "passed",
      savesAnOrder: "passed",
    });
    const placeholder = result.tests.find((test) => test.name === CLASS);
    expect(placeholder).toMatchObject({
      placeholder: { kind: "class setup", scope: "class" },
      evidence: { rule: "registry-unreachable" },
      failure: { type: "org.testcontainers.containers.ContainerLaunchException" },
    });
    expect(result.totals).toMatchObject({ tests: 2, passed: 2, recovered: 1, failed: 0, infraFailed: 0 });
  });

  it("supersedes it with the real failure when its tests failed genuinely", () => {
    const result = run(evidenceOf(1, classError), evidenceOf(1, oneFails));
    expect(result.outcome).toBe("test-failures");
    expect(verdicts(result)).toEqual({
      [CLASS]: "superseded",
      listsOrders: "passed",
      savesAnOrder: "failed",
    });
    expect(result.totals).toMatchObject({ tests: 2, passed: 1, failed: 1, recovered: 0, infraFailed: 0 });
  });

  it("judges it like a test while it is still there at the end: retries exhausted is an infra failure", () => {
    const result = run(evidenceOf(1, classError), evidenceOf(1, classError), evidenceOf(1, classError));
    expect(result.outcome).toBe("infra-failure");
    expect(verdicts(result)).toEqual({ [CLASS]: "infra-failure" });
    expect(result.totals).toMatchObject({ tests: 1, infraFailed: 1, recovered: 0 });
  });

  it("a genuine class-level failure is never retried and fails the run", () => {
    const genuine = parseJunit(
      readFileSync(`${REPLAY}surefire-class-name/attempt-1/reports/${SUREFIRE}`, "utf8").replace(
        /<error[\s\S]*<\/error>/,
        '<error message="Could not initialize class com.example.shop.Config" type="java.lang.NoClassDefFoundError">java.lang.NoClassDefFoundError: Could not initialize class com.example.shop.Config</error>',
      ),
      { path: "TEST.xml" },
    );
    const result = run(evidenceOf(1, genuine));
    expect(result.outcome).toBe("test-failures");
    expect(verdicts(result)).toEqual({ [CLASS]: "failed" });
    expect(result.totals).toMatchObject({ tests: 1, failed: 1 });
  });

  it("keeps it an infra failure when its tests came back only skipped (the run still passes)", () => {
    const skippedOnly = parseJunit(
      readFileSync(`${REPLAY}surefire-class-name/attempt-2/reports/${SUREFIRE}`, "utf8").replace(
        /time="0\.\d+"\/>/g,
        'time="0"><skipped message="Docker is not available"/></testcase>',
      ),
      { path: "TEST.xml" },
    );
    const result = run(evidenceOf(1, classError), evidenceOf(0, skippedOnly));
    expect(verdicts(result)).toEqual({
      [CLASS]: "infra-failure",
      listsOrders: "skipped",
      savesAnOrder: "skipped",
    });
    // The last attempt decides the run.
    expect(result.outcome).toBe("passed");
  });

  it("falls back on the later attempt when the report does not tell which tests it stood for", () => {
    // jest-junit without addFileAttribute names neither the file nor the path in the passing report.
    const withoutFile = parseJunit(
      readFileSync(`${REPLAY}jest-suite-failed-to-run/attempt-2/reports/junit.xml`, "utf8").replaceAll(
        ' file="__tests__/orders.test.js"',
        "",
      ),
      { path: "junit.xml" },
    );
    const failedToRun = recorded("jest-suite-failed-to-run", 1, "junit.xml");
    const result = run(evidenceOf(1, failedToRun), evidenceOf(0, withoutFile));
    expect(result.outcome).toBe("passed");
    expect(verdicts(result)["__tests__/orders.test.js"]).toBe("recovered-after-infra-retry");
    expect(result.totals).toMatchObject({ tests: 2, passed: 2, recovered: 1 });
  });

  it("recovers a pytest setup error by the test's own identity (pytest writes it on the real test)", () => {
    const setupError = parseJunit(
      `<testsuites><testsuite name="pytest"><testcase classname="tests.test_orders" name="test_lists_orders">
        <error message='failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"'>E   ConnectionRefusedError: [Errno 111] Connection refused</error>
      </testcase></testsuite></testsuites>`,
      { path: "report.xml" },
    );
    const passed = parseJunit(
      `<testsuites><testsuite name="pytest"><testcase classname="tests.test_orders" name="test_lists_orders"/></testsuite></testsuites>`,
      { path: "report.xml" },
    );
    expect(testCasesOf(setupError)[0]?.placeholder).toBeNull();
    const result = run(evidenceOf(1, setupError), evidenceOf(0, passed));
    expect(result.outcome).toBe("passed");
    expect(verdicts(result)).toEqual({ test_lists_orders: "recovered-after-infra-retry" });
  });

  it("lets the last attempt decide the run when a real test vanished after an infra failure", () => {
    const setupError = parseJunit(
      `<testsuite name="pytest"><testcase classname="tests.test_a" name="test_one"><error message='failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"'/></testcase></testsuite>`,
      { path: "a.xml" },
    );
    const otherTests = parseJunit(
      `<testsuite name="pytest"><testcase classname="tests.test_b" name="test_two"/></testsuite>`,
      { path: "b.xml" },
    );
    const result = run(evidenceOf(1, setupError), evidenceOf(0, otherTests));
    expect(verdicts(result)).toEqual({ test_one: "infra-failure", test_two: "passed" });
    expect(result.outcome).toBe("passed");
  });
});
