// A test's health, healthy / flaky / broken, kept per test (one branch, one configuration) and advanced one
// result at a time at ingest, so that no page recomputes it from raw rows. Hysteresis: a state is entered on
// clear evidence and left on clear evidence, so a test does not bounce between states every run.
//
// - flaky, entered on a pass and a genuine failure on one commit (at once: same code, different result), or
//   on a flip rate of at least `flakyFlipRate` once the test passes again (an unfinished failure streak is
//   judged by the broken rule, not counted as flakiness); left after `flakyResolvesAfterPasses` passes in a
//   row, or when a full window's flip rate is under `resolvedFlipRate` with no flaky evidence in it.
// - broken, entered on `brokenAfterFailures` failures in a row (`flakyBrokenAfterFailures` for a flaky test),
//   whatever the older history (Allure once called such a test flaky because of it); left on the first
//   pass. Its failure streak then leaves the flip window: a regression and its fix are not flakiness.
// - infrastructure verdicts and skips leave the state untouched: an outage is never flaky.
import type { TestVerdict } from "../run/index.ts";
import { type AnalyticsOptions, resolveOptions } from "./defaults.ts";
import { flipRateOfOutcomes } from "./flakiness.ts";
import { countedOutcome } from "./outcomes.ts";

export type TestHealth = "healthy" | "flaky" | "broken";

/** Why a test is in its state, for "why is it flaky?" next to the figures. */
export type HealthReason = "same-commit" | "flip-rate" | "failures-in-a-row";

/** One result of the test, in commit order. */
export interface TestResult {
  readonly verdict: TestVerdict;
  readonly commitSha: string | null;
  /** When the run started (epoch ms): dates the state changes. */
  readonly at: number;
}

/** What a recent commit showed, so that a later re-run of it can contradict it. */
export interface CommitSeen {
  readonly sha: string;
  readonly passed: boolean;
  readonly failed: boolean;
}

/** Plain JSON: the dashboard stores it per test and resumes from it. */
export interface TestState {
  readonly health: TestHealth;
  /** Null while healthy. */
  readonly reason: HealthReason | null;
  /** When the health last changed (the run's `at`); null while it never has. */
  readonly since: number | null;
  /** While broken: the first failing commit of the streak ("broken since abc123"). */
  readonly brokenSinceCommit: string | null;
  /** Final outcomes of the last `flipWindow` counted results, oldest first: P passed, F failed. */
  readonly recent: string;
  readonly failuresInARow: number;
  /** Passes in a row with no flaky evidence among them. */
  readonly passesInARow: number;
  /** Counted results since the last flaky evidence; null when there never was any. */
  readonly resultsSinceFlake: number | null;
  /** First commit of the current failure streak. */
  readonly streakStartCommit: string | null;
  /** Oldest first, at most `commitMemory`. */
  readonly commits: readonly CommitSeen[];
  /** Counted results so far (infrastructure and skips excluded). */
  readonly results: number;
}

export const newTestState: TestState = {
  health: "healthy",
  reason: null,
  since: null,
  brokenSinceCommit: null,
  recent: "",
  failuresInARow: 0,
  passesInARow: 0,
  resultsSinceFlake: null,
  streakStartCommit: null,
  commits: [],
  results: 0,
};

/** The state after one more result: what ingest calls for each stored result. */
export function advanceTestState(
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

/** The state after a list of results in commit order: the same steps as ingest, over stored results. */
export function foldTestState(
  results: Iterable<TestResult>,
  options: Partial<AnalyticsOptions> = {},
  initial: TestState = newTestState,
): TestState {
  let state = initial;
  for (const result of results) state = advanceTestState(state, result, options);
  return state;
}

/** The flip rate over the state's window, for display next to the health. */
export function flipRateOfState(state: TestState, options: Partial<AnalyticsOptions> = {}) {
  return flipRateOfOutcomes(state.recent, resolveOptions(options).flipWindow);
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
