// How a test's state (core/analytics' TestState) is kept in its row: a JSON array in a fixed field order
// instead of the object, about a third of the size, since every upload rewrites the state of every test it
// holds on the default branch. The state itself, and how it advances, are the analytics'.
import type { CommitSeen, HealthReason, TestHealth, TestState } from "../analytics/index.ts";

const ENCODING_VERSION = 1;
/** Commits are compared for equality only: the first 16 characters of a SHA tell them apart. */
const SHA_LENGTH = 16;
const NOT_IN_SHA = /[^0-9A-Za-z._-]/g;

type Encoded = [
  version: number,
  health: TestHealth,
  reason: HealthReason | null,
  since: number | null,
  brokenSinceCommit: string | null,
  recent: string,
  failuresInARow: number,
  passesInARow: number,
  resultsSinceFlake: number | null,
  streakStartCommit: string | null,
  results: number,
  /** `sha:flags` oldest first, space-separated; flags 1 passed, 2 failed (one string: far faster to write). */
  commits: string,
];

/** The SHA as the state remembers it: shortened, and only characters a SHA has, so that states stay small. */
export function stateCommit(sha: string | null): string | null {
  return sha === null ? null : sha.replace(NOT_IN_SHA, "").slice(0, SHA_LENGTH);
}

export function encodeTestState(state: TestState): string {
  const encoded: Encoded = [
    ENCODING_VERSION,
    state.health,
    state.reason,
    state.since,
    state.brokenSinceCommit,
    state.recent,
    state.failuresInARow,
    state.passesInARow,
    state.resultsSinceFlake,
    state.streakStartCommit,
    state.results,
    state.commits
      .map((commit) => `${commit.sha}:${(commit.passed ? 1 : 0) | (commit.failed ? 2 : 0)}`)
      .join(" "),
  ];
  return JSON.stringify(encoded);
}

export function decodeTestState(text: string): TestState {
  const value = JSON.parse(text) as unknown;
  if (!Array.isArray(value) || value[0] !== ENCODING_VERSION || value.length !== 12) {
    throw new RangeError("not a stored test state");
  }
  const [
    ,
    health,
    reason,
    since,
    brokenSinceCommit,
    recent,
    failuresInARow,
    passesInARow,
    resultsSinceFlake,
    streakStartCommit,
    results,
    commits,
  ] = value as Encoded;
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
    results,
    commits: commits === "" ? [] : commits.split(" ").map(readCommit),
  };
}

function readCommit(text: string): CommitSeen {
  const colon = text.lastIndexOf(":");
  const flags = Number(text.slice(colon + 1));
  return { sha: text.slice(0, colon), passed: (flags & 1) !== 0, failed: (flags & 2) !== 0 };
}
