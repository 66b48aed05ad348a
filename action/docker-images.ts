// The Docker image cache: restore images at the start of a job, save them at its end, one cache entry per
// image keyed by its content. The cache itself is behind `ImageStore` (the @actions/cache client plugs in
// there); Docker is driven through its CLI (docker-cli.ts); what to do is decided by core/images.
//
// Failure policy: cache trouble (a store that throws, a corrupt entry, no Docker engine) is a warning in
// the result and the job goes on; the top-level functions never throw for it. A bad prefix is a
// misconfiguration and throws `CacheKeyError` before anything runs.

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  checkKeyPrefix,
  type IndexedImage,
  indexKey,
  type LocalImage,
  type PulledImage,
  parseImageIndex,
  planIndex,
  planRestore,
  planSave,
  type SaveMode,
  type SkipReason,
} from "../core/images/index.ts";
import {
  type DockerCli,
  defaultPullRetry,
  type ImageFileStream,
  isDockerTimeout,
  listImages,
  loadImage,
  type PullRetryOptions,
  pullImage,
  saveImage,
} from "./docker-cli.ts";

export {
  type DockerCli,
  DockerCommandError,
  defaultPullRetry,
  type ImageFileStream,
  ImageLoadError,
  listImages,
  loadImage,
  type PullAttempt,
  type PullResult,
  type PullRetryOptions,
  pullImage,
  saveImage,
} from "./docker-cli.ts";

import { messageOf } from "./errors.ts";

/**
 * Where cache entries live. An entry is a directory; an image's entry holds `image.tar`, the index's
 * `index.json`. A key ending in `-` (the index's, see `indexKey`) is a prefix: `restore` then brings back
 * the newest entry whose key starts with it. Any other key is exact.
 */
export interface ImageStore {
  /** Fills `dir` with the entry's files; false when there is no such entry. */
  restore(key: string, dir: string): Promise<boolean>;
  /** Saves the files in `dir` under `key`; "exists" when an entry with that key is already there. */
  save(key: string, dir: string): Promise<"saved" | "exists">;
  /**
   * The file `file` of the entry under the exact key `key`, read as it downloads, so `docker load` starts
   * before the download ends and nothing is written to disk on the way; null when there is no such entry.
   * `dir` is where `save` took the entry from (an entry's identity may depend on it). Optional: without
   * it, an entry is restored to `dir` and loaded from there.
   */
  stream?(key: string, dir: string, file: string): Promise<ImageFileStream | null>;
}

export const IMAGE_FILE = "image.tar";
export const INDEX_FILE = "index.json";

interface CacheCommon {
  readonly store: ImageStore;
  readonly docker: DockerCli;
  /** Key prefix, usually `defaultKeyPrefix(process)`. */
  readonly prefix: string;
  /** Images named by the user (`images` input). */
  readonly listed: readonly string[];
  /** Where entries are unpacked and written; a fresh temp directory by default. Emptied afterwards. */
  readonly workDir?: string;
  /** Images handled at once; min(4, CPUs) by default. */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
  /** Milliseconds, for the reported durations. */
  readonly now?: () => number;
}

/** What main hands to post (through action state): JSON-safe. */
export interface ImageCacheState {
  /** The engine before the restore; empty when Docker was not reachable. */
  readonly before: readonly LocalImage[];
  readonly indexed: readonly IndexedImage[];
  readonly restored: readonly IndexedImage[];
  readonly pulled: readonly PulledImage[];
  readonly existingKeys: readonly string[];
}

export const emptyImageCacheState: ImageCacheState = {
  before: [],
  indexed: [],
  restored: [],
  pulled: [],
  existingKeys: [],
};

export interface ImageRestore {
  readonly reference: string;
  /** `hit`: loaded from the cache; `miss`: no usable entry; `present`: the engine already had it. */
  readonly cache: "hit" | "miss" | "present";
  /** What ended up in the engine: `loaded` from the cache, `pulled` after a miss, or nothing. */
  readonly result: "loaded" | "pulled" | "present" | "missing";
  readonly key: string | null;
  /** The image's size: on a hit, as the index recorded it when the image was saved. */
  readonly bytes: number | null;
  /** From the start of this image's turn to the end: waiting for a download slot or a load turn included. */
  readonly seconds: number;
  /** Its own work on a hit: the entry's download and its `docker load`, without the waiting. */
  readonly restoreSeconds: number | null;
  /** How long pulling it takes: this job's pull, or on a hit the pull the index recorded; null if unknown. */
  readonly pullSeconds: number | null;
}

export interface RestoreImagesResult {
  /** False when the Docker engine could not be reached: nothing was restored or pulled. */
  readonly dockerUsable: boolean;
  readonly images: readonly ImageRestore[];
  readonly warnings: readonly string[];
  readonly state: ImageCacheState;
}

