// How the dashboard keeps its tests' states (each packed by test-state-codec.ts): a row per chunk of 128 test
// ids, holding one `id state` line per test, so that an upload rewrites a few dozen rows instead of one row
// per test. The chunk of a test is fixed by its id: these numbers are in the database.

export const STATE_CHUNK_SIZE = 128;

/** The chunk that holds a test's state. */
export function stateChunkOf(testId: number): number {
  return Math.floor(testId / STATE_CHUNK_SIZE);
}

/** Test id → packed state, from a stored chunk. */
export function splitStateChunk(text: string): Map<number, string> {
  const states = new Map<number, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const space = text.indexOf(" ", start);
    if (space < 0 || space > end) throw new RangeError(`not a stored chunk of test states at ${start}`);
    const id = Number(text.slice(start, space));
    if (!Number.isInteger(id))
      throw new RangeError(`not a test id in a chunk of test states: ${text.slice(start, space)}`);
    states.set(id, text.slice(space + 1, end));
    start = end + 1;
  }
  return states;
}

/** A chunk to store, from its tests' packed states (which hold no line break). */
export function joinStateChunk(states: Iterable<readonly [number, string]>): string {
  const lines: string[] = [];
  for (const [id, state] of states) lines.push(`${id} ${state}`);
  // Joined, not concatenated: one flat string, which the database drivers copy out at once.
  return lines.join("\n");
}
