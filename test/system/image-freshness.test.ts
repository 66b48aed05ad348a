// Cached images stay current: the restore asks each cached tag's registry which digest it names now, pulls
// the tags that moved, and keeps using the cached copy (with a notice) when the registry cannot say. Real
// parts throughout: a private dockerd, Debian's docker-registry (open, and behind an htpasswd login done
// with a real `docker login`), the token-auth front that answers like Docker Hub, and a streaming
// local-directory store standing in for the GitHub cache.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildRules } from "../../core/classify/index.ts";
import { type ImageFreshness, parseImageFreshness, parseImageIndex } from "../../core/images/index.ts";
import type { DockerCli, PullRetryOptions } from "../../docker/docker-cli.ts";
import { createDigestChecker } from "../../docker/registry-digest.ts";
import { restoreImages } from "../../docker/restore-images.ts";
import { saveImages } from "../../docker/save-images.ts";
import { buildBusyboxImage, docker } from "../support/busybox-images.ts";
import { type DockerEngine, dockerEngine } from "../support/docker-engine.ts";
import {
  type LocalDirectoryImageStore,
  localDirectoryImageStore,
} from "../support/local-directory-image-store.ts";
import { type Registry, startRegistry } from "../support/registry.ts";
import { startTokenAuthFront, type TokenAuthFront } from "../support/token-auth-front.ts";

const PREFIX = "seamwatch-images-freshness";
const COLD_DAY = new Date("2026-11-20T08:00:00Z");
const WARM_DAY = new Date("2026-11-23T12:00:00Z");
const CHECK: ImageFreshness = { kind: "check" };

let engine: DockerEngine;
let registry: Registry;
// Made when the file loads: describe blocks make their stores and Docker configs as they are collected.
const scratch = mkdtempSync(join(tmpdir(), "seamwatch-freshness-"));

beforeAll(async () => {
  engine = dockerEngine();
  [registry] = await Promise.all([startRegistry(), engine.start()]);
});

