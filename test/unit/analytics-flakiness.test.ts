// Flakiness figures with hand-computed values: same-commit evidence, flip rate, failure and flake rates with
// their Wilson intervals; infrastructure verdicts never count.
import { describe, expect, it } from "vitest";
import {
  countOutcomes,
  failureRate,
  findSameCommitFlakes,
  flakeRate,
  flipRate,
  mergeOutcomeCounts,
  wilsonInterval,
} from "../../core/analytics/index.ts";
import type { TestVerdict } from "../../core/run/index.ts";

/** "PPF" → passed, passed, failed; I infra-failure, R recovered-after-infra-retry, K flaky, S skipped,
 * X superseded (a setup placeholder whose tests' own failures count instead). */
function verdicts(pattern: string): TestVerdict[] {
  const map: Record<string, TestVerdict> = {
    P: "passed",
    F: "failed",
    I: "infra-failure",
    R: "recovered-after-infra-retry",
    K: "flaky",
    S: "skipped",
    X: "superseded",
  };
  return [...pattern].map((letter) => map[letter] ?? "passed");
}

describe("flipRate", () => {
  it.each([
    ["PPFFF", 1, 0.25],
    ["PFPFF", 3, 0.75],
    ["FFFFF", 0, 0],
    ["PF", 1, 0.25],
    // The oldest result falls out of a window of 5.
    ["PFFFFF", 0, 0],
  ])("%s over a window of 5: %d flips, %d", (pattern, flips, rate) => {
    expect(flipRate(verdicts(pattern), 5)).toEqual({ flips, results: Math.min(pattern.length, 5), rate });
  });

  it("divides by the window, not by the results seen, with the default window of 30", () => {
    expect(flipRate(verdicts("PPFFF")).rate).toBeCloseTo(1 / 29, 12);
  });

  it("leaves infrastructure and skips out: an outage between passes is no flip", () => {
    // Counted: P P F → 1 flip. Counting infrastructure as failures would give P F P P F → 3.
    expect(flipRate(verdicts("PIPRSF"), 5)).toEqual({ flips: 1, results: 3, rate: 0.25 });
    expect(flipRate(verdicts("PIIIIIIP"), 5).flips).toBe(0);
  });

  it("counts a run that passed on a retry by its final outcome", () => {
    expect(flipRate(verdicts("PKP"), 5).flips).toBe(0);
  });

  it("refuses a window that cannot hold a flip", () => {
    expect(() => flipRate(verdicts("PF"), 1)).toThrow(/2 or more/);
  });
});

describe("findSameCommitFlakes", () => {
  it("finds a pass and a failure on one commit across jobs and re-runs, and runs flaky on their own", () => {
    const found = findSameCommitFlakes([
      { commitSha: "a", verdict: "passed" },
      { commitSha: "b", verdict: "failed" },
      { commitSha: "a", verdict: "failed" }, // re-run of a: same code, different result
      { commitSha: "c", verdict: "flaky" },
      { commitSha: "d", verdict: "passed" },
      { commitSha: "d", verdict: "infra-failure" }, // an outage on d is no contradiction
      { commitSha: "e", verdict: "failed" },
      { commitSha: "e", verdict: "failed" }, // consistently failing: broken, not flaky
      { commitSha: null, verdict: "flaky" },
      { commitSha: null, verdict: "passed" },
      { commitSha: null, verdict: "failed" }, // unknown commits are not the same commit
      { commitSha: "b", verdict: "recovered-after-infra-retry" },
    ]);
    expect(found).toEqual([
      { commitSha: null, passed: 0, failed: 0, flaky: 1 },
      { commitSha: "a", passed: 1, failed: 1, flaky: 0 },
      { commitSha: "c", passed: 0, failed: 0, flaky: 1 },
    ]);
  });
});

describe("failure and flake rates", () => {
  it("counts failures among counted runs, with skips and infrastructure left out", () => {
    const counts = countOutcomes(verdicts("PPPPPPFFFKSSIIIRR"));
    expect(counts).toEqual({ passed: 6, failed: 3, flaky: 1, skipped: 2, infra: 5 });
    expect(failureRate(counts)).toMatchObject({ count: 3, total: 10, rate: 0.3 });
    expect(flakeRate(counts)).toMatchObject({ count: 1, total: 10, rate: 0.1 });
  });

  it("counts a superseded placeholder nowhere: the real failures it stood for count instead", () => {
    expect(countOutcomes(verdicts("PXFX"))).toEqual({ passed: 1, failed: 1, flaky: 0, skipped: 0, infra: 0 });
  });

  it("merges daily counts into a window's", () => {
    const merged = mergeOutcomeCounts(countOutcomes(verdicts("PPF")), countOutcomes(verdicts("KFI")));
    expect(merged).toEqual({ passed: 2, failed: 2, flaky: 1, skipped: 0, infra: 1 });
  });

  it("has no rate and the widest interval without results", () => {
    expect(failureRate(countOutcomes(verdicts("IIS")))).toEqual({
      count: 0,
      total: 0,
      rate: null,
      low: 0,
      high: 1,
    });
  });
});

describe("wilsonInterval at 95 %", () => {
  // Hand-computed: centre = (p + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²), z = 1.96.
  it.each([
    [1, 2, 0.0945, 0.9055],
    [5, 10, 0.2366, 0.7634],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
  ])("%d of %d is %d to %d", (count, total, low, high) => {
    const interval = wilsonInterval(count, total);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
});
