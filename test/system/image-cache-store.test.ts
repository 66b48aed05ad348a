// The action's ImageStore on the real @actions/cache client, against the cache service stand-in (GitHub's
// v2 protocol, archives in Azurite behind production-style blob URLs), one child process per call on the
// Node the action runs on. Entries live where the action keeps them: $RUNNER_TEMP/seamwatch-images.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageWorkDir } from "../../action/image-cache-store.ts";
import { type AzuriteBlobService, startAzurite } from "../support/cache-service/azurite.ts";
import {
  type ImageStoreCall,
  type ImageStoreClient,
  imageStoreClient,
} from "../support/cache-service/image-store-client.ts";
import { type CacheService, startCacheService } from "../support/cache-service/stand-in.ts";

let azurite: AzuriteBlobService;
let client: ImageStoreClient;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [azurite, client] = await Promise.all([startAzurite(), imageStoreClient()]);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await client?.dispose();
  await azurite?.close();
});

interface Job {
  service: CacheService;
  workDir: string;
  call(call: ImageStoreCall): ReturnType<ImageStoreClient["call"]>;
}

/** A cache service of its own and a job workspace; RUNNER_TEMP (and so the entries' paths) is the service's. */
async function job(protocol: "v1" | "v2" = "v2", runnerEnv: Record<string, string> = {}): Promise<Job> {
  let tick = Date.parse("2026-11-01T08:00:00Z");
  const now = () => {
    tick += 1000;
    return new Date(tick);
  };
  const service = await startCacheService({ azurite, now, protocol });
  const workspace = await mkdtemp(join(tmpdir(), "seamwatch-store-job-"));
  cleanups.push(
    () => service.close(),
    () => rm(workspace, { recursive: true, force: true }),
  );
  const workDir = imageWorkDir(service.env);
  return {
    service,
    workDir,
    call: (call) => client.call({ ...service.env, ...runnerEnv, GITHUB_WORKSPACE: workspace }, call),
  };
}

async function fill(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
}

async function contents(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir).catch(() => [])).sort();
  return Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, (await readFile(join(dir, name))).toString("base64")]),
    ),
  );
}

describe("the image store on @actions/cache", () => {
  it("round-trips an entry byte for byte; saving the key again is `exists` without an upload", async () => {
    const { service, workDir, call } = await job();
    const key = "seamwatch-images-linux-x64-img-app-1a2b3c4d-0123456789abcdef";
    const dir = join(workDir, "entries", key);
    const files = { "image.tar": randomBytes(2 * 1024 * 1024) };
    await fill(dir, files);
    const expected = await contents(dir);

    expect(await call({ operation: "save", key, dir })).toMatchObject({ value: "saved", warnings: [] });
    await rm(dir, { recursive: true, force: true });
    expect(await call({ operation: "restore", key, dir })).toMatchObject({ value: true, warnings: [] });
    expect(await contents(dir)).toEqual(expected);

    const creates = () => service.requests.filter((request) => request.operation === "CreateCacheEntry");
    expect(creates()).toHaveLength(1);
    expect(await call({ operation: "save", key, dir })).toMatchObject({ value: "exists", warnings: [] });
    expect(creates()).toHaveLength(1);
    expect(service.entries.map((entry) => entry.key)).toEqual([key]);
    expect(service.violations).toEqual([]);
  });

  it("a key ending in `-` restores the newest entry with that prefix; an exact key never matches a longer one", async () => {
    const { service, workDir, call } = await job();
    const dir = join(workDir, "index");
    for (const [key, body] of [
      ["seamwatch-images-linux-x64-index-aaaa", "older"],
      ["seamwatch-images-linux-x64-index-bbbb", "newer"],
    ] as const) {
      await fill(dir, { "index.json": body });
      expect((await call({ operation: "save", key, dir })).value).toBe("saved");
    }
    await rm(dir, { recursive: true, force: true });

    expect((await call({ operation: "restore", key: "seamwatch-images-linux-x64-index-", dir })).value).toBe(
      true,
    );
    expect(await readFile(join(dir, "index.json"), "utf8")).toBe("newer");

    // The service matches a primary key as a prefix too; the store must not take that as a hit.
    const exact = await call({ operation: "restore", key: "seamwatch-images-linux-x64-index-aa", dir });
    expect(exact.value).toBe(false);
    expect(await contents(dir)).toEqual({});
    expect(service.violations).toEqual([]);
  });

  it("a refused save throws a clear error; a restore while the service is down is a miss", async () => {
    const { service, workDir, call } = await job();
    const key = "seamwatch-images-linux-x64-img-db-5e6f7a8b-fedcba9876543210";
    const dir = join(workDir, "entries", key);
    await fill(dir, { "image.tar": "not really an image" });
    service.setDown(true);

    const saved = await call({ operation: "save", key, dir });
    expect(saved.value).toBeUndefined();
    expect(saved.thrown).toEqual({
      name: "ImageCacheStoreError",
      message: expect.stringContaining(`the cache service did not take the entry ${key}`),
    });

    const restored = await call({ operation: "restore", key, dir });
    expect(restored.value).toBe(false);
    expect(await contents(dir)).toEqual({});
    expect(service.entries).toEqual([]);
  });

  it("a corrupt entry is a miss that leaves no partial file behind", async () => {
    const { service, workDir, call } = await job();
    const key = "seamwatch-images-linux-x64-img-big-9a8b7c6d-1111222233334444";
    const dir = join(workDir, "entries", key);
    await fill(dir, { "image.tar": randomBytes(3 * 1024 * 1024) });
    expect((await call({ operation: "save", key, dir })).value).toBe("saved");
    await service.corrupt(key);
    await rm(dir, { recursive: true, force: true });

    const restored = await call({ operation: "restore", key, dir });
    expect(restored.value).toBe(false);
    expect(restored.warnings).toEqual([expect.stringMatching(/^Failed to restore/)]);
    expect(await contents(dir)).toEqual({});
  });
});

