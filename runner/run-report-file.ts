// The run's JSON report: one document with the run's metadata and its result, for later steps and tools.
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { jsonPieces } from "../core/report/index.ts";
import type { SuiteRun } from "./run-suite.ts";

/** Version of the JSON report's shape; bumped when a field changes meaning or goes away. */
export const RUN_REPORT_VERSION = 1;

/**
 * Writes the run as one JSON document: metadata, then the RunResult. Each attempt's raw `testCases` are
 * left out (every test's per-attempt results are in `tests[].attempts`), and tests are written in pieces,
 * so a very large suite never becomes one giant string.
 */
export async function writeRunReport(path: string, run: SuiteRun): Promise<void> {
  const { result } = run;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "w");
  try {
    const attempts = result.attempts.map(({ testCases, ...attempt }) => ({
      ...attempt,
      testCases: testCases.length,
    }));
    const head = {
      version: RUN_REPORT_VERSION,
      command: run.command,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      cancelled: run.cancelled,
      outcome: result.outcome,
      totals: result.totals,
      attemptFailures: result.attemptFailures,
      attempts,
    };
    for (const piece of jsonPieces(head, "tests", result.tests)) await file.write(piece);
  } finally {
    await file.close();
  }
}
