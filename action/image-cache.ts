// The Docker image cache in the action: main restores (and pulls listed images) before the suite runs, post
// saves what changed and adds an "Images" section to the job summary. Main hands everything post needs to it
// through one state value (image-cache-handover.ts), so post reads no inputs.
//
// The save can also run earlier, as its own step (`uses: <seamwatch>/save`, save/action.yml): a post step's
// outputs reach no later step, so `images-saved` is that step's output. Other actions cannot read this one's
// state, so main also leaves the handover in a file in RUNNER_TEMP; the save step marks it done there, and
// post then leaves the images alone.
//
// Failure policy: nothing here fails the step. No Docker, no cache service, a refused or corrupt entry: each
// is a warning (or, when the user listed no images and so asked for nothing, an info line), and the job goes on.
import { randomUUID } from "node:crypto";
import * as core from "@actions/core";
import type { Rule } from "../core/classify/index.ts";
import { cacheHit, type ImageSave } from "../core/images/index.ts";
import { describeRestore, renderImagesSection } from "../core/report/index.ts";
import { defaultPullRetry } from "../docker/docker-cli.ts";
import type { ImageStore } from "../docker/image-store.ts";
import { createDigestChecker } from "../docker/registry-digest.ts";
import { restoreImages } from "../docker/restore-images.ts";
import { saveImages } from "../docker/save-images.ts";
import { messageOf } from "../process/errors.ts";
import {
  type ImageCacheHandover,
  parseHandover,
  readHandoverFile,
  writeHandoverFile,
} from "./image-cache-handover.ts";
import { actionsCacheImageStore, imageWorkDir } from "./image-cache-store.ts";
import { type ImageCacheInputs, withoutInputs } from "./inputs.ts";
import { OUTPUT, STATE, setOutputs } from "./outputs.ts";

const LOG_PREFIX = "seamwatch: images:";

/** Never writes to the cache: for `cache-images: off` (listed images are still pulled) or no cache service. */
const noCache: ImageStore = {
  restore: async () => false,
  save: async () => {
    throw new Error("the image cache is off");
  },
};

/** GitHub sets these for jobs that may use the cache; elsewhere (act, other CI) there is no cache service. */
function hasCacheService(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL);
}

// The engine's warnings come back in its result and are emitted from there, once.
const logInfo = (line: string) => {
  if (!line.startsWith("warning: ")) core.info(`${LOG_PREFIX} ${line}`);
};

export async function restoreImageCache(options: {
  inputs: ImageCacheInputs;
  env: NodeJS.ProcessEnv;
  rules: readonly Rule[];
}): Promise<void> {
  const { inputs, env } = options;
  const asked = inputs.listed.length > 0;
  const cacheAvailable = inputs.mode !== "off" && hasCacheService(env);
  if (!asked && !cacheAvailable) {
    if (inputs.mode !== "off")
      core.info(`${LOG_PREFIX} no Actions cache service in this job; not caching images.`);
    setOutputs({
      [OUTPUT.imagesRestored]: "0",
      [OUTPUT.imageCacheHit]: "false",
      [OUTPUT.imagesUpdated]: "0",
    });
    return;
  }
  if (inputs.mode !== "off" && !cacheAvailable) {
    core.warning(
      "The Actions cache service is not available in this job: the listed images are pulled, not cached.",
    );
  }
  const workDir = imageWorkDir(env);
  const started = performance.now();
  // `docker` sees the job's environment, as a `run:` step would; so do the registry checks, which read the
  // Docker config (DOCKER_CONFIG, HOME) that `docker login` wrote.
  const jobEnv = withoutInputs(env);
  const result = await restoreImages({
    store: cacheAvailable ? actionsCacheImageStore() : noCache,
    docker: { env: jobEnv },
    prefix: inputs.prefix,
    listed: inputs.listed,
    workDir,
    pull: { ...defaultPullRetry, rules: options.rules, log: (line) => core.info(`${LOG_PREFIX} ${line}`) },
    freshness:
      inputs.freshness.kind === "trust-cache"
        ? null
        : { setting: inputs.freshness, checkDigest: createDigestChecker({ env: jobEnv }) },
    log: logInfo,
  });
  for (const warning of result.warnings) {
    // Nothing was listed: a runner without Docker simply has no images to cache.
    if (!result.dockerUsable && !asked) core.info(`${LOG_PREFIX} ${warning}`);
    else core.warning(warning);
  }
  // A copy used without knowing whether its tag moved is worth seeing beside the run, not only in the log.
  for (const notice of result.notices) core.notice(notice);
  for (const image of result.images) core.info(`${LOG_PREFIX} ${describeRestore(image)}`);
  const updated = result.images.filter(
    (image) => image.result === "pulled" && image.freshness?.kind === "moved",
  ).length;
  const hit = cacheHit(result.images);
  const restoreSeconds = (performance.now() - started) / 1000;
  const fromCache = result.images.filter((image) => image.result === "loaded").length;
  core.info(
    `${LOG_PREFIX} ${fromCache} of ${result.images.length} from the cache (${hit}) in ${restoreSeconds.toFixed(1)} s`,
  );

  if (result.dockerUsable) {
    const handover: ImageCacheHandover = {
      restoreId: randomUUID(),
      settings: { ...inputs, workDir, cacheAvailable },
      state: result.state,
      restores: result.images,
      restoreSeconds,
    };
    core.saveState(STATE.imageCache, JSON.stringify(handover));
    try {
      await writeHandoverFile(env, handover);
    } catch (error) {
      core.info(`${LOG_PREFIX} the save step will not find this job's images: ${messageOf(error)}`);
    }
  }
  setOutputs({
    [OUTPUT.imagesRestored]: String(fromCache),
    [OUTPUT.imageCacheHit]: hit,
    [OUTPUT.imagesUpdated]: String(updated),
  });
}

