// Each test's state is stored compactly: what comes back must be the analytics' state exactly.
import { describe, expect, it } from "vitest";
import {
  advanceTestState,
  foldTestState,
  newTestState,
  type TestResult,
} from "../../core/analytics/index.ts";
import {
  decodeTestState,
  encodeTestState,
  joinStateChunk,
  splitStateChunk,
  stateChunkOf,
  stateCommit,
} from "../../core/history/index.ts";

describe("stored test states", () => {
  it("give back the state the analytics folded, commits and all, in a third of the JSON", () => {
    const verdicts = [
      "passed",
      "failed",
      "passed",
      "passed",
      "failed",
      "failed",
      "failed",
      "passed",
      "flaky",
    ] as const;
    const results: TestResult[] = verdicts.map((verdict, index) => ({
      verdict,
      commitSha: stateCommit(`${index % 4}`.repeat(40)),
      at: 1_700_000_000_000 + index * 60_000,
    }));
    const state = foldTestState(results);
    expect(state.commits.length).toBeGreaterThan(2);
    const text = encodeTestState(state);
    expect(decodeTestState(text)).toEqual(state);
    expect(text.length * 2).toBeLessThan(JSON.stringify(state).length);
    expect(decodeTestState(encodeTestState(newTestState))).toEqual(newTestState);
  });

  it("writes the text JSON.stringify wrote of the state's array, whatever the strings hold", () => {
    const state = {
      ...foldTestState([
        { verdict: "failed", commitSha: 'quote" and \\ back', at: 5 },
        { verdict: "failed", commitSha: "b", at: 6 },
        { verdict: "failed", commitSha: "ünï 🚀", at: 7 },
      ]),
      resultsSinceFlake: 3,
    };
    expect(state.health).toBe("broken");
    const asBefore = JSON.stringify([
      1,
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
    ]);
    expect(encodeTestState(state)).toBe(asBefore);
    expect(encodeTestState(newTestState)).toBe('[1,"healthy",null,null,null,"",0,0,null,null,0,""]');
  });

  it("keeps SHAs short and free of the characters the encoding uses", () => {
    expect(stateCommit("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")).toBe("0a1b2c3d4e5f6071");
    expect(stateCommit("weird: sha with spaces")).toBe("weirdshawithspac");
    expect(stateCommit(null)).toBeNull();
  });

  it("refuses text that is not a stored state", () => {
    expect(() => decodeTestState('{"health":"healthy"}')).toThrow(/not a stored test state/);
  });
});

describe("chunks of stored test states", () => {
  it("give back every test's state, giving commits that tests share once", () => {
    let states = new Map<number, ReturnType<typeof advanceTestState>>();
    for (const id of [256, 257, 258, 300]) states.set(id, newTestState);
    for (let run = 0; run < 25; run++) {
      const next = new Map<number, ReturnType<typeof advanceTestState>>();
      for (const [id, state] of states) {
        const verdict = id === 258 && run % 3 === 0 ? "failed" : "passed";
        next.set(id, advanceTestState(state, { verdict, commitSha: `c${run}`, at: run }));
      }
      states = next;
    }
    // Tests 256, 257 and 300 ran alike: one list of commits; 258 failed on some of them.
    expect(states.get(256)?.commits).toBe(states.get(257)?.commits);
    expect(states.get(258)?.commits).not.toBe(states.get(256)?.commits);
    const chunk = joinStateChunk([...states, [301, encodeTestState(newTestState)]]);
    expect(chunk.split("\n").filter((line) => line.endsWith("\t=256"))).toHaveLength(2);
    const read = splitStateChunk(chunk);
    expect([...read.keys()]).toEqual([256, 257, 258, 300, 301]);
    for (const [id, state] of states) expect(decodeTestState(read.get(id) as string)).toEqual(state);
    expect(decodeTestState(read.get(301) as string)).toEqual(newTestState);
    const whole = [...states.values()].map(encodeTestState).join("").length;
    expect(chunk.length).toBeLessThan(whole);
    expect(stateChunkOf(255)).toBe(1);
    expect(stateChunkOf(256)).toBe(2);
  });

  it("read the lines migration 0004 wrote (id, a space, the whole state)", () => {
    const text = encodeTestState(newTestState);
    expect(splitStateChunk(`7 ${text}\n9 ${text}`)).toEqual(
      new Map([
        [7, text],
        [9, text],
      ]),
    );
    expect(() => splitStateChunk("7\t[1\t=5")).toThrow(/refers to =5 before it/);
    expect(() => splitStateChunk("seven [1]")).toThrow(/not a test id/);
  });
});
