// What a run's verdict (core/run/model.ts) counts as for the analytics. Infrastructure verdicts and skips
// count for nothing here: an outage is never a test's failure, and never evidence that it is flaky.
import type { TestVerdict } from "../run/index.ts";

/** A verdict the flakiness and failure figures count: `flaky` passed only after a genuine failure. */
export type CountedOutcome = "pass" | "fail" | "flaky";

/** The outcome a verdict counts as, or null for skips and infrastructure (recovered or not). */
export function countedOutcome(verdict: TestVerdict): CountedOutcome | null {
  switch (verdict) {
    case "passed":
      return "pass";
    case "failed":
      return "fail";
    case "flaky":
      return "flaky";
    default:
      return null;
  }
}

/** Only clean passes time a test: a failure may have timed out, a retry adds attempts. */
export function countsForTiming(verdict: TestVerdict): boolean {
  return verdict === "passed";
}

/** Results of a test by verdict: additive, so daily rollups sum and windows merge. */
export interface OutcomeCounts {
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  readonly skipped: number;
  /** `infra-failure` and `recovered-after-infra-retry`: kept apart, counted in no rate. */
  readonly infra: number;
}

export const noOutcomes: OutcomeCounts = { passed: 0, failed: 0, flaky: 0, skipped: 0, infra: 0 };

/** The counts with one more result: the incremental form of `countOutcomes`. */
export function addOutcome(counts: OutcomeCounts, verdict: TestVerdict): OutcomeCounts {
  const key = outcomeCountKey(verdict);
  return key === null ? counts : { ...counts, [key]: counts[key] + 1 };
}

export function countOutcomes(verdicts: Iterable<TestVerdict>): OutcomeCounts {
  let counts = noOutcomes;
  for (const verdict of verdicts) counts = addOutcome(counts, verdict);
  return counts;
}

/** Two windows' or days' counts together. */
export function mergeOutcomeCounts(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    flaky: a.flaky + b.flaky,
    skipped: a.skipped + b.skipped,
    infra: a.infra + b.infra,
  };
}

/**
 * The count a verdict adds one to. Null for a placeholder `superseded` by the real failures of the tests it
 * stood for: they count instead.
 */
export function outcomeCountKey(verdict: TestVerdict): keyof OutcomeCounts | null {
  switch (verdict) {
    case "passed":
      return "passed";
    case "failed":
      return "failed";
    case "flaky":
      return "flaky";
    case "skipped":
      return "skipped";
    case "infra-failure":
    case "recovered-after-infra-retry":
      return "infra";
    case "superseded":
      return null;
  }
}
