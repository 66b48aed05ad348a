// The flakiness figures, strongest signal first, each over a list of stored results (a window) or over
// additive counts (rollups). Infrastructure verdicts and skips are left out of every one of them.
import type { TestVerdict } from "../run/index.ts";
import { analyticsDefaults } from "./defaults.ts";
import { countedOutcome, type OutcomeCounts } from "./outcomes.ts";

/** One stored result of a test, as far as flakiness cares. */
export interface CommitResult {
  readonly commitSha: string | null;
  readonly verdict: TestVerdict;
}

/** A commit on which the same code both passed and failed. */
export interface SameCommitFlake {
  /** Null for a run with no known commit that was flaky on its own (passed on a retry). */
  readonly commitSha: string | null;
  readonly passed: number;
  readonly failed: number;
  /** Runs that failed and then passed inside the run. */
  readonly flaky: number;
}

/**
 * Same code, different result: commits with a pass and a genuine failure across attempts, re-runs or jobs,
 * in order of first appearance. The strongest signal: no change to the code can explain it.
 */
export function findSameCommitFlakes(results: Iterable<CommitResult>): SameCommitFlake[] {
  const byCommit = new Map<string, { passed: number; failed: number; flaky: number }>();
  const found: SameCommitFlake[] = [];
  for (const { commitSha, verdict } of results) {
    const outcome = countedOutcome(verdict);
    if (outcome === null) continue;
    if (commitSha === null) {
      if (outcome === "flaky") found.push({ commitSha: null, passed: 0, failed: 0, flaky: 1 });
      continue;
    }
    const tally = byCommit.get(commitSha) ?? { passed: 0, failed: 0, flaky: 0 };
    if (outcome === "pass") tally.passed += 1;
    else if (outcome === "fail") tally.failed += 1;
    else tally.flaky += 1;
    byCommit.set(commitSha, tally);
  }
  for (const [commitSha, tally] of byCommit) {
    if (tally.flaky > 0 || (tally.passed > 0 && tally.failed > 0)) found.push({ commitSha, ...tally });
  }
  return found;
}

export interface FlipRate {
  /** Status changes between consecutive counted results in the window. */
  readonly flips: number;
  /** Counted results in the window (at most the window size). */
  readonly results: number;
  /** flips ÷ (window − 1); 0 with fewer than two results. */
  readonly rate: number;
}

/**
 * How often the result changes from one default-branch run to the next, over the last `window` counted
 * results in commit order (oldest first). Each run counts by its final outcome: a run that passed on a
 * retry counts as a pass here, its flakiness is what `flakeRate` and same-commit evidence measure.
 *
 * Divisor: window − 1, the number of changes a full window can hold. With a full window it is Apple's
 * flips ÷ (n − 1); with fewer results the missing pairs count as unchanged, as in Buildkite's "divide by the
 * window": 1 flip in 2 results is 1/29, not 100 %. PPFFF over a window of 5 is 1/4, PFPFF 3/4, FFFFF 0.
 */
export function flipRate(
  verdicts: Iterable<TestVerdict>,
  window: number = analyticsDefaults.flipWindow,
): FlipRate {
  const outcomes: string[] = [];
  for (const verdict of verdicts) {
    const outcome = countedOutcome(verdict);
    if (outcome !== null) outcomes.push(outcome === "fail" ? "F" : "P");
  }
  return flipRateOfOutcomes(outcomes.slice(-window).join(""), window);
}

/** The flip rate of outcomes written as a string of P and F, oldest first (the test state keeps one). */
export function flipRateOfOutcomes(outcomes: string, window: number): FlipRate {
  if (!Number.isInteger(window) || window < 2)
    throw new RangeError(`The flip window must be 2 or more: ${window}`);
  const recent = outcomes.slice(-window);
  let flips = 0;
  for (let index = 1; index < recent.length; index += 1) {
    if (recent[index] !== recent[index - 1]) flips += 1;
  }
  return { flips, results: recent.length, rate: flips / (window - 1) };
}

/** A share with its sample size and Wilson score interval, so that 1 failure in 2 runs does not alarm. */
export interface Rate {
  readonly count: number;
  readonly total: number;
  /** count ÷ total; null when there is no result. */
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
}

/** Failure rate: failed runs ÷ counted runs (passed + failed + flaky); skips and infrastructure excluded. */
export function failureRate(counts: OutcomeCounts, z: number = analyticsDefaults.confidenceZ): Rate {
  return rateOf(counts.failed, counts.passed + counts.failed + counts.flaky, z);
}

/**
 * Flake rate: runs that passed only after a genuine failure inside the run ÷ counted runs. Catches the test
 * that retries keep green: its failure rate is 0 while it keeps costing attempts.
 */
export function flakeRate(counts: OutcomeCounts, z: number = analyticsDefaults.confidenceZ): Rate {
  return rateOf(counts.flaky, counts.passed + counts.failed + counts.flaky, z);
}

export function rateOf(count: number, total: number, z: number = analyticsDefaults.confidenceZ): Rate {
  const { low, high } = wilsonInterval(count, total, z);
  return { count, total, rate: total > 0 ? count / total : null, low, high };
}

/**
 * Wilson score interval of `count` successes in `total` trials: unlike p ± z·√(p(1−p)/n) it stays inside
 * [0, 1] and is wide for small samples (1 of 2 is 0.09–0.91 at 95 %). [0, 1] when there are no trials.
 */
export function wilsonInterval(
  count: number,
  total: number,
  z: number = analyticsDefaults.confidenceZ,
): { readonly low: number; readonly high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const p = count / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