export interface RestoreImagesOptions extends CacheCommon {
  /** Pull listed images the cache cannot supply; null to leave them to the job. */
  readonly pull?: PullRetryOptions | null;
}

/** What restore and save both start with: a checked key prefix, the log, the clock, and warnings. */
function startJob(options: CacheCommon) {
  const log = options.log ?? (() => {});
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    log(`warning: ${message}`);
  };
  return {
    prefix: checkKeyPrefix(options.prefix),
    log,
    now: options.now ?? (() => performance.now()),
    warnings,
    warn,
  };
}

export async function restoreImages(options: RestoreImagesOptions): Promise<RestoreImagesResult> {
  const { prefix, log, now, warnings, warn } = startJob(options);

  let before: LocalImage[];
  try {
    before = await listImages(options.docker);
  } catch (cause) {
    warn(`Docker images not restored: the Docker engine is not usable (${messageOf(cause)})`);
    return { dockerUsable: false, images: [], warnings, state: emptyImageCacheState };
  }

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-images-")));
  try {
    const indexed = await restoreIndex(options.store, prefix, join(workDir, "index"), warn);
    const plan = planRestore({ listed: options.listed, indexed, local: before });
    const listed = new Set(options.listed);
    const pull = options.pull === undefined ? defaultPullRetry : options.pull;
    const loadedImages: IndexedImage[] = [];
    // One entry goes into Docker at a time, largest first. A store that streams (the Actions cache)
    // downloads each entry straight into its `docker load`, so the download and the load overlap and the
    // disk sees no copy of the entry; the next entry starts once Docker has read the whole of this one,
    // while Docker still registers its layers (npm run bench:images, 1 GB in 3 images on 2 cores: 0.63× the
    // single tar, against 0.79× waiting for each load to end, and no faster with two entries streaming at
    // once). A failed load is still undone exactly: the undo touches only the references that load's own
    // output names, and an overlapping load brings in others. A store that does not stream restores a few
    // entries to disk at a time (one per CPU, at most 4), each loaded while the next ones download; an image
    // keeps its slot until it is loaded, as more downloads beside a load slowed everything down there
    // (1.04× the single tar that way, 0.84× holding the slot).
    const imageSlot = limited(concurrencyOf(options));
    const oneEntryAtATime = serially();

    const missing = (reference: string, key: string | null, started: number): ImageRestore => ({
      reference,
      cache: "miss",
      result: "missing",
      key,
      bytes: null,
      seconds: seconds(now, started),
      restoreSeconds: null,
      pullSeconds: null,
    });

    const pullOrMiss = async (
      reference: string,
      key: string | null,
      started: number,
    ): Promise<ImageRestore> => {
      // Indexed images nobody listed may be built by the job itself: not pulled.
      if (!pull || !listed.has(reference)) return missing(reference, key, started);
      const pullStarted = now();
      try {
        const pulled = await pullImage(options.docker, reference, { retry: pull });
        if (!pulled.pulled) {
          warn(
            `${reference} could not be pulled: ${pulled.attempts.at(-1)?.outputTail.at(-1) ?? "no output"}`,
          );
          return missing(reference, key, started);
        }
        return {
          ...missing(reference, key, started),
          result: "pulled",
          pullSeconds: seconds(now, pullStarted),
        };
      } catch (cause) {
        warn(`${reference} could not be pulled: ${messageOf(cause)}`);
        return missing(reference, key, started);
      }
    };

    /** Reads the image's entry and loads it; "pull" when the cache could not supply it. */
    const loadFromCache = async (
      image: IndexedImage,
      dir: string,
      started: number,
    ): Promise<ImageRestore | "pull"> => {
      const unavailable = (cause: unknown): "pull" => {
        warn(`cache entry ${image.key} for ${image.reference} could not be restored: ${messageOf(cause)}`);
        return "pull";
      };
      try {
        // The seconds its download and load took.
        const took = await (options.store.stream
          ? streamAndLoad(options.store.stream.bind(options.store), image, dir, unavailable)
          : downloadAndLoad(image, dir, unavailable));
        if (took === "pull") return "pull";
        loadedImages.push(image);
        return {
          reference: image.reference,
          cache: "hit",
          result: "loaded",
          key: image.key,
          bytes: image.sizeBytes,
          seconds: seconds(now, started),
          restoreSeconds: took,
          pullSeconds: image.pullSeconds ?? null,
        };
      } catch (cause) {
        // An engine that did not answer in time would not answer a pull either.
        if (isDockerTimeout(cause)) {
          warn(`${messageOf(cause)}; not pulling it: the Docker engine is not answering`);
          return missing(image.reference, image.key, started);
        }
        warn(`${messageOf(cause)}; falling back to a pull`);
        return "pull";
      }
    };

    /**
     * The entry is downloaded into `docker load` as it comes, in the image's load turn: download and load
     * are one piece of work, and no byte of it touches the disk on the way.
     */
    const streamAndLoad = async (
      stream: NonNullable<ImageStore["stream"]>,
      image: IndexedImage,
      dir: string,
      unavailable: (cause: unknown) => "pull",
    ): Promise<number | "pull"> => {
      let loadStarted = 0;
      // The load goes on after the turn: it comes out of the turn wrapped, or it would be awaited there.
      const opened = await oneEntryAtATime(async () => {
        loadStarted = now();
        const source = await stream(image.key, dir, IMAGE_FILE).catch(unavailable);
        if (source === null || source === "pull") return "pull";
        const loading = loadImage(options.docker, source, image);
        // The turn passes on once Docker has read the whole entry: the rest of this load (Docker checking
        // and registering the layers it unpacked) overlaps the next entry's download.
        await Promise.race([source.done, loading]).catch(() => {});
        return { loading };
      });
      if (opened === "pull") return "pull";
      await opened.loading;
      const took = seconds(now, loadStarted);
      log(`${image.reference}: downloaded into docker load in ${took.toFixed(1)} s (${image.key})`);
      return took;
    };

    /** The entry is restored to `dir`, then loaded from there in the image's load turn. */
    const downloadAndLoad = async (
      image: IndexedImage,
      dir: string,
      unavailable: (cause: unknown) => "pull",
    ): Promise<number | "pull"> => {
      const downloadStarted = now();
      const hit = await options.store.restore(image.key, dir).catch(unavailable);
      if (hit !== true) return "pull";
      const downloadSeconds = seconds(now, downloadStarted);
      log(`${image.reference}: cache entry restored in ${downloadSeconds.toFixed(1)} s`);
      return oneEntryAtATime(async () => {
        const loadStarted = now();
        await loadImage(options.docker, join(dir, IMAGE_FILE), image);
        const loadSeconds = seconds(now, loadStarted);
        log(`${image.reference}: loaded in ${loadSeconds.toFixed(1)} s (${image.key})`);
        return Math.round((downloadSeconds + loadSeconds) * 1000) / 1000;
      });
    };

    const restoreOne = async (image: IndexedImage): Promise<ImageRestore> => {
      const started = now();
      const dir = join(workDir, "entries", image.key);
      try {
        await mkdir(dir, { recursive: true });
        // The slot is held from the download to the end of the load: see `imageSlot` above.
        const restored = await imageSlot(() => loadFromCache(image, dir, started));
        return restored === "pull" ? await pullOrMiss(image.reference, image.key, started) : restored;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };

    // Largest first: the last load cannot overlap a download, so the pipeline should end on a small image.
    const bySize = [...plan.restore].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const restoring = new Map(bySize.map((image) => [image, restoreOne(image)]));
    // Misses the index knows nothing about are pulled meanwhile: the registry and the cache are different
    // pipes.
    const pulling = mapWithLimit(plan.unknown, concurrencyOf(options), (reference) =>
      pullOrMiss(reference, null, now()),
    );
    const fromCache = await Promise.all(
      plan.restore.map((image) => restoring.get(image) as Promise<ImageRestore>),
    );
    const pulled = await pulling;
    const present = plan.present.map(
      (reference): ImageRestore => ({
        reference,
        cache: "present",
        result: "present",
        key: indexed.find((image) => image.reference === reference)?.key ?? null,
        bytes: null,
        seconds: 0,
        restoreSeconds: null,
        pullSeconds: null,
      }),
    );
    const existingKeys = [
      ...loadedImages.map((image) => image.key),
      ...(indexed.length > 0 ? [planIndex(prefix, indexed).key] : []),
    ];
    return {
      dockerUsable: true,
      images: [...fromCache, ...pulled, ...present],
      warnings,
      state: {
        before,
        indexed,
        restored: loadedImages,
        pulled: [...fromCache, ...pulled].flatMap((image) =>
          image.result === "pulled" && image.pullSeconds !== null
            ? [{ reference: image.reference, seconds: image.pullSeconds }]
            : [],
        ),
        existingKeys,
      },
    };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

async function restoreIndex(
  store: ImageStore,
  prefix: string,
  dir: string,
  warn: (message: string) => void,
): Promise<IndexedImage[]> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await store.restore(indexKey(prefix), dir))) return [];
    const index = parseImageIndex(await readFile(join(dir, INDEX_FILE), "utf8"));
    if (!index) {
      warn(`the image index (${indexKey(prefix)}*) is unreadable; starting without it`);
      return [];
    }
    return [...index.images];
  } catch (cause) {
    warn(`the image index could not be restored: ${messageOf(cause)}`);
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ImageSave {
  readonly reference: string;
  readonly result: "saved" | "exists" | "skipped" | "failed";
  /** Why it was skipped; null otherwise. */
  readonly reason: SkipReason | null;
  readonly key: string | null;
  readonly bytes: number | null;
  readonly seconds: number;
}

export interface SaveImagesResult {
  readonly images: readonly ImageSave[];
  /** Decisions worth a line in the job log (the size cap's). */
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
  readonly index: { readonly key: string; readonly result: "saved" | "exists" | "failed" } | null;
}

export interface SaveImagesOptions extends CacheCommon {
  readonly mode: SaveMode;
  /** From `restoreImages`; `emptyImageCacheState` when the restore did not run. */
  readonly state: ImageCacheState;
  readonly readOnly: boolean;
  readonly maxBytes: number | null;
}

export async function saveImages(options: SaveImagesOptions): Promise<SaveImagesResult> {
  const { prefix, log, now, warnings, warn } = startJob(options);
  if (options.mode === "off") return { images: [], notices: [], warnings, index: null };

  let after: LocalImage[];
  try {
    after = await listImages(options.docker);
  } catch (cause) {
    warn(`Docker images not saved: the Docker engine is not usable (${messageOf(cause)})`);
    return { images: [], notices: [], warnings, index: null };
  }
  const plan = planSave({
    mode: options.mode,
    prefix,
    listed: options.listed,
    before: options.state.before,
    after,
    indexed: options.state.indexed,
    restored: options.state.restored,
    pulled: options.state.pulled,
    existingKeys: options.state.existingKeys,
    readOnly: options.readOnly,
    maxBytes: options.maxBytes,
  });
  for (const notice of plan.notices) log(notice);
  for (const entry of plan.skipped) log(entry.message);

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-images-")));
  try {
    const saved = await mapWithLimit(plan.save, concurrencyOf(options), async (image): Promise<ImageSave> => {
      const started = now();
      const dir = join(workDir, "entries", image.key);
      try {
        await mkdir(dir, { recursive: true });
        const bytes = await saveImage(options.docker, image.reference, join(dir, IMAGE_FILE));
        const result = await options.store.save(image.key, dir);
        log(`${image.reference}: ${result === "saved" ? "saved" : "already cached"} as ${image.key}`);
        return {
          reference: image.reference,
          result,
          reason: null,
          key: image.key,
          bytes,
          seconds: seconds(now, started),
        };
      } catch (cause) {
        warn(`${image.reference} could not be saved to the cache: ${messageOf(cause)}`);
        return {
          reference: image.reference,
          result: "failed",
          reason: null,
          key: image.key,
          bytes: null,
          seconds: seconds(now, started),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
    const skipped = plan.skipped.map(
      (entry): ImageSave => ({
        reference: entry.reference,
        result: "skipped",
        reason: entry.reason,
        key: entry.image?.key ?? null,
        bytes: null,
        seconds: 0,
      }),
    );

    let index: SaveImagesResult["index"] = null;
    if (plan.index) {
      const failed = new Set(saved.filter((image) => image.result === "failed").map((image) => image.key));
      const planned = planIndex(
        prefix,
        plan.index.index.images.filter((image) => !failed.has(image.key)),
        new Set(options.state.existingKeys),
      );
      index = {
        key: planned.key,
        result: planned.exists ? "exists" : await saveIndex(options.store, planned, workDir, warn),
      };
    }
    return { images: [...saved, ...skipped], notices: plan.notices, warnings, index };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

async function saveIndex(
  store: ImageStore,
  planned: ReturnType<typeof planIndex>,
  workDir: string,
  warn: (message: string) => void,
): Promise<"saved" | "exists" | "failed"> {
  const dir = join(workDir, "index");
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, INDEX_FILE), `${JSON.stringify(planned.index, null, 2)}\n`);
    return await store.save(planned.key, dir);
  } catch (cause) {
    warn(`the image index could not be saved: ${messageOf(cause)}`);
    return "failed";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function serially(): <T>(work: () => Promise<T>) => Promise<T> {
  return limited(1);
}

/** Runs the works handed to it at most `limit` at a time, in the order they were handed in. */
function limited(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` only drops when nobody waits.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

function concurrencyOf(options: CacheCommon): number {
  return Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
}

/** Runs `work` on every item, at most `limit` at a time; results in the items' order. */
function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const slot = limited(limit);
  return Promise.all(items.map((item) => slot(() => work(item))));
}

function seconds(now: () => number, started: number): number {
  return Math.round(now() - started) / 1000;
}
