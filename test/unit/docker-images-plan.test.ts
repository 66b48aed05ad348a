// The image cache's pure logic: keys, the index, the restore and save plans.
import { describe, expect, it } from "vitest";
import {
  CacheKeyError,
  defaultKeyPrefix,
  type IndexedImage,
  imageCacheKey,
  indexKey,
  isPinnedByDigest,
  type LocalImage,
  parseImageIndex,
  planIndex,
  planRestore,
  planSave,
  type SaveFacts,
} from "../../core/images/index.ts";

const PREFIX = "seamwatch-images-linux-x64";
const id = (digit: string) => `sha256:${digit.repeat(64)}`;
const image = (reference: string, digit: string, sizeBytes = 1000): LocalImage => ({
  reference,
  id: id(digit),
  sizeBytes,
});
const cached = (local: LocalImage): IndexedImage => ({
  ...local,
  key: imageCacheKey({ prefix: PREFIX, reference: local.reference, imageId: local.id }),
});

describe("imageCacheKey", () => {
  it("carries the prefix, a readable reference and the shortened image ID", () => {
    const key = imageCacheKey({ prefix: PREFIX, reference: "postgres:16-alpine", imageId: id("a") });
    expect(key).toMatch(/^seamwatch-images-linux-x64-img-postgres-16-alpine-[0-9a-f]{8}-a{16}$/);
  });

  it("changes with the content and keeps references that sanitise alike apart", () => {
    const base = { prefix: PREFIX, reference: "a/b:c", imageId: id("a") };
    expect(imageCacheKey(base)).not.toBe(imageCacheKey({ ...base, imageId: id("b") }));
    expect(imageCacheKey(base)).not.toBe(imageCacheKey({ ...base, reference: "a-b:c" }));
  });

  it("stays within GitHub's key rules for any reference", () => {
    const key = imageCacheKey({
      prefix: PREFIX,
      reference: `registry.example.com:5000/${"deep/".repeat(200)}name,with,commas:tag`,
      imageId: id("c"),
    });
    expect(key.length).toBeLessThanOrEqual(512);
    expect(key).not.toContain(",");
    expect(key.endsWith(`-${"c".repeat(16)}`)).toBe(true);
  });

  it("rejects a prefix with a comma and a value that is not an image ID, naming them", () => {
    expect(() => imageCacheKey({ prefix: "a,b", reference: "x:1", imageId: id("a") })).toThrow(
      /comma: "a,b"/,
    );
    expect(() => imageCacheKey({ prefix: PREFIX, reference: "x:1", imageId: "latest" })).toThrow(
      CacheKeyError,
    );
  });

  it("defaults the prefix to OS and architecture; the index key is a prefix apart from image keys", () => {
    expect(defaultKeyPrefix({ platform: "linux", arch: "arm64" })).toBe("seamwatch-images-linux-arm64");
    expect(indexKey(PREFIX)).toBe(`${PREFIX}-index-`);
    const imageKey = imageCacheKey({ prefix: PREFIX, reference: "index:1", imageId: id("a") });
    expect(imageKey.startsWith(indexKey(PREFIX))).toBe(false);
  });
});

describe("the index", () => {
  it("is keyed by its content, whatever the order of its images", () => {
    const a = cached(image("a:1", "a"));
    const b = cached(image("b:1", "b"));
    expect(planIndex(PREFIX, [a, b]).key).toBe(planIndex(PREFIX, [b, a]).key);
    expect(planIndex(PREFIX, [a]).key).not.toBe(planIndex(PREFIX, [a, b]).key);
    expect(planIndex(PREFIX, [a]).key.startsWith(indexKey(PREFIX))).toBe(true);
  });

  it("round-trips through JSON and refuses what is not an index", () => {
    const { index } = planIndex(PREFIX, [cached(image("a:1", "a"))]);
    expect(parseImageIndex(JSON.stringify(index))).toEqual(index);
    expect(parseImageIndex('{"version":1,"images":[{"reference":1}]}')).toBeNull();
    expect(parseImageIndex('{"version":2,"images":[]}')).toBeNull();
    expect(parseImageIndex("{trunc")).toBeNull();
  });
});

