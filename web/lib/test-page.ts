// What the test page shows: its timings by day, its latest results, its flakiness figures with their sample
// sizes (core/analytics) and its failures grouped by message.
import "server-only";
import {
  analyticsDefaults,
  dayOf,
  type FlipRate,
  failureRate,
  findSameCommitFlakes,
  flakeRate,
  flipRate,
  mergeOutcomeCounts,
  noOutcomes,
  type Rate,
  type SameCommitFlake,
  summarizeSketch,
  type TestState,
} from "../../core/analytics/index.ts";
import type { DailyTiming, FailureGroup, ResultHistoryRow, Store, TestDetail } from "../../store/queries.ts";
import { DAY_MS } from "../../store/queries.ts";
import type { Filters } from "./filters.ts";

export interface TestPage {
  readonly test: TestDetail;
  readonly state: TestState | null;
  readonly days: readonly (DailyTiming & { readonly label: string })[];
  readonly window: {
    readonly runs: number;
    readonly p50Ms: number | null;
    readonly p95Ms: number | null;
    readonly maxMs: number | null;
    readonly failureRate: Rate;
    readonly flakeRate: Rate;
    readonly infra: number;
    readonly skipped: number;
  };
  /** Over the last results on the default branch, in time order. */
  readonly flipRate: FlipRate;
  readonly sameCommitFlakes: readonly SameCommitFlake[];
  /** Newest first. */
  readonly results: readonly ResultHistoryRow[];
  readonly failures: readonly FailureGroup[];
}

const STRIP_LENGTH = 100;

export async function loadTestPage(
  store: Store,
  test: TestDetail,
  filters: Filters,
  defaultBranch: string | null,
): Promise<TestPage> {
  const range = {
    projectId: test.projectId,
    testId: test.id,
    branch: filters.branch,
    fromDay: filters.fromDay,
    toDay: filters.toDay,
  };
  const [days, sketch, results, defaultResults, failures] = await Promise.all([
    store.listTestDays(range),
    store.getTestDurations(range),
    store.listTestResults({
      projectId: test.projectId,
      testId: test.id,
      branch: filters.branch === "" ? null : filters.branch,
      limit: STRIP_LENGTH,
    }),
    defaultBranch
      ? store.listTestResults({
          projectId: test.projectId,
          testId: test.id,
          branch: defaultBranch,
          limit: analyticsDefaults.flipWindow,
        })
      : Promise.resolve([]),
    store.listFailureGroups({ testId: test.id, limit: 10 }),
  ]);
  const counts = days.reduce((sum, day) => mergeOutcomeCounts(sum, day), noOutcomes);
  const summary = summarizeSketch(sketch);
  return {
    test,
    state: test.stateDetail,
    days: days.map((day) => ({ ...day, label: dayOf(day.day * DAY_MS) })),
    window: {
      runs: counts.passed + counts.failed + counts.flaky + counts.infra + counts.skipped,
      p50Ms: summary.p50Ms,
      p95Ms: summary.p95Ms,
      maxMs: summary.maxMs,
      failureRate: failureRate(counts),
      flakeRate: flakeRate(counts),
      infra: counts.infra,
      skipped: counts.skipped,
    },
    flipRate: flipRate([...defaultResults].reverse().map((result) => result.verdict)),
    sameCommitFlakes: findSameCommitFlakes(
      results.map((result) => ({ commitSha: result.commitSha, verdict: result.verdict })),
    ),
    results,
    failures,
  };
}
