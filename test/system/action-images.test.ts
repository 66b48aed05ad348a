// The Docker image cache end to end: the committed action bundle run the way a runner runs it (Node 24, main
// then post), with a private dockerd, a real registry holding busybox images (its access log shows every
// pull), and the cache service stand-in driving the real @actions/cache client inside the bundle.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type BuiltImage,
  buildBusyboxImage,
  docker,
  publishBusyboxImages,
} from "../support/busybox-images.ts";
import { type AzuriteBlobService, startAzurite } from "../support/cache-service/azurite.ts";
import { type CacheService, startCacheService } from "../support/cache-service/stand-in.ts";
import { type DockerEngine, dockerEngine } from "../support/docker-engine.ts";
import { type Registry, startRegistry } from "../support/registry.ts";
import { runAction, type StepResult, workflowCommands } from "../support/run-action.ts";

let engine: DockerEngine;
let registry: Registry;
let azurite: AzuriteBlobService;
let images: BuiltImage[];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  engine = dockerEngine();
  await engine.start();
  [registry, azurite] = await Promise.all([startRegistry(), startAzurite()]);
  images = publishBusyboxImages(engine.host, registry.host, [
    { name: "seamwatch-db:1", extraBytes: 300_000 },
    { name: "seamwatch-queue:1", extraBytes: 700_000 },
  ]);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await azurite?.close();
  await registry?.stop();
  await engine?.dispose();
});

beforeEach(() => wipeEngine());

function wipeEngine(): void {
  docker(engine.host, ["image", "prune", "--all", "--force"]);
}

async function cacheService(): Promise<CacheService> {
  let tick = Date.parse("2026-11-01T08:00:00Z");
  const now = () => {
    tick += 1000;
    return new Date(tick);
  };
  const service = await startCacheService({ azurite, now });
  cleanups.push(() => service.close());
  return service;
}

/** One job of a workflow: a fresh checkout, the runner's cache environment, the private engine. */
async function job(
  service: CacheService,
  inputs: Record<string, string> = {},
  dockerHost: string = engine.host,
  between: { action: string }[] = [],
) {
  const workspace = await mkdtemp(join(tmpdir(), "seamwatch-images-job-"));
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  return runAction({
    inputs: {
      run: "true",
      junit: "none.xml",
      comment: "off",
      images: images.map((image) => image.reference).join("\n"),
      ...inputs,
    },
    workspace,
    eventName: "push",
    event: { ref: "refs/heads/main" },
    // The stand-in's RUNNER_TEMP stays the same from job to job, as a hosted runner's does.
    env: { ...service.env, DOCKER_HOST: dockerHost },
    between,
  });
}

const warnings = (step: StepResult) =>
  workflowCommands(step.stdout)
    .filter((command) => command.command === "warning")
    .map((command) => command.message);

const log = (step: StepResult) => `--- stdout\n${step.stdout}\n--- stderr\n${step.stderr}`;

const engineImages = () =>
  docker(engine.host, ["image", "ls", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"])
    .split("\n")
    .filter(Boolean)
    .sort();

const names = ["seamwatch-db", "seamwatch-queue"];

type JobRun = Awaited<ReturnType<typeof job>>;

/** The rows of the summary's Images table, keyed by its column headings; images without the registry. */
function imageRows(summary: string): Record<string, string>[] {
  const lines = summary.split("\n");
  const head = lines.findIndex((line) => line.startsWith("| image |"));
  if (head < 0) return [];
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim().replace(/^`|`$/g, "").replace(`${registry.host}/`, ""));
  const columns = cells(lines[head] ?? "");
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(Object.fromEntries(cells(line).map((cell, index) => [columns[index] ?? String(index), cell])));
  }
  return rows;
}

/** What the summary's time line says of the start and the end of the job, in its parentheses. */
function timeSpent(summary: string): { start: string | null; end: string | null } {
  const line = summary.split("\n").find((text) => text.startsWith("Time spent on images:")) ?? "";
  const part = (name: string) => new RegExp(`${name} [\\d.]+ s(?: \\(([^)]*)\\))?`).exec(line)?.[1] ?? null;
  return { start: part("start of job"), end: part("end of job") };
}

