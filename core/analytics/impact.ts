// Which tests to fix first: rank by the CI time their failures cost, not by rate alone (Datadog's "CI time
// wasted", BuildPulse's "time consumed"). A test failing 2 % of a 40-minute job outranks one failing 10 %
// of a 1-minute job.
import type { TestVerdict } from "../run/index.ts";

/** What one result of a test cost in CI time. */
export interface ResultCost {
  readonly verdict: TestVerdict;
  /** Wall time of the job the result belongs to. */
  readonly jobDurationMs: number;
  /** Wall time of the attempts after the first (what the retries took). */
  readonly retryDurationMs: number;
}

/**
 * CI time a result cost: a genuine failure fails the job, which someone re-runs whole; a flaky pass cost
 * the retry that rescued it; anything else (infrastructure is charged to its signature) cost nothing here.
 * Additive, so the daily rollup sums it per test.
 */
export function ciTimeLost(result: ResultCost): number {
  if (result.verdict === "failed") return result.jobDurationMs;
  if (result.verdict === "flaky") return result.retryDurationMs;
  return 0;
}

export interface ImpactEntry {
  /** Failed and flaky results in the window. */
  readonly failures: number;
  /** Sum of `ciTimeLost` over those results: failures × the CI minutes each cost. */
  readonly ciTimeLostMs: number;
}

/** Most CI time lost first, then most failures; entries with no failure are left out. */
export function rankByImpact<T extends ImpactEntry>(
  entries: Iterable<T>,
  limit = Number.POSITIVE_INFINITY,
): T[] {
  return [...entries]
    .filter((entry) => entry.failures > 0)
    .sort((a, b) => b.ciTimeLostMs - a.ciTimeLostMs || b.failures - a.failures)
    .slice(0, limit);
}
