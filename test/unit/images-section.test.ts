// The job summary's Images section: what it says about each image and about the time the cache saved or
// cost against pulling. End-to-end runs (action-images.test.ts) check it on real jobs; here the arithmetic
// and the wording of each case.
import { describe, expect, it } from "vitest";
import { cacheHit, type ImageRestore, type ImageSave } from "../../core/images/index.ts";
import { renderImagesSection } from "../../core/report/index.ts";

const hit = (reference: string, restoreSeconds: number, pullSeconds: number | null): ImageRestore => ({
  result: "loaded",
  reference,
  key: `k-${reference}`,
  bytes: 120_000_000,
  seconds: restoreSeconds + 1,
  restoreSeconds,
  pullSeconds,
});

const pulled = (reference: string, pullSeconds: number): ImageRestore => ({
  result: "pulled",
  reference,
  key: null,
  seconds: pullSeconds,
  pullSeconds,
});

const times = { restoreSeconds: 9.5, saveSeconds: 0.2 };
const nothingSaved: readonly ImageSave[] = [];

describe("the Images section", () => {
  it("states what the cache saved against the pulls on record", () => {
    const text = renderImagesSection([hit("db:1", 3, 10), hit("queue:1", 2, 4.5)], nothingSaved, times);
    expect(comparison(text)).toEqual({
      images: 2,
      restored: 5,
      pulled: 14.5,
      verdict: "saved",
      by: 9.5,
      unknown: null,
    });
  });

  it("says so when the cache was slower than pulling", () => {
    const text = renderImagesSection([hit("db:1", 8, 2.5)], nothingSaved, times);
    expect(comparison(text)).toMatchObject({ verdict: "cost", by: 5.5 });
  });

  it("compares only images with a pull time on record, and says how many had none", () => {
    const text = renderImagesSection([hit("db:1", 1, 3), hit("built:1", 1, null)], nothingSaved, times);
    expect(comparison(text)).toMatchObject({ images: 1, restored: 1, pulled: 3, unknown: 1 });
    expect(comparison(renderImagesSection([hit("built:1", 1, null)], nothingSaved, times))).toBeNull();
    // A pull in this job is not a restore: nothing to compare yet.
    expect(comparison(renderImagesSection([pulled("db:1", 7)], nothingSaved, times))).toBeNull();
  });

  it("keeps a reference from breaking out of its table cell or code span", () => {
    const text = renderImagesSection([hit("evil`|<b>x</b>:1", 1, 2)], nothingSaved, times);
    const row = text.split("\n").find((line) => line.includes("evil")) ?? "";
    expect(row.split("|")).toHaveLength(7);
    expect(row).not.toContain("`|");
  });

  it("calls a restore a full hit only when nothing missed", () => {
    expect(cacheHit([hit("a:1", 1, 1)])).toBe("true");
    expect(cacheHit([hit("a:1", 1, 1), pulled("b:1", 1)])).toBe("partial");
    expect(cacheHit([pulled("b:1", 1)])).toBe("false");
  });
});

/** The figures of the "Compared with pulling" line, or null when there is none. */
function comparison(text: string) {
  const line = text.split("\n").find((candidate) => candidate.startsWith("Compared with pulling:"));
  if (!line) return null;
  const match =
    /^Compared with pulling: (\d+) images? restored in ([\d.]+) s, where pulling them took ([\d.]+) s when they were cached: the cache (saved|cost) ([\d.]+) s(?: more than pulling)?\.(?: \((\d+) images? without a pull time on record\.\))?$/.exec(
      line,
    );
  if (!match) throw new Error(`not a comparison line: ${line}`);
  const [, images, restored, pulled, verdict, by, unknown] = match;
  return {
    images: Number(images),
    restored: Number(restored),
    pulled: Number(pulled),
    verdict,
    by: Number(by),
    unknown: unknown === undefined ? null : Number(unknown),
  };
}

describe("the Images section on tags checked against their registry", () => {
  type Loaded = Extract<ImageRestore, { result: "loaded" }>;
  type Pulled = Extract<ImageRestore, { result: "pulled" }>;
  const FROM = `sha256:${"a".repeat(64)}`;
  const TO = `sha256:${"b".repeat(64)}`;

  it("says which tag moved, from which digest to which, and that it was pulled", () => {
    const moved: ImageRestore = {
      ...(pulled("postgres:16", 4) as Pulled),
      freshness: { kind: "moved", from: FROM, to: TO },
    };
    const text = renderImagesSection([moved], nothingSaved, times);
    expect(text).toContain("| `postgres:16` | tag moved, pulled |");
    expect(text).toContain(
      "Tags that moved since they were cached: `postgres:16` from `sha256:aaaaaaaaaaaa` to `sha256:bbbbbbbbbbbb`.",
    );
  });

  it("says which cached copies were used without a check, why, and since when", () => {
    const unchecked: ImageRestore = {
      ...(hit("redis:7", 1, 2) as Loaded),
      freshness: {
        kind: "unverified",
        problem: "rate-limited",
        reason: "registry-1.docker.io answered 429 Too Many Requests: its rate limit is reached",
        cachedAt: "2026-11-20T08:00:00.000Z",
      },
    };
    const text = renderImagesSection([unchecked], nothingSaved, times);
    expect(text).toContain("| `redis:7` | cache hit, not checked (registry rate limit) |");
    expect(text).toContain(
      "Cached copies used without knowing whether their tag moved: `redis:7` (cached on 2026-11-20): registry-1.docker.io answered 429 Too Many Requests: its rate limit is reached.",
    );
  });

  it("escapes what a registry said, which is not ours to render", () => {
    const unchecked: ImageRestore = {
      ...(hit("redis:7", 1, 2) as Loaded),
      freshness: {
        kind: "unverified",
        problem: "registry-error",
        reason: "evil answered 500 <b>@team</b>",
        cachedAt: null,
      },
    };
    const text = renderImagesSection([unchecked], nothingSaved, times);
    expect(text).not.toContain("<b>");
    expect(text).not.toMatch(/[^\\`]@team/);
  });

  it("says nothing of freshness for copies that were current", () => {
    const current: ImageRestore = {
      ...(hit("redis:7", 1, 2) as Loaded),
      freshness: { kind: "current", digest: TO },
    };
    const text = renderImagesSection([current], nothingSaved, times);
    expect(text).toContain("| `redis:7` | cache hit |");
    expect(text).not.toContain("moved");
    expect(text).not.toContain("without knowing");
  });
});