describe("a cold job, then a warm one with the same images", () => {
  // Two jobs of one workflow, run once; each test below checks one thing a user would notice.
  let service: CacheService;
  let cold: JobRun;
  let coldPulls: string[];
  let coldKeys: string[];
  let warm: JobRun;
  let warmManifestRequests: string[];
  let warmEngine: string[];
  let warmRequests: (string | undefined)[];
  let warmKeys: string[];

  beforeAll(async () => {
    wipeEngine();
    service = await cacheService();
    const coldMark = await registry.mark();
    cold = await job(service);
    coldPulls = await registry.pulledRepositories(coldMark);
    coldKeys = service.entries.map((entry) => entry.key);

    wipeEngine();
    const warmMark = await registry.mark();
    const requestsBefore = service.requests.length;
    warm = await job(service);
    warmManifestRequests = await registry.manifestRequests(warmMark);
    warmEngine = engineImages();
    warmRequests = service.requests.slice(requestsBefore).map((request) => request.operation);
    warmKeys = service.entries.map((entry) => entry.key);
  });

  it("both jobs' steps succeed without a warning", () => {
    for (const step of [cold.main, cold.post, warm.main, warm.post]) {
      expect(step.code, log(step)).toBe(0);
      expect(warnings(step), log(step)).toEqual([]);
    }
    expect(service.violations).toEqual([]);
  });

  it("the cold job pulls each listed image once and restores none", () => {
    expect(cold.main.outputs).toMatchObject({ "images-restored": "0", "image-cache-hit": "false" });
    expect(coldPulls).toEqual(names);
  });

  it("the cold job saves one entry per image, and one index", () => {
    expect(coldKeys).toHaveLength(3);
    expect(coldKeys.filter((key) => key.includes("-img-"))).toEqual(
      expect.arrayContaining([
        expect.stringContaining("seamwatch-db-1"),
        expect.stringContaining("seamwatch-queue-1"),
      ]),
    );
    expect(coldKeys.filter((key) => key.includes("-index-"))).toHaveLength(1);
  });

  it("the cold job's post step adds the Images section: each image missed, pulled, then saved", () => {
    // The main step's own report is still there; post appends to the summary.
    expect(cold.main.summary).not.toContain("### Images");
    expect(imageRows(cold.post.summary)).toEqual([
      expect.objectContaining({
        image: "seamwatch-db:1",
        "start of job": "cache miss, pulled",
        "end of job": "saved",
      }),
      expect.objectContaining({
        image: "seamwatch-queue:1",
        "start of job": "cache miss, pulled",
        "end of job": "saved",
      }),
    ]);
    expect(timeSpent(cold.post.summary)).toEqual({
      start: "2 images pulled",
      end: "2 images saved for later jobs",
    });
  });

  it("the warm job restores every image from the cache and pulls nothing: one HEAD per tag, no GET", () => {
    expect(warm.main.outputs).toMatchObject({
      "images-restored": "2",
      "image-cache-hit": "true",
      "images-updated": "0",
    });
    expect([...warmManifestRequests].sort()).toEqual(["HEAD seamwatch-db:1", "HEAD seamwatch-queue:1"]);
    expect(warmEngine).toEqual(images.map((image) => `${image.reference} ${image.id}`).sort());
    expect(warm.main.stdout).toMatch(
      /seamwatch: images: .*seamwatch-db:1: cache hit, [\d.]+ (kB|MB), [\d.]+ s/,
    );
  });

  it("the warm job downloads each entry straight into docker load, with no archive on disk", () => {
    expect(warm.main.stdout).toMatch(/seamwatch-db:1: downloaded into docker load in [\d.]+ s/);
    expect(warm.main.stdout).toMatch(/seamwatch-queue:1: downloaded into docker load in [\d.]+ s/);
  });

  it("the warm job's post step saves nothing: no new entry, not even an upload attempt", () => {
    expect(warmKeys).toEqual(coldKeys);
    expect(warmRequests).toEqual([
      "GetCacheEntryDownloadURL",
      "GetCacheEntryDownloadURL",
      "GetCacheEntryDownloadURL",
    ]);
    expect(imageRows(warm.post.summary)).toContainEqual(
      expect.objectContaining({
        image: "seamwatch-queue:1",
        "start of job": "cache hit",
        "end of job": "skipped: unchanged",
      }),
    );
    expect(timeSpent(warm.post.summary)).toEqual({
      start: "2 images loaded from the cache",
      end: "nothing to save",
    });
  });

  it("the warm job weighs its restores against the pulls the cold job timed", () => {
    // The cold job's pulls were timed and kept in the index.
    expect(warm.post.summary).toMatch(
      /^Compared with pulling: 2 images restored in [\d.]+ s, where pulling them took [\d.]+ s when they were cached: the cache (saved [\d.]+ s|cost [\d.]+ s more than pulling)\.$/m,
    );
  });
});

