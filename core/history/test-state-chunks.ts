// How the dashboard keeps its tests' states (each packed by test-state-codec.ts): a row per chunk of 128 test
// ids, so that an upload rewrites a few dozen rows instead of one row per test. The chunk of a test is fixed
// by its id: these numbers are in the database.
//
// A chunk is lines, one per test. Tests that ran together remember the same commits, which are most of a
// state, so a line gives them once per chunk:
//   `id<TAB>head<TAB>commits`   the state's encoding up to its commits, then the commits as a JSON string;
//   `id<TAB>head<TAB>=other`    the same commits as test `other`, given on an earlier line;
//   `id state`                  the whole encoding (chunks written before commits were given apart).
// JSON escapes tabs and line breaks inside strings, so neither appears in an encoding.
import type { TestState } from "../analytics/index.ts";
import { encodeCommits, encodeTestStateHead } from "./test-state-codec.ts";

export const STATE_CHUNK_SIZE = 128;

/** The chunk that holds a test's state. */
export function stateChunkOf(testId: number): number {
  return Math.floor(testId / STATE_CHUNK_SIZE);
}

/** Test id → the state's whole encoding (decodeTestState's input), from a stored chunk. */
export function splitStateChunk(text: string): Map<number, string> {
  const states = new Map<number, string>();
  const commitsOf = new Map<number, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const tab = line.indexOf("\t");
    if (tab < 0) {
      const space = line.indexOf(" ");
      if (space < 0) throw new RangeError(`not a line of a chunk of test states: ${line.slice(0, 40)}`);
      states.set(testId(line.slice(0, space)), line.slice(space + 1));
      continue;
    }
    const id = testId(line.slice(0, tab));
    const second = line.indexOf("\t", tab + 1);
    if (second < 0) throw new RangeError(`not a line of a chunk of test states: ${line.slice(0, 40)}`);
    let commits = line.slice(second + 1);
    if (commits.startsWith("=")) {
      const shared = commitsOf.get(testId(commits.slice(1)));
      if (shared === undefined) throw new RangeError(`a chunk of test states refers to ${commits} before it`);
      commits = shared;
    }
    commitsOf.set(id, commits);
    states.set(id, `${line.slice(tab + 1, second)},${commits}]`);
  }
  return states;
}

/**
 * A chunk to store, from its tests' states: advanced ones (whose lists of commits are shared by the tests
 * that ran together) or packed ones as read.
 */
export function joinStateChunk(states: Iterable<readonly [number, TestState | string]>): string {
  const lines: string[] = [];
  const firstWith = new Map<readonly unknown[], number>();
  for (const [id, state] of states) {
    if (typeof state === "string") {
      lines.push(`${id} ${state}`);
      continue;
    }
    const head = encodeTestStateHead(state);
    const earlier = firstWith.get(state.commits);
    if (earlier !== undefined) {
      lines.push(`${id}\t${head}\t=${earlier}`);
    } else {
      firstWith.set(state.commits, id);
      lines.push(`${id}\t${head}\t${encodeCommits(state.commits)}`);
    }
  }
  // Joined, not concatenated: one flat string, which the database drivers copy out at once.
  return lines.join("\n");
}

function testId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || text === "")
    throw new RangeError(`not a test id in a chunk of test states: ${text}`);
  return id;
}
