// Raw JUnit reports sent by any CI become a run report through the action's own engine: the same classifier
// (so a Testcontainers start-up failure is infrastructure, not a test failure), the same attempt record and
// merge. A CI that sends only XML had one attempt, whose exit code is not known: failures decide it.

import type { CiContext } from "../ci/index.ts";
import { type AttemptEvidence, classifyAttempt } from "../classify/index.ts";
import type { JunitFile } from "../junit/index.ts";
import { mergeAttempts, recordAttempt } from "../run/index.ts";
import { runReportFromResult } from "./report-from-result.ts";
import type { RunReport } from "./run-report.ts";

export function runReportFromJunit(
  files: readonly JunitFile[],
  meta: {
    readonly ci: CiContext;
    readonly startedAt: Date;
    /** Wall time when the CI says; otherwise the reports' own time. */
    readonly durationMs?: number | null;
  },
): RunReport {
  const failed = files.some((file) => file.counts.failed + file.counts.errored > 0);
  const evidence: AttemptEvidence = {
    exitCode: failed ? 1 : 0,
    signal: null,
    timedOut: false,
    outputTail: [],
    junitFiles: files,
  };
  const reportedMs = files.reduce((sum, file) => sum + file.counts.durationMs, 0);
  const durationMs = meta.durationMs ?? reportedMs;
  const attempt = recordAttempt({
    number: 1,
    durationMs,
    evidence,
    classification: classifyAttempt(evidence),
    retried: false,
  });
  return runReportFromResult(mergeAttempts([attempt]), {
    ci: meta.ci,
    command: `JUnit upload (${files.length === 1 ? "1 file" : `${files.length} files`})`,
    startedAt: meta.startedAt,
    durationMs,
  });
}
