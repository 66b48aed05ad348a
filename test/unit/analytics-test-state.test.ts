// The per-test health state: entering and leaving flaky and broken on clear evidence only, broken never
// called flaky whatever the older history, an outage never counted, and ingest's step-by-step state equal
// to a fold over stored results.
import { describe, expect, it } from "vitest";
import {
  advanceTestState,
  flipRate,
  flipRateOfState,
  foldTestState,
  newTestState,
  type TestResult,
  type TestState,
} from "../../core/analytics/index.ts";
import type { TestVerdict } from "../../core/run/index.ts";

const LETTERS: Record<string, TestVerdict> = {
  P: "passed",
  F: "failed",
  I: "infra-failure",
  R: "recovered-after-infra-retry",
  K: "flaky",
  S: "skipped",
};

let clock = 0;

/** One result per letter, each on a new commit c<n>, an hour apart. */
function results(pattern: string): TestResult[] {
  return [...pattern].map((letter) => {
    clock += 1;
    return { verdict: LETTERS[letter] ?? "passed", commitSha: `c${clock}`, at: clock * 3_600_000 };
  });
}

function on(commitSha: string, letter: string): TestResult {
  clock += 1;
  return { verdict: LETTERS[letter] ?? "passed", commitSha, at: clock * 3_600_000 };
}

/** Health after each result. */
function healths(list: readonly TestResult[], options = {}, from: TestState = newTestState): string[] {
  const seen: string[] = [];
  let state = from;
  for (const result of list) {
    state = advanceTestState(state, result, options);
    seen.push(state.health);
  }
  return seen;
}

describe("test state: flaky", () => {
  it("enters at once on a pass and a failure of the same commit (a re-run)", () => {
    const history = results("PPPP");
    const first = on("abc", "P");
    const rerun = on("abc", "F");
    const state = foldTestState([...history, first, rerun]);
    expect(state).toMatchObject({ health: "flaky", reason: "same-commit", since: rerun.at });
  });

  it("enters at once on a run that passed only after a genuine failure", () => {
    expect(foldTestState(results("PPPK"))).toMatchObject({ health: "flaky", reason: "same-commit" });
  });

  it("does not call one isolated failure flaky: 2 flips in 30 is 0.069 < 0.1", () => {
    expect(healths(results("PPPPPFPPPP"))).toEqual(Array(10).fill("healthy"));
  });

  it("enters on the flip rate only once the test passes again", () => {
    // P×5 F P×3 F P: the second failure makes 3 flips (0.103) but the streak is unfinished; the pass after it
    // makes 4 flips (0.138 ≥ 0.1).
    const seen = healths(results("PPPPPFPPPFP"));
    expect(seen).toEqual([...Array(10).fill("healthy"), "flaky"]);
    expect(foldTestState(results("PPPPPFPPPFP"))).toMatchObject({ reason: "flip-rate" });
  });

  it("leaves after 30 passes in a row, not before, and a failure on the way starts the count again", () => {
    const flaky = foldTestState([on("x", "P"), on("x", "F")]);
    expect(flaky.health).toBe("flaky");
    expect(healths(results("P".repeat(30)), {}, flaky)).toEqual([...Array(29).fill("flaky"), "healthy"]);
    const interrupted = healths(results(`${"P".repeat(20)}F${"P".repeat(30)}`), {}, flaky);
    // The failure resets the count; 29 passes after it, the window (F P×29) holds 1 flip of 29 = 0.034, under
    // 0.05 with no flaky evidence in it, which resolves it one pass before the 30th.
    expect(interrupted.indexOf("healthy")).toBe(20 + 1 + 28);
  });

  it("leaves when a full window's flip rate falls under half the entry threshold", () => {
    // Window 10, enter at 0.3, leave under 0.15 (1 flip of 9 = 0.111; 2 = 0.222); 30 passes never reached.
    const options = {
      flipWindow: 10,
      flakyFlipRate: 0.3,
      resolvedFlipRate: 0.15,
      flakyResolvesAfterPasses: 30,
    };
    const seen = healths(results(`PFPFP${"P".repeat(8)}`), options);
    // P F P F P: 4 flips of 9 = 0.444 at the 5th result; 7 more passes leave P F P P… in the window (2 flips);
    // the 8th leaves F P P… (1 flip).
    expect(seen).toEqual(["healthy", "healthy", "healthy", "healthy", ...Array(8).fill("flaky"), "healthy"]);
  });

  it("does not bounce: flaky stays flaky through a few passes and a failure", () => {
    const flaky = foldTestState(results("PPPK"));
    expect(healths(results("PPPPPFPPPPPP"), {}, flaky).every((health) => health === "flaky")).toBe(true);
  });
});

