// The dashboard's baseline turned into what the report shows and `fail-on: new-failures` decides: the pure
// comparison is core/analytics' (`compareWithBaseline`, `compareTiming`); this only feeds it the run and the
// API's answer, with the thresholds the user set.
import {
  type BaselineTest,
  compareTiming,
  compareWithBaseline,
  pullRequestTimingOptions,
} from "../core/analytics/index.ts";
import type { CiContext } from "../core/ci/index.ts";
import { type RunHistory, testDurationMs } from "../core/report/index.ts";
import type { RunResult } from "../core/run/index.ts";
import type { Baseline } from "./dashboard-client.ts";
import { regressionThresholds } from "./settings.ts";

/** The branch a run is compared with: the pull request's base, else the repository's default branch. */
export function baselineBranch(ci: Pick<CiContext, "baseBranch" | "defaultBranch">): string | null {
  return ci.baseBranch ?? ci.defaultBranch ?? null;
}

export interface HistoryOptions {
  readonly regressionPercent: number;
  readonly regressionMinSeconds: number;
  /** `fail-on: new-failures` is in force. */
  readonly quarantine: boolean;
}

/** The test ids a baseline is asked for: every test the run saw. */
export function testIdsOf(run: RunResult): string[] {
  return run.tests.map((test) => test.id);
}

export function buildRunHistory(
  run: RunResult,
  suiteDurationMs: number,
  baseline: Baseline,
  options: HistoryOptions,
): RunHistory {
  const thresholds = regressionThresholds(options);
  const tests: Record<string, BaselineTest> = {};
  for (const [id, entry] of Object.entries(baseline.tests)) {
    // No health kept for the branch: every failure counts as new rather than being excused.
    tests[id] = {
      health: entry.health ?? "healthy",
      flakeRate: entry.flakeRate,
      p50Ms: entry.p50Ms,
      samples: entry.samples,
    };
  }
  const comparison = compareWithBaseline(
    run.tests.map((test) => ({ id: test.id, verdict: test.verdict, durationMs: testDurationMs(test) })),
    tests,
    thresholds,
  );
  const wall = baseline.wallTime;
  return {
    baseBranch: baseline.branch,
    comparison,
    wallTime:
      wall.p50Ms === null
        ? null
        : {
            durationMs: suiteDurationMs,
            baselineP50Ms: wall.p50Ms,
            samples: wall.samples,
            comparison: compareTiming(
              { p50Ms: suiteDurationMs, count: 1 },
              { p50Ms: wall.p50Ms, count: wall.samples },
              { ...pullRequestTimingOptions, ...thresholds },
            ),
          },
    testUrl: (id) => baseline.testUrlTemplate.replace("{testId}", encodeURIComponent(id)),
    thresholds: { percent: options.regressionPercent, minSeconds: options.regressionMinSeconds },
    quarantine: options.quarantine,
  };
}
