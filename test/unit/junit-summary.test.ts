// What `seamwatch parse` shows of a report: the human summary and the JSON of each test case, with a
// placeholder for setup (a class whose setup failed, written by the tool as a test case) told apart from the
// tests, and re-runs inside one report shown as executions.
import { describe, expect, it } from "vitest";
import { addCounts, emptyCounts, type JunitFile, parseJunit, testCasesOf } from "../../core/junit/index.ts";
import { renderParseSummary, toJsonTestCase } from "../../core/report/index.ts";

// JUnit's own name for a class that could not run, an ordinary failure, and a test that passed on its re-run.
const REPORT = `<testsuites><testsuite name="shop">
  <testcase classname="com.example.OrdersIT" name="initializationError" time="0.5">
    <error type="org.testcontainers.containers.ContainerLaunchException" message="Container startup failed"/>
  </testcase>
  <testcase classname="com.example.CartTest" name="addsAnItem" time="0.1">
    <failure type="AssertionError" message="expected 2 but was 1"/>
  </testcase>
  <testcase classname="com.example.CartTest" name="empties" time="0.2"/>
  <testcase classname="com.example.CartTest" name="checksOut" time="0.3"><failure message="timeout"/></testcase>
  <testcase classname="com.example.CartTest" name="checksOut" time="0.4"/>
</testsuite></testsuites>`;

function summaryOf(files: JunitFile[], maxListed = 500): string {
  const totals = files.reduce((sum, file) => addCounts(sum, file.counts), emptyCounts);
  return renderParseSummary({ files, totals, maxListed });
}

/** The lines under a heading that starts with `heading`, up to the next blank line. */
function block(summary: string, heading: string): string[] {
  const lines = summary.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start);
  const end = rest.indexOf("");
  return end === -1 ? rest : rest.slice(0, end);
}

describe("seamwatch parse's summary", () => {
  const file = parseJunit(REPORT, { path: "TEST-shop.xml" });

  it("keeps the report's own counts, the placeholder counted as the errored test case it is written as", () => {
    expect(summaryOf([file]).split("\n")[0]).toBe(
      "1 file: 4 tests, 2 passed, 1 failed, 1 errored, 0 skipped, 1 flaky (1.50 s)",
    );
  });

  it("lists a placeholder under setup failures, not as a failed test", () => {
    const summary = summaryOf([file]);
    expect(block(summary, "Failed (")).toEqual([
      "Failed (1):",
      "  ✗ shop › com.example.CartTest › addsAnItem",
      "      expected 2 but was 1",
    ]);
    expect(block(summary, "Setup failed (")).toEqual([
      "Setup failed (1): not tests, but a class, file or package that failed around its tests",
      "  E shop › com.example.OrdersIT › initializationError [class setup]",
      "      Container startup failed",
    ]);
  });

  it("says how often a flaky test ran and how each run ended, whatever their order", () => {
    expect(block(summaryOf([file]), "Flaky (")).toEqual([
      "Flaky (1): failed, then passed on a re-run",
      "  ~ shop › com.example.CartTest › checksOut — ran 2 times: 1 failed, 1 passed",
    ]);
    const passFirst = parseJunit(
      `<testsuite name="s"><testcase classname="C" name="t"/><testcase classname="C" name="t"><failure/></testcase><testcase classname="C" name="t"/></testsuite>`,
      { path: "r.xml" },
    );
    expect(block(summaryOf([passFirst]), "Flaky (")[1]).toBe(
      "  ~ s › C › t — ran 3 times: 1 failed, 2 passed",
    );
  });

  it("counts setup failures beyond the listed ones in their heading and out of the failed tests'", () => {
    const summary = summaryOf([file], 1);
    // Only the first notable entry (the placeholder) is listed; the heading still counts every one.
    expect(block(summary, "Setup failed (")[0]).toMatch(/^Setup failed \(1\)/);
    expect(summary).not.toContain("Failed (");
    expect(summary).toContain("… and 2 more failed or flaky tests not listed");

    const realFirst = parseJunit(
      REPORT.replace(/<testcase classname="com.example.OrdersIT"[\s\S]*?<\/testcase>/, ""),
      {
        path: "TEST-cart.xml",
      },
    );
    const both = summaryOf([realFirst, file], 1);
    expect(block(both, "Failed (")[0]).toBe("Failed (2):");
    expect(both).not.toContain("Setup failed");
  });
});

describe("seamwatch parse --json, per test case", () => {
  const cases = testCasesOf(parseJunit(REPORT, { path: "TEST-shop.xml" })).map(toJsonTestCase);
  const named = (name: string) => cases.find((testCase) => testCase.name === name);

  it("names what a placeholder stands for, and null for a test", () => {
    expect(named("initializationError")).toMatchObject({
      status: "errored",
      placeholder: { kind: "class setup", scope: "class" },
    });
    expect(named("addsAnItem")?.placeholder).toBeNull();
  });

  it("lists each execution of a test the report re-ran, in report order", () => {
    expect(named("checksOut")).toMatchObject({ status: "passed", flaky: true });
    expect(named("checksOut")?.executions).toEqual([
      { status: "failed", durationMs: 300, message: "timeout" },
      { status: "passed", durationMs: 400, message: null },
    ]);
    expect(Object.keys(named("empties") ?? {})).not.toContain("attempts");
  });
});
