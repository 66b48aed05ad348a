// What to restore at the start of a job and what to save at its end. Pure: the adapter gathers the facts
// (index, local images, keys known to exist) and carries out the plan.
import { imageCacheKey, indexEntryKey, sha256 } from "./keys.ts";
import {
  formatBytes,
  IMAGE_INDEX_VERSION,
  type ImageIndex,
  type IndexedImage,
  type LocalImage,
  type PulledImage,
  type SaveMode,
} from "./model.ts";

export interface RestorePlan {
  /** Cache entries to load, listed images first, in the order given. */
  readonly restore: readonly IndexedImage[];
  /** References already in the engine with the cached ID (or listed, unindexed and present): no work. */
  readonly present: readonly string[];
  /** Listed references the index does not know and the engine lacks: a cache miss, to be pulled. */
  readonly unknown: readonly string[];
}

/** Listed ∪ indexed, minus what the engine already has with the same ID. */
export function planRestore({
  listed,
  indexed,
  local,
}: {
  listed: readonly string[];
  indexed: readonly IndexedImage[];
  local: readonly LocalImage[];
}): RestorePlan {
  const localIds = new Map(local.map((image) => [image.reference, image.id]));
  const byReference = new Map(indexed.map((image) => [image.reference, image]));
  const references = unique([...listed, ...indexed.map((image) => image.reference)]);
  const restore: IndexedImage[] = [];
  const present: string[] = [];
  const unknown: string[] = [];
  for (const reference of references) {
    const cached = byReference.get(reference);
    const localId = localIds.get(reference);
    if (cached) {
      if (localId === cached.id) present.push(reference);
      else restore.push(cached);
    } else if (localId !== undefined) {
      present.push(reference);
    } else {
      unknown.push(reference);
    }
  }
  return { restore, present, unknown };
}

export type SkipReason =
  | "unchanged"
  | "key-exists"
  | "read-only"
  | "over-size-cap"
  | "not-present"
  | "pinned-by-digest";

export type PlannedImage = IndexedImage;

export interface SkippedImage {
  readonly reference: string;
  /** Null when the image is not in the engine (`not-present`). */
  readonly image: PlannedImage | null;
  readonly reason: SkipReason;
  readonly message: string;
}

export interface PlannedIndex {
  readonly key: string;
  readonly index: ImageIndex;
  /** The same index is already cached under `key`: nothing to save. */
  readonly exists: boolean;
}

export interface SavePlan {
  readonly save: readonly PlannedImage[];
  readonly skipped: readonly SkippedImage[];
  /** For the job log: the size cap's decisions. */
  readonly notices: readonly string[];
  /** The index to leave for the next job; null when nothing is saved (mode off, read-only). */
  readonly index: PlannedIndex | null;
}

export interface SaveFacts {
  readonly mode: SaveMode;
  readonly prefix: string;
  readonly listed: readonly string[];
  /** The engine before anything was restored: images of the runner itself, not of this job. */
  readonly before: readonly LocalImage[];
  /** The engine now, at the end of the job. */
  readonly after: readonly LocalImage[];
  /** The index this job started from (empty when there was none). */
  readonly indexed: readonly IndexedImage[];
  /** Images this job loaded from the cache. */
  readonly restored: readonly IndexedImage[];
  /** Images this job pulled, with how long each pull took (recorded in the index). */
  readonly pulled: readonly PulledImage[];
  /** Keys known to be in the cache already (restored entries, the previous index's entries). */
  readonly existingKeys: readonly string[];
  /** Pull-request runs and the like: restore, never save. */
  readonly readOnly: boolean;
  /** `cache-max-gb` in bytes: a cap on the images one index holds; null for none. */
  readonly maxBytes: number | null;
  /** What the registries named the checked tags this job (their digests). */
  readonly registryDigests?: readonly RegistryDigest[];
  /**
   * Record `checkedAt` for copies a check found current: only when checks run by age (`image-freshness` a
   * duration), where it is what the next job's decision reads. Otherwise every check would change the index.
   */
  readonly recordChecks?: boolean;
  /** ISO 8601, now: the `cachedAt` of new copies, the `checkedAt` of confirmed ones. */
  readonly now?: string;
}

/** A tag and the digest its registry named for it in this job. */
export interface RegistryDigest {
  readonly reference: string;
  readonly digest: string;
}

