// advanceTestState was rewritten for speed (it runs for every result of every upload): this holds it to the
// version it replaced, kept below unchanged, over random result sequences (same-commit re-runs, infrastructure
// verdicts, skips, unknown commits) and random thresholds: every intermediate state must be equal, and a
// result that counts for nothing must give back the very same state object (ingest relies on that).
import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/prng.ts";
import {
  type AnalyticsOptions,
  advanceTestState,
  analyticsDefaults,
  type CommitSeen,
  flipRateOfOutcomes,
  type HealthReason,
  newTestState,
  resolveOptions,
  type TestHealth,
  type TestResult,
  type TestState,
} from "../../core/analytics/index.ts";
import { countedOutcome } from "../../core/analytics/outcomes.ts";
import type { TestVerdict } from "../../core/run/index.ts";

// --- the version before the rewrite, as it was (commit cd7d277), renamed ---------------------------------

function referenceAdvance(
  previous: TestState,
  result: TestResult,
  options: Partial<AnalyticsOptions> = {},
): TestState {
  const settings = resolveOptions(options);
  const outcome = countedOutcome(result.verdict);
  if (outcome === null) return previous;

  const seen =
    result.commitSha === null ? undefined : previous.commits.find((c) => c.sha === result.commitSha);
  const passed = outcome !== "fail";
  const failed = outcome !== "pass";
  const flake =
    outcome === "flaky" || (seen !== undefined && ((passed && seen.failed) || (failed && seen.passed)));
  const final = outcome === "fail" ? "F" : "P";
  const failuresInARow = final === "F" ? previous.failuresInARow + 1 : 0;

  const next: TestState = {
    ...previous,
    recent: (previous.recent + final).slice(-settings.flipWindow),
    failuresInARow,
    passesInARow: final === "P" && !flake ? previous.passesInARow + 1 : 0,
    resultsSinceFlake: flake
      ? 0
      : previous.resultsSinceFlake === null
        ? null
        : previous.resultsSinceFlake + 1,
    streakStartCommit:
      final === "F" ? (failuresInARow === 1 ? result.commitSha : previous.streakStartCommit) : null,
    commits: rememberCommit(previous.commits, result.commitSha, seen, passed, failed, settings.commitMemory),
    results: previous.results + 1,
  };

  if (previous.health === "broken") {
    if (final === "F") return next;
    // The regression's failures leave the window; what came before them stays.
    const before = previous.recent.slice(0, Math.max(0, previous.recent.length - previous.failuresInARow));
    const fixed: TestState = { ...next, recent: (before + final).slice(-settings.flipWindow) };
    const flakyReason = flakyEvidence(fixed, flake, settings);
    return flakyReason ? enter(fixed, "flaky", flakyReason, result) : enter(fixed, "healthy", null, result);
  }

  const brokenAfter =
    previous.health === "flaky" ? settings.flakyBrokenAfterFailures : settings.brokenAfterFailures;
  if (failuresInARow >= brokenAfter) {
    return {
      ...enter(next, "broken", "failures-in-a-row", result),
      brokenSinceCommit: next.streakStartCommit,
    };
  }

  if (previous.health === "healthy") {
    const flakyReason = flakyEvidence(next, flake, settings);
    return flakyReason ? enter(next, "flaky", flakyReason, result) : next;
  }

  // Flaky: same-commit evidence is the stronger explanation whenever it arrives.
  if (flake) return { ...next, reason: "same-commit" };
  return isFlakinessResolved(next, settings) ? enter(next, "healthy", null, result) : next;
}

function flakyEvidence(state: TestState, flake: boolean, settings: AnalyticsOptions): HealthReason | null {
  if (flake) return "same-commit";
  // Only once the test passes again: while it keeps failing, the broken rule decides.
  if (state.failuresInARow > 0) return null;
  return flipRateOfOutcomes(state.recent, settings.flipWindow).rate >= settings.flakyFlipRate
    ? "flip-rate"
    : null;
}

