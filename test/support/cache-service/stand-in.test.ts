// The real @actions/cache client against the local cache-service stand-in (GitHub's protocol,
// archives in Azurite). What a workflow would notice: files come back byte for byte, keys match the
// way GitHub documents, and failures become log lines rather than crashes.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AzuriteBlobService } from "./azurite.ts";
import { startAzurite } from "./azurite.ts";
import { type CacheClientContext, restoreCacheWithClient, saveCacheWithClient } from "./cache-client.ts";
import { TWIRP_PREFIX } from "./contract.ts";
import { type CacheService, type CacheServiceOptions, startCacheService } from "./stand-in.ts";

const IMAGE_ARCHIVE_BYTES = 6 * 1024 * 1024;

let azurite: AzuriteBlobService;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await azurite?.close();
});

async function serviceFor(options: CacheServiceOptions = {}): Promise<CacheService> {
  // A clock that moves a second per entry, so "newest" never depends on timer resolution.
  let tick = Date.parse("2026-11-01T08:00:00Z");
  const now = () => {
    tick += 1000;
    return new Date(tick);
  };
  const service = await startCacheService({ azurite, now, ...options });
  cleanups.push(() => service.close());
  return service;
}

/** A job workspace holding `files` (paths relative to it). */
async function workspaceWith(files: Record<string, string | Buffer> = {}): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), "seamwatch-cache-job-"));
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(workspace, path)), { recursive: true });
    await writeFile(join(workspace, path), content);
  }
  return workspace;
}

/** SHA-256 of every file under `root`, by relative path (a digest keeps a 6 MB mismatch readable). */
async function digestsUnder(root: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    digests[relative(root, path)] = sha256(await readFile(path));
  }
  return digests;
}

function digestsOf(files: Record<string, string | Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [path, sha256(content)]));
}

function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

function job(
  service: CacheService,
  workspace: string,
  extraEnv: Record<string, string> = {},
): CacheClientContext {
  return { env: { ...service.env, ...extraEnv }, workspace };
}

const imageFiles = () => ({
  "images/app.tar": randomBytes(IMAGE_ARCHIVE_BYTES),
  "images/manifest.json": JSON.stringify({ images: ["app:1.2.3", "postgres:16"] }),
  "images/layers/sha256-digest.txt": "sha256:0123456789abcdef\n",
});

