// A run report built from the engine's result, for runs that did not come from the action: the JUnit
// endpoint (raw XML from any CI) and the demo seed. The shape is the one `writeRunReport` writes, so both
// paths are stored by the same code.

import type { CiContext } from "../ci/index.ts";
import type { RunResult } from "../run/index.ts";
import type { RunReport } from "./run-report.ts";

export function runReportFromResult(
  result: RunResult,
  meta: {
    readonly ci: CiContext;
    readonly command: string;
    readonly startedAt: Date;
    /** Wall time of the whole run; defaults to the attempts' time. */
    readonly durationMs?: number;
  },
): RunReport {
  return {
    version: 2,
    ci: meta.ci,
    command: meta.command,
    startedAt: meta.startedAt.toISOString(),
    durationMs: meta.durationMs ?? result.totals.durationMs,
    cancelled: false,
    outcome: result.outcome,
    attemptFailures: result.attemptFailures,
    attempts: result.attempts.map(({ testCases: _testCases, ...attempt }) => attempt),
    tests: result.tests,
  };
}
