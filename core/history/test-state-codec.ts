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

/**
 * The state as the JSON array `Encoded` describes, written out by hand: every upload encodes the state of every
 * test it holds on the default branch, and JSON.stringify of the array (and of a mapped commits list) cost
 * several times as much. Strings are quoted as they are when nothing in them needs escaping, else by
 * JSON.stringify: the output is the text JSON.stringify gave.
 */
export function encodeTestState(state: TestState): string {
  return `${encodeTestStateHead(state)},${encodeCommits(state.commits)}]`;
}

/** The encoding up to the commits: `[1,"healthy",…,results` (the chunks of states write commits apart). */
export function encodeTestStateHead(state: TestState): string {
  return (
    `[${ENCODING_VERSION},${text(state.health)},${text(state.reason)},${number(state.since)},` +
    `${text(state.brokenSinceCommit)},${text(state.recent)},${number(state.failuresInARow)},` +
    `${number(state.passesInARow)},${number(state.resultsSinceFlake)},${text(state.streakStartCommit)},` +
    `${number(state.results)}`
  );
}

/**
 * The commits as one JSON string. Tests that ran together share their list of commits (core/analytics), so
 * each list is written once.
 */
export function encodeCommits(commits: readonly CommitSeen[]): string {
  let encoded = encodedCommits.get(commits);
  if (encoded === undefined) {
    let text = "";
    let plain = true;
    for (let index = 0; index < commits.length; index++) {
      const commit = commits[index] as CommitSeen;
      if (plain && !isPlain(commit.sha)) plain = false;
      text +=
        (index === 0 ? "" : " ") +
        commit.sha +
        (commit.passed ? (commit.failed ? ":3" : ":1") : commit.failed ? ":2" : ":0");
    }
    encoded = plain ? `"${text}"` : JSON.stringify(text);
    encodedCommits.set(commits, encoded);
  }
  return encoded;
}

const encodedCommits = new WeakMap<readonly CommitSeen[], string>();

function text(value: string | null): string {
  if (value === null) return "null";
  return isPlain(value) ? `"${value}"` : JSON.stringify(value);
}

/** Nothing JSON escapes: no quote, backslash or control character (nor a lone surrogate, which it escapes). */
function isPlain(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  return true;
}

/** As JSON.stringify writes a number: null for null, NaN and the infinities. */
function number(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "null" : String(value);
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
