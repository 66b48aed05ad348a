// The Docker image cache end to end: the committed action bundle run the way a runner runs it (Node 24, main
// then post), with a private dockerd, a real registry holding busybox images (its access log shows every
// pull), and the cache service stand-in driving the real @actions/cache client inside the bundle.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BuiltImage, docker, publishBusyboxImages } from "../support/busybox-images.ts";
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

describe("the action's Docker image cache", () => {
  it("a cold job pulls and saves one entry per image; the next job restores them and pulls nothing", async () => {
    const service = await cacheService();

    const coldMark = await registry.mark();
    const cold = await job(service);
    expect(cold.main.code, log(cold.main)).toBe(0);
    expect(cold.post.code, log(cold.post)).toBe(0);
    expect(cold.main.outputs).toMatchObject({ "images-restored": "0", "image-cache-hit": "false" });
    expect(await registry.pulledRepositories(coldMark)).toEqual(names);
    expect(warnings(cold.main)).toEqual([]);
    expect(warnings(cold.post)).toEqual([]);
    const keys = service.entries.map((entry) => entry.key);
    expect(keys).toHaveLength(3);
    expect(keys.filter((key) => key.includes("-img-"))).toEqual(
      expect.arrayContaining([
        expect.stringContaining("seamwatch-db-1"),
        expect.stringContaining("seamwatch-queue-1"),
      ]),
    );
    expect(keys.filter((key) => key.includes("-index-"))).toHaveLength(1);
    expect(cold.post.summary).toContain("### Images");
    expect(cold.post.summary).toMatch(/seamwatch-db:1` \| cache miss, pulled \|.*\| saved \|/);
    expect(cold.post.summary).toMatch(
      /Time spent on images: start of job [\d.]+ s \(2 images pulled\); end of job [\d.]+ s \(2 images saved for later jobs\)\./,
    );
    // The main step's own report is still there; post appends to the summary.
    expect(cold.main.summary).not.toContain("### Images");

    wipeEngine();
    const warmMark = await registry.mark();
    const requestsBefore = service.requests.length;
    const warm = await job(service);
    expect(warm.main.code, log(warm.main)).toBe(0);
    expect(warm.post.code, log(warm.post)).toBe(0);
    expect(warm.main.outputs).toMatchObject({ "images-restored": "2", "image-cache-hit": "true" });
    expect(await registry.manifestRequests(warmMark)).toEqual([]);
    expect(engineImages()).toEqual(images.map((image) => `${image.reference} ${image.id}`).sort());
    expect(warm.main.stdout).toMatch(
      /seamwatch: images: .*seamwatch-db:1: cache hit, [\d.]+ (kB|MB), [\d.]+ s/,
    );
    // Each entry went from the download straight into `docker load`, with no archive on disk.
    expect(warm.main.stdout).toMatch(/seamwatch-db:1: downloaded into docker load in [\d.]+ s/);
    expect(warm.main.stdout).toMatch(/seamwatch-queue:1: downloaded into docker load in [\d.]+ s/);
    // Post saved nothing: no new entry, not even an upload attempt.
    expect(service.entries.map((entry) => entry.key)).toEqual(keys);
    expect(service.requests.slice(requestsBefore).map((request) => request.operation)).toEqual([
      "GetCacheEntryDownloadURL",
      "GetCacheEntryDownloadURL",
      "GetCacheEntryDownloadURL",
    ]);
    expect(warm.post.summary).toMatch(/seamwatch-queue:1` \| cache hit \|.*\| skipped: unchanged \|/);
    expect(warm.post.summary).toMatch(
      /Time spent on images: start of job [\d.]+ s \(2 images loaded from the cache\); end of job [\d.]+ s \(nothing to save\)\./,
    );
    // The cold job's pulls were timed and kept in the index: the warm job weighs its restores against them.
    expect(warm.post.summary).toMatch(
      /Compared with pulling: 2 images restored in [\d.]+ s, where pulling them took [\d.]+ s when they were cached: the cache (saved [\d.]+ s|cost [\d.]+ s more than pulling)\./,
    );
    expect(warnings(warm.main)).toEqual([]);
    expect(warnings(warm.post)).toEqual([]);
    expect(service.violations).toEqual([]);
  });

  it("the save step saves now and sets images-saved; post then leaves the images alone", async () => {
    const service = await cacheService();
    const saveStep = [{ action: "save/action.yml" }];

    const cold = await job(service, {}, engine.host, saveStep);
    const [save] = cold.between;
    expect(cold.main.code, log(cold.main)).toBe(0);
    expect(save?.code, save && log(save)).toBe(0);
    expect(save?.outputs).toEqual({ "images-saved": "2" });
    expect(save?.summary).toMatch(/seamwatch-db:1` \| cache miss, pulled \|.*\| saved \|/);
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
    expect(run.post.summary).toContain("save failed (see warnings)");
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
    expect(run.post.summary).toMatch(/seamwatch-db:1` \| cache miss, pulled \|.*\| skipped: read-only \|/);
    expect(warnings(run.post)).toEqual([]);
  });
});
