// The image cache at the start of a job: bring every listed or indexed image into Docker, from its cache entry
// (one entry per image, keyed by its content) or else by a pull. What to do is decided by core/images; Docker
// is driven through its CLI (docker-cli.ts).
//
// Failure policy: cache trouble (a store that throws, a corrupt entry, no Docker engine) is a warning in
// the result and the job goes on; `restoreImages` never throws for it. A bad prefix is a misconfiguration
// and throws `CacheKeyError` before anything runs.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  emptyImageCacheState,
  type ImageCacheState,
  type ImageRestore,
  type IndexedImage,
  indexKey,
  type LocalImage,
  parseImageIndex,
  planIndex,
  planRestore,
} from "../core/images/index.ts";
import { messageOf } from "../process/errors.ts";
import {
  type CacheJob,
  type CacheJobOptions,
  type Limiter,
  limited,
  mapWithLimit,
  secondsSince,
  startJob,
} from "./cache-job.ts";
import {
  defaultPullRetry,
  isDockerTimeout,
  listImages,
  loadImage,
  type PullRetryOptions,
  pullImage,
} from "./docker-cli.ts";
import { IMAGE_FILE, type ImageStore, INDEX_FILE } from "./image-store.ts";

export interface RestoreImagesOptions extends CacheJobOptions {
  /** Pull listed images the cache cannot supply; null to leave them to the job. */
  readonly pull?: PullRetryOptions | null;
}

export interface RestoreImagesResult {
  /** False when the Docker engine could not be reached: nothing was restored or pulled. */
  readonly dockerUsable: boolean;
  readonly images: readonly ImageRestore[];
  readonly warnings: readonly string[];
  readonly state: ImageCacheState;
}

/** A restore's steps share this: the job, where entries go, and the turns images wait for. */
interface RestoreContext extends CacheJob {
  readonly workDir: string;
  /** Only listed images are pulled: indexed images nobody listed may be built by the job itself. */
  readonly listed: ReadonlySet<string>;
  readonly pull: PullRetryOptions | null;
  /**
   * A store that does not stream restores a few entries to disk at a time (`concurrency`), each loaded
   * while the next ones download; an image keeps its slot until it is loaded, as more downloads beside a
   * load slowed everything down.
   */
  readonly imageSlot: Limiter;
  /**
   * One entry goes into Docker at a time, largest first. A store that streams (the Actions cache) downloads
   * each entry straight into its `docker load`, so the download and the load overlap and the disk sees no
   * copy of the entry; the next entry starts once Docker has read the whole of this one, while Docker still
   * registers its layers. A failed load is still undone exactly: the undo touches only the references that
   * load's own output names, and an overlapping load brings in others.
   */
  readonly loadTurn: Limiter;
  /** Images loaded from the cache so far. */
  readonly loaded: IndexedImage[];
}

/** How bringing an image's entry into Docker went. */
type EntryLoad =
  | { readonly kind: "loaded"; readonly restoreSeconds: number }
  /** The cache could not supply it (no entry, a failed download, a corrupt file): pull it instead. */
  | { readonly kind: "unavailable" }
  /** Docker did not answer in time: a pull would not be answered either. */
  | { readonly kind: "engine-not-answering" };

const UNAVAILABLE: EntryLoad = { kind: "unavailable" };

/** A streamed entry in its load turn: its load under way, or why it never started. */
type OpenedEntry =
  | { readonly opened: true; readonly loading: Promise<void> }
  | { readonly opened: false; readonly load: EntryLoad };

