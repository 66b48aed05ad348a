// The Docker image cache in the action: main restores (and pulls listed images) before the suite runs, post
// saves what changed and adds an "Images" section to the job summary. Main hands everything post needs to it
// through one state value, so post reads no inputs.
//
// The save can also run earlier, as its own step (`uses: <seamwatch>/save`, save/action.yml): a post step's
// outputs reach no later step, so `images-saved` is that step's output. Other actions cannot read this one's
// state, so main also leaves the handover in a file in RUNNER_TEMP; the save step marks it done there, and
// post then leaves the images alone.
//
// Failure policy: nothing here fails the step. No Docker, no cache service, a refused or corrupt entry: each
// is a warning (or, when the user listed no images and so asked for nothing, an info line), and the job goes on.
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import type { Rule } from "../core/classify/index.ts";
import { formatBytes } from "../core/images/index.ts";
import {
  defaultPullRetry,
  type ImageCacheState,
  type ImageRestore,
  type ImageSave,
  type ImageStore,
  restoreImages,
  type SaveImagesResult,
  saveImages,
} from "./docker-images.ts";
import { messageOf } from "./errors.ts";
import { actionsCacheImageStore, imageWorkDir } from "./image-cache-store.ts";
import type { ImageCacheInputs } from "./inputs.ts";
import { OUTPUT, SAVE_STEP_OUTPUT, STATE, setOutputs } from "./outputs.ts";

/** What main leaves for post (JSON in `STATE.imageCache`). */
export interface ImageCacheHandover {
  /** Tells this job's main step apart from an earlier one's left in the same RUNNER_TEMP (self-hosted). */
  readonly restoreId: string;
  /** Set in the handover file by the save step once it has saved. */
  readonly savedByStep?: boolean;
  readonly settings: ImageCacheInputs & { readonly workDir: string; readonly cacheAvailable: boolean };
  readonly state: ImageCacheState;
  readonly restores: readonly ImageRestore[];
  /** Wall time of the restore, pulls included. */
  readonly restoreSeconds: number;
}

export type ImageCacheHit = "true" | "partial" | "false";

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

export async function restoreImageCache(options: {
  inputs: ImageCacheInputs;
  env: NodeJS.ProcessEnv;
  /** Environment of `docker` calls: the job's, without the action's inputs. */
  dockerEnv: NodeJS.ProcessEnv;
  rules: readonly Rule[];
}): Promise<void> {
  const { inputs, env } = options;
  const asked = inputs.listed.length > 0;
  const cacheAvailable = inputs.mode !== "off" && hasCacheService(env);
  if (!asked && !cacheAvailable) {
    if (inputs.mode !== "off")
      core.info(`${LOG_PREFIX} no Actions cache service in this job; not caching images.`);
    setOutputs({ [OUTPUT.imagesRestored]: "0", [OUTPUT.imageCacheHit]: "false" });
    return;
  }
  if (inputs.mode !== "off" && !cacheAvailable) {
    core.warning(
      "The Actions cache service is not available in this job: the listed images are pulled, not cached.",
    );
  }
  const workDir = imageWorkDir(env);
  const started = performance.now();
  const result = await restoreImages({
    store: cacheAvailable ? actionsCacheImageStore() : noCache,
    docker: { env: options.dockerEnv },
    prefix: inputs.prefix,
    listed: inputs.listed,
    workDir,
    pull: { ...defaultPullRetry, rules: options.rules, log: (line) => core.info(`${LOG_PREFIX} ${line}`) },
    // The engine reports its warnings in `result.warnings`; they are emitted below, once.
    log: (line) => {
      if (!line.startsWith("warning: ")) core.info(`${LOG_PREFIX} ${line}`);
    },
  });
  for (const warning of result.warnings) {
    // Nothing was listed: a runner without Docker simply has no images to cache.
    if (!result.dockerUsable && !asked) core.info(`${LOG_PREFIX} ${warning}`);
    else core.warning(warning);
  }
  for (const image of result.images) core.info(`${LOG_PREFIX} ${describeRestore(image)}`);
  const hit = cacheHit(result.images);
  const restoreSeconds = (performance.now() - started) / 1000;
  core.info(
    `${LOG_PREFIX} ${result.images.filter((image) => image.cache === "hit").length} of ${result.images.length} from the cache (${hit}) in ${seconds(restoreSeconds)}`,
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
      await writeFile(handoverFile(env), JSON.stringify(handover));
    } catch (error) {
      core.info(`${LOG_PREFIX} the save step will not find this job's images: ${messageOf(error)}`);
    }
  }
  setOutputs({
    [OUTPUT.imagesRestored]: String(result.images.filter((image) => image.result === "loaded").length),
    [OUTPUT.imageCacheHit]: hit,
  });
}