/** Post: saves what changed and appends the Images section to the job summary, unless the save step did. */
export async function saveImageCache(env: NodeJS.ProcessEnv): Promise<void> {
  const text = core.getState(STATE.imageCache);
  if (text === "") return;
  const handover = parseHandover(text);
  if (!handover) {
    core.warning("Docker images not saved: the main step's state is unreadable.");
    return;
  }
  const fromFile = await readHandoverFile(env);
  if (fromFile?.restoreId === handover.restoreId && fromFile.savedByStep) {
    core.info(`${LOG_PREFIX} already saved by the save step; nothing left to do.`);
    return;
  }
  await saveAndReport(handover, env);
}

/** Saves what the handover says to save, adds the Images section; returns how many images were saved. */
async function saveAndReport(handover: ImageCacheHandover, env: NodeJS.ProcessEnv): Promise<number> {
  const { settings } = handover;
  let saves: readonly ImageSave[] | null = null;
  let count = 0;
  const started = performance.now();
  if (settings.mode !== "off" && settings.cacheAvailable) {
    const saved = await saveImages({
      store: actionsCacheImageStore(),
      docker: { env: withoutInputs(env) },
      prefix: settings.prefix,
      listed: settings.listed,
      mode: settings.mode,
      state: handover.state,
      readOnly: settings.readOnly,
      maxBytes: settings.maxBytes,
      workDir: settings.workDir,
      log: logInfo,
    });
    for (const warning of saved.warnings) core.warning(warning);
    saves = saved.images;
    count = saves.filter((image) => image.result === "saved").length;
    core.info(`${LOG_PREFIX} ${count} saved to the cache${settings.readOnly ? " (read-only: none)" : ""}`);
  }
  try {
    const times = {
      restoreSeconds: handover.restoreSeconds,
      saveSeconds: (performance.now() - started) / 1000,
    };
    await core.summary.addRaw(renderImagesSection(handover.restores, saves, times), true).write();
  } catch (error) {
    core.warning(`Could not add the images to the job summary: ${messageOf(error)}`);
  }
  return count;
}

/** The save step's work: saves now, marks the handover file done so post leaves the images alone. */
export async function saveImagesNow(env: NodeJS.ProcessEnv): Promise<number> {
  const handover = await readHandoverFile(env);
  if (!handover) {
    core.warning(
      "No Docker images to save: no seamwatch step with the image cache ran before this one in this job.",
    );
    return 0;
  }
  if (handover.savedByStep) {
    core.info(`${LOG_PREFIX} already saved by an earlier save step in this job.`);
    return 0;
  }
  const saved = await saveAndReport(handover, env);
  try {
    await writeHandoverFile(env, { ...handover, savedByStep: true });
  } catch (error) {
    core.warning(`The post step may save the images again: ${messageOf(error)}`);
  }
  return saved;
}
