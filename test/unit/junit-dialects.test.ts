// Every fixture under test/fixtures/junit/<tool>/ was written by the tool itself (generate.sh beside it) or,
// for tools that cannot run here, by hand from the tool's documented format (SOURCE.md beside it). Its
// expected*.json was written by reading the XML, independently of the parser.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testCasesOf } from "../../core/junit/model.ts";
import { toJsonTestCase } from "../../core/report/junit-json.ts";
import { readJunitFile } from "../../runner/read-junit.ts";

const FIXTURES = new URL("../fixtures/junit/", import.meta.url).pathname;

interface ExpectedCase {
  classname: string;
  name: string;
  status: string;
  flaky: boolean;
  executions: number;
  /** Set for an entry that stands for setup rather than a test; absent for a test. */
  placeholder?: { kind: string; scope: string };
  file?: string;
  line?: number;
  failureType?: string;
  messageIncludes?: string;
}

interface Expected {
  report?: string;
  dialect: string;
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  flaky: number;
  cases: ExpectedCase[];
}

/** expected.json goes with report.xml, expected-<x>.json with report-<x>.xml, unless it names its report. */
function reportFor(dir: string, expectedName: string, expected: Expected): string {
  if (expected.report) return join(dir, expected.report);
  const suffix = expectedName.replace(/^expected/, "").replace(/\.json$/, "");
  const direct = join(dir, `report${suffix}.xml`);
  if (existsSync(direct)) return direct;
  const reports = readdirSync(dir).filter((f) => /^report.*\.xml$/.test(f));
  const claimed = new Set(
    readdirSync(dir)
      .filter((f) => /^expected-.+\.json$/.test(f))
      .map((f) => f.replace(/^expected/, "report").replace(/\.json$/, ".xml")),
  );
  const unclaimed = reports.filter((r) => !claimed.has(r));
  if (unclaimed.length !== 1) throw new Error(`cannot tell which report ${dir}/${expectedName} describes`);
  return join(dir, unclaimed[0] as string);
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const dir = join(FIXTURES, entry.name);
    return readdirSync(dir)
      .filter((f) => /^expected.*\.json$/.test(f))
      .map((expectedName) => {
        const expected = JSON.parse(readFileSync(join(dir, expectedName), "utf8")) as Expected;
        return { tool: entry.name, expectedName, expected, report: reportFor(dir, expectedName, expected) };
      });
  });

describe("fixtures from real tools", () => {
  it("covers every dialect the issue names", () => {
    const tools = new Set(cases.map((c) => c.expected.dialect));
    for (const dialect of [
      "surefire",
      "gradle",
      "jest",
      "vitest",
      "mocha",
      "cypress",
      "node",
      "pytest",
      "go",
      "rspec",
      "phpunit",
      "playwright",
      "nextest",
      "ctest",
      "catch2",
      "googletest",
      "bazel",
    ]) {
      expect(tools, dialect).toContain(dialect);
    }
  });

  for (const { tool, expectedName, expected, report } of cases) {
    it(`${tool}/${expectedName}: ${expected.dialect}, ${expected.tests} tests`, async () => {
      const file = await readJunitFile(report);
      expect(file.error).toBeNull();
      expect(file.dialect).toBe(expected.dialect);
      const { tests, passed, failed, errored, skipped, flaky } = file.counts;
      expect({ tests, passed, failed, errored, skipped, flaky }).toEqual({
        tests: expected.tests,
        passed: expected.passed,
        failed: expected.failed,
        errored: expected.errored,
        skipped: expected.skipped,
        flaky: expected.flaky,
      });
      // Counting alone (no test case kept) must reach the same counts, re-runs merged the same way.
      const counted = await readJunitFile(report, { collectTestCases: false });
      expect(counted.counts).toEqual(file.counts);
      const actual = testCasesOf(file).map(toJsonTestCase);
      for (const want of expected.cases) {
        const matches = actual.filter((t) => t.classname === want.classname && t.name === want.name);
        expect(matches, `${want.classname} › ${want.name}`).toHaveLength(1);
        const got = matches[0] as (typeof actual)[number];
        const label = `${want.classname} › ${want.name}`;
        expect(
          {
            status: got.status,
            flaky: got.flaky,
            executions: got.executions.length,
            placeholder: got.placeholder,
          },
          label,
        ).toEqual({
          status: want.status,
          flaky: want.flaky,
          executions: want.executions,
          placeholder: want.placeholder ?? null,
        });
        if (want.file !== undefined) expect(got.file, `${label} file`).toBe(want.file);
        if (want.line !== undefined) expect(got.line, `${label} line`).toBe(want.line);
        if (want.failureType !== undefined) expect(got.failure?.type, `${label} type`).toBe(want.failureType);
        if (want.messageIncludes !== undefined) {
          const text = `${got.failure?.message ?? ""}\n${got.failure?.details ?? ""}`;
          expect(text, `${label} message`).toContain(want.messageIncludes);
        }
      }
    });
  }
});