/**
 * `true`: images came from the cache and none missed (those already in Docker count as neither); `partial`:
 * some came from the cache, some missed; `false`: none came from the cache.
 */
export function cacheHit(images: readonly ImageRestore[]): ImageCacheHit {
  const hits = images.filter((image) => image.cache === "hit").length;
  const misses = images.filter((image) => image.cache === "miss").length;
  if (hits === 0) return "false";
  return misses === 0 ? "true" : "partial";
}

/** Where main leaves the handover for the save step (RUNNER_TEMP is per job on hosted runners). */
function handoverFile(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch-images-handover.json");
}

/** Post: saves what changed and appends the Images section to the job summary, unless the save step did. */
export async function saveImageCache(env: NodeJS.ProcessEnv): Promise<void> {
  const text = core.getState(STATE.imageCache);
  if (text === "") return;
  let handover: ImageCacheHandover;
  try {
    handover = JSON.parse(text) as ImageCacheHandover;
  } catch (error) {
    core.warning(`Docker images not saved: the main step's state is unreadable (${messageOf(error)})`);
    return;
  }
  const fromFile = await readHandover(env);
  if (fromFile?.restoreId === handover.restoreId && fromFile.savedByStep) {
    core.info(`${LOG_PREFIX} already saved by the save step; nothing left to do.`);
    return;
  }
  await saveAndReport(handover, env);
}

/** The save step (save/action.yml): the post step's work, done now, with `images-saved` as its output. */
export async function runSaveStep(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const handover = await readHandover(env);
  if (!handover) {
    core.warning(
      "No Docker images to save: no seamwatch step with the image cache ran before this one in this job.",
    );
    setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: "0" });
    return;
  }
  if (handover.savedByStep) {
    core.info(`${LOG_PREFIX} already saved by an earlier save step in this job.`);
    setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: "0" });
    return;
  }
  const saved = await saveAndReport(handover, env);
  setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: String(saved) });
  try {
    await writeFile(handoverFile(env), JSON.stringify({ ...handover, savedByStep: true }));
  } catch (error) {
    core.warning(`The post step may save the images again: ${messageOf(error)}`);
  }
}

async function readHandover(env: NodeJS.ProcessEnv): Promise<ImageCacheHandover | null> {
  try {
    return JSON.parse(await readFile(handoverFile(env), "utf8")) as ImageCacheHandover;
  } catch {
    return null;
  }
}

/** Saves what the handover says to save, adds the Images section; returns how many images were saved. */
async function saveAndReport(handover: ImageCacheHandover, env: NodeJS.ProcessEnv): Promise<number> {
  const { settings } = handover;
  let saved: SaveImagesResult | null = null;
  let count = 0;
  const started = performance.now();
  if (settings.mode !== "off" && settings.cacheAvailable) {
    saved = await saveImages({
      store: actionsCacheImageStore(),
      docker: { env: withoutInputs(env) },
      prefix: settings.prefix,
      listed: settings.listed,
      mode: settings.mode,
      state: handover.state,
      readOnly: settings.readOnly,
      maxBytes: settings.maxBytes,
      workDir: settings.workDir,
      log: (line) => {
        if (!line.startsWith("warning: ")) core.info(`${LOG_PREFIX} ${line}`);
      },
    });
    for (const warning of saved.warnings) core.warning(warning);
    count = saved.images.filter((image) => image.result === "saved").length;
    core.info(`${LOG_PREFIX} ${count} saved to the cache${settings.readOnly ? " (read-only: none)" : ""}`);
  }
  try {
    const times = {
      restoreSeconds: handover.restoreSeconds,
      saveSeconds: (performance.now() - started) / 1000,
    };
    await core.summary.addRaw(renderImagesSection(handover.restores, saved, times), true).write();
  } catch (error) {
    core.warning(`Could not add the images to the job summary: ${messageOf(error)}`);
  }
  return count;
}

const SKIP_TEXT: Record<string, string> = {
  unchanged: "unchanged",
  "key-exists": "already cached",
  "read-only": "read-only",
  "over-size-cap": "over cache-max-gb",
  "not-present": "not in Docker",
  "pinned-by-digest": "pinned by digest (docker load cannot restore a digest)",
};

