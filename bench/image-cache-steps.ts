// The job steps `npm run bench:images` times, each run as its own process on the action's Node, the way a
// runner runs a step: seamwatch's main (restore) and post (save), and the peers' single-tar restore and save
// (ScribeMD/docker-cache: one `docker save` of every image into one archive under one key). seamwatch's
// restore runs with `image-freshness: check` (the default) or `trust-cache`, to price the check. Both sides use
// the same ImageStore on the real @actions/cache, in-process, as the action does.
//
// The step comes in SEAMWATCH_BENCH_STEP (JSON); the outcome goes back over IPC. DOCKER_HOST and the cache
// service's variables come in the environment.
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { actionsCacheImageStore } from "../action/image-cache-store.ts";
import type { ImageCacheState } from "../core/images/index.ts";
import { createDigestChecker } from "../docker/registry-digest.ts";
import { restoreImages } from "../docker/restore-images.ts";
import { saveImages } from "../docker/save-images.ts";

export const STEP_VARIABLE = "SEAMWATCH_BENCH_STEP";
const SINGLE_TAR_FILE = "images.tar";

export type BenchStep =
  | {
      kind: "restore";
      prefix: string;
      listed: string[];
      workDir: string;
      /** `image-freshness`, as the action passes it: `check` asks the registry about every cached tag. */
      freshness: "check" | "trust-cache";
    }
  | { kind: "save"; prefix: string; listed: string[]; workDir: string; state: ImageCacheState }
  | { kind: "tar-restore"; key: string; dir: string }
  | { kind: "tar-save"; key: string; dir: string; references: string[] };

const execFileAsync = promisify(execFile);

async function run(step: BenchStep): Promise<unknown> {
  const store = actionsCacheImageStore();
  const docker = { env: process.env };
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(2)} s] ${line}`);
  switch (step.kind) {
    case "restore":
      return restoreImages({
        store,
        docker,
        prefix: step.prefix,
        listed: step.listed,
        workDir: step.workDir,
        pull: null,
        freshness:
          step.freshness === "check"
            ? { setting: { kind: "check" }, checkDigest: createDigestChecker({ env: process.env }) }
            : null,
        log,
      });
    case "save":
      return saveImages({
        store,
        docker,
        prefix: step.prefix,
        listed: step.listed,
        workDir: step.workDir,
        mode: "auto",
        state: step.state,
        readOnly: false,
        maxBytes: null,
        log,
      });
    case "tar-restore": {
      if (!(await store.restore(step.key, step.dir))) throw new Error(`single tar ${step.key} missed`);
      await execFileAsync("docker", ["load", "-q", "-i", join(step.dir, SINGLE_TAR_FILE)]);
      await rm(step.dir, { recursive: true, force: true });
      return true;
    }
    case "tar-save": {
      await rm(step.dir, { recursive: true, force: true });
      await mkdir(step.dir, { recursive: true });
      await execFileAsync("docker", ["save", "-o", join(step.dir, SINGLE_TAR_FILE), ...step.references]);
      const result = await store.save(step.key, step.dir);
      await rm(step.dir, { recursive: true, force: true });
      return result;
    }
  }
}

const text = process.env[STEP_VARIABLE];
if (text !== undefined && process.send) {
  let outcome: { kind: "returned"; value: unknown } | { kind: "threw"; name: string; message: string };
  try {
    outcome = { kind: "returned", value: await run(JSON.parse(text) as BenchStep) };
  } catch (error) {
    outcome = {
      kind: "threw",
      name: error instanceof Error ? error.name : "Error",
      message: error instanceof Error ? error.message : String(error),
    };
  }
  // The client's keep-alive sockets would hold the process open.
  process.send(outcome, () => process.exit(0));
}