export async function restoreImages(options: RestoreImagesOptions): Promise<RestoreImagesResult> {
  const job = startJob(options);

  let before: LocalImage[];
  try {
    before = await listImages(job.docker);
  } catch (cause) {
    job.warn(`Docker images not restored: the Docker engine is not usable (${messageOf(cause)})`);
    return { dockerUsable: false, images: [], warnings: job.warnings, state: emptyImageCacheState };
  }

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-images-")));
  try {
    const indexed = await restoreIndex(job, join(workDir, "index"));
    const plan = planRestore({ listed: options.listed, indexed, local: before });
    const context: RestoreContext = {
      ...job,
      workDir,
      listed: new Set(options.listed),
      pull: options.pull === undefined ? defaultPullRetry : options.pull,
      imageSlot: limited(job.concurrency),
      loadTurn: limited(1),
      loaded: [],
    };

    // Largest first: the last load cannot overlap a download, so the pipeline should end on a small image.
    const bySize = [...plan.restore].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const restoring = new Map(bySize.map((image) => [image, restoreOne(context, image)]));
    // Misses the index knows nothing about are pulled meanwhile: the registry and the cache are different
    // pipes.
    const pulling = mapWithLimit(plan.unknown, job.concurrency, (reference) =>
      pullOrMiss(context, reference, null, job.now()),
    );
    const fromCache = await Promise.all(
      plan.restore.map((image) => restoring.get(image) as Promise<ImageRestore>),
    );
    const pulled = await pulling;
    const present = plan.present.map(
      (reference): ImageRestore => ({
        result: "present",
        reference,
        key: indexed.find((image) => image.reference === reference)?.key ?? null,
        seconds: 0,
      }),
    );
    const existingKeys = [
      ...context.loaded.map((image) => image.key),
      ...(indexed.length > 0 ? [planIndex(job.prefix, indexed).key] : []),
    ];
    return {
      dockerUsable: true,
      images: [...fromCache, ...pulled, ...present],
      warnings: job.warnings,
      state: {
        before,
        indexed,
        restored: context.loaded,
        pulled: [...fromCache, ...pulled].flatMap((image) =>
          image.result === "pulled" ? [{ reference: image.reference, seconds: image.pullSeconds }] : [],
        ),
        existingKeys,
      },
    };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

async function restoreIndex(job: CacheJob, dir: string): Promise<IndexedImage[]> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await job.store.restore(indexKey(job.prefix), dir))) return [];
    const index = parseImageIndex(await readFile(join(dir, INDEX_FILE), "utf8"));
    if (!index) {
      job.warn(`the image index (${indexKey(job.prefix)}*) is unreadable; starting without it`);
      return [];
    }
    return [...index.images];
  } catch (cause) {
    job.warn(`the image index could not be restored: ${messageOf(cause)}`);
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One indexed image: from its cache entry, else pulled (if listed). */
async function restoreOne(context: RestoreContext, image: IndexedImage): Promise<ImageRestore> {
  const started = context.now();
  const dir = join(context.workDir, "entries", image.key);
  try {
    await mkdir(dir, { recursive: true });
    // The slot is held from the download to the end of the load: see `imageSlot`.
    const load = await context.imageSlot(() => loadFromCache(context, image, dir));
    switch (load.kind) {
      case "loaded":
        return {
          result: "loaded",
          reference: image.reference,
          key: image.key,
          bytes: image.sizeBytes,
          seconds: secondsSince(context, started),
          restoreSeconds: load.restoreSeconds,
          pullSeconds: image.pullSeconds ?? null,
        };
      case "unavailable":
        return await pullOrMiss(context, image.reference, image.key, started);
      case "engine-not-answering":
        return missing(context, image.reference, image.key, started);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the image's entry into Docker, streamed when the store can. */
async function loadFromCache(context: RestoreContext, image: IndexedImage, dir: string): Promise<EntryLoad> {
  try {
    const load = await (context.store.stream
      ? streamAndLoad(context, context.store.stream.bind(context.store), image, dir)
      : downloadAndLoad(context, image, dir));
    if (load.kind === "loaded") context.loaded.push(image);
    return load;
  } catch (cause) {
    if (isDockerTimeout(cause)) {
      context.warn(`${messageOf(cause)}; not pulling it: the Docker engine is not answering`);
      return { kind: "engine-not-answering" };
    }
    context.warn(`${messageOf(cause)}; falling back to a pull`);
    return UNAVAILABLE;
  }
}

function entryUnavailable(context: RestoreContext, image: IndexedImage, cause: unknown): EntryLoad {
  context.warn(`cache entry ${image.key} for ${image.reference} could not be restored: ${messageOf(cause)}`);
  return UNAVAILABLE;
}

/**
 * The entry is downloaded into `docker load` as it comes, in the image's load turn: download and load are
 * one piece of work, and no byte of it touches the disk on the way.
 */
async function streamAndLoad(
  context: RestoreContext,
  stream: NonNullable<ImageStore["stream"]>,
  image: IndexedImage,
  dir: string,
): Promise<EntryLoad> {
  let loadStarted = 0;
  // The load goes on after the turn: it comes out of the turn wrapped, or it would be awaited there.
  const opened = await context.loadTurn(async (): Promise<OpenedEntry> => {
    loadStarted = context.now();
    let source: Awaited<ReturnType<typeof stream>>;
    try {
      source = await stream(image.key, dir, IMAGE_FILE);
    } catch (cause) {
      return { opened: false, load: entryUnavailable(context, image, cause) };
    }
    if (source === null) return { opened: false, load: UNAVAILABLE };
    const loading = loadImage(context.docker, source, image);
    // The turn passes on once Docker has read the whole entry: the rest of this load (Docker checking
    // and registering the layers it unpacked) overlaps the next entry's download.
    await Promise.race([source.done, loading]).catch(() => {});
    return { opened: true, loading };
  });
  if (!opened.opened) return opened.load;
  await opened.loading;
  const took = secondsSince(context, loadStarted);
  context.log(`${image.reference}: downloaded into docker load in ${took.toFixed(1)} s (${image.key})`);
  return { kind: "loaded", restoreSeconds: took };
}

/** The entry is restored to `dir`, then loaded from there in the image's load turn. */
async function downloadAndLoad(
  context: RestoreContext,
  image: IndexedImage,
  dir: string,
): Promise<EntryLoad> {
  const downloadStarted = context.now();
  let hit: boolean;
  try {
    hit = await context.store.restore(image.key, dir);
  } catch (cause) {
    return entryUnavailable(context, image, cause);
  }
  if (!hit) return UNAVAILABLE;
  const downloadSeconds = secondsSince(context, downloadStarted);
  context.log(`${image.reference}: cache entry restored in ${downloadSeconds.toFixed(1)} s`);
  return context.loadTurn(async (): Promise<EntryLoad> => {
    const loadStarted = context.now();
    await loadImage(context.docker, join(dir, IMAGE_FILE), image);
    const loadSeconds = secondsSince(context, loadStarted);
    context.log(`${image.reference}: loaded in ${loadSeconds.toFixed(1)} s (${image.key})`);
    return { kind: "loaded", restoreSeconds: Math.round((downloadSeconds + loadSeconds) * 1000) / 1000 };
  });
}

/** A cache miss: pulled when it was listed and pulls are asked for, else left missing. */
async function pullOrMiss(
  context: RestoreContext,
  reference: string,
  key: string | null,
  started: number,
): Promise<ImageRestore> {
  if (!context.pull || !context.listed.has(reference)) return missing(context, reference, key, started);
  const pullStarted = context.now();
  try {
    const pulled = await pullImage(context.docker, reference, { retry: context.pull });
    if (!pulled.pulled) {
      context.warn(
        `${reference} could not be pulled: ${pulled.attempts.at(-1)?.outputTail.at(-1) ?? "no output"}`,
      );
      return missing(context, reference, key, started);
    }
    return {
      result: "pulled",
      reference,
      key,
      seconds: secondsSince(context, started),
      pullSeconds: secondsSince(context, pullStarted),
    };
  } catch (cause) {
    context.warn(`${reference} could not be pulled: ${messageOf(cause)}`);
    return missing(context, reference, key, started);
  }
}

function missing(
  context: RestoreContext,
  reference: string,
  key: string | null,
  started: number,
): ImageRestore {
  return { result: "missing", reference, key, seconds: secondsSince(context, started) };
}