/** The job summary's Images section: one row per image, then where the time went. */
export function renderImagesSection(
  restores: readonly ImageRestore[],
  saved: SaveImagesResult | null,
  times: { restoreSeconds: number; saveSeconds: number },
): string {
  const saves = new Map((saved?.images ?? []).map((image) => [image.reference, image]));
  const references = [...new Set([...restores.map((image) => image.reference), ...saves.keys()])];
  const lines = ["### Images", ""];
  if (references.length === 0) {
    lines.push("No images to restore or save.", "");
    return lines.join("\n");
  }
  lines.push("| image | start of job | size | time | end of job |", "| --- | --- | --- | --- | --- |");
  const restoreOf = new Map(restores.map((image) => [image.reference, image]));
  for (const reference of references) {
    const restore = restoreOf.get(reference);
    const save = saves.get(reference);
    const bytes = restore?.bytes ?? save?.bytes ?? null;
    const time = [restore && restore.result !== "present" ? seconds(restore.seconds) : null]
      .concat(save && save.result !== "skipped" ? [`save ${seconds(save.seconds)}`] : [])
      .filter(Boolean)
      .join(", ");
    lines.push(
      `| \`${reference.replace(/[`|]/g, "")}\` | ${restore ? restoreText(restore) : "not restored"} | ${bytes === null ? "" : formatBytes(bytes)} | ${time} | ${save ? saveText(save) : saved ? "" : "not saved"} |`,
    );
  }
  lines.push("", timeLine(restores, saved, times), "");
  return lines.join("\n");
}

function restoreText(image: ImageRestore): string {
  if (image.cache === "hit") return "cache hit";
  if (image.cache === "present") return "already in Docker";
  return image.result === "pulled" ? "cache miss, pulled" : "cache miss, not pulled";
}

function saveText(image: ImageSave): string {
  if (image.result === "skipped") return `skipped: ${SKIP_TEXT[image.reason ?? ""] ?? image.reason}`;
  if (image.result === "exists") return "already cached";
  return image.result === "saved" ? "saved" : "save failed (see warnings)";
}

/**
 * Where the time went, in wall time (images are handled in parallel, so their own times overlap). Loading
 * and pulling one image are never both measured in one job, and images differ in size, so each side is stated
 * as measured rather than turned into an invented saving.
 */
function timeLine(
  restores: readonly ImageRestore[],
  saved: SaveImagesResult | null,
  times: { restoreSeconds: number; saveSeconds: number },
): string {
  const loaded = restores.filter((image) => image.result === "loaded").length;
  const pulled = restores.filter((image) => image.result === "pulled").length;
  const start = [
    ...(loaded > 0 ? [`${count(loaded)} loaded from the cache`] : []),
    ...(pulled > 0 ? [`${count(pulled)} pulled`] : []),
  ];
  const parts = [
    `start of job ${seconds(times.restoreSeconds)}${start.length > 0 ? ` (${start.join(", ")})` : ""}`,
  ];
  if (saved) {
    const written = saved.images.filter((image) => image.result === "saved").length;
    parts.push(
      `end of job ${seconds(times.saveSeconds)} (${written > 0 ? `${count(written)} saved for later jobs` : "nothing to save"})`,
    );
  }
  return [`Time spent on images: ${parts.join("; ")}.`, ...pullComparison(restores)].join("\n\n");
}

/**
 * The cache against pulling, for the images loaded from the cache whose pull time is on record (the index
 * keeps how long the pull took on the run that first cached each image). Each side is per image: its
 * download and load here, its pull there. Slower is stated as plainly as faster.
 */
function pullComparison(restores: readonly ImageRestore[]): string[] {
  const loaded = restores.filter((image) => image.result === "loaded");
  const compared = loaded.flatMap((image) =>
    image.pullSeconds !== null && image.restoreSeconds !== null
      ? [{ restore: image.restoreSeconds, pull: image.pullSeconds }]
      : [],
  );
  if (compared.length === 0) return [];
  const restore = compared.reduce((sum, image) => sum + image.restore, 0);
  const pull = compared.reduce((sum, image) => sum + image.pull, 0);
  const verdict =
    restore <= pull
      ? `the cache saved ${seconds(pull - restore)}`
      : `the cache cost ${seconds(restore - pull)} more than pulling`;
  const unknown = loaded.length - compared.length;
  return [
    `Compared with pulling: ${count(compared.length)} restored in ${seconds(restore)}, where pulling them took ${seconds(pull)} when they were cached: ${verdict}.${unknown > 0 ? ` (${count(unknown)} without a pull time on record.)` : ""}`,
  ];
}

function describeRestore(image: ImageRestore): string {
  const size = image.bytes === null ? "" : `, ${formatBytes(image.bytes)}`;
  return `${image.reference}: ${restoreText(image)}${size}, ${seconds(image.seconds)}`;
}

function count(images: number): string {
  return `${images} image${images === 1 ? "" : "s"}`;
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

function withoutInputs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
}
