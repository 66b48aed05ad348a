// The image cache at the start of a job: bring every listed or indexed image into Docker, from its cache entry
// (one entry per image, keyed by its content) or else by a pull. What to do is decided by core/images; Docker
// is driven through its CLI (docker-cli.ts). A cached copy of a tag is checked against the tag's registry
// meanwhile (registry-digest.ts): a tag that moved is pulled anew; a registry that cannot say leaves the
// cached copy in use, with a notice.
//
// Failure policy: cache trouble (a store that throws, a corrupt entry, no Docker engine) is a warning in
// the result and the job goes on; `restoreImages` never throws for it. A bad prefix is a misconfiguration
// and throws `CacheKeyError` before anything runs.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DigestCheck,
  decideCheck,
  describeMove,
  describeUnverified,
  emptyImageCacheState,
  type FreshnessVerdict,
  type ImageCacheState,
  type ImageFreshness,
  type ImageRestore,
  type IndexedImage,
  indexKey,
  judgeFreshness,
  type LocalImage,
  parseImageIndex,
  planIndex,
  planRestore,
  type RegistryDigest,
  shortDigest,
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
  removeUntaggedImage,
} from "./docker-cli.ts";
import { IMAGE_FILE, type ImageStore, INDEX_FILE } from "./image-store.ts";

export interface RestoreImagesOptions extends CacheJobOptions {
  /** Pull listed images the cache cannot supply; null to leave them to the job. */
  readonly pull?: PullRetryOptions | null;
  /** Whether cached tags are checked against their registries; absent or null: the cache is trusted. */
  readonly freshness?: FreshnessOptions | null;
}

export interface FreshnessOptions {
  readonly setting: ImageFreshness;
  /** Asks the tag's registry which digest the tag names now (`createDigestChecker`). */
  readonly checkDigest: (reference: string) => Promise<DigestCheck>;
  /** Today, for `image-freshness` durations and the age of a copy in a notice. */
  readonly today?: () => Date;
}

export interface RestoreImagesResult {
  /** False when the Docker engine could not be reached: nothing was restored or pulled. */
  readonly dockerUsable: boolean;
  readonly images: readonly ImageRestore[];
  readonly warnings: readonly string[];
  /** Cached copies used without knowing whether their tag moved, and why: one notice each. */
  readonly notices: readonly string[];
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
  /** The registry's verdict on each cached tag being checked, by reference. */
  readonly checks: ReadonlyMap<string, PendingVerdict>;
  readonly notices: string[];
  readonly today: () => Date;
}

/** A check under way, whose verdict can also be read without waiting once it has come. */
interface PendingVerdict {
  readonly verdict: Promise<FreshnessVerdict>;
  /** Null until the verdict has come. */
  readonly settled: () => FreshnessVerdict | null;
}

/** How bringing an image's entry into Docker went. */
type EntryLoad =
  | { readonly kind: "loaded"; readonly restoreSeconds: number }
  /** The cache could not supply it (no entry, a failed download, a corrupt file): pull it instead. */
  | { readonly kind: "unavailable" }
  /** Docker did not answer in time: a pull would not be answered either. */
  | { readonly kind: "engine-not-answering" }
  /** The tag moved before the entry was in: the load was not started, or stopped and undone. */
  | { readonly kind: "superseded" };

