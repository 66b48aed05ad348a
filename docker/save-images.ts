// The image cache at the end of a job: save the images that changed, one cache entry per image keyed by its
// content, and the index that lists them for the next job. What to save is decided by core/images.
//
// Failure policy: as for the restore, cache trouble is a warning in the result; `saveImages` never throws
// for it. A bad prefix throws `CacheKeyError` before anything runs.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ImageCacheState,
  type ImageSave,
  type LocalImage,
  type PlannedImage,
  type PlannedIndex,
  planIndex,
  planSave,
  type SaveMode,
} from "../core/images/index.ts";
import { messageOf } from "../process/errors.ts";
import { type CacheJob, type CacheJobOptions, mapWithLimit, secondsSince, startJob } from "./cache-job.ts";
import { listImages, saveImage } from "./docker-cli.ts";
import { IMAGE_FILE, INDEX_FILE } from "./image-store.ts";

export interface SaveImagesOptions extends CacheJobOptions {
  readonly mode: SaveMode;
  /** From `restoreImages`; `emptyImageCacheState` when the restore did not run. */
  readonly state: ImageCacheState;
  readonly readOnly: boolean;
  readonly maxBytes: number | null;
  /** Today: when new copies are recorded as cached. */
  readonly today?: () => Date;
}

export interface SaveImagesResult {
  readonly images: readonly ImageSave[];
  /** Decisions worth a line in the job log (the size cap's). */
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
  readonly index: { readonly key: string; readonly result: "saved" | "exists" | "failed" } | null;
}

export async function saveImages(options: SaveImagesOptions): Promise<SaveImagesResult> {
  const job = startJob(options);
  if (options.mode === "off") return { images: [], notices: [], warnings: job.warnings, index: null };

  let after: LocalImage[];
  try {
    after = await listImages(job.docker);
  } catch (cause) {
    job.warn(`Docker images not saved: the Docker engine is not usable (${messageOf(cause)})`);
    return { images: [], notices: [], warnings: job.warnings, index: null };
  }
  const plan = planSave({
    mode: options.mode,
    prefix: job.prefix,
    listed: options.listed,
    before: options.state.before,
    after,
    indexed: options.state.indexed,
    restored: options.state.restored,
    pulled: options.state.pulled,
    existingKeys: options.state.existingKeys,
    readOnly: options.readOnly,
    maxBytes: options.maxBytes,
    registryDigests: options.state.registryDigests,
    recordChecks: options.state.recordChecks,
    now: (options.today ?? (() => new Date()))().toISOString(),
  });
  for (const notice of plan.notices) job.log(notice);
  for (const entry of plan.skipped) job.log(entry.message);

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-images-")));
  try {
    const saved = await mapWithLimit(plan.save, job.concurrency, (image) => saveOne(job, image, workDir));
    const skipped = plan.skipped.map(
      (entry): ImageSave => ({
        result: "skipped",
        reference: entry.reference,
        key: entry.image?.key ?? null,
        reason: entry.reason,
      }),
    );

    let index: SaveImagesResult["index"] = null;
    if (plan.index) {
      const failed = new Set(saved.filter((image) => image.result === "failed").map((image) => image.key));
      const planned = planIndex(
        job.prefix,
        plan.index.index.images.filter((image) => !failed.has(image.key)),
        new Set(options.state.existingKeys),
      );
      index = {
        key: planned.key,
        result: planned.exists ? "exists" : await saveIndex(job, planned, workDir),
      };
    }
    return { images: [...saved, ...skipped], notices: plan.notices, warnings: job.warnings, index };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** `docker save` into the image's entry, then the entry into the store. */
async function saveOne(job: CacheJob, image: PlannedImage, workDir: string): Promise<ImageSave> {
  const started = job.now();
  const dir = join(workDir, "entries", image.key);
  try {
    await mkdir(dir, { recursive: true });
    const bytes = await saveImage(job.docker, image.reference, join(dir, IMAGE_FILE));
    const result = await job.store.save(image.key, dir);
    job.log(`${image.reference}: ${result === "saved" ? "saved" : "already cached"} as ${image.key}`);
    return { result, reference: image.reference, key: image.key, bytes, seconds: secondsSince(job, started) };
  } catch (cause) {
    job.warn(`${image.reference} could not be saved to the cache: ${messageOf(cause)}`);
    return {
      result: "failed",
      reference: image.reference,
      key: image.key,
      seconds: secondsSince(job, started),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function saveIndex(
  job: CacheJob,
  planned: PlannedIndex,
  workDir: string,
): Promise<"saved" | "exists" | "failed"> {
  const dir = join(workDir, "index");
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, INDEX_FILE), `${JSON.stringify(planned.index, null, 2)}\n`);
    return await job.store.save(planned.key, dir);
  } catch (cause) {
    job.warn(`the image index could not be saved: ${messageOf(cause)}`);
    return "failed";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