describe("test state: broken", () => {
  it("enters on the third failure in a row, from the first failing commit, and leaves on the first pass", () => {
    const list = results("PPPPPFFF");
    const firstFailure = list[5];
    const broken = foldTestState(list);
    expect(healths(list).slice(-3)).toEqual(["healthy", "healthy", "broken"]);
    expect(broken).toMatchObject({
      health: "broken",
      reason: "failures-in-a-row",
      brokenSinceCommit: firstFailure?.commitSha,
      since: list[7]?.at,
    });
    const stillBroken = foldTestState(results("F".repeat(20)), {}, broken);
    expect(stillBroken).toMatchObject({ health: "broken", brokenSinceCommit: firstFailure?.commitSha });
    const fixed = foldTestState(results("P"), {}, stillBroken);
    expect(fixed).toMatchObject({ health: "healthy", reason: null, brokenSinceCommit: null });
  });

  it("takes the regression out of the flip window once fixed: a later isolated failure is not flaky", () => {
    // With the streak kept, P×5 F F F P F P would be 4 flips (0.138): flaky. Without it: P×6 F P, 2 flips.
    const state = foldTestState(results("PPPPPFFFPFP"));
    expect(state.health).toBe("healthy");
    expect(state.recent).toBe("PPPPPPFP");
  });

  it("is flaky, not healthy, when the failing commit passes on a re-run", () => {
    const broken = foldTestState([...results("PP"), on("bad", "F"), on("bad2", "F"), on("bad3", "F")]);
    expect(broken.health).toBe("broken");
    expect(advanceTestState(broken, on("bad3", "P"))).toMatchObject({
      health: "flaky",
      reason: "same-commit",
    });
  });

  it("calls a consistently failing test broken, never flaky, whatever its older flaky history", () => {
    // Allure 3 once labelled such a test flaky because of older history.
    const flakyPast = foldTestState([...results("PFPFPFP"), on("x", "P"), on("x", "F"), ...results("P")]);
    expect(flakyPast.health).toBe("flaky");
    const seen = healths(results("F".repeat(40)), {}, flakyPast);
    // A flaky test needs 5 failures in a row; from then on it is broken for as long as it fails.
    expect(seen.slice(0, 5)).toEqual(["flaky", "flaky", "flaky", "flaky", "broken"]);
    expect(seen.slice(4).every((health) => health === "broken")).toBe(true);
  });

  it("calls a test that fails from its first run broken, not flaky", () => {
    expect(healths(results("FFFFFF"))).toEqual([
      "healthy",
      "healthy",
      "broken",
      "broken",
      "broken",
      "broken",
    ]);
  });
});

describe("test state: infrastructure", () => {
  it("leaves the state untouched through an outage, whether the tests recovered or not", () => {
    const before = foldTestState(results("PPPPP"));
    const outage = results("IIIIIRRRIIIIIIIII");
    expect(foldTestState(outage, {}, before)).toBe(before);
    expect(foldTestState([...results("PPPPP"), ...outage, ...results("PP")]).health).toBe("healthy");
  });

  it("does not let an outage break a failure streak or a pass streak either", () => {
    expect(foldTestState(results("PPFIFIIF")).health).toBe("broken");
    expect(foldTestState(results("PPPSSS")).passesInARow).toBe(3);
  });
});

describe("test state: incremental and over a window agree", () => {
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };

  function history(length: number, seed: number): TestResult[] {
    const random = seeded(seed);
    const list: TestResult[] = [];
    for (let index = 0; index < length; index += 1) {
      const roll = random();
      const letter = roll < 0.6 ? "P" : roll < 0.8 ? "F" : roll < 0.88 ? "I" : roll < 0.94 ? "K" : "S";
      // Now and then a re-run of the previous commit.
      const commitSha =
        random() < 0.2 && index > 0 ? (list[index - 1]?.commitSha ?? null) : `s${seed}-${index}`;
      list.push({ verdict: LETTERS[letter] ?? "passed", commitSha, at: index * 60_000 });
    }
    return list;
  }

  it("resumes from a stored (JSON) state at any point with the same result as one fold", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const list = history(300, seed);
      const whole = foldTestState(list);
      for (let split = 0; split <= list.length; split += 17) {
        const stored = JSON.parse(JSON.stringify(foldTestState(list.slice(0, split))));
        expect(foldTestState(list.slice(split), {}, stored)).toEqual(whole);
      }
      let stepped: TestState = newTestState;
      for (const result of list) stepped = JSON.parse(JSON.stringify(advanceTestState(stepped, result)));
      expect(stepped).toEqual(whole);
    }
  });

  it("keeps the same flip rate as flipRate over the stored results while the test is never broken", () => {
    let compared = 0;
    for (const seed of [11, 12, 13]) {
      const list = history(200, seed);
      let state: TestState = newTestState;
      for (let index = 0; index < list.length; index += 1) {
        const result = list[index] as TestResult;
        state = advanceTestState(state, result);
        if (state.health === "broken") break;
        const stored = list.slice(0, index + 1).map((r) => r.verdict);
        expect(flipRateOfState(state)).toEqual(flipRate(stored));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
