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
import { type AnalyticsOptions, analyticsDefaults, resolveOptions } from "./defaults.ts";
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

/**
 * The state after one more result: what ingest calls for each stored result, thousands of times per upload.
 * It builds the next state once, with no intermediate objects (an earlier version spread the state up to three
 * times and copied the commits three times per result); a property test holds it to that version's results.
 */
export function advanceTestState(
  previous: TestState,
  result: TestResult,
  options?: Partial<AnalyticsOptions>,
): TestState {
  const outcome = countedOutcome(result.verdict);
  if (outcome === null) return previous;
  const settings = options === undefined ? analyticsDefaults : resolveOptions(options);

  const sha = result.commitSha;
  const seen = sha === null ? undefined : findCommit(previous.commits, sha);

  const passed = outcome !== "fail";
  const failed = outcome !== "pass";
  const flake =
    outcome === "flaky" || (seen !== undefined && ((passed && seen.failed) || (failed && seen.passed)));
  const final = outcome === "fail" ? "F" : "P";
  const failuresInARow = final === "F" ? previous.failuresInARow + 1 : 0;
  const streakStartCommit = final === "F" ? (failuresInARow === 1 ? sha : previous.streakStartCommit) : null;
  const passesInARow = final === "P" && !flake ? previous.passesInARow + 1 : 0;
  const resultsSinceFlake = flake
    ? 0
    : previous.resultsSinceFlake === null
      ? null
      : previous.resultsSinceFlake + 1;
  const commits = rememberCommit(previous.commits, sha, seen, passed, failed, settings.commitMemory);
  let recent = appendOutcome(previous.recent, final, settings.flipWindow);

  // What the result makes of the health; `recent` changes only when a broken test is fixed.
  let health: TestHealth = previous.health;
  let reason: HealthReason | null = previous.reason;
  let entered = false;
  let brokenSinceCommit = previous.brokenSinceCommit;
  if (previous.health === "broken") {
    if (final === "P") {
      // The regression's failures leave the window; what came before them stays.
      const before = previous.recent.slice(0, Math.max(0, previous.recent.length - previous.failuresInARow));
      recent = (before + final).slice(-settings.flipWindow);
      const flakyReason = flakyEvidence(recent, failuresInARow, flake, settings);
      health = flakyReason ? "flaky" : "healthy";
      reason = flakyReason;
      entered = true;
    }
  } else {
    const brokenAfter =
      previous.health === "flaky" ? settings.flakyBrokenAfterFailures : settings.brokenAfterFailures;
    if (failuresInARow >= brokenAfter) {
      health = "broken";
      reason = "failures-in-a-row";
      entered = true;
    } else if (previous.health === "healthy") {
      const flakyReason = flakyEvidence(recent, failuresInARow, flake, settings);
      if (flakyReason) {
        health = "flaky";
        reason = flakyReason;
        entered = true;
      }
    } else if (flake) {
      // Flaky: same-commit evidence is the stronger explanation whenever it arrives.
      reason = "same-commit";
    } else if (isFlakinessResolved(recent, passesInARow, resultsSinceFlake, settings)) {
      health = "healthy";
      reason = null;
      entered = true;
    }
  }
  let since = previous.since;
  if (entered && health !== previous.health) {
    since = result.at;
    // Broken since the first failing commit of the streak; any other change forgets it.
    brokenSinceCommit = health === "broken" ? streakStartCommit : null;
  }
  return {
    health,
    reason,
    since,
    brokenSinceCommit,
    recent,
    failuresInARow,
    passesInARow,
    resultsSinceFlake,
    streakStartCommit,
    commits,
    results: previous.results + 1,
  };
}

