// The human summary of JUnit files that `seamwatch parse` prints: per-file and overall counts, then failed
// and flaky tests.

import { type Counts, formatSuitePath, type JunitFile, type TestCase } from "../junit/index.ts";
import { describeFileError } from "./junit-json.ts";
import { oneLine, terminalSafe } from "./terminal-text.ts";
import { formatDuration } from "./test-text.ts";

export interface ParseSummaryInput {
  readonly files: readonly JunitFile[];
  readonly totals: Counts;
  /** Failed, errored and flaky test cases, in report order. */
  readonly notable: readonly TestCase[];
  /** How many notable tests were left out of `notable` to bound memory. */
  readonly notableOmitted: number;
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
  const failed = input.notable.filter((t) => t.status === "failed" || t.status === "errored");
  const flaky = input.notable.filter((t) => t.flaky);
  if (failed.length > 0) {
    lines.push("", `Failed (${input.totals.failed + input.totals.errored}):`);
    for (const testCase of failed) {
      const mark = testCase.status === "errored" ? "E" : "✗";
      lines.push(`  ${mark} ${testLabel(testCase)}${location(testCase)}`);
      const message = testCase.failure?.message;
      if (message) lines.push(`      ${oneLine(message)}`);
    }
  }
  if (flaky.length > 0) {
    lines.push("", `Flaky (${input.totals.flaky}): failed, then passed on a re-run`);
    for (const testCase of flaky) {
      lines.push(`  ~ ${testLabel(testCase)}${location(testCase)} — ${testCase.attempts.length} attempts`);
    }
  }
  if (input.notableOmitted > 0)
    lines.push("", `… and ${input.notableOmitted} more failed or flaky tests not listed`);
  return `${lines.join("\n")}\n`;
}
