import { describe, expect, it } from "vitest";
import {
  decideCheck,
  describeCachedAt,
  describeMove,
  describeUnverified,
  type ImageFreshness,
  judgeFreshness,
  parseImageFreshness,
  shortDigest,
} from "../../core/images/freshness.ts";

const OLD = `sha256:${"a".repeat(64)}`;
const NEW = `sha256:${"b".repeat(64)}`;
const NOW = new Date("2026-12-10T12:00:00Z");
const check: ImageFreshness = { kind: "check" };

describe("parseImageFreshness", () => {
  it.each([
    ["check", { kind: "check" }],
    ["", { kind: "check" }],
    ["trust-cache", { kind: "trust-cache" }],
    ["7d", { kind: "check-after", ms: 7 * 86_400_000, text: "7d" }],
    ["12h", { kind: "check-after", ms: 12 * 3_600_000, text: "12h" }],
    ["30m", { kind: "check-after", ms: 30 * 60_000, text: "30m" }],
    ["2w", { kind: "check-after", ms: 14 * 86_400_000, text: "2w" }],
  ])("%j", (text, expected) => {
    expect(parseImageFreshness(text)).toEqual(expected);
  });

  it.each(["always", "0d", "7", "7days", "-1d", "1.5d", "7s"])("rejects %j", (text) => {
    expect(parseImageFreshness(text)).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("7d"),
    });
  });
});

describe("decideCheck", () => {
  const copy = { reference: "postgres:16", digest: OLD, cachedAt: "2026-12-01T00:00:00Z" };

  it("checks a cached tag by default", () => {
    expect(decideCheck({ copy, listed: false, freshness: check, now: NOW })).toEqual({ check: true });
  });

  it("never checks with trust-cache, nor a reference pinned by digest", () => {
    expect(decideCheck({ copy, listed: true, freshness: { kind: "trust-cache" }, now: NOW })).toEqual({
      check: false,
      why: "trust-cache",
    });
    expect(
      decideCheck({ copy: { reference: `postgres@${OLD}` }, listed: true, freshness: check, now: NOW }),
    ).toEqual({ check: false, why: "pinned" });
  });

  it("leaves an unlisted image without a digest alone: the job built it", () => {
    expect(
      decideCheck({
        copy: { reference: "app:dev", cachedAt: copy.cachedAt },
        listed: false,
        freshness: check,
        now: NOW,
      }),
    ).toEqual({ check: false, why: "no-registry" });
    expect(
      decideCheck({ copy: { reference: "postgres:16" }, listed: true, freshness: check, now: NOW }),
    ).toEqual({ check: true });
  });

  it("with a duration, checks only copies not confirmed within it", () => {
    const week = parseImageFreshness("7d") as ImageFreshness;
    expect(decideCheck({ copy, listed: true, freshness: week, now: NOW })).toEqual({ check: true });
    expect(
      decideCheck({
        copy: { ...copy, checkedAt: "2026-12-05T00:00:00Z" },
        listed: true,
        freshness: week,
        now: NOW,
      }),
    ).toEqual({ check: false, why: "recent" });
    expect(
      decideCheck({
        copy: { ...copy, cachedAt: "2026-12-09T00:00:00Z" },
        listed: true,
        freshness: week,
        now: NOW,
      }),
    ).toEqual({ check: false, why: "recent" });
    // No date recorded: nothing says it is recent.
    expect(
      decideCheck({
        copy: { reference: "postgres:16", digest: OLD },
        listed: true,
        freshness: week,
        now: NOW,
      }),
    ).toEqual({
      check: true,
    });
  });
});

describe("judgeFreshness", () => {
  const copy = { reference: "postgres:16", digest: OLD, cachedAt: "2026-12-01T00:00:00Z" };

  it("is current when the registry names the cached digest, moved when another", () => {
    expect(judgeFreshness(copy, { kind: "digest", digest: OLD })).toEqual({ kind: "current", digest: OLD });
    expect(judgeFreshness(copy, { kind: "digest", digest: NEW })).toEqual({
      kind: "moved",
      from: OLD,
      to: NEW,
    });
    expect(judgeFreshness({ reference: "postgres:16" }, { kind: "digest", digest: NEW })).toEqual({
      kind: "moved",
      from: null,
      to: NEW,
    });
  });

  it("is unverified, with the reason and the date cached, when the registry could not say", () => {
    expect(judgeFreshness(copy, { kind: "rate-limited", reason: "429" })).toEqual({
      kind: "unverified",
      problem: "rate-limited",
      reason: "429",
      cachedAt: "2026-12-01T00:00:00Z",
    });
  });
});

describe("messages", () => {
  it("name both digests of a move, shortened", () => {
    expect(shortDigest(OLD)).toBe("sha256:aaaaaaaaaaaa");
    expect(describeMove("postgres:16", { from: OLD, to: NEW })).toBe(
      "postgres:16 moved from sha256:aaaaaaaaaaaa to sha256:bbbbbbbbbbbb: pulling the new image",
    );
  });

  it("name the reason and the date the copy was cached", () => {
    expect(
      describeUnverified(
        "postgres:16",
        {
          reason: "registry-1.docker.io is unreachable: connection refused",
          cachedAt: "2026-12-01T08:00:00Z",
        },
        NOW,
      ),
    ).toBe(
      "postgres:16: could not check whether the tag moved (registry-1.docker.io is unreachable: connection refused); using the copy cached on 2026-12-01 (9 days ago)",
    );
    expect(describeCachedAt("2026-12-10T01:00:00Z", NOW)).toBe("cached on 2026-12-10 (today)");
    expect(describeCachedAt(null, NOW)).toBe("of unknown date");
  });
});

describe("judgeFreshness without a recorded digest", () => {
  it("takes an image ID that is the registry's digest (the containerd image store) as current", () => {
    expect(judgeFreshness({ reference: "postgres:16", id: NEW }, { kind: "digest", digest: NEW })).toEqual({
      kind: "current",
      digest: NEW,
    });
    expect(judgeFreshness({ reference: "postgres:16", id: OLD }, { kind: "digest", digest: NEW })).toEqual({
      kind: "moved",
      from: null,
      to: NEW,
    });
  });
});