/**
 * Which images to save and why the others are not saved. Each candidate gets exactly one decision, checked
 * in this order: unchanged since restored, key already cached, read-only, over the size cap (the largest
 * images go first, until the rest fit). The new index lists the candidates that end up cached, so images
 * this job no longer has drop out of it.
 */
export function planSave(facts: SaveFacts): SavePlan {
  if (facts.mode === "off") return { save: [], skipped: [], notices: [], index: null };

  const afterByReference = new Map(facts.after.map((image) => [image.reference, image]));
  const skipped: SkippedImage[] = [];
  for (const reference of unique(facts.listed)) {
    if (isPinnedByDigest(reference)) {
      // Docker's image store keeps a digest only for images it pulled: `docker load` brings back the image
      // and its tags but not the digest, so a cached copy could never answer `name@sha256:...`.
      skipped.push({
        reference,
        image: null,
        reason: "pinned-by-digest",
        message: `${reference} is pinned by digest, which \`docker load\` cannot restore: it is pulled each job, not cached`,
      });
    } else if (!afterByReference.has(reference)) {
      skipped.push({
        reference,
        image: null,
        reason: "not-present",
        message: `${reference} is listed but not in the Docker engine at the end of the job`,
      });
    }
  }

  const candidates = candidateImages(facts, afterByReference).map((image): PlannedImage => {
    const pullSeconds = pullSecondsOf(image, facts);
    const { repoDigests: _engineOnly, ...cached } = image;
    return {
      ...cached,
      key: imageCacheKey({ ...image, prefix: facts.prefix, imageId: image.id }),
      ...(pullSeconds === undefined ? {} : { pullSeconds }),
      ...provenanceOf(image, facts),
    };
  });
  const restoredIds = new Map(facts.restored.map((image) => [image.reference, image.id]));
  const existing = new Set(facts.existingKeys);
  const cached: PlannedImage[] = [];
  const toSave: PlannedImage[] = [];
  for (const image of candidates) {
    if (restoredIds.get(image.reference) === image.id) {
      cached.push(image);
      skipped.push(skip(image, "unchanged", `${image.reference} is unchanged since it was restored`));
    } else if (existing.has(image.key)) {
      cached.push(image);
      skipped.push(skip(image, "key-exists", `${image.reference} is already cached as ${image.key}`));
    } else if (facts.readOnly) {
      skipped.push(skip(image, "read-only", `${image.reference} not saved: the cache is read-only here`));
    } else {
      toSave.push(image);
    }
  }
  if (facts.readOnly) return { save: [], skipped, notices: [], index: null };

  const { kept, dropped, notice } = fitUnderCap([...cached, ...toSave], facts.maxBytes);
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const decided = skipped.filter((entry) => !(entry.image && droppedKeys.has(entry.image.key)));
  for (const image of dropped) {
    decided.push(
      skip(
        image,
        "over-size-cap",
        `${image.reference} (${formatBytes(image.sizeBytes)}) is over the size cap`,
      ),
    );
  }
  const keptKeys = new Set(kept.map((image) => image.key));
  const save = toSave.filter((image) => keptKeys.has(image.key));
  const index = planIndex(facts.prefix, kept, existing);
  return { save, skipped: decided, notices: notice ? [notice] : [], index };
}

/** The index for a set of cached images, keyed by its content. */
export function planIndex(
  prefix: string,
  images: readonly IndexedImage[],
  existingKeys: ReadonlySet<string> = new Set(),
): PlannedIndex {
  const sorted = [...images]
    .map(({ reference, id, key, sizeBytes, pullSeconds, digest, cachedAt, checkedAt }) => ({
      reference,
      id,
      key,
      sizeBytes,
      ...(pullSeconds === undefined ? {} : { pullSeconds }),
      ...(digest === undefined ? {} : { digest }),
      ...(cachedAt === undefined ? {} : { cachedAt }),
      ...(checkedAt === undefined ? {} : { checkedAt }),
    }))
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  const index: ImageIndex = { version: IMAGE_INDEX_VERSION, images: sorted };
  const key = indexEntryKey(prefix, sha256(JSON.stringify(index)));
  return { key, index, exists: existingKeys.has(key) };
}

/**
 * The pull time to record for an image: this job's pull of that reference, else the one the index already
 * holds for the same image (carried over unchanged, so an unchanged image keeps the same index entry).
 */