/** The state after a list of results in commit order: the same steps as ingest, over stored results. */
export function foldTestState(
  results: Iterable<TestResult>,
  options?: Partial<AnalyticsOptions>,
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

function flakyEvidence(
  recent: string,
  failuresInARow: number,
  flake: boolean,
  settings: AnalyticsOptions,
): HealthReason | null {
  if (flake) return "same-commit";
  // Only once the test passes again: while it keeps failing, the broken rule decides.
  if (failuresInARow > 0) return null;
  return flipsIn(recent, settings.flipWindow) / (settings.flipWindow - 1) >= settings.flakyFlipRate
    ? "flip-rate"
    : null;
}

function isFlakinessResolved(
  recent: string,
  passesInARow: number,
  resultsSinceFlake: number | null,
  settings: AnalyticsOptions,
): boolean {
  if (passesInARow >= settings.flakyResolvesAfterPasses) return true;
  const fullWindow = recent.length >= settings.flipWindow;
  const noFlakeInWindow = resultsSinceFlake === null || resultsSinceFlake >= settings.flipWindow;
  return (
    fullWindow &&
    noFlakeInWindow &&
    flipsIn(recent, settings.flipWindow) / (settings.flipWindow - 1) < settings.resolvedFlipRate
  );
}

/** flipRateOfOutcomes' flips, without its result object: this runs for most results of a healthy test. */
function flipsIn(outcomes: string, window: number): number {
  if (!Number.isInteger(window) || window < 2)
    throw new RangeError(`The flip window must be 2 or more: ${window}`);
  const start = Math.max(0, outcomes.length - window);
  let flips = 0;
  for (let index = start + 1; index < outcomes.length; index += 1) {
    if (outcomes.charCodeAt(index) !== outcomes.charCodeAt(index - 1)) flips += 1;
  }
  return flips;
}

/** The commit in the list, looked for once per shared list and commit (see rememberCommit). */
function findCommit(commits: readonly CommitSeen[], sha: string): CommitSeen | undefined {
  const found = lastFound.get(commits);
  if (found && found.sha === sha) return found.commit;
  let commit: CommitSeen | undefined;
  for (let index = 0; index < commits.length; index++) {
    if ((commits[index] as CommitSeen).sha === sha) {
      commit = commits[index];
      break;
    }
  }
  lastFound.set(commits, { sha, commit });
  return commit;
}

const lastFound = new WeakMap<readonly CommitSeen[], { sha: string; commit: CommitSeen | undefined }>();

/**
 * The commits with this one last (moved there if it was seen before), the oldest dropped beyond `memory`.
 *
 * An upload advances thousands of tests by the same commit, and most of them had the same commits before
 * (they ran together): the list made for one is handed to the next with the same list and outcome, instead of
 * a copy per test that would stay in memory until the next upload. The lists are never changed, so sharing
 * them changes no state.
 */
function rememberCommit(
  commits: readonly CommitSeen[],
  sha: string | null,
  seen: CommitSeen | undefined,
  passed: boolean,
  failed: boolean,
  memory: number,
): readonly CommitSeen[] {
  if (sha === null) return commits;
  const slot = (passed ? 1 : 0) | (failed ? 2 : 0);
  if (remembered.sha !== sha || remembered.lists >= MAX_REMEMBERED_LISTS) {
    remembered = { sha, lists: 0, made: new WeakMap() };
  }
  let made = remembered.made.get(commits);
  const kept = made?.[slot];
  if (kept && kept.sha === sha && kept.memory === memory) return kept.commits;
  const nowPassed = passed || (seen?.passed ?? false);
  const nowFailed = failed || (seen?.failed ?? false);
  const entry: CommitSeen =
    seen !== undefined && seen.passed === nowPassed && seen.failed === nowFailed
      ? seen
      : commitSeen(sha, nowPassed, nowFailed);
  let others = 0;
  for (let index = 0; index < commits.length; index++)
    if ((commits[index] as CommitSeen).sha !== sha) others++;
  // As slice(-limit) would: the oldest of the others fall out of memory.
  let skip = Math.max(0, others + 1 - Math.trunc(Math.max(1, memory)));
  const out: CommitSeen[] = [];
  for (let index = 0; index < commits.length; index++) {
    const commit = commits[index] as CommitSeen;
    if (commit.sha === sha) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push(commit);
  }
  out.push(entry);
  if (!made) {
    made = [];
    remembered.made.set(commits, made);
    remembered.lists++;
  }
  made[slot] = { sha, memory, commits: out };
  return out;
}

/** The window after one more outcome; the same string for the tests that had the same window. */
function appendOutcome(recent: string, final: "P" | "F", window: number): string {
  if (lastAppended.recent === recent && lastAppended.final === final && lastAppended.window === window) {
    return lastAppended.result;
  }
  const result = (recent + final).slice(-window);
  lastAppended = { recent, final, window, result };
  return result;
}

let lastAppended = { recent: "", final: "", window: 0, result: "" };

/**
 * Per list of commits, the lists the results of one commit made of it, one per outcome (a pass, a failure, a
 * pass after a failure): tests that ran together share them whatever order they are advanced in.
 *
 * Kept for one commit only, and for a bounded number of lists. A list made here is itself a key for the next
 * commit's lists, so a memory kept across commits chained every list ever made to the oldest one a test still
 * held (a test that stopped running kept its list, and with it every later list): ingest's memory grew with
 * every upload, about 55 bytes a result, until the process ran out of heap at 65 million results.
 */
let remembered: {
  sha: string;
  lists: number;
  made: WeakMap<
    readonly CommitSeen[],
    ({ sha: string; memory: number; commits: readonly CommitSeen[] } | undefined)[]
  >;
} = { sha: "", lists: 0, made: new WeakMap() };

/** Lists remembered for one commit before the memory starts over (an upload of 20,000 tests makes a few). */
const MAX_REMEMBERED_LISTS = 10_000;

/** The entries of the last commit seen, one per outcome, shared by the tests that ran on it. */
let lastCommit: { sha: string; entries: (CommitSeen | undefined)[] } = { sha: "", entries: [] };

function commitSeen(sha: string, passed: boolean, failed: boolean): CommitSeen {
  if (lastCommit.sha !== sha) lastCommit = { sha, entries: [] };
  const slot = (passed ? 1 : 0) | (failed ? 2 : 0);
  let entry = lastCommit.entries[slot];
  if (!entry) {
    entry = { sha, passed, failed };
    lastCommit.entries[slot] = entry;
  }
  return entry;
}