describe("streaming an entry's file (what the restore loads from)", () => {
  const file = "image.tar";

  async function savedEntry(
    name: string,
    bytes: Buffer,
    protocol: "v1" | "v2" = "v2",
    runnerEnv: Record<string, string> = {},
  ) {
    const j = await job(protocol, runnerEnv);
    const key = `seamwatch-images-linux-x64-img-${name}-0a1b2c3d-0123456789abcdef`;
    const dir = join(j.workDir, "entries", key);
    await fill(dir, { [file]: bytes, "other.txt": "a second file the stream must leave out" });
    expect((await j.call({ operation: "save", key, dir })).value).toBe("saved");
    await rm(dir, { recursive: true, force: true });
    const out = join(await mkdtemp(join(tmpdir(), "seamwatch-stream-out-")), "read.bin");
    cleanups.push(() => rm(dirname(out), { recursive: true, force: true }));
    return { ...j, key, dir, out };
  }

  it("v2: the file comes out byte for byte as it downloads, found by the same lookup the client's save wrote", async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 123);
    const { service, key, dir, out, call } = await savedEntry("stream", bytes);
    const requestsBefore = service.requests.length;

    const run = await call({ operation: "stream", key, dir, file, out });
    expect(run.value).toEqual({ readerCode: 0, done: "resolved" });
    expect(run.warnings).toEqual([]);
    expect((await readFile(out)).equals(bytes)).toBe(true);
    // Nothing was written next to the entry: the archive and its files never touched the disk.
    expect(await contents(dir)).toEqual({});
    expect(service.requests.slice(requestsBefore).map((request) => request.operation)).toEqual([
      "GetCacheEntryDownloadURL",
    ]);
    expect(service.violations).toEqual([]);
  });

  it("v1 (GitHub Enterprise Server): the entry is restored to its directory and the file read from there", async () => {
    const bytes = randomBytes(1024 * 1024);
    const { service, key, dir, out, call } = await savedEntry("stream-v1", bytes, "v1");

    const run = await call({ operation: "stream", key, dir, file, out });
    expect(run.value).toEqual({ readerCode: 0, done: "resolved" });
    expect((await readFile(out)).equals(bytes)).toBe(true);
    expect(service.requests.every((request) => request.protocol === "v1")).toBe(true);
    expect(service.violations).toEqual([]);
  });

  it("no entry under the exact key (the service also matches longer keys by prefix): null", async () => {
    const { key, dir, out, call } = await savedEntry("stream-miss", randomBytes(1024));
    const shorter = key.slice(0, -4);
    expect((await call({ operation: "stream", key: shorter, dir, file, out })).value).toBeNull();
  });

  it("a corrupt entry: the reader gets an end of file, and `done` names the entry and the decompressor's complaint", async () => {
    const { service, key, dir, out, call } = await savedEntry("stream-corrupt", randomBytes(3 * 1024 * 1024));
    await service.corrupt(key);

    const run = await call({ operation: "stream", key, dir, file, out });
    expect(run.value).toEqual({
      readerCode: 0,
      done: expect.stringMatching(
        new RegExp(`^rejected: ${key} could not be unpacked \\(unzstd exit \\d+\\): .+`),
      ),
    });
    expect(run.thrown).toBeUndefined();
  });

  it("the cache service down: a clear error naming the key", async () => {
    const { service, key, dir, out, call } = await savedEntry("stream-down", randomBytes(1024));
    service.setDown(true);
    const run = await call({ operation: "stream", key, dir, file, out });
    expect(run.thrown).toEqual({
      name: "ImageCacheStoreError",
      message: expect.stringContaining(`the cache service could not be asked for ${key}`),
    });
  });

  describe("a runner without zstd (@actions/cache then packs with gzip)", () => {
    /** A PATH with only what the client and the stream run on such a runner: no zstd, no unzstd. */
    async function pathWithoutZstd(): Promise<Record<string, string>> {
      const bin = await mkdtemp(join(tmpdir(), "seamwatch-no-zstd-"));
      cleanups.push(() => rm(bin, { recursive: true, force: true }));
      for (const tool of ["sh", "cat", "tar", "gzip"]) await symlink(`/bin/${tool}`, join(bin, tool));
      return { PATH: bin };
    }

    it("the stream unpacks the entry with gzip, byte for byte", async () => {
      const bytes = randomBytes(2 * 1024 * 1024 + 7);
      const { service, key, dir, out, call } = await savedEntry(
        "stream-gzip",
        bytes,
        "v2",
        await pathWithoutZstd(),
      );
      const run = await call({ operation: "stream", key, dir, file, out });
      expect(run.value).toEqual({ readerCode: 0, done: "resolved" });
      expect((await readFile(out)).equals(bytes)).toBe(true);
      expect(service.violations).toEqual([]);
    });

    it("a corrupt gzip entry: `done` names gzip, the decompressor that read it", async () => {
      const { service, key, dir, out, call } = await savedEntry(
        "stream-gzip-bad",
        randomBytes(3 << 20),
        "v2",
        await pathWithoutZstd(),
      );
      await service.corrupt(key);
      const run = await call({ operation: "stream", key, dir, file, out });
      expect(run.value).toEqual({
        readerCode: 0,
        done: expect.stringMatching(
          new RegExp(`^rejected: ${key} could not be unpacked \\(gzip exit \\d+\\): .+`),
        ),
      });
    });
  });
});