describe("planRestore", () => {
  it("restores listed and indexed images the engine lacks, and pulls listed ones nobody cached", () => {
    const a = cached(image("a:1", "a"));
    const b = cached(image("b:1", "b"));
    const c = cached(image("c:1", "c"));
    const plan = planRestore({
      listed: ["a:1", "new:1", "here:1"],
      indexed: [a, b, c],
      local: [image("b:1", "b"), image("c:1", "0"), image("here:1", "e")],
    });
    expect(plan.restore.map((entry) => entry.reference)).toEqual(["a:1", "c:1"]);
    expect(plan.present).toEqual(["here:1", "b:1"]);
    expect(plan.unknown).toEqual(["new:1"]);
  });
});

describe("planSave", () => {
  const a = image("a:1", "a", 100);
  const b = image("b:1", "b", 300);
  const c = image("c:1", "c", 200);
  const facts = (over: Partial<SaveFacts>): SaveFacts => ({
    mode: "auto",
    prefix: PREFIX,
    listed: [],
    before: [],
    after: [a, b, c],
    indexed: [],
    restored: [],
    pulled: [],
    existingKeys: [],
    readOnly: false,
    maxBytes: null,
    ...over,
  });
  const saved = (plan: ReturnType<typeof planSave>) => plan.save.map((entry) => entry.reference);
  const reasons = (plan: ReturnType<typeof planSave>) =>
    Object.fromEntries(plan.skipped.map((entry) => [entry.reference, entry.reason]));

  it("auto saves what the job brought, not what the runner already had", () => {
    const runnerImage = image("runner:1", "9");
    const plan = planSave(facts({ before: [runnerImage], after: [runnerImage, a, b] }));
    expect(saved(plan)).toEqual(["a:1", "b:1"]);
    expect(plan.index?.index.images.map((entry) => entry.reference)).toEqual(["a:1", "b:1"]);
  });

  it("skips images unchanged since restored and keys already cached, and keeps them in the index", () => {
    const plan = planSave(
      facts({
        restored: [cached(a)],
        existingKeys: [cached(b).key],
      }),
    );
    expect(saved(plan)).toEqual(["c:1"]);
    expect(reasons(plan)).toEqual({ "a:1": "unchanged", "b:1": "key-exists" });
    expect(plan.index?.index.images.map((entry) => entry.reference)).toEqual(["a:1", "b:1", "c:1"]);
  });

  it("saves an image whose content changed after it was restored, under a new key", () => {
    const rebuilt = image("a:1", "f", 100);
    const plan = planSave(facts({ after: [rebuilt, b], restored: [cached(a), cached(b)] }));
    expect(saved(plan)).toEqual(["a:1"]);
    expect(plan.save[0]?.key).toBe(cached(rebuilt).key);
    expect(plan.index?.index.images.find((entry) => entry.reference === "a:1")?.id).toBe(rebuilt.id);
  });

  it("listed mode saves only listed images and names listed ones that are gone", () => {
    const plan = planSave(facts({ mode: "listed", listed: ["b:1", "gone:1"] }));
    expect(saved(plan)).toEqual(["b:1"]);
    expect(reasons(plan)).toEqual({ "gone:1": "not-present" });
  });

  it("read-only saves nothing and writes no index; off does nothing at all", () => {
    const plan = planSave(facts({ readOnly: true }));
    expect(plan.save).toEqual([]);
    expect(reasons(plan)).toEqual({ "a:1": "read-only", "b:1": "read-only", "c:1": "read-only" });
    expect(plan.index).toBeNull();
    expect(planSave(facts({ mode: "off" }))).toEqual({ save: [], skipped: [], notices: [], index: null });
  });

  it("over the size cap skips the largest first, with a notice, until the rest fits", () => {
    const plan = planSave(facts({ maxBytes: 300 }));
    expect(saved(plan)).toEqual(["a:1", "c:1"]);
    expect(reasons(plan)).toEqual({ "b:1": "over-size-cap" });
    expect(plan.notices).toEqual([expect.stringMatching(/over cache-max-gb .*not caching the largest, b:1/)]);
    expect(plan.index?.index.images.map((entry) => entry.reference)).toEqual(["a:1", "c:1"]);

    const tight = planSave(facts({ maxBytes: 150 }));
    expect(saved(tight)).toEqual(["a:1"]);
    expect(reasons(tight)).toEqual({ "b:1": "over-size-cap", "c:1": "over-size-cap" });
  });

  it("drops images the job no longer has from the index: it never grows past what one job uses", () => {
    const plan = planSave(
      facts({ after: [a], indexed: [cached(a), cached(b), cached(c)], restored: [cached(a)] }),
    );
    expect(plan.index?.index.images.map((entry) => entry.reference)).toEqual(["a:1"]);
  });

  it("knows an index that is already cached", () => {
    const index = planIndex(PREFIX, [cached(a)]);
    const plan = planSave(
      facts({ after: [a], indexed: [cached(a)], restored: [cached(a)], existingKeys: [index.key] }),
    );
    expect(plan.index).toEqual({ ...index, exists: true });
  });

  it("records this job's pull time in the index and carries a recorded one over unchanged", () => {
    const pulledNow = planSave(facts({ after: [a], pulled: [{ reference: "a:1", seconds: 12.5 }] }));
    expect(pulledNow.index?.index.images).toEqual([{ ...cached(a), pullSeconds: 12.5 }]);

    // The next job restores it: same image, same pull time, so the very same index (nothing to save).
    const recorded = { ...cached(a), pullSeconds: 12.5 };
    const warm = planSave(
      facts({
        after: [a],
        indexed: [recorded],
        restored: [recorded],
        existingKeys: [pulledNow.index?.key ?? ""],
      }),
    );
    expect(warm.index).toEqual({ ...pulledNow.index, exists: true });

    // A rebuilt image is another image: the old pull time does not describe it.
    const rebuilt = image("a:1", "f", 100);
    const changed = planSave(facts({ after: [rebuilt], indexed: [recorded], restored: [recorded] }));
    expect(changed.index?.index.images[0]).not.toHaveProperty("pullSeconds");
    expect(parseImageIndex(JSON.stringify(pulledNow.index?.index))).toEqual(pulledNow.index?.index);
    expect(
      parseImageIndex(
        '{"version":1,"images":[{"reference":"a","id":"b","key":"c","sizeBytes":1,"pullSeconds":"x"}]}',
      ),
    ).toBeNull();
  });

  it("never claims to cache an image pinned by digest: docker load cannot bring the digest back", () => {
    const pinned = "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const plan = planSave(facts({ mode: "listed", listed: [pinned, "a:1"] }));
    expect(saved(plan)).toEqual(["a:1"]);
    expect(plan.skipped).toEqual([
      {
        reference: pinned,
        image: null,
        reason: "pinned-by-digest",
        message: expect.stringContaining("pinned by digest, which `docker load` cannot restore"),
      },
    ]);
    expect(isPinnedByDigest("redis:7")).toBe(false);
    expect(isPinnedByDigest("127.0.0.1:5000/redis:7@sha256:00")).toBe(true);
  });
});

