// The human summary of JUnit files that `seamwatch parse` prints: per-file and overall counts, then failed
// tests, setup failures and flaky tests.
//
// Decision: the counts are the report's own (a placeholder for setup counts as the failed or errored test
// case the tool wrote), so that they agree with the tool's totals and with `--no-testcases`, which reads no
// failure text and so cannot tell a placeholder. The lists tell them apart: a placeholder is never listed
// as a failed test.

import {
  type Counts,
  formatSuitePath,
  type JunitFile,
  type TestCase,
  type TestStatus,
} from "../junit/index.ts";
import { describeFileError } from "./junit-json.ts";
import { oneLine, terminalSafe } from "./terminal-text.ts";
import { formatDuration } from "./test-text.ts";

export interface ParseSummaryInput {
  readonly files: readonly JunitFile[];
  readonly totals: Counts;
  /** How many failed, errored and flaky test cases to list at most; the rest are counted. */
  readonly maxListed: number;
}

export function formatCounts(counts: Counts): string {
  const parts = [
    `${counts.tests} ${counts.tests === 1 ? "test" : "tests"}`,
    `${counts.passed} passed`,
    `${counts.failed} failed`,
  ];
  if (counts.errored > 0) parts.push(`${counts.errored} errored`);
  parts.push(`${counts.skipped} skipped`);
  if (counts.flaky > 0) parts.push(`${counts.flaky} flaky`);
  return parts.join(", ");
}

function testLabel(testCase: TestCase): string {
  const parts = [formatSuitePath(testCase.suitePath), testCase.classname, testCase.name].filter(
    (part, index, all) => part.length > 0 && all.indexOf(part) === index,
  );
  return terminalSafe(parts.join(" › "));
}

function location(testCase: TestCase): string {
  const file = testCase.file ?? testCase.failure?.file;
  if (!file) return "";
  const line = testCase.line ?? testCase.failure?.line;
  return ` (${terminalSafe(file)}${line ? `:${line}` : ""})`;
}

/** A failed test or setup failure: its mark, name and place, then its message. */
function failureLines(testCase: TestCase): string[] {
  const mark = testCase.status === "errored" ? "E" : "✗";
  const kind = testCase.placeholder ? ` [${testCase.placeholder.kind}]` : "";
  const lines = [`  ${mark} ${testLabel(testCase)}${kind}${location(testCase)}`];
  const message = testCase.failure?.message;
  if (message) lines.push(`      ${oneLine(message)}`);
  return lines;
}

/** `ran 3 times: 2 failed, 1 passed`, whatever the order of the executions. */
function executionCounts(testCase: TestCase): string {
  const order: readonly TestStatus[] = ["failed", "errored", "passed", "skipped"];
  const counts = order
    .map((status) => [status, testCase.executions.filter((e) => e.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  return `ran ${testCase.executions.length} times: ${counts.join(", ")}`;
}

export function renderParseSummary(input: ParseSummaryInput): string {
  const lines: string[] = [];
  const fileWord = input.files.length === 1 ? "file" : "files";
  lines.push(
    `${input.files.length} ${fileWord}: ${formatCounts(input.totals)} (${formatDuration(input.totals.durationMs)})`,
  );
  lines.push("");
  for (const file of input.files) {
    const error = describeFileError(file);
    const counts = file.counts.tests > 0 || !error ? `${formatCounts(file.counts)}` : "";
    lines.push(`  ${terminalSafe(file.path)} [${file.dialect}] ${counts}`.trimEnd());
    if (error) {
      const kept =
        file.incomplete && file.counts.tests > 0
          ? ` (incomplete: the ${file.counts.tests} tests before it are kept)`
          : "";
      lines.push(`    error: ${terminalSafe(error)}${kept}`);
    }
  }
  const { failed, setup, flaky, omitted, setupFailures } = notableTests(input.files, input.maxListed);
  if (failed.length > 0) {
    lines.push("", `Failed (${input.totals.failed + input.totals.errored - setupFailures}):`);
    for (const testCase of failed) lines.push(...failureLines(testCase));
  }
  if (setup.length > 0) {
    lines.push(
      "",
      `Setup failed (${setupFailures}): not tests, but a class, file or package that failed around its tests`,
    );
    for (const testCase of setup) lines.push(...failureLines(testCase));
  }
  if (flaky.length > 0) {
    lines.push("", `Flaky (${input.totals.flaky}): failed, then passed on a re-run`);
    for (const testCase of flaky) {
      lines.push(`  ~ ${testLabel(testCase)}${location(testCase)} — ${executionCounts(testCase)}`);
    }
  }
  if (omitted > 0) lines.push("", `… and ${omitted} more failed or flaky tests not listed`);
  return `${lines.join("\n")}\n`;
}

/**
 * The first `max` failed, errored and flaky test cases in report order, split into tests and placeholders
 * for setup; how many more there were; and how many placeholders failed in all, listed or not.
 */
function notableTests(files: readonly JunitFile[], max: number) {
  const failed: TestCase[] = [];
  const setup: TestCase[] = [];
  const flaky: TestCase[] = [];
  let listed = 0;
  let omitted = 0;
  let setupFailures = 0;
  for (const file of files) {
    for (const suite of file.suites) {
      for (const testCase of suite.testCases) {
        const failing = testCase.status === "failed" || testCase.status === "errored";
        if (!failing && !testCase.flaky) continue;
        if (failing && testCase.placeholder) setupFailures++;
        if (listed === max) {
          omitted++;
          continue;
        }
        listed++;
        if (!failing) flaky.push(testCase);
        else (testCase.placeholder ? setup : failed).push(testCase);
      }
    }
  }
  return { failed, setup, flaky, omitted, setupFailures };
}
