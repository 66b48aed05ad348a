// Pure string builders for what the benchmark prints: one table per report, the count check, the goals.

import { type FileResult, fasterWholeDocument, megabytesPerSecond, speedup } from "./compare.ts";
import { BYTES_PER_MB, type EnsuredReport } from "./generate-junit.ts";

const MIB = 1024 * 1024;

export function formatInteger(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function formatMib(bytes: number): string {
  return `${formatInteger(bytes / MIB)} MiB`;
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map((row) => row[i]?.length ?? 0)),
  );
  // Names left-aligned, figures right-aligned so their digits line up.
  const pad = (cell: string, i: number) =>
    i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0);
  return rows.map((row) => `  ${row.map(pad).join("  ")}`.trimEnd()).join("\n");
}

function parserLines(result: FileResult): string[] {
  const table = [["parser", "MB/s", "test cases/s", "peak RSS", "test cases", "time"]];
  const failures: string[] = [];
  for (const { parser, outcome, peakRssBytes } of result.parsers) {
    // A failure reason is one long cell: printed after the table so it does not stretch the columns.
    if (!outcome.ok) {
      failures.push(`  ${parser.padEnd(9)}  ${outcome.reason}`);
      continue;
    }
    table.push([
      parser,
      megabytesPerSecond(result.report.bytes, outcome).toFixed(1),
      formatInteger(outcome.testCases / outcome.seconds),
      formatMib(peakRssBytes ?? outcome.peakRssBytes),
      formatInteger(outcome.testCases),
      `${outcome.seconds.toFixed(2)} s`,
    ]);
  }
  const measured = table.length > 1 ? [formatTable(table)] : [];
  return [...measured, ...failures];
}

export function formatFileResult(result: FileResult): string {
  const lines = parserLines(result);
  const ratio = speedup(result);
  const rival = fasterWholeDocument(result);
  lines.push(
    ratio === null || rival === null
      ? "  seamwatch ÷ faster whole-document parser: n/a (one side did not parse the file)"
      : `  seamwatch ÷ faster whole-document parser (${rival.parser}): ${ratio.toFixed(1)}×`,
  );
  return lines.join("\n");
}

/** Every parser that read the file must find the test cases the generator wrote; null when they all do. */
export function countDisagreement(result: FileResult): string | null {
  const expected = result.report.testCases;
  const counts = result.parsers.flatMap(({ parser, outcome }) => (outcome.ok ? [{ parser, outcome }] : []));
  if (counts.every(({ outcome }) => outcome.testCases === expected)) return null;
  const found = counts
    .map(({ parser, outcome }) => `${parser} ${formatInteger(outcome.testCases)}`)
    .join(", ");
  return `WARNING: test-case counts disagree on ${result.report.path}: ${found}; the generator wrote ${formatInteger(expected)}`;
}

export function formatReportHeading(report: EnsuredReport): string {
  const how =
    report.generatedSeconds === null ? "reused" : `generated in ${report.generatedSeconds.toFixed(1)} s`;
  const size = (report.bytes / BYTES_PER_MB).toFixed(1);
  return `${report.path}: ${size} MB, ${formatInteger(report.testCases)} test cases (${how})`;
}