function isFlakinessResolved(state: TestState, settings: AnalyticsOptions): boolean {
  if (state.passesInARow >= settings.flakyResolvesAfterPasses) return true;
  const fullWindow = state.recent.length >= settings.flipWindow;
  const noFlakeInWindow = state.resultsSinceFlake === null || state.resultsSinceFlake >= settings.flipWindow;
  return (
    fullWindow &&
    noFlakeInWindow &&
    flipRateOfOutcomes(state.recent, settings.flipWindow).rate < settings.resolvedFlipRate
  );
}

function enter(
  state: TestState,
  health: TestHealth,
  reason: HealthReason | null,
  result: TestResult,
): TestState {
  if (state.health === health) return { ...state, reason };
  return { ...state, health, reason, since: result.at, brokenSinceCommit: null };
}

function rememberCommit(
  commits: readonly CommitSeen[],
  sha: string | null,
  seen: CommitSeen | undefined,
  passed: boolean,
  failed: boolean,
  memory: number,
): readonly CommitSeen[] {
  if (sha === null) return commits;
  const entry: CommitSeen = {
    sha,
    passed: passed || (seen?.passed ?? false),
    failed: failed || (seen?.failed ?? false),
  };
  return [...commits.filter((commit) => commit.sha !== sha), entry].slice(-Math.max(1, memory));
}

// --- the comparison --------------------------------------------------------------------------------------

const VERDICTS: readonly TestVerdict[] = [
  "passed",
  "passed",
  "passed",
  "failed",
  "failed",
  "flaky",
  "infra-failure",
  "skipped",
  "recovered-after-infra-retry",
];

function randomOptions(random: ReturnType<typeof createRandom>): Partial<AnalyticsOptions> | undefined {
  const pick = random.next();
  if (pick < 0.3) return undefined;
  if (pick < 0.4) return {};
  return {
    flipWindow: random.int(2, 12),
    flakyFlipRate: random.pick([0, 0.05, 0.1, 0.3, 0.6]),
    resolvedFlipRate: random.pick([0, 0.05, 0.2]),
    flakyResolvesAfterPasses: random.int(1, 12),
    brokenAfterFailures: random.int(1, 5),
    flakyBrokenAfterFailures: random.int(1, 7),
    commitMemory: random.pick([0, 1, 2, 3, 5, 20]),
  };
}

describe("advanceTestState, rewritten for speed", () => {
  it("gives the same state as the version it replaced after every result of 3,000 random histories", () => {
    const random = createRandom(20261206);
    let compared = 0;
    const healths = new Set<TestHealth>();
    for (let history = 0; history < 3000; history++) {
      const options = randomOptions(random);
      const commits = random.int(1, 8);
      let mine: TestState = newTestState;
      let theirs: TestState = newTestState;
      const length = random.int(1, 120);
      for (let step = 0; step < length; step++) {
        const result: TestResult = {
          verdict: random.pick(VERDICTS),
          commitSha: random.next() < 0.1 ? null : `c${random.int(1, commits)}`,
          at: step * 1000,
        };
        const next = advanceTestState(mine, result, options);
        const expected = referenceAdvance(theirs, result, options);
        expect(next).toEqual(expected);
        // Nothing counted, nothing new: the same object back.
        expect(next === mine).toBe(expected === theirs);
        mine = next;
        theirs = expected;
        healths.add(next.health);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
    // The histories went through every state.
    expect([...healths].sort()).toEqual(["broken", "flaky", "healthy"]);
  });

  it("throws for a flip window under 2, where the version it replaced threw", () => {
    const state = advanceTestState(newTestState, { verdict: "passed", commitSha: "a", at: 0 });
    expect(() =>
      advanceTestState(state, { verdict: "passed", commitSha: "b", at: 1 }, { flipWindow: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      referenceAdvance(state, { verdict: "passed", commitSha: "b", at: 1 }, { flipWindow: 1 }),
    ).toThrow(RangeError);
    expect(analyticsDefaults.flipWindow).toBeGreaterThan(1);
  });
});