afterAll(async () => {
  await Promise.all([registry?.stop(), engine?.dispose()]);
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => wipeEngine());

const noDelay: PullRetryOptions = {
  maxAttempts: 2,
  delayMs: () => 0,
  sleep: async () => {},
  log: () => {},
  rules: buildRules(),
};

/** The engine's tagged images as `reference id`, sorted. */
function engineImages(): string[] {
  return docker(engine.host, ["image", "ls", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"])
    .split("\n")
    .filter((line) => line && !line.startsWith("<none>"))
    .sort();
}

function wipeEngine(): void {
  docker(engine.host, ["image", "prune", "--all", "--force"]);
  const left = docker(engine.host, ["image", "ls", "--all", "--quiet", "--no-trunc"])
    .split("\n")
    .filter(Boolean);
  if (left.length > 0) docker(engine.host, ["image", "rm", "--force", ...new Set(left)]);
}

/** A Docker CLI on the test engine with a Docker config of its own (no login unless the test does one). */
function dockerCli(): DockerCli {
  const config = mkdtempSync(join(scratch, "docker-config-"));
  return { env: { ...process.env, DOCKER_HOST: engine.host, DOCKER_CONFIG: config } };
}

interface Published {
  readonly reference: string;
  readonly id: string;
  /** What `docker push` reported: the digest the tag names now. */
  readonly digest: string;
}

/** Builds `reference` with fresh content, pushes it (past `pushAs`, a front for its registry), removes it. */
function publish(reference: string, cli: DockerCli, extraBytes = 300_000): Published {
  const built = buildBusyboxImage({ dockerHost: engine.host, reference, extraBytes });
  const output = docker(engine.host, ["push", reference], cli.env);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
  if (!digest) throw new Error(`docker push printed no digest:\n${output}`);
  docker(engine.host, ["image", "rm", reference]);
  return { reference, id: built.id, digest };
}

function newStore(): LocalDirectoryImageStore {
  return localDirectoryImageStore(mkdtempSync(join(scratch, "store-")), { streaming: true });
}

/** The index the last save left in the store. */
function lastIndex(store: LocalDirectoryImageStore) {
  const key =
    store
      .keys()
      .filter((saved) => saved.includes("-index-"))
      .at(-1) ?? "";
  return parseImageIndex(readFileSync(join(store.entryDir(key), "index.json"), "utf8"));
}

interface JobOptions {
  readonly cli: DockerCli;
  readonly listed: readonly string[];
  readonly freshness?: ImageFreshness;
  readonly today?: Date;
  readonly checkTimeoutMs?: number;
  /** What the job does between the restore and the save (build an image). */
  readonly during?: () => void;
}

/** One job: the main step's restore (with the checks), then the post step's save. */
async function job(store: LocalDirectoryImageStore, options: JobOptions) {
  const log: string[] = [];
  const today = () => options.today ?? WARM_DAY;
  const restored = await restoreImages({
    store,
    docker: options.cli,
    prefix: PREFIX,
    listed: options.listed,
    pull: noDelay,
    freshness: {
      setting: options.freshness ?? CHECK,
      checkDigest: createDigestChecker({ env: options.cli.env, timeoutMs: options.checkTimeoutMs ?? 5_000 }),
      today,
    },
    log: (line) => log.push(line),
  });
  options.during?.();
  const saved = await saveImages({
    store,
    docker: options.cli,
    prefix: PREFIX,
    listed: options.listed,
    mode: "auto",
    state: restored.state,
    readOnly: false,
    maxBytes: null,
    today,
    log: (line) => log.push(line),
  });
  return { restored, saved, log };
}

const withoutHost = (lines: readonly string[], host: string) =>
  lines.map((line) => line.replace(`${host}/`, ""));

describe("a tag that moves in an open registry", () => {
  let cli: DockerCli;
  const store = newStore();
  let reference: string;
  let first: Published;
  let second: Published;
  let warm: Awaited<ReturnType<typeof job>>;
  let warmRequests: string[];
  let warmEngine: string[];

  beforeAll(async () => {
    cli = dockerCli();
    wipeEngine();
    reference = `${registry.host}/fresh-db:16`;
    first = publish(reference, cli);
    await job(store, { cli, listed: [reference], today: COLD_DAY });

    second = publish(reference, cli, 500_000);
    wipeEngine();
    const mark = await registry.mark();
    warm = await job(store, { cli, listed: [reference] });
    warmRequests = await registry.manifestRequests(mark);
    warmEngine = engineImages();
  });

  it("the cold job's index records the digest the copy was pulled by and the day it was cached", () => {
    // The first index: the earliest one the store holds.
    const firstIndexKey = store.keys().find((key) => key.includes("-index-")) ?? "";
    const firstIndex = parseImageIndex(
      readFileSync(join(store.entryDir(firstIndexKey), "index.json"), "utf8"),
    );
    expect(firstIndex?.images).toEqual([
      expect.objectContaining({
        reference,
        id: first.id,
        digest: first.digest,
        cachedAt: COLD_DAY.toISOString(),
      }),
    ]);
  });

  it("the warm job asks with a HEAD, finds the tag moved, and pulls the new image", () => {
    expect(warm.restored.images).toEqual([
      expect.objectContaining({
        result: "pulled",
        reference,
        freshness: { kind: "moved", from: first.digest, to: second.digest },
      }),
    ]);
    expect(warmRequests[0]).toBe("HEAD fresh-db:16");
    expect(warmRequests.slice(1)).toContainEqual(expect.stringMatching(/^GET fresh-db:/));
    expect(warmEngine).toEqual([`${reference} ${second.id}`]);
    expect(warm.restored.notices).toEqual([]);
    expect(warm.restored.warnings).toEqual([]);
  });

  it("the log says which image moved, from which digest to which", () => {
    expect(withoutHost(warm.log, registry.host)).toContain(
      `fresh-db:16 moved from ${first.digest.slice(0, 19)} to ${second.digest.slice(0, 19)}: pulling the new image`,
    );
  });

  it("the post step saves the new image and the index drops the old entry", () => {
    expect(warm.saved.images).toEqual([expect.objectContaining({ reference, result: "saved" })]);
    expect(lastIndex(store)?.images).toEqual([
      expect.objectContaining({
        reference,
        id: second.id,
        digest: second.digest,
        cachedAt: WARM_DAY.toISOString(),
      }),
    ]);
  });

  it("the next job restores the new image from the cache, with only a HEAD reaching the registry", async () => {
    wipeEngine();
    const mark = await registry.mark();
    const next = await job(store, { cli, listed: [reference] });
    expect(next.restored.images).toEqual([
      expect.objectContaining({
        result: "loaded",
        reference,
        freshness: { kind: "current", digest: second.digest },
      }),
    ]);
    expect(await registry.manifestRequests(mark)).toEqual(["HEAD fresh-db:16"]);
    expect(engineImages()).toEqual([`${reference} ${second.id}`]);
    expect(next.saved.images).toEqual([expect.objectContaining({ result: "skipped", reason: "unchanged" })]);
    expect(next.saved.index?.result).toBe("exists");
  });
});

describe("a registry slower than the download", () => {
  it("a stale copy loaded before the registry said the tag moved is replaced and removed, not left behind", async () => {
    const cli = dockerCli();
    const store = newStore();
    const reference = `${registry.host}/fresh-slow:1`;
    const first = publish(reference, cli);
    await job(store, { cli, listed: [reference], today: COLD_DAY });
    const second = publish(reference, cli, 400_000);

    wipeEngine();
    const checker = createDigestChecker({ env: cli.env });
    // The registry's answer is held back until the stale copy is in the engine.
    const slowCheck = async (asked: string) => {
      const answer = await checker(asked);
      for (let tries = 0; tries < 200; tries++) {
        const loaded = docker(engine.host, ["image", "ls", "--no-trunc", "--quiet", reference]).trim();
        if (loaded === first.id) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return answer;
    };
    const restored = await restoreImages({
      store,
      docker: cli,
      prefix: PREFIX,
      listed: [reference],
      pull: noDelay,
      freshness: { setting: CHECK, checkDigest: slowCheck, today: () => WARM_DAY },
    });
    expect(restored.images).toEqual([
      expect.objectContaining({
        result: "pulled",
        freshness: { kind: "moved", from: first.digest, to: second.digest },
      }),
    ]);
    const everything = docker(engine.host, ["image", "ls", "--all", "--no-trunc", "--quiet"]).split("\n");
    expect(everything).not.toContain(first.id);
    expect(engineImages()).toEqual([`${reference} ${second.id}`]);
  });
});

describe("a registry that cannot answer", () => {
  it("stopped: the cached copy is restored, with a notice naming the reason and the day it was cached", async () => {
    const doomed = await startRegistry();
    const cli = dockerCli();
    const store = newStore();
    const reference = `${doomed.host}/fresh-cache:7`;
    const cached = publish(reference, cli);
    await job(store, { cli, listed: [reference], today: COLD_DAY });
    await doomed.stop();

    wipeEngine();
    const warm = await job(store, { cli, listed: [reference] });
    expect(warm.restored.images).toEqual([
      expect.objectContaining({
        result: "loaded",
        reference,
        freshness: {
          kind: "unverified",
          problem: "unreachable",
          reason: `${doomed.host} is unreachable: connection refused`,
          cachedAt: COLD_DAY.toISOString(),
        },
      }),
    ]);
    expect(warm.restored.notices).toEqual([
      `${reference}: could not check whether the tag moved (${doomed.host} is unreachable: connection refused); using the copy cached on 2026-11-20 (3 days ago)`,
    ]);
    expect(warm.restored.warnings).toEqual([]);
    expect(engineImages()).toEqual([`${reference} ${cached.id}`]);
    // Nothing changed: the post step has nothing to save.
    expect(warm.saved.index?.result).toBe("exists");
  });

  describe("behind a token service like Docker Hub's", () => {
    let front: TokenAuthFront;
    let reference: string;
    let cached: Published;
    let cli: DockerCli;
    const store = newStore();

    beforeAll(async () => {
      cli = dockerCli();
      front = await startTokenAuthFront(registry);
      // Pushed straight to the registry; pulled through the front, with its tokens.
      cached = publish(`${registry.host}/hub/redis:7`, cli);
      reference = `${front.host}/hub/redis:7`;
      wipeEngine();
      const cold = await job(store, { cli, listed: [reference], today: COLD_DAY });
      expect(cold.restored.images).toEqual([expect.objectContaining({ result: "pulled" })]);
    });

    afterAll(async () => {
      await front?.stop();
    });

    it("rate-limited on the HEAD: the cached copy is restored with a notice, and no pull is tried", async () => {
      front.limitManifestHeads(true);
      try {
        wipeEngine();
        const before = front.registryRequests().length;
        const warm = await job(store, { cli, listed: [reference] });
        expect(warm.restored.images).toEqual([
          expect.objectContaining({
            result: "loaded",
            freshness: expect.objectContaining({ kind: "unverified", problem: "rate-limited" }),
          }),
        ]);
        expect(warm.restored.notices).toEqual([
          expect.stringMatching(
            /answered 429 Too Many Requests: its rate limit is reached .*cached on 2026-11-20/,
          ),
        ]);
        const requests = front.registryRequests().slice(before);
        expect(requests).toContain("HEAD /v2/hub/redis/manifests/7 429");
        expect(requests.filter((request) => request.startsWith("GET /v2/hub/redis/manifests/"))).toEqual([]);
        expect(engineImages()).toEqual([`${reference} ${cached.id}`]);
      } finally {
        front.limitManifestHeads(false);
      }
    });

    it("slower than the check's time limit: the cached copy is restored with a notice", async () => {
      front.stall(true);
      try {
        wipeEngine();
        const warm = await job(store, { cli, listed: [reference], checkTimeoutMs: 1_000 });
        expect(warm.restored.images).toEqual([
          expect.objectContaining({
            result: "loaded",
            freshness: expect.objectContaining({ kind: "unverified", problem: "timed-out" }),
          }),
        ]);
        expect(warm.restored.notices).toEqual([
          `${reference}: could not check whether the tag moved (${front.host} did not answer within 1 s); using the copy cached on 2026-11-20 (3 days ago)`,
        ]);
        expect(engineImages()).toEqual([`${reference} ${cached.id}`]);
      } finally {
        front.stall(false);
      }
    });

    it("moved, but the new image cannot be pulled: the cached copy is used, with a warning", async () => {
      const moved = publish(`${registry.host}/hub/redis:7`, cli, 400_000);
      front.failManifestGets(true);
      try {
        wipeEngine();
        const warm = await job(store, { cli, listed: [reference] });
        expect(warm.restored.images).toEqual([
          expect.objectContaining({
            result: "loaded",
            freshness: { kind: "moved", from: cached.digest, to: moved.digest },
          }),
        ]);
        expect(warm.restored.warnings).toEqual([
          expect.stringMatching(
            new RegExp(
              `^${reference} moved to ${moved.digest.slice(0, 19)}, but the new image could not be pulled \\(.+\\): using the cached copy$`,
            ),
          ),
        ]);
        expect(engineImages()).toEqual([`${reference} ${cached.id}`]);
      } finally {
        front.failManifestGets(false);
      }
      // Once pulls work again, the next job pulls the new image.
      wipeEngine();
      const next = await job(store, { cli, listed: [reference] });
      expect(next.restored.images).toEqual([
        expect.objectContaining({
          result: "pulled",
          freshness: { kind: "moved", from: cached.digest, to: moved.digest },
        }),
      ]);
      expect(engineImages()).toEqual([`${reference} ${moved.id}`]);
    });
  });
});

describe("a private registry with an htpasswd login", () => {
  it("checks with the credentials docker login left, and pulls the moved tag with them", async () => {
    const privateRegistry = await startRegistry({ htpasswd: { username: "ci", password: "pw" } });
    try {
      const cli = dockerCli();
      docker(engine.host, ["login", "--username", "ci", "--password", "pw", privateRegistry.host], cli.env);
      const store = newStore();
      const reference = `${privateRegistry.host}/private/app:1`;
      const first = publish(reference, cli);
      await job(store, { cli, listed: [reference], today: COLD_DAY });
      const second = publish(reference, cli, 400_000);

      wipeEngine();
      const mark = await privateRegistry.mark();
      const warm = await job(store, { cli, listed: [reference] });
      expect(warm.restored.images).toEqual([
        expect.objectContaining({
          result: "pulled",
          freshness: { kind: "moved", from: first.digest, to: second.digest },
        }),
      ]);
      // The check's HEAD meets the Basic challenge, then carries the credentials.
      expect((await privateRegistry.manifestRequests(mark)).slice(0, 2)).toEqual([
        "HEAD private/app:1",
        "HEAD private/app:1",
      ]);
      expect(engineImages()).toEqual([`${reference} ${second.id}`]);

      // Without the login, the check is refused: the cached copy is used, and the notice says why.
      wipeEngine();
      const loggedOut = { env: { ...cli.env, DOCKER_CONFIG: mkdtempSync(join(scratch, "logged-out-")) } };
      const refused = await job(store, { cli: loggedOut, listed: [reference] });
      expect(refused.restored.images).toEqual([
        expect.objectContaining({
          result: "loaded",
          freshness: expect.objectContaining({ kind: "unverified", problem: "unauthorized" }),
        }),
      ]);
      expect(refused.restored.notices).toEqual([expect.stringContaining("no Docker config at")]);
      expect(engineImages()).toEqual([`${reference} ${second.id}`]);
    } finally {
      await privateRegistry.stop();
    }
  });
});

describe("image-freshness", () => {
  let cli: DockerCli;
  const store = newStore();
  let reference: string;

  beforeAll(async () => {
    cli = dockerCli();
    wipeEngine();
    reference = `${registry.host}/fresh-setting:1`;
    publish(reference, cli);
    await job(store, { cli, listed: [reference], today: COLD_DAY });
  });

  it("trust-cache: no request reaches the registry", async () => {
    wipeEngine();
    const mark = await registry.mark();
    const warm = await job(store, { cli, listed: [reference], freshness: { kind: "trust-cache" } });
    expect(warm.restored.images).toEqual([expect.objectContaining({ result: "loaded" })]);
    expect(warm.restored.images[0]).not.toHaveProperty("freshness");
    expect(await registry.manifestRequests(mark)).toEqual([]);
  });

  it("a duration: a copy younger than it is not checked; an older one is, and the check is recorded", async () => {
    const week = parseImageFreshness("7d") as ImageFreshness;
    wipeEngine();
    let mark = await registry.mark();
    const young = await job(store, { cli, listed: [reference], freshness: week, today: WARM_DAY });
    expect(young.restored.images[0]).not.toHaveProperty("freshness");
    expect(await registry.manifestRequests(mark)).toEqual([]);

    const later = new Date("2026-11-30T09:00:00Z");
    wipeEngine();
    mark = await registry.mark();
    const old = await job(store, { cli, listed: [reference], freshness: week, today: later });
    expect(old.restored.images).toEqual([
      expect.objectContaining({ result: "loaded", freshness: expect.objectContaining({ kind: "current" }) }),
    ]);
    expect(await registry.manifestRequests(mark)).toEqual(["HEAD fresh-setting:1"]);
    expect(lastIndex(store)?.images).toEqual([
      expect.objectContaining({ cachedAt: COLD_DAY.toISOString(), checkedAt: later.toISOString() }),
    ]);

    // Found current on the 30th: not checked again within the week.
    wipeEngine();
    mark = await registry.mark();
    const confirmed = await job(store, {
      cli,
      listed: [reference],
      freshness: week,
      today: new Date("2026-12-05T09:00:00Z"),
    });
    expect(confirmed.restored.images[0]).not.toHaveProperty("freshness");
    expect(await registry.manifestRequests(mark)).toEqual([]);
  });

  it("an image the job built (no registry, no digest) is restored as before, without a check", async () => {
    let built = { id: "" };
    const builtStore = newStore();
    const first = await job(builtStore, {
      cli,
      listed: [],
      during: () => {
        built = buildBusyboxImage({
          dockerHost: engine.host,
          reference: "seamwatch-built:dev",
          extraBytes: 100_000,
        });
      },
    });
    expect(first.saved.images).toEqual([
      expect.objectContaining({ reference: "seamwatch-built:dev", result: "saved" }),
    ]);
    expect(lastIndex(builtStore)?.images[0]).not.toHaveProperty("digest");

    wipeEngine();
    const warm = await job(builtStore, { cli, listed: [] });
    expect(warm.restored.images).toEqual([
      expect.objectContaining({ result: "loaded", reference: "seamwatch-built:dev" }),
    ]);
    expect(warm.restored.images[0]).not.toHaveProperty("freshness");
    expect(engineImages()).toEqual([`seamwatch-built:dev ${built.id}`]);
  });
});
