// The PR comment's view of a run against the base branch's baseline, and what `fail-on: new-failures` makes
// of it: known flaky does not block, new failures and still-broken tests do, no baseline falls back.
import { describe, expect, it } from "vitest";
import {
  type BaselineTest,
  compareWithBaseline,
  decideFailOnNewFailures,
  type RunTest,
} from "../../core/analytics/index.ts";

const healthy = (p50Ms: number | null = null, samples = 0): BaselineTest => ({
  health: "healthy",
  flakeRate: 0,
  p50Ms,
  samples,
});

const BASELINE: Record<string, BaselineTest> = {
  checkout: healthy(10_000, 20),
  search: { health: "flaky", flakeRate: 0.12, p50Ms: 3_000, samples: 40 },
  legacy: { health: "broken", flakeRate: 0, p50Ms: null, samples: 0 },
  export: { health: "broken", flakeRate: 0, p50Ms: 2_000, samples: 9 },
  payments: healthy(10_000, 20),
  users: healthy(10_000, 20),
  "few-samples": healthy(10_000, 3),
  cart: healthy(1_000, 50),
  reports: { health: "flaky", flakeRate: 0.3, p50Ms: 500, samples: 10 },
};

const RUN: RunTest[] = [
  { id: "checkout", verdict: "failed", durationMs: 9_000 },
  { id: "search", verdict: "failed", durationMs: 3_100 },
  { id: "legacy", verdict: "failed", durationMs: 100 },
  { id: "brand-new", verdict: "failed", durationMs: 100 },
  { id: "constructor", verdict: "failed", durationMs: 100 },
  { id: "payments", verdict: "passed", durationMs: 14_000 },
  { id: "users", verdict: "passed", durationMs: 10_500 },
  { id: "few-samples", verdict: "passed", durationMs: 20_000 },
  { id: "export", verdict: "passed", durationMs: 2_100 },
  { id: "cart", verdict: "flaky", durationMs: 5_000 },
  { id: "reports", verdict: "flaky", durationMs: 900 },
  { id: "db-migrations", verdict: "infra-failure", durationMs: 60_000 },
  { id: "skipped", verdict: "skipped", durationMs: 0 },
];

describe("compareWithBaseline", () => {
  it("sorts each test into new failure, known flaky, already broken, newly flaky, fixed, slower", () => {
    expect(compareWithBaseline(RUN, BASELINE)).toEqual({
      newFailures: ["checkout", "brand-new", "constructor"],
      knownFlaky: [
        { id: "search", failed: true, flakeRate: 0.12 },
        { id: "reports", failed: false, flakeRate: 0.3 },
      ],
      alreadyBroken: ["legacy"],
      newlyFlaky: ["cart"],
      fixed: ["export"],
      // payments: +4 s, +40 % over 20 base durations. users: +0.5 s. few-samples: 3 base durations.
      timingRegressions: [
        { id: "payments", durationMs: 14_000, baselineP50Ms: 10_000, changeMs: 4_000, changeRatio: 0.4 },
      ],
    });
  });
});

describe("decideFailOnNewFailures", () => {
  it("fails on new failures and still-broken tests, listing known flaky as not blocking", () => {
    const decision = decideFailOnNewFailures(
      { outcome: "test-failures", failed: 5 },
      compareWithBaseline(RUN, BASELINE),
    );
    expect(decision).toEqual({
      fails: true,
      reason:
        "3 new failures and 1 test already broken on the base branch and not fixed (fail-on: new-failures).",
      fellBack: false,
      notBlocking: ["search"],
    });
  });

  it("passes a run whose only failure is known flaky", () => {
    const run = RUN.filter((test) => test.id === "search" || test.id === "payments");
    expect(
      decideFailOnNewFailures({ outcome: "test-failures", failed: 1 }, compareWithBaseline(run, BASELINE)),
    ).toEqual({ fails: false, reason: null, fellBack: false, notBlocking: ["search"] });
  });

  it("fails on a broken test this PR did not fix, not on one it fixed", () => {
    const stillBroken = [{ id: "legacy", verdict: "failed" as const, durationMs: 1 }];
    expect(
      decideFailOnNewFailures(
        { outcome: "test-failures", failed: 1 },
        compareWithBaseline(stillBroken, BASELINE),
      ).fails,
    ).toBe(true);
    const fixed = [{ id: "legacy", verdict: "passed" as const, durationMs: 1 }];
    expect(
      decideFailOnNewFailures({ outcome: "passed", failed: 0 }, compareWithBaseline(fixed, BASELINE)).fails,
    ).toBe(false);
  });

  it("falls back to test-failures without a baseline: never green by accident", () => {
    expect(decideFailOnNewFailures({ outcome: "test-failures", failed: 1 }, null)).toEqual({
      fails: true,
      reason: "1 test failed (no baseline: fail-on new-failures fell back to test-failures).",
      fellBack: true,
      notBlocking: [],
    });
    expect(decideFailOnNewFailures({ outcome: "passed", failed: 0 }, null)).toEqual({
      fails: false,
      reason: null,
      fellBack: true,
      notBlocking: [],
    });
  });

  it("fails when infrastructure failed every attempt, when the command failed with no failing test, and on a failure the comparison did not see", () => {
    const empty = compareWithBaseline([], BASELINE);
    expect(decideFailOnNewFailures({ outcome: "infra-failure", failed: 0 }, empty).fails).toBe(true);
    expect(decideFailOnNewFailures({ outcome: "test-failures", failed: 0 }, empty)).toMatchObject({
      fails: true,
      reason: "The command failed with no failing test (fail-on: new-failures).",
    });
    expect(decideFailOnNewFailures({ outcome: "test-failures", failed: 2 }, empty)).toMatchObject({
      fails: true,
      reason: "2 failed tests not compared with the baseline (fail-on: new-failures).",
    });
  });
});