function pullSecondsOf(image: LocalImage, facts: SaveFacts): number | undefined {
  const pulled = facts.pulled.find((entry) => entry.reference === image.reference);
  if (pulled) return pulled.seconds;
  return facts.indexed.find((entry) => entry.reference === image.reference && entry.id === image.id)
    ?.pullSeconds;
}

/**
 * Where a copy came from and when: the digest it was pulled by, when it was cached, when a check last found
 * it current. What the engine records for the image comes first: an index entry for the same image ID may
 * name a digest the tag has left (a registry can move a tag to a new manifest of the same image). Without a
 * digest a copy is never checked: its tag may name nothing in any registry (an image built here), and
 * asking Docker Hub about it could even find someone else's image under that name.
 */
function provenanceOf(
  image: LocalImage,
  facts: SaveFacts,
): Pick<IndexedImage, "digest" | "cachedAt" | "checkedAt"> {
  const previous = facts.indexed.find(
    (entry) => entry.reference === image.reference && entry.id === image.id,
  );
  const named = facts.registryDigests?.find((entry) => entry.reference === image.reference)?.digest;
  // A digest the engine records says where the image came from only when it is not the image's own ID: on
  // the containerd image store an image built here has its own digest among them, just as a pulled one
  // does; the classic store records digests only for pulls and pushes, and they differ from the ID there.
  // Images this job pulled, and listed ones, are known to come from their registry.
  const fromRegistry =
    facts.listed.includes(image.reference) || facts.pulled.some((pull) => pull.reference === image.reference);
  const recorded = (image.repoDigests ?? []).filter((candidate) => fromRegistry || candidate !== image.id);
  // Several digests for one image (pulled by an index and by a manifest): the registry's word decides.
  const digest =
    recorded.find((candidate) => candidate === named) ??
    recorded.find((candidate) => candidate === previous?.digest) ??
    recorded[0] ??
    previous?.digest;
  const cachedAt = previous ? previous.cachedAt : facts.now;
  const confirmed = facts.recordChecks && named !== undefined && named === digest;
  const checkedAt = confirmed ? facts.now : previous?.checkedAt;
  return {
    ...(digest === undefined ? {} : { digest }),
    ...(cachedAt === undefined ? {} : { cachedAt }),
    ...(checkedAt === undefined ? {} : { checkedAt }),
  };
}

function candidateImages(facts: SaveFacts, after: ReadonlyMap<string, LocalImage>): LocalImage[] {
  const listed = new Set(facts.listed);
  if (facts.mode === "listed") return facts.after.filter((image) => listed.has(image.reference));
  // auto: what this job brought (pulled, built, restored) or what the index already carries; images the
  // runner had before the job and nobody asked for stay out.
  const beforeIds = new Map(facts.before.map((image) => [image.reference, image.id]));
  const indexedIds = new Map(facts.indexed.map((image) => [image.reference, image.id]));
  return [...after.values()].filter(
    (image) =>
      listed.has(image.reference) ||
      beforeIds.get(image.reference) !== image.id ||
      indexedIds.get(image.reference) === image.id,
  );
}

function fitUnderCap(
  images: readonly PlannedImage[],
  maxBytes: number | null,
): { kept: PlannedImage[]; dropped: PlannedImage[]; notice: string | null } {
  const total = images.reduce((sum, image) => sum + image.sizeBytes, 0);
  if (maxBytes === null || total <= maxBytes) return { kept: [...images], dropped: [], notice: null };
  // Largest first; ties by reference so the outcome does not depend on listing order.
  const bySize = [...images].sort(
    (a, b) => b.sizeBytes - a.sizeBytes || (a.reference < b.reference ? -1 : 1),
  );
  const dropped: PlannedImage[] = [];
  let remaining = total;
  for (const image of bySize) {
    if (remaining <= maxBytes) break;
    dropped.push(image);
    remaining -= image.sizeBytes;
  }
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const notice =
    `The images to cache come to ${formatBytes(total)}, over cache-max-gb (${formatBytes(maxBytes)}): ` +
    `not caching the largest, ${dropped.map((image) => `${image.reference} (${formatBytes(image.sizeBytes)})`).join(", ")}.`;
  return { kept: images.filter((image) => !droppedKeys.has(image.key)), dropped, notice };
}

function skip(image: PlannedImage, reason: SkipReason, message: string): SkippedImage {
  return { reference: image.reference, image, reason, message };
}

/** `name@sha256:...` (with or without a tag): an image named by its content digest. */
export function isPinnedByDigest(reference: string): boolean {
  return reference.includes("@");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