describe("cache service stand-in, protocol v2 (twirp + Azure blob)", () => {
  test("a directory with a 6 MB image archive comes back byte for byte; saving it again is declined", async () => {
    const service = await serviceFor();
    const files = imageFiles();
    const workspace = await workspaceWith(files);
    const saved = await saveCacheWithClient(job(service, workspace), {
      paths: ["images"],
      key: "docker-images-linux-3f2a",
    });
    expect(saved).toMatchObject({ value: 1, warnings: [], errors: [] });
    expect(service.entries).toEqual([
      expect.objectContaining({
        id: 1,
        key: "docker-images-linux-3f2a",
        version: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(service.entries[0]?.sizeBytes).toBeGreaterThan(IMAGE_ARCHIVE_BYTES);

    const clean = await workspaceWith();
    const restored = await restoreCacheWithClient(job(service, clean), {
      paths: ["images"],
      primaryKey: "docker-images-linux-3f2a",
    });
    expect(restored).toMatchObject({ value: "docker-images-linux-3f2a", warnings: [], errors: [] });
    expect(restored.info).toContain("Cache restored successfully");
    // GitHub hands out *.blob.core.windows.net URLs, which send the client down its Azure SDK path.
    expect(restored.debug).toContain("Use Azure SDK: true");
    expect(await digestsUnder(clean)).toEqual(digestsOf(files));

    // The service answers 409; the client logs it as info and returns -1, no warning, no throw.
    const again = await saveCacheWithClient(job(service, workspace), {
      paths: ["images"],
      key: "docker-images-linux-3f2a",
    });
    expect(again).toMatchObject({ value: -1, warnings: [], errors: [] });
    expect(again.thrown).toBeUndefined();
    expect(again.info).toContain(
      "Failed to save: Unable to reserve cache with key docker-images-linux-3f2a, " +
        "another job may be creating this cache.",
    );
    expect(service.requests.map((request) => `${request.operation} ${request.status}`)).toEqual([
      "CreateCacheEntry 200",
      "FinalizeCacheEntryUpload 200",
      "GetCacheEntryDownloadURL 200",
      "CreateCacheEntry 409",
    ]);
    expect(service.entries).toHaveLength(1);
    expect(service.violations).toEqual([]);
  });

  test("keys match as GitHub documents: exact key, then newest with a restore-key prefix, else a miss", async () => {
    const service = await serviceFor();
    for (const [key, content] of [
      ["docker-images-linux-aaa", "first"],
      ["docker-images-linux-bbb", "second"],
    ] as const) {
      const save = await saveCacheWithClient(job(service, await workspaceWith({ "images/tag": content })), {
        paths: ["images"],
        key,
      });
      expect(save.value).toBeGreaterThan(0);
    }

    const byPrefix = await workspaceWith();
    const prefixed = await restoreCacheWithClient(job(service, byPrefix), {
      paths: ["images"],
      primaryKey: "docker-images-linux-ccc",
      restoreKeys: ["docker-images-windows-", "docker-images-linux-"],
    });
    expect(prefixed.value).toBe("docker-images-linux-bbb");
    expect(prefixed.info).toContain("Cache hit for restore-key: docker-images-linux-bbb");
    expect(await readFile(join(byPrefix, "images/tag"), "utf8")).toBe("second");

    const exact = await restoreCacheWithClient(job(service, await workspaceWith()), {
      paths: ["images"],
      primaryKey: "docker-images-linux-aaa",
      restoreKeys: ["docker-images-linux-"],
    });
    expect(exact.value).toBe("docker-images-linux-aaa");

    const missByKey = await restoreCacheWithClient(job(service, await workspaceWith()), {
      paths: ["images"],
      primaryKey: "docker-images-macos-aaa",
      restoreKeys: ["docker-images-macos-"],
    });
    expect(missByKey).toMatchObject({ value: undefined, warnings: [], errors: [] });
    expect(missByKey.thrown).toBeUndefined();
    expect(service.requests.at(-1)?.body).toMatchObject({ restore_keys: ["docker-images-macos-"] });

    // The version hashes the paths, so the same key saved for other paths does not match.
    const missByVersion = await restoreCacheWithClient(job(service, await workspaceWith()), {
      paths: ["other-images"],
      primaryKey: "docker-images-linux-aaa",
    });
    expect(missByVersion).toMatchObject({ value: undefined, warnings: [], errors: [] });
    expect(service.violations).toEqual([]);
  });

  test("while the service is down, save and restore log and carry on; afterwards they work again", async () => {
    const service = await serviceFor();
    const workspace = await workspaceWith({ "images/tag": "x" });
    service.setDown(true);

    const save = await saveCacheWithClient(job(service, workspace), {
      paths: ["images"],
      key: "docker-down",
    });
    expect(save.thrown).toBeUndefined();
    expect(save.value).toBe(-1);
    // A failed reservation is reported as info, not a warning: the job goes on without a save.
    expect(save).toMatchObject({ warnings: [], errors: [] });
    expect(save.info).toContain(
      "Failed to save: Unable to reserve cache with key docker-down, another job may be creating this cache.",
    );
    expect(save.debug.join("\n")).toMatch(/Failed to CreateCacheEntry: Unable to make request: ECONNRESET/);

    const restore = await restoreCacheWithClient(job(service, await workspaceWith()), {
      paths: ["images"],
      primaryKey: "docker-down",
    });
    expect(restore.thrown).toBeUndefined();
    expect(restore.value).toBeUndefined();
    expect(restore.warnings).toEqual([
      expect.stringMatching(
        /^Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNRESET/,
      ),
    ]);

    service.setDown(false);
    const later = await saveCacheWithClient(job(service, workspace), {
      paths: ["images"],
      key: "docker-down",
    });
    expect(later.value).toBeGreaterThan(0);
    expect(service.requests.filter((request) => request.status === 0)).toHaveLength(2);
    expect(service.violations).toEqual([]);
  });

  test("a corrupted entry: restore warns and returns undefined, and may leave a partial file", async () => {
    const service = await serviceFor();
    const files = imageFiles();
    await saveCacheWithClient(job(service, await workspaceWith(files)), {
      paths: ["images"],
      key: "docker-corrupt",
    });
    await service.corrupt("docker-corrupt");

    const clean = await workspaceWith();
    const restore = await restoreCacheWithClient(job(service, clean), {
      paths: ["images"],
      primaryKey: "docker-corrupt",
    });
    expect(restore.thrown).toBeUndefined();
    expect(restore.value).toBeUndefined();
    expect(restore.warnings).toEqual([
      `Failed to restore: "/usr/bin/tar" failed with error: The process '/usr/bin/tar' failed with exit code 2`,
    ]);
    // What a caller must cope with: tar wrote what it could before the archive ran out, so files
    // can be left behind, cut short, although restoreCache reported no hit.
    for (const path of Object.keys(await digestsUnder(clean))) {
      const original = Buffer.from(files[path as keyof typeof files] ?? "");
      const content = await readFile(join(clean, path));
      expect(content.length, `${path} is longer than the file that was saved`).toBeLessThanOrEqual(
        original.length,
      );
      expect(
        original.subarray(0, content.length).equals(content),
        `${path} is not a prefix of the saved file`,
      ).toBe(true);
    }
    expect(service.violations).toEqual([]);
  });

  test("hand-made requests that break the contract are recorded as violations", async () => {
    const service = await serviceFor();
    const version = "a".repeat(64);
    const twirp = (method: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${service.url}${TWIRP_PREFIX}${method}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
          "content-type": "application/json",
          ...headers,
        },
        body: JSON.stringify(body),
      });

    expect((await twirp("CreateCacheEntry", { key: "k", version }, { authorization: "" })).status).toBe(401);
    expect((await twirp("CreateCacheEntry", { key: "a,b", version })).status).toBe(400);
    expect((await twirp("CreateCacheEntry", { key: "k".repeat(513), version })).status).toBe(400);
    expect((await twirp("GetCacheEntryDownloadURL", { key: "k" })).status).toBe(400);
    const camelCase = await twirp("GetCacheEntryDownloadURL", { key: "k", version, restoreKeys: ["k-"] });
    expect(camelCase.status).toBe(200); // the real service silently drops the unknown field
    expect((await twirp("FinalizeCacheEntryUpload", { key: "k", version, size_bytes: 10 })).status).toBe(404);
    expect((await twirp("DeleteCacheEntry", { key: "k", version })).status).toBe(404);

    expect(service.violations.map((request) => request.violation)).toEqual([
      "request has no Authorization header",
      "CreateCacheEntry.key contains a comma",
      "CreateCacheEntry.key is 513 characters, over the 512-character limit",
      'GetCacheEntryDownloadURL is missing required field "version"',
      'GetCacheEntryDownloadURL has unknown field "restoreKeys" (the service ignores it)',
      'FinalizeCacheEntryUpload for key "k" without a pending CreateCacheEntry',
      "unknown twirp method DeleteCacheEntry",
    ]);
  });
});

describe("cache service stand-in, protocol v1 (REST, chunked upload)", () => {
  test("a directory round-trips through 1 MB chunks; an existing key gets 409", async () => {
    const service = await serviceFor({ protocol: "v1" });
    const files = imageFiles();
    const workspace = await workspaceWith(files);
    // The client's own knob (in MB): small chunks so several PATCH requests with Content-Range run.
    const chunked = job(service, workspace, { CACHE_UPLOAD_CHUNK_SIZE: "1" });
    const saved = await saveCacheWithClient(chunked, { paths: ["images"], key: "docker-v1" });
    expect(saved).toMatchObject({ value: 1, warnings: [], errors: [] });
    const chunks = service.requests.filter((request) => request.operation === "uploadChunk");
    expect(chunks.length).toBeGreaterThanOrEqual(6);

    const clean = await workspaceWith();
    const restored = await restoreCacheWithClient(job(service, clean), {
      paths: ["images"],
      primaryKey: "docker-v1-next",
      restoreKeys: ["docker-v1"],
    });
    expect(restored).toMatchObject({ value: "docker-v1", warnings: [], errors: [] });
    expect(await digestsUnder(clean)).toEqual(digestsOf(files));

    const again = await saveCacheWithClient(job(service, workspace), { paths: ["images"], key: "docker-v1" });
    expect(again).toMatchObject({ value: -1, warnings: [], errors: [] });
    expect(again.info.join("\n")).toContain(
      "Failed to save: Unable to reserve cache with key docker-v1, another job may be creating this cache. " +
        "More details: Cache already exists.",
    );
    expect(service.violations).toEqual([]);
  });

  test("a bad Content-Range or a gap at commit is recorded as a violation", async () => {
    const service = await serviceFor({ protocol: "v1" });
    const base = `${service.env.ACTIONS_CACHE_URL}_apis/artifactcache/`;
    const headers = {
      authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
      accept: "application/json;api-version=6.0-preview.1",
      "content-type": "application/json",
    };
    const reserved = await fetch(`${base}caches`, {
      method: "POST",
      headers,
      body: JSON.stringify({ key: "k", version: "a".repeat(64), cacheSize: 20 }),
    });
    const { cacheId } = (await reserved.json()) as { cacheId: number };
    const patch = (range: string, body: Buffer) =>
      fetch(`${base}caches/${cacheId}`, {
        method: "PATCH",
        headers: { ...headers, "content-type": "application/octet-stream", "content-range": range },
        body,
      });
    expect((await patch("bytes 0-9", Buffer.alloc(10))).status).toBe(400);
    expect((await patch("bytes 0-9/*", Buffer.alloc(10))).status).toBe(204);
    const commit = await fetch(`${base}caches/${cacheId}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ size: 20 }),
    });
    expect(commit.status).toBe(400);

    expect(service.violations.map((request) => request.violation)).toEqual([
      'Content-Range "bytes 0-9" is not "bytes start-end/*"',
      "bytes 10-19 were never uploaded",
    ]);
    expect(service.entries).toEqual([]);
  });
});