const UNAVAILABLE: EntryLoad = { kind: "unavailable" };
const SUPERSEDED: EntryLoad = { kind: "superseded" };

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
    return {
      dockerUsable: false,
      images: [],
      warnings: job.warnings,
      notices: [],
      state: emptyImageCacheState,
    };
  }

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "seamwatch-images-")));
  try {
    const indexed = await restoreIndex(job, join(workDir, "index"));
    const plan = planRestore({ listed: options.listed, indexed, local: before });
    const listed = new Set(options.listed);
    const today = options.freshness?.today ?? (() => new Date());
    // The checks start first and run beside the downloads: a current cache waits for no registry.
    const presentCopies = indexed.filter((image) => plan.present.includes(image.reference));
    const answers = new Map<string, DigestCheck>();
    const checks = startChecks(
      options.freshness ?? null,
      [...plan.restore, ...presentCopies],
      listed,
      answers,
    );
    const context: RestoreContext = {
      ...job,
      workDir,
      listed,
      pull: options.pull === undefined ? defaultPullRetry : options.pull,
      imageSlot: limited(job.concurrency),
      loadTurn: limited(1),
      loaded: [],
      checks,
      notices: [],
      today,
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
    const present = await Promise.all(
      plan.present.map((reference) =>
        presentOne(context, reference, indexed.find((image) => image.reference === reference)?.key ?? null),
      ),
    );
    const existingKeys = [
      ...context.loaded.map((image) => image.key),
      ...(indexed.length > 0 ? [planIndex(job.prefix, indexed).key] : []),
    ];
    const registryDigests = [...answers].flatMap(([reference, answer]): RegistryDigest[] =>
      answer.kind === "digest" ? [{ reference, digest: answer.digest }] : [],
    );
    return {
      dockerUsable: true,
      images: [...fromCache, ...pulled, ...present],
      warnings: job.warnings,
      notices: context.notices,
      state: {
        before,
        indexed,
        restored: context.loaded,
        pulled: [...fromCache, ...pulled].flatMap((image) =>
          image.result === "pulled" ? [{ reference: image.reference, seconds: image.pullSeconds }] : [],
        ),
        existingKeys,
        registryDigests,
        recordChecks: options.freshness?.setting.kind === "check-after",
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

/**
 * Asks the registries about the cached copies `decideCheck` picks; each verdict comes within the checker's
 * time limit, so nothing waits on a registry for longer. `answers` collects what the registries said.
 */
function startChecks(
  freshness: FreshnessOptions | null,
  copies: readonly IndexedImage[],
  listed: ReadonlySet<string>,
  answers: Map<string, DigestCheck>,
): Map<string, PendingVerdict> {
  const checks = new Map<string, PendingVerdict>();
  if (!freshness) return checks;
  const now = (freshness.today ?? (() => new Date()))();
  for (const copy of copies) {
    const decision = decideCheck({
      copy,
      listed: listed.has(copy.reference),
      freshness: freshness.setting,
      now,
    });
    if (!decision.check) continue;
    let settled: FreshnessVerdict | null = null;
    const verdict = freshness
      .checkDigest(copy.reference)
      // A checker that throws is a registry that could not say, not a failed restore.
      .catch((cause: unknown): DigestCheck => ({ kind: "registry-error", reason: messageOf(cause) }))
      .then((answer) => {
        answers.set(copy.reference, answer);
        settled = judgeFreshness(copy, answer);
        return settled;
      });
    checks.set(copy.reference, { verdict, settled: () => settled });
  }
  return checks;
}

/** One indexed image: from its cache entry, else pulled (if listed); pulled anew when its tag moved. */
async function restoreOne(context: RestoreContext, image: IndexedImage): Promise<ImageRestore> {
  const started = context.now();
  const dir = join(context.workDir, "entries", image.key);
  const check = context.checks.get(image.reference);
  try {
    await mkdir(dir, { recursive: true });
    // The slot is held from the download to the end of the load: see `imageSlot`. A tag known to have
    // moved by the time the image's turn comes is not downloaded at all.
    const load = await context.imageSlot(() =>
      check?.settled()?.kind === "moved"
        ? Promise.resolve(SUPERSEDED)
        : loadFromCache(context, image, dir, check),
    );
    const verdict = check ? await check.verdict : undefined;
    // An engine that did not take the load would not take a pull either.
    if (verdict?.kind === "moved" && load.kind !== "engine-not-answering") {
      return await pullMoved(context, image, verdict, load, dir, started);
    }
    const freshness = verdict ? { freshness: verdict } : {};
    if (verdict?.kind === "unverified") {
      context.notices.push(describeUnverified(image.reference, verdict, context.today()));
    }
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
          ...freshness,
        };
      case "unavailable":
      case "superseded":
        return await pullOrMiss(context, image.reference, image.key, started);
      case "engine-not-answering":
        return missing(context, image.reference, image.key, started);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The tag names another image than the cached copy: pull it, with the infra-aware retry. Should the pull
 * fail, the cached copy is the job's best chance, so it is used (loaded now if it was not), with a warning.
 */
async function pullMoved(
  context: RestoreContext,
  image: IndexedImage,
  verdict: FreshnessVerdict & { kind: "moved" },
  load: EntryLoad,
  dir: string,
  started: number,
): Promise<ImageRestore> {
  context.log(describeMove(image.reference, verdict));
  const pulled = await pullAnew(context, image.reference);
  if (pulled.kind === "pulled") {
    // The stale copy, loaded before the registry answered, has lost its tag to the new image: it would
    // only take up the runner's disk.
    if (load.kind === "loaded") await removeUntaggedImage(context.docker, image.id).catch(() => false);
    return {
      result: "pulled",
      reference: image.reference,
      key: image.key,
      seconds: secondsSince(context, started),
      pullSeconds: pulled.seconds,
      freshness: verdict,
    };
  }
  context.warn(
    `${image.reference} moved to ${shortDigest(verdict.to)}, but the new image could not be pulled (${pulled.why}): using the cached copy`,
  );
  const fallback =
    load.kind === "superseded" ? await context.imageSlot(() => loadFromCache(context, image, dir)) : load;
  if (fallback.kind !== "loaded") return missing(context, image.reference, image.key, started);
  return {
    result: "loaded",
    reference: image.reference,
    key: image.key,
    bytes: image.sizeBytes,
    seconds: secondsSince(context, started),
    restoreSeconds: fallback.restoreSeconds,
    pullSeconds: image.pullSeconds ?? null,
    freshness: verdict,
  };
}

/** An image the engine already had with the cached ID: pulled anew only if its tag moved. */
async function presentOne(
  context: RestoreContext,
  reference: string,
  key: string | null,
): Promise<ImageRestore> {
  const started = context.now();
  const verdict = await context.checks.get(reference)?.verdict;
  const present: ImageRestore = {
    result: "present",
    reference,
    key,
    seconds: 0,
    ...(verdict ? { freshness: verdict } : {}),
  };
  if (verdict?.kind === "unverified") {
    context.notices.push(describeUnverified(reference, verdict, context.today()));
  }
  if (verdict?.kind !== "moved") return present;
  context.log(describeMove(reference, verdict));
  const pulled = await pullAnew(context, reference);
  if (pulled.kind !== "pulled") {
    context.warn(
      `${reference} moved to ${shortDigest(verdict.to)}, but the new image could not be pulled (${pulled.why}): using the one Docker has`,
    );
    return present;
  }
  return {
    result: "pulled",
    reference,
    key,
    seconds: secondsSince(context, started),
    pullSeconds: pulled.seconds,
    freshness: verdict,
  };
}

type PullOutcome =
  | { readonly kind: "pulled"; readonly seconds: number }
  | { readonly kind: "failed"; readonly why: string };

async function pullAnew(context: RestoreContext, reference: string): Promise<PullOutcome> {
  if (!context.pull) return { kind: "failed", why: "pulls are off" };
  const started = context.now();
  try {
    const pulled = await pullImage(context.docker, reference, { retry: context.pull });
    if (pulled.pulled) return { kind: "pulled", seconds: secondsSince(context, started) };
    return { kind: "failed", why: pulled.attempts.at(-1)?.outputTail.at(-1) ?? "no output" };
  } catch (cause) {
    return { kind: "failed", why: messageOf(cause) };
  }
}

/**
 * Reads the image's entry into Docker, streamed when the store can. With `check`, a verdict that the tag
 * moved stops the entry short: a streaming load is cut off and undone, a downloaded entry is not loaded.
 */
async function loadFromCache(
  context: RestoreContext,
  image: IndexedImage,
  dir: string,
  check?: PendingVerdict,
): Promise<EntryLoad> {
  try {
    const load = await (context.store.stream
      ? streamAndLoad(context, context.store.stream.bind(context.store), image, dir, check)
      : downloadAndLoad(context, image, dir, check));
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
  check: PendingVerdict | undefined,
): Promise<EntryLoad> {
  let loadStarted = 0;
  let superseded = false;
  // The load goes on after the turn: it comes out of the turn wrapped, or it would be awaited there.
  const opened = await context.loadTurn(async (): Promise<OpenedEntry> => {
    if (check?.settled()?.kind === "moved") return { opened: false, load: SUPERSEDED };
    loadStarted = context.now();
    let source: Awaited<ReturnType<typeof stream>>;
    try {
      source = await stream(image.key, dir, IMAGE_FILE);
    } catch (cause) {
      return { opened: false, load: entryUnavailable(context, image, cause) };
    }
    if (source === null) return { opened: false, load: UNAVAILABLE };
    const loading = loadImage(context.docker, source, image);
    let ended = false;
    // A tag found to have moved while its stale copy streams in: the rest is not worth downloading.
    void check?.verdict.then((verdict) => {
      if (verdict.kind !== "moved" || ended) return;
      superseded = true;
      source.stop();
    });
    void loading.then(
      () => {
        ended = true;
      },
      () => {
        ended = true;
      },
    );
    // The turn passes on once Docker has read the whole entry: the rest of this load (Docker checking
    // and registering the layers it unpacked) overlaps the next entry's download.
    await Promise.race([source.done, loading]).catch(() => {});
    return { opened: true, loading };
  });
  if (!opened.opened) return opened.load;
  try {
    await opened.loading;
  } catch (cause) {
    // Cut off on purpose: the load undid itself, and its failure is no news.
    if (superseded) return SUPERSEDED;
    throw cause;
  }
  const took = secondsSince(context, loadStarted);
  context.log(`${image.reference}: downloaded into docker load in ${took.toFixed(1)} s (${image.key})`);
  return { kind: "loaded", restoreSeconds: took };
}

/** The entry is restored to `dir`, then loaded from there in the image's load turn. */
async function downloadAndLoad(
  context: RestoreContext,
  image: IndexedImage,
  dir: string,
  check: PendingVerdict | undefined,
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
    if (check?.settled()?.kind === "moved") return SUPERSEDED;
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
