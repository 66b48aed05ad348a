// Infrastructure failures per day and signature with the retries and time they cost, the outage guard, and
// the impact ranking by CI time lost.
import { describe, expect, it } from "vitest";
import {
  ciTimeLost,
  isLikelyOutage,
  rankByImpact,
  summarizeInfraByDay,
  totalInfraBySignature,
} from "../../core/analytics/index.ts";

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe("infrastructure failures", () => {
  const failures = [
    {
      at: at("2026-03-01T09:00:00Z"),
      signature: "registry-rate-limit",
      retried: true,
      timeLostMs: 2 * MINUTE,
    },
    {
      at: at("2026-03-01T10:00:00Z"),
      signature: "docker-daemon-down",
      retried: true,
      timeLostMs: 1 * MINUTE,
    },
    {
      at: at("2026-03-01T11:00:00Z"),
      signature: "registry-rate-limit",
      retried: false,
      timeLostMs: 3 * MINUTE,
    },
    {
      at: at("2026-03-02T09:00:00Z"),
      signature: "registry-rate-limit",
      retried: true,
      timeLostMs: 4 * MINUTE,
    },
  ];

  it("counts failures, retries and time lost per day and signature", () => {
    expect(summarizeInfraByDay(failures)).toEqual([
      {
        day: "2026-03-01",
        signature: "registry-rate-limit",
        failures: 2,
        retries: 1,
        timeLostMs: 5 * MINUTE,
      },
      { day: "2026-03-01", signature: "docker-daemon-down", failures: 1, retries: 1, timeLostMs: 1 * MINUTE },
      {
        day: "2026-03-02",
        signature: "registry-rate-limit",
        failures: 1,
        retries: 1,
        timeLostMs: 4 * MINUTE,
      },
    ]);
  });

  it("sums days into a window's totals, most time lost first", () => {
    expect(totalInfraBySignature(summarizeInfraByDay(failures))).toEqual([
      { signature: "registry-rate-limit", failures: 3, retries: 2, timeLostMs: 9 * MINUTE },
      { signature: "docker-daemon-down", failures: 1, retries: 1, timeLostMs: 1 * MINUTE },
    ]);
  });

  it("takes a run where 80 % of at least 20 tests failed for an outage", () => {
    expect(isLikelyOutage({ tests: 100, failed: 80 })).toBe(true);
    expect(isLikelyOutage({ tests: 100, failed: 79 })).toBe(false);
    expect(isLikelyOutage({ tests: 10, failed: 10 })).toBe(false);
    expect(isLikelyOutage({ tests: 10, failed: 10 }, { outageMinTests: 10 })).toBe(true);
  });
});

describe("impact", () => {
  it("charges a failure the whole job, a flaky pass its retry, and infrastructure nothing", () => {
    const cost = { jobDurationMs: 40 * MINUTE, retryDurationMs: 12 * MINUTE };
    expect(ciTimeLost({ verdict: "failed", ...cost })).toBe(40 * MINUTE);
    expect(ciTimeLost({ verdict: "flaky", ...cost })).toBe(12 * MINUTE);
    expect(ciTimeLost({ verdict: "passed", ...cost })).toBe(0);
    expect(ciTimeLost({ verdict: "infra-failure", ...cost })).toBe(0);
    expect(ciTimeLost({ verdict: "recovered-after-infra-retry", ...cost })).toBe(0);
  });

  it("ranks 2 failures of a 40-minute job above 10 failures of a 1-minute job", () => {
    const ranked = rankByImpact([
      { id: "fast-but-often", failures: 10, ciTimeLostMs: 10 * MINUTE },
      { id: "green", failures: 0, ciTimeLostMs: 0 },
      { id: "rare-but-costly", failures: 2, ciTimeLostMs: 80 * MINUTE },
      { id: "same-cost-more-failures", failures: 12, ciTimeLostMs: 10 * MINUTE },
    ]);
    expect(ranked.map((entry) => entry.id)).toEqual([
      "rare-but-costly",
      "same-cost-more-failures",
      "fast-but-often",
    ]);
    expect(rankByImpact(ranked, 1).map((entry) => entry.id)).toEqual(["rare-but-costly"]);
  });
});