describe("the action's Docker image cache", () => {
  it("the save step saves now and sets images-saved; post then leaves the images alone", async () => {
    const service = await cacheService();
    const saveStep = [{ action: "save/action.yml" }];

    const cold = await job(service, {}, engine.host, saveStep);
    const [save] = cold.between;
    expect(cold.main.code, log(cold.main)).toBe(0);
    expect(save?.code, save && log(save)).toBe(0);
    expect(save?.outputs).toEqual({ "images-saved": "2" });
    expect(imageRows(save?.summary ?? "")).toContainEqual(
      expect.objectContaining({
        image: "seamwatch-db:1",
        "start of job": "cache miss, pulled",
        "end of job": "saved",
      }),
    );
    expect(cold.post.code, log(cold.post)).toBe(0);
    expect(cold.post.stdout).toContain("already saved by the save step");
    expect(cold.post.summary).not.toContain("### Images");
    expect(service.entries.map((entry) => entry.key)).toHaveLength(3);
    expect([...warnings(cold.main), ...warnings(save as StepResult), ...warnings(cold.post)]).toEqual([]);

    // Nothing changed in the next job: the step saves nothing and says 0.
    wipeEngine();
    const warm = await job(service, {}, engine.host, saveStep);
    expect(warm.main.outputs).toMatchObject({ "images-restored": "2", "image-cache-hit": "true" });
    expect(warm.between[0]?.outputs).toEqual({ "images-saved": "0" });
    expect(service.entries).toHaveLength(3);
    expect(service.violations).toEqual([]);
  });

  it("the save step without a seamwatch step before it: a warning and 0, never a failure", async () => {
    const service = await cacheService();
    const workspace = await mkdtemp(join(tmpdir(), "seamwatch-images-job-"));
    cleanups.push(() => rm(workspace, { recursive: true, force: true }));
    // Main without images, no cache service: it leaves no handover behind.
    const run = await runAction({
      inputs: { run: "true", junit: "none.xml", comment: "off" },
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      env: { DOCKER_HOST: engine.host },
      between: [{ action: "save/action.yml" }],
    });
    const [save] = run.between;
    expect(save?.code, save && log(save)).toBe(0);
    expect(save?.outputs).toEqual({ "images-saved": "0" });
    expect(warnings(save as StepResult)).toEqual([
      expect.stringMatching(/no seamwatch step with the image cache ran before this one/),
    ]);
    expect(service.requests).toEqual([]);
  });

  it("a corrupted entry: a warning naming it, only that image pulled, the suite still runs", async () => {
    const service = await cacheService();
    const cold = await job(service);
    expect(cold.post.code, log(cold.post)).toBe(0);
    const dbKey = service.entries.find((entry) => entry.key.includes("seamwatch-db-1"))?.key ?? "";
    await service.corrupt(dbKey);

    wipeEngine();
    const mark = await registry.mark();
    const warm = await job(service);
    expect(warm.main.code, log(warm.main)).toBe(0);
    expect(warm.main.outputs).toMatchObject({
      outcome: "passed",
      "images-restored": "1",
      "image-cache-hit": "partial",
    });
    expect(warnings(warm.main)).toEqual([
      expect.stringMatching(
        new RegExp(
          `seamwatch-db:1 is unusable: the cache entry could not be read: ${dbKey} could not be unpacked \\(unzstd exit \\d+\\): .+; falling back to a pull`,
        ),
      ),
    ]);
    expect(await registry.pulledRepositories(mark)).toEqual(["seamwatch-db"]);
    expect(engineImages()).toEqual(images.map((image) => `${image.reference} ${image.id}`).sort());
    expect(service.violations).toEqual([]);
  });

  it("with the cache service down: warnings only, images pulled, the step passes", async () => {
    const service = await cacheService();
    service.setDown(true);

    const mark = await registry.mark();
    const run = await job(service);
    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.post.code, log(run.post)).toBe(0);
    expect(run.main.outputs).toMatchObject({ outcome: "passed", "image-cache-hit": "false" });
    expect(await registry.pulledRepositories(mark)).toEqual(names);
    expect(warnings(run.main)).toEqual([expect.stringMatching(/^Failed to restore: .*ECONNRESET/)]);
    expect(warnings(run.post)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /seamwatch-db:1 could not be saved to the cache: the cache service did not take/,
        ),
        expect.stringMatching(/seamwatch-queue:1 could not be saved to the cache/),
        expect.stringMatching(/the image index could not be saved/),
      ]),
    );
    expect(imageRows(run.post.summary).map((row) => row["end of job"])).toContain(
      "save failed (see warnings)",
    );
    expect(service.entries).toEqual([]);
  });

  it("without a Docker engine: a warning when images are listed, an info line when not; the cache never fails the step", async () => {
    const service = await cacheService();
    const noEngine = "unix:///nonexistent/docker.sock";

    const listed = await job(service, {}, noEngine);
    expect(listed.main.code, log(listed.main)).toBe(0);
    expect(listed.post.code, log(listed.post)).toBe(0);
    expect(listed.main.outputs).toMatchObject({ outcome: "passed", "images-restored": "0" });
    expect(warnings(listed.main)).toEqual([expect.stringMatching(/Docker engine is not usable/)]);
    expect(warnings(listed.post)).toEqual([]);

    const unlisted = await job(service, { images: "" }, noEngine);
    expect(unlisted.main.code, log(unlisted.main)).toBe(0);
    expect(warnings(unlisted.main)).toEqual([]);
    expect(unlisted.main.stdout).toMatch(/seamwatch: images: .*Docker engine is not usable/);
    expect(service.requests.filter((request) => request.operation === "CreateCacheEntry")).toEqual([]);

    // A suite that needs the engine: the cache's trouble stays a warning, and the suite's own failure is
    // classified as infrastructure (retried, then reported as such), never as a test failure.
    const needsDocker = await job(
      service,
      { run: "docker version", "max-attempts": "2", "retry-delay-seconds": "0" },
      noEngine,
    );
    expect(needsDocker.main.code, log(needsDocker.main)).toBe(1);
    expect(needsDocker.main.outputs).toMatchObject({
      outcome: "infra-failure",
      attempts: "2",
      "infra-retries": "1",
      "images-restored": "0",
    });
    expect(warnings(needsDocker.main)).toContainEqual(expect.stringMatching(/Docker engine is not usable/));
    expect(needsDocker.main.summary).toContain("docker-daemon-unreachable");
    expect(needsDocker.main.summary).not.toMatch(/test-failures/);
    expect(needsDocker.post.code, log(needsDocker.post)).toBe(0);
  });

  it("read-only: restores and pulls, saves nothing", async () => {
    const service = await cacheService();
    const run = await job(service, { "cache-read-only": "true" });
    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.post.code, log(run.post)).toBe(0);
    expect(service.requests.map((request) => request.operation)).toEqual(["GetCacheEntryDownloadURL"]);
    expect(imageRows(run.post.summary)).toContainEqual(
      expect.objectContaining({
        image: "seamwatch-db:1",
        "start of job": "cache miss, pulled",
        "end of job": "skipped: read-only",
      }),
    );
    expect(warnings(run.post)).toEqual([]);
  });
});

