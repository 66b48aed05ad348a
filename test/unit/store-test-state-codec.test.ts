// Each test's state is stored compactly: what comes back must be the analytics' state exactly.
import { describe, expect, it } from "vitest";
import { foldTestState, newTestState, type TestResult } from "../../core/analytics/index.ts";
import { decodeTestState, encodeTestState, stateCommit } from "../../core/history/index.ts";

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
