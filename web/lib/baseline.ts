// The base branch's baseline for a pull request's comment (issue #13): for the tests a run saw, each test's
// health, flake rate and p50 duration with its sample size on the branch over the last four weeks, and the
// suite's wall time there. Answered in one request, from the daily rollups (one read, however many tests).
import "server-only";
import { z } from "zod";
import {
  percentileOfSketch,
  rateOf,
  summarizeDurations,
  type TestHealth,
} from "../../core/analytics/index.ts";
import { DAY_MS, dayOf, type Store } from "../../store/queries.ts";
import { ApiError, formatPath } from "./api-error.ts";
import { projectPath } from "./paths.ts";

/** Days the baseline looks back over, today included. */
export const BASELINE_DAYS = 28;
/** Most test ids one request may name. */
const MAX_TESTS = 100_000;

export const baselineRequestSchema = z.object({
  branch: z.string().trim().min(1).max(500),
  jobKey: z.string().trim().min(1).max(500).optional(),
  tests: z.array(z.string().min(1).max(200)).max(MAX_TESTS).optional(),
});
export type BaselineRequest = z.output<typeof baselineRequestSchema>;

export interface BaselineTestAnswer {
  /** Null when no health is kept for the branch (only the default branch's is). */
  readonly health: TestHealth | null;
  /** Runs in which it failed at least once (failed, or passed only on a retry) ÷ runs; null without runs. */
  readonly flakeRate: number | null;
  readonly p50Ms: number | null;
  readonly samples: number;
}

export interface BaselineAnswer {
  readonly project: string;
  readonly branch: string;
  readonly healthKnown: boolean;
  readonly window: { readonly from: string; readonly to: string; readonly days: number };
  readonly runs: number;
  readonly wallTime: { readonly p50Ms: number | null; readonly samples: number };
  readonly testUrlTemplate: string;
  readonly tests: Record<string, BaselineTestAnswer>;
}

export function readBaselineRequest(input: unknown): BaselineRequest {
  const parsed = baselineRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatPath(issue?.path ?? []);
  throw new ApiError(400, {
    code: "invalid-parameter",
    message: `${field}: ${issue?.message ?? "invalid"}`,
    field,
  });
}

export async function buildBaseline(options: {
  readonly store: Store;
  readonly project: { readonly id: number; readonly slug: string; readonly defaultBranch: string | null };
  readonly request: BaselineRequest;
  readonly origin: string;
  readonly now: number;
}): Promise<BaselineAnswer> {
  const { store, project, request } = options;
  const toDay = dayOf(options.now);
  const fromDay = toDay - (BASELINE_DAYS - 1);
  const [rows, runs] = await Promise.all([
    store.getBaseline({
      projectId: project.id,
      branch: request.branch,
      testKeys: request.tests ?? null,
      fromDay,
      toDay,
    }),
    store.listRunsInRange({
      projectId: project.id,
      branch: request.branch,
      since: fromDay * DAY_MS,
      until: (toDay + 1) * DAY_MS,
    }),
  ]);
  const healthKnown = project.defaultBranch !== null && project.defaultBranch === request.branch;
  const tests: Record<string, BaselineTestAnswer> = {};
  for (const row of rows) {
    // What a reviewer asks of a flaky test: in how many runs did it fail (passing on a retry or not).
    const rate = rateOf(row.failed + row.flaky, row.passed + row.failed + row.flaky);
    tests[row.testKey] = {
      health: healthKnown ? row.state : null,
      flakeRate: rate.rate,
      p50Ms: row.durations ? roundOrNull(percentileOfSketch(row.durations, 50)) : null,
      samples: row.timed,
    };
  }
  // The suite's wall time: runs of the same job (its key, else its name) that ran to the end.
  const timed = runs.filter(
    (run) =>
      run.outcome !== "infra-failure" &&
      (request.jobKey === undefined || (run.jobKey ?? run.job) === request.jobKey),
  );
  const wall = summarizeDurations(timed.map((run) => run.durationMs));
  return {
    project: project.slug,
    branch: request.branch,
    healthKnown,
    window: { from: isoDay(fromDay), to: isoDay(toDay), days: BASELINE_DAYS },
    runs: runs.length,
    wallTime: { p50Ms: wall.p50Ms, samples: wall.count },
    testUrlTemplate: `${options.origin}${projectPath(project.slug)}/tests/{testId}`,
    tests,
  };
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