describe("cached tags checked against their registry, end to end", () => {
  /** Builds `reference` with fresh content and pushes it; returns its ID and the digest push reported. */
  function publish(reference: string, extraBytes: number): { id: string; digest: string } {
    const built = buildBusyboxImage({ dockerHost: engine.host, reference, extraBytes });
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(docker(engine.host, ["push", reference]))?.[1] ?? "";
    docker(engine.host, ["image", "rm", reference]);
    return { id: built.id, digest };
  }

  const notices = (step: StepResult) =>
    workflowCommands(step.stdout)
      .filter((command) => command.command === "notice")
      .map((command) => command.message);

  it("a tag re-pushed with new content: the warm job pulls the new image and says so; the next job restores it", async () => {
    const service = await cacheService();
    const reference = `${registry.host}/seamwatch-moving:1`;
    const first = publish(reference, 200_000);
    const cold = await job(service, { images: reference });
    expect(cold.post.code, log(cold.post)).toBe(0);

    const second = publish(reference, 300_000);
    wipeEngine();
    const mark = await registry.mark();
    const warm = await job(service, { images: reference });
    expect(warm.main.code, log(warm.main)).toBe(0);
    expect(warm.main.outputs).toMatchObject({ "images-updated": "1", "images-restored": "0" });
    expect(await registry.pulledRepositories(mark)).toEqual(["seamwatch-moving"]);
    expect(warm.main.stdout).toContain(
      `seamwatch-moving:1 moved from ${first.digest.slice(0, 19)} to ${second.digest.slice(0, 19)}: pulling the new image`,
    );
    expect(imageRows(warm.post.summary)).toEqual([
      expect.objectContaining({
        image: "seamwatch-moving:1",
        "start of job": "tag moved, pulled",
        "end of job": "saved",
      }),
    ]);
    expect(warm.post.summary).toContain(
      `Tags that moved since they were cached: \`${reference}\` from \`${first.digest.slice(0, 19)}\` to \`${second.digest.slice(0, 19)}\`.`,
    );
    expect([...warnings(warm.main), ...warnings(warm.post), ...notices(warm.main)]).toEqual([]);

    wipeEngine();
    const nextMark = await registry.mark();
    const next = await job(service, { images: reference });
    expect(next.main.outputs).toMatchObject({ "images-updated": "0", "images-restored": "1" });
    expect(await registry.manifestRequests(nextMark)).toEqual(["HEAD seamwatch-moving:1"]);
    expect(engineImages()).toEqual([`${reference} ${second.id}`]);
    expect(service.violations).toEqual([]);
  });

  it("the registry stopped: the warm job restores the cached copy with a notice, and the suite runs", async () => {
    const service = await cacheService();
    const doomed = await startRegistry();
    let reference = "";
    try {
      reference = `${doomed.host}/seamwatch-outage:1`;
      const cached = publish(reference, 200_000);
      const cold = await job(service, { images: reference });
      expect(cold.post.code, log(cold.post)).toBe(0);
      await doomed.stop();

      wipeEngine();
      const warm = await job(service, {
        images: reference,
        run: `docker image inspect ${reference} >/dev/null`,
      });
      expect(warm.main.code, log(warm.main)).toBe(0);
      expect(warm.main.outputs).toMatchObject({
        outcome: "passed",
        "images-restored": "1",
        "image-cache-hit": "true",
        "images-updated": "0",
      });
      const today = new Date().toISOString().slice(0, 10);
      expect(notices(warm.main)).toEqual([
        `${reference}: could not check whether the tag moved (${doomed.host} is unreachable: connection refused); using the copy cached on ${today} (today)`,
      ]);
      expect(warnings(warm.main)).toEqual([]);
      expect(engineImages()).toEqual([`${reference} ${cached.id}`]);
      expect(imageRows(warm.post.summary)).toEqual([
        expect.objectContaining({ "start of job": "cache hit, not checked (registry unreachable)" }),
      ]);
      expect(warm.post.summary).toContain("Cached copies used without knowing whether their tag moved:");
    } finally {
      await doomed.stop();
    }
  });

  it("image-freshness: trust-cache sends no request to the registry", async () => {
    const service = await cacheService();
    await job(service);
    wipeEngine();
    const mark = await registry.mark();
    const warm = await job(service, { "image-freshness": "trust-cache" });
    expect(warm.main.outputs).toMatchObject({ "images-restored": "2", "images-updated": "0" });
    expect(await registry.manifestRequests(mark)).toEqual([]);
  });
});