describe("planSave: where each cached copy came from", () => {
  const NOW = "2026-12-01T09:00:00.000Z";
  const DIGEST = `sha256:${"d".repeat(64)}`;
  const OTHER = `sha256:${"e".repeat(64)}`;
  const facts = (over: Partial<SaveFacts>): SaveFacts => ({
    mode: "auto",
    prefix: PREFIX,
    listed: [],
    before: [],
    after: [],
    indexed: [],
    restored: [],
    pulled: [],
    existingKeys: [],
    readOnly: false,
    maxBytes: null,
    now: NOW,
    ...over,
  });
  const indexed = (plan: ReturnType<typeof planSave>) => plan.index?.index.images ?? [];

  it("records the digest a pulled image has in the engine, and today as the day it was cached", () => {
    const pulled = { ...image("postgres:16", "a"), repoDigests: [DIGEST] };
    const plan = planSave(
      facts({ listed: ["postgres:16"], after: [pulled], pulled: [{ reference: "postgres:16", seconds: 3 }] }),
    );
    expect(indexed(plan)).toEqual([
      expect.objectContaining({ reference: "postgres:16", digest: DIGEST, cachedAt: NOW }),
    ]);
    expect(indexed(plan)[0]).not.toHaveProperty("repoDigests");
  });

  it("carries an unchanged copy's digest and date over, so a job with nothing new leaves the same index", () => {
    const copy = {
      ...cached(image("postgres:16", "a")),
      digest: DIGEST,
      cachedAt: "2026-11-01T00:00:00.000Z",
    };
    const first = planIndex(PREFIX, [copy]);
    // Loaded from the cache on the classic image store: the engine records no digest for it.
    const plan = planSave(
      facts({
        listed: ["postgres:16"],
        after: [image("postgres:16", "a")],
        indexed: [copy],
        restored: [copy],
        existingKeys: [copy.key, first.key],
      }),
    );
    expect(indexed(plan)).toEqual([copy]);
    expect(plan.index?.exists).toBe(true);
  });

  it("prefers the digest the registry named when the engine records several", () => {
    const both = { ...image("postgres:16", "a"), repoDigests: [OTHER, DIGEST] };
    const plan = planSave(
      facts({
        listed: ["postgres:16"],
        after: [both],
        registryDigests: [{ reference: "postgres:16", digest: DIGEST }],
      }),
    );
    expect(indexed(plan)[0]?.digest).toBe(DIGEST);
  });

  it("takes what the engine records over an index entry of the same image whose tag has moved on", () => {
    const copy = {
      ...cached(image("postgres:16", "a")),
      digest: OTHER,
      cachedAt: "2026-11-01T00:00:00.000Z",
    };
    const repulled = { ...image("postgres:16", "a"), repoDigests: [DIGEST] };
    const plan = planSave(
      facts({
        listed: ["postgres:16"],
        after: [repulled],
        indexed: [copy],
        pulled: [{ reference: "postgres:16", seconds: 2 }],
      }),
    );
    expect(indexed(plan)).toEqual([
      expect.objectContaining({ digest: DIGEST, cachedAt: "2026-11-01T00:00:00.000Z" }),
    ]);
  });

  it("records no digest for an image built here, even when the engine lists its own ID as one", () => {
    // The containerd image store lists a built image's own digest among its RepoDigests.
    const built = { ...image("app:dev", "b"), repoDigests: [id("b")] };
    const plan = planSave(facts({ after: [built] }));
    expect(indexed(plan)[0]).not.toHaveProperty("digest");
    // The same digest for an image seamwatch pulled is the digest it was pulled by.
    const pulled = planSave(facts({ after: [built], pulled: [{ reference: "app:dev", seconds: 1 }] }));
    expect(indexed(pulled)[0]?.digest).toBe(id("b"));
  });

  it("records when a check found the copy current only when checks run by age", () => {
    const copy = {
      ...cached(image("postgres:16", "a")),
      digest: DIGEST,
      cachedAt: "2026-11-01T00:00:00.000Z",
    };
    const common = {
      listed: ["postgres:16"],
      after: [image("postgres:16", "a")],
      indexed: [copy],
      restored: [copy],
      registryDigests: [{ reference: "postgres:16", digest: DIGEST }],
    };
    expect(indexed(planSave(facts({ ...common, recordChecks: true })))[0]?.checkedAt).toBe(NOW);
    expect(indexed(planSave(facts({ ...common, recordChecks: false })))[0]).not.toHaveProperty("checkedAt");
  });

  it("reads an index without digests or dates (written before they were kept) and one with them", () => {
    const old = '{"version":1,"images":[{"reference":"a:1","id":"sha256:a","key":"k","sizeBytes":1}]}';
    expect(parseImageIndex(old)?.images).toEqual([
      { reference: "a:1", id: "sha256:a", key: "k", sizeBytes: 1 },
    ]);
    const withDigest = old.replace('"sizeBytes":1', `"sizeBytes":1,"digest":"${DIGEST}","cachedAt":"${NOW}"`);
    expect(parseImageIndex(withDigest)?.images[0]).toMatchObject({ digest: DIGEST, cachedAt: NOW });
    expect(parseImageIndex(old.replace('"sizeBytes":1', '"sizeBytes":1,"digest":5'))).toBeNull();
  });
});
