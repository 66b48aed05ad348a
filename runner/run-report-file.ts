// The run's JSON report: one document with where the run ran, its metadata and its result, for later steps
// and tools (and, later, the dashboard's upload).
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { CiContext } from "../core/ci/index.ts";
import { jsonPieces } from "../core/report/index.ts";
import type { SuiteRun } from "./run-suite.ts";

/**
 * Version of the JSON report's shape; bumped when a field is added, changes meaning or goes away.
 * 2 added `ci` (where the run ran); a reader should accept 1 (no `ci`) and 2.
 */
export const RUN_REPORT_VERSION = 2;

/**
 * The report in pieces, in the order written: `version`, `ci`, the run's metadata, then the RunResult.
 * Each attempt's raw `testCases` are left out (every test's per-attempt results are in `tests[].attempts`),
 * and tests come one piece each, so a very large suite never becomes one giant string.
 */
export function runReportPieces(run: SuiteRun, ci: CiContext): Iterable<string> {
  const { result } = run;
  const attempts = result.attempts.map(({ testCases, ...attempt }) => ({
    ...attempt,
    testCases: testCases.length,
  }));
  const head = {
    version: RUN_REPORT_VERSION,
    ci,
    command: run.command,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    cancelled: run.cancelled,
    outcome: result.outcome,
    totals: result.totals,
    attemptFailures: result.attemptFailures,
    attempts,
  };
  return jsonPieces(head, "tests", result.tests);
}

/** Writes the run as one JSON document (see `runReportPieces`). */
export async function writeRunReport(path: string, run: SuiteRun, ci: CiContext): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "w");
  try {
    for (const piece of runReportPieces(run, ci)) await file.write(piece);
  } finally {
    await file.close();
  }
}
