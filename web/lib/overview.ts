// What the overview shows, read from the store and summed up by core/analytics: plain data for the page and
// its charts. Everything here reads rollups, runs and infrastructure events, never raw test results.
import "server-only";
import {
  compareTiming,
  dayOf,
  failureRate,
  flakeRate,
  type Rate,
  rankByImpact,
  summarizeDurations,
  summarizeDurationsByDay,
  summarizeInfraByDay,
  summarizeSketch,
  totalInfraBySignature,
} from "../../core/analytics/index.ts";
import type { RunSummary, Store, TestHealth, TestIdentity, TestWindow } from "../../store/queries.ts";
import { DAY_MS } from "../../store/queries.ts";
import type { Filters } from "./filters.ts";

export interface SeriesPoint {
  readonly day: string;
  readonly [series: string]: number | string | null;
}

export interface WallTimeChart {
  readonly series: readonly { readonly key: string; readonly label: string }[];
  readonly points: readonly SeriesPoint[];
}

export interface InfraChart {
  readonly signatures: readonly string[];
  readonly points: readonly SeriesPoint[];
  readonly totals: readonly {
    readonly signature: string;
    readonly description: string;
    readonly failures: number;
    readonly retries: number;
    readonly timeLostMs: number;
  }[];
}

export interface SlowTest extends TestIdentity {
  readonly runs: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly totalMs: number;
}

export interface SlowerTest extends TestIdentity {
  readonly baselineMs: number;
  readonly currentMs: number;
  readonly changeMs: number;
  readonly changeRatio: number | null;
  readonly samples: number;
}

export interface TroubledTest extends TestIdentity {
  readonly state: TestHealth;
  readonly failures: number;
  readonly failureRate: Rate;
  readonly flakeRate: Rate;
  readonly ciTimeLostMs: number;
}

export interface Overview {
  readonly totals: {
    readonly runs: number;
    readonly passedRuns: number;
    readonly testFailureRuns: number;
    readonly infraFailureRuns: number;
    readonly medianWallMs: number | null;
    readonly tests: number;
    readonly flakyTests: number;
    readonly brokenTests: number;
    readonly infraTimeLostMs: number;
  };
  readonly wallTime: WallTimeChart;
  readonly infra: InfraChart;
  readonly slowest: readonly SlowTest[];
  readonly slower: readonly SlowerTest[];
  readonly troubled: readonly TroubledTest[];
  readonly recentRuns: readonly RunSummary[];
  /** "Got slower" compares the p50 of these last days with that of the baseline days before them. */
  readonly slowerWindow: { readonly currentDays: number; readonly baselineDays: number };
}

const LIST_LENGTH = 10;
const MAX_SERIES = 8;

export async function loadOverview(store: Store, projectId: number, filters: Filters): Promise<Overview> {
  const runBranch = filters.branch === "" ? null : filters.branch;
  const [runs, windows, infraFailures, recentRuns] = await Promise.all([
    store.listRunsInRange({ projectId, branch: runBranch, since: filters.since, until: filters.until }),
    store.listTestWindows({
      projectId,
      branch: filters.branch,
      fromDay: filters.fromDay,
      toDay: filters.toDay,
    }),
    store.listInfraFailures({
      projectId,
      branch: filters.branch,
      since: filters.since,
      until: filters.until,
    }),
    store.listRecentRuns({ projectId, branch: runBranch, limit: 15 }),
  ]);

  // The last week against the four before it, whatever the range: recent enough to be news, long enough to
  // have timings on both sides, and the same few days of rollups to read for a range of 7 days or 180.
  const slowerWindow = { currentDays: 7, baselineDays: 28 };
  const [slowest, slower] = await Promise.all([
    loadSlowest(store, projectId, filters, windows),
    loadSlower(store, projectId, filters, windows, slowerWindow),
  ]);
  const infraDays = summarizeInfraByDay(infraFailures);
  const descriptions = new Map(infraFailures.map((failure) => [failure.signature, failure.description]));

  return {
    totals: {
      runs: runs.length,
      passedRuns: runs.filter((run) => run.outcome === "passed").length,
      testFailureRuns: runs.filter((run) => run.outcome === "test-failures").length,
      infraFailureRuns: runs.filter((run) => run.outcome === "infra-failure").length,
      medianWallMs: summarizeDurations(runs.map((run) => run.durationMs)).p50Ms,
      tests: windows.length,
      flakyTests: windows.filter((window) => window.state === "flaky").length,
      brokenTests: windows.filter((window) => window.state === "broken").length,
      infraTimeLostMs: infraFailures.reduce((sum, failure) => sum + failure.timeLostMs, 0),
    },
    wallTime: wallTimeChart(runs, filters),
    infra: {
      signatures: totalInfraBySignature(infraDays).map((total) => total.signature),
      points: fillDays(filters, (day) => {
        const point: Record<string, number | string> = { day };
        for (const entry of infraDays) if (entry.day === day) point[entry.signature] = entry.failures;
        return point as SeriesPoint;
      }),
      totals: totalInfraBySignature(infraDays).map((total) => ({
        ...total,
        description: descriptions.get(total.signature) ?? "",
      })),
    },
    slowest,
    slower,
    troubled: troubledTests(windows),
    recentRuns,
    slowerWindow,
  };
}

