import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const GOOD = `<testsuite name="orders">
  <testcase classname="OrderTest" name="pays" time="0.5"/>
  <testcase classname="OrderTest" name="refunds" time="1.5"><failure message="expected 10 got 12" type="AssertionError">AssertionError
    at test/orders.test.js:7:3</failure></testcase>
  <testcase classname="OrderTest" name="ships" time="0.2"><failure message="timeout"/></testcase>
  <testcase classname="OrderTest" name="ships" time="0.3"/>
  <testcase classname="OrderTest" name="later"><skipped/></testcase>
</testsuite>`;

const BROKEN = `<testsuite name="payments">
  <testcase classname="PayTest" name="card" time="1"/>
  <testcase classname="PayTest" name="cash">
</testsuite>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "seamwatch-cli-"));
  writeFileSync(join(dir, "good.xml"), GOOD);
  writeFileSync(join(dir, "broken.xml"), BROKEN);
  writeFileSync(
    join(dir, "ansi.xml"),
    `<testsuite name="s"><testcase classname="c" name="evil &#x1b;]0;pwned&#x7;&#x1b;[2J name"><failure message="bad &#x1b;[31m red"/></testcase></testsuite>`,
  );
});

describe("seamwatch parse --json", () => {
  it("prints exactly one JSON document with the documented shape", async () => {
    const result = await runCli(["parse", "good.xml", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["files", "totals", "testcases"]);
    expect(report.files).toEqual([
      {
        path: "good.xml",
        dialect: "generic",
        tests: 4,
        passed: 2,
        failed: 1,
        errored: 0,
        skipped: 1,
        flaky: 1,
        durationMs: 2500,
        incomplete: false,
        error: null,
      },
    ]);
    expect(report.totals).toEqual({
      tests: 4,
      passed: 2,
      failed: 1,
      errored: 0,
      skipped: 1,
      flaky: 1,
      durationMs: 2500,
    });
    const refunds = report.testcases.find((t: { name: string }) => t.name === "refunds");
    expect(refunds).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      suite: "orders",
      classname: "OrderTest",
      name: "refunds",
      file: "test/orders.test.js",
      line: 7,
      status: "failed",
      flaky: false,
      placeholder: null,
      durationMs: 1500,
      executions: [{ status: "failed", durationMs: 1500, message: "expected 10 got 12" }],
      failure: {
        type: "AssertionError",
        message: "expected 10 got 12",
        details: "AssertionError\n    at test/orders.test.js:7:3",
      },
    });
    const ships = report.testcases.find((t: { name: string }) => t.name === "ships");
    expect(ships).toMatchObject({ status: "passed", flaky: true, durationMs: 500 });
    expect(ships.executions).toEqual([
      { status: "failed", durationMs: 200, message: "timeout" },
      { status: "passed", durationMs: 300, message: null },
    ]);
  });

  it("leaves out the testcases with --no-testcases", async () => {
    const result = await runCli(["parse", "good.xml", "--json", "--no-testcases"], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["files", "totals"]);
    expect(report.totals.tests).toBe(4);
  });

  it("reads every file when one is broken, names the file, line and column, and exits 2", async () => {
    const result = await runCli(["parse", "*.xml", "--json"], { cwd: dir });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(["ansi.xml", "broken.xml", "good.xml"]);
    const broken = report.files[1];
    expect(broken).toMatchObject({ tests: 1, passed: 1, incomplete: true });
    expect(broken.error).toBe("broken.xml:4:1: expected </testcase> but found </testsuite>");
    expect(result.stderr).toContain(
      "seamwatch parse: error: broken.xml:4:1: expected </testcase> but found </testsuite>",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user's bad file
    expect(report.totals.tests).toBe(6);
  });

  it("reports a missing file by name and still reads the others", async () => {
    const result = await runCli(["parse", "good.xml", "missing.xml", "--json", "--no-testcases"], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files[1]).toMatchObject({
      path: "missing.xml",
      error: "missing.xml: cannot read: no such file",
    });
    expect(report.files[0].tests).toBe(4);
  });
});

describe("seamwatch parse file selection", () => {
  it("excludes files matched by a pattern that starts with !", async () => {
    const result = await runCli(
      ["parse", "**/*.xml", "!broken.xml", "!ansi.xml", "--json", "--no-testcases"],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(["good.xml"]);
  });
});

describe("seamwatch parse exit codes and usage", () => {
  it("names the patterns when nothing matches", async () => {
    const result = await runCli(["parse", "reports/**/*.xml", "junit-*.xml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no JUnit file matched "reports/**/*.xml", "junit-*.xml"`);
  });

  it.each([
    [["parse"], "give at least one JUnit file or glob pattern"],
    [["parse", "--frobnicate", "x.xml"], "Unknown option '--frobnicate'"],
    [
      ["parse", "--max-text-length", "lots", "x.xml"],
      `--max-text-length must be a positive whole number, got "lots"`,
    ],
    [["unknown-command"], `unknown command "unknown-command"`],
  ])("exits 64 on bad usage: %j", async (args, message) => {
    const result = await runCli(args, { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: seamwatch");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("seamwatch parse summary", () => {
  it("prints counts per file and overall, and lists failed and flaky tests", async () => {
    const result = await runCli(["parse", "good.xml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 file: 4 tests, 2 passed, 1 failed, 1 skipped, 1 flaky (2.50 s)");
    expect(result.stdout).toContain("good.xml [generic] 4 tests, 2 passed, 1 failed, 1 skipped, 1 flaky");
    expect(result.stdout).toContain(
      "Failed (1):\n  ✗ orders › OrderTest › refunds (test/orders.test.js:7)\n      expected 10 got 12",
    );
    expect(result.stdout).toContain(
      "Flaky (1): failed, then passed on a re-run\n  ~ orders › OrderTest › ships — ran 2 times: 1 failed, 1 passed",
    );
  });

  it("shows terminal control characters from a report as visible escapes", async () => {
    const result = await runCli(["parse", "ansi.xml"], { cwd: dir });
    expect(result.stdout).not.toContain("\u001b");
    expect(result.stdout).not.toContain("\u0007");
    expect(result.stdout).toContain("evil \\x1b]0;pwned\\x07\\x1b[2J name");
    expect(result.stdout).toContain("bad \\x1b[31m red");
  });
});