/** Suite wall time per workflow and job: each day's p50 of the runs. */
function wallTimeChart(runs: readonly RunSummary[], filters: Filters): WallTimeChart {
  const bySeries = new Map<string, { label: string; runs: RunSummary[] }>();
  for (const run of runs) {
    const label = [run.workflow, run.job, run.jobKey].filter(Boolean).join(" / ") || "(unnamed job)";
    const entry = bySeries.get(label) ?? { label, runs: [] };
    entry.runs.push(run);
    bySeries.set(label, entry);
  }
  const series = [...bySeries.values()]
    .sort((a, b) => b.runs.length - a.runs.length)
    .slice(0, MAX_SERIES)
    .map((entry, index) => ({
      key: `s${index}`,
      label: entry.label,
      days: new Map(
        summarizeDurationsByDay(
          entry.runs.map((run) => ({ at: run.startedAt, durationMs: run.durationMs })),
        ).map((day) => [day.day, day.p50Ms]),
      ),
    }));
  return {
    series: series.map(({ key, label }) => ({ key, label })),
    points: fillDays(filters, (day) => {
      const point: Record<string, number | string | null> = { day };
      for (const entry of series) point[entry.key] = entry.days.get(day) ?? null;
      return point as SeriesPoint;
    }),
  };
}

/** Slowest by mean over the window (a cheap sum in SQL), then p50/p95 of the few from their sketches. */
async function loadSlowest(
  store: Store,
  projectId: number,
  filters: Filters,
  windows: readonly TestWindow[],
): Promise<SlowTest[]> {
  const candidates = windows
    .filter((window) => window.timed > 0)
    .sort((a, b) => b.totalMs / b.timed - a.totalMs / a.timed)
    .slice(0, LIST_LENGTH * 2);
  const sketches = await store.getDurationsOfTests({
    projectId,
    branch: filters.branch,
    fromDay: filters.fromDay,
    toDay: filters.toDay,
    testIds: candidates.map((window) => window.id),
  });
  return candidates
    .map((window) => {
      const sketch = sketches.get(window.id);
      const summary = sketch ? summarizeSketch(sketch) : null;
      return {
        ...identityOf(window),
        runs: window.timed,
        p50Ms: summary?.p50Ms ?? null,
        p95Ms: summary?.p95Ms ?? null,
        totalMs: window.totalMs,
      };
    })
    .sort((a, b) => (b.p50Ms ?? 0) - (a.p50Ms ?? 0))
    .slice(0, LIST_LENGTH);
}

/** Tests whose p50 in the last days is slower than in the days before (core/analytics' compareTiming). */
async function loadSlower(
  store: Store,
  projectId: number,
  filters: Filters,
  windows: readonly TestWindow[],
  days: { currentDays: number; baselineDays: number },
): Promise<SlowerTest[]> {
  const current = { fromDay: filters.toDay - days.currentDays + 1, toDay: filters.toDay };
  const baseline = { fromDay: current.fromDay - days.baselineDays, toDay: current.fromDay - 1 };
  const sketches = await store.getDurationWindows({ projectId, branch: filters.branch, baseline, current });
  const byId = new Map(windows.map((window) => [window.id, window]));
  const slower: SlowerTest[] = [];
  for (const [testId, currentSketch] of sketches.current) {
    const baselineSketch = sketches.baseline.get(testId);
    const window = byId.get(testId);
    if (!baselineSketch || !window) continue;
    const now = summarizeSketch(currentSketch);
    const before = summarizeSketch(baselineSketch);
    const comparison = compareTiming(
      { p50Ms: now.p50Ms, count: now.count },
      { p50Ms: before.p50Ms, count: before.count },
    );
    if (comparison.verdict !== "slower") continue;
    slower.push({
      ...identityOf(window),
      baselineMs: before.p50Ms as number,
      currentMs: now.p50Ms as number,
      changeMs: comparison.changeMs as number,
      changeRatio: comparison.changeRatio,
      samples: now.count,
    });
  }
  return slower.sort((a, b) => b.changeMs - a.changeMs).slice(0, LIST_LENGTH);
}

/** Failing and flaky tests by the CI time they cost (core/analytics' impact ranking), with their rates. */
function troubledTests(windows: readonly TestWindow[]): TroubledTest[] {
  const ranked = rankByImpact(
    windows.map((window) => ({
      window,
      failures: window.failed + window.flaky,
      ciTimeLostMs: window.ciTimeLostMs,
    })),
    LIST_LENGTH,
  );
  return ranked.map(({ window, failures, ciTimeLostMs }) => ({
    ...identityOf(window),
    state: window.state,
    failures,
    failureRate: failureRate(window),
    flakeRate: flakeRate(window),
    ciTimeLostMs,
  }));
}

function identityOf(test: TestIdentity): TestIdentity {
  return {
    id: test.id,
    testKey: test.testKey,
    suite: test.suite,
    classname: test.classname,
    name: test.name,
    file: test.file,
  };
}

/** One point per day of the range, so that charts show the gaps. */
function fillDays(filters: Filters, point: (day: string) => SeriesPoint): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let day = filters.fromDay; day <= filters.toDay; day++) points.push(point(dayOf(day * DAY_MS)));
  return points;
}
