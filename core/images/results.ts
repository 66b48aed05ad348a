// What a restore and a save did, image by image, and what the restore leaves for the save. Plain JSON-safe
// data: the action hands it from its main step to the step that saves, where it is read back and checked
// here, the way the image index is.
import { type FreshnessVerdict, readFreshnessVerdict } from "./freshness.ts";
import {
  type IndexedImage,
  isRecord,
  type LocalImage,
  type PulledImage,
  readIndexedImage,
  readList,
  readLocalImage,
} from "./model.ts";
import type { RegistryDigest, SkipReason } from "./plan.ts";

/** What the save needs to know of the restore: the engine before it, and what it brought in. */
export interface ImageCacheState {
  /** The engine before the restore; empty when Docker was not reachable. */
  readonly before: readonly LocalImage[];
  readonly indexed: readonly IndexedImage[];
  readonly restored: readonly IndexedImage[];
  readonly pulled: readonly PulledImage[];
  readonly existingKeys: readonly string[];
  /** What the registries named the tags checked in this job. */
  readonly registryDigests: readonly RegistryDigest[];
  /** The checks ran by age (`image-freshness` a duration): the index records when a copy was found current. */
  readonly recordChecks: boolean;
}

export const emptyImageCacheState: ImageCacheState = {
  before: [],
  indexed: [],
  restored: [],
  pulled: [],
  existingKeys: [],
  registryDigests: [],
  recordChecks: false,
};

/**
 * One image at the start of the job. `seconds` runs from the start of the image's turn to its end, waiting
 * for a download slot or a load turn included.
 */
export type ImageRestore =
  /**
   * A cache hit: loaded from its entry. `bytes` as the index recorded it when the image was saved;
   * `restoreSeconds` is its own work (the entry's download and its `docker load`, without the waiting);
   * `pullSeconds` the pull the index recorded, null when none was.
   */
  | {
      readonly result: "loaded";
      readonly reference: string;
      readonly key: string;
      readonly bytes: number;
      readonly seconds: number;
      readonly restoreSeconds: number;
      readonly pullSeconds: number | null;
      /**
       * What the registry said of the tag: current, or unverified (the copy was used anyway, with a
       * notice), or moved (the new image could not be pulled, so the copy was used). Absent: not checked.
       */
      readonly freshness?: FreshnessVerdict;
    }
  /**
   * A cache miss (or an entry that could not be used), pulled in this job, which took `pullSeconds`; or a
   * cached copy whose tag moved (`freshness` says from which digest to which), pulled anew.
   */
  | {
      readonly result: "pulled";
      readonly reference: string;
      readonly key: string | null;
      readonly seconds: number;
      readonly pullSeconds: number;
      readonly freshness?: FreshnessVerdict;
    }
  /** A cache miss not pulled: nobody listed it, no pull was asked for, or the pull failed. */
  | {
      readonly result: "missing";
      readonly reference: string;
      readonly key: string | null;
      readonly seconds: number;
    }
  /** The engine already had it, with the cached ID where it was cached. */
  | {
      readonly result: "present";
      readonly reference: string;
      readonly key: string | null;
      readonly seconds: 0;
      readonly freshness?: FreshnessVerdict;
    };

/** One image at the end of the job. */
export type ImageSave =
  /** Written to the cache, or found there already under its key. */
  | {
      readonly result: "saved" | "exists";
      readonly reference: string;
      readonly key: string;
      readonly bytes: number;
      readonly seconds: number;
    }
  | { readonly result: "failed"; readonly reference: string; readonly key: string; readonly seconds: number }
  | {
      readonly result: "skipped";
      readonly reference: string;
      /** Null when the image is not in the engine (`not-present`). */
      readonly key: string | null;
      readonly reason: SkipReason;
    };

/** The `image-cache-hit` output. */
export type ImageCacheHit = "true" | "partial" | "false";

/**
 * `true`: images came from the cache and none missed (those already in Docker count as neither); `partial`:
 * some came from the cache, some missed; `false`: none came from the cache.
 */
export function cacheHit(images: readonly ImageRestore[]): ImageCacheHit {
  const hits = images.filter((image) => image.result === "loaded").length;
  const misses = images.filter((image) => image.result === "pulled" || image.result === "missing").length;
  if (hits === 0) return "false";
  return misses === 0 ? "true" : "partial";
}

// --- reading them back --------------------------------------------------------------------------------

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isKey = (value: unknown): value is string | null => value === null || isString(value);

function readPulledImage(value: unknown): PulledImage | null {
  if (!isRecord(value) || !isString(value.reference) || !isNumber(value.seconds)) return null;
  return { reference: value.reference, seconds: value.seconds };
}

/** The state as written by `JSON.stringify`; null when it is not one. */
export function readImageCacheState(value: unknown): ImageCacheState | null {
  if (!isRecord(value)) return null;
  const before = readList(value.before, readLocalImage);
  const indexed = readList(value.indexed, readIndexedImage);
  const restored = readList(value.restored, readIndexedImage);
  const pulled = readList(value.pulled, readPulledImage);
  const existingKeys = readList(value.existingKeys, (key) => (isString(key) ? key : null));
  const registryDigests = readList(value.registryDigests, (item) =>
    isRecord(item) && isString(item.reference) && isString(item.digest)
      ? { reference: item.reference, digest: item.digest }
      : null,
  );
  if (!before || !indexed || !restored || !pulled || !existingKeys || !registryDigests) return null;
  if (typeof value.recordChecks !== "boolean") return null;
  return {
    before,
    indexed,
    restored,
    pulled,
    existingKeys,
    registryDigests,
    recordChecks: value.recordChecks,
  };
}

/** The optional `freshness` of a restore: absent, or a verdict; null when it is there but unreadable. */
function readFreshness(value: Record<string, unknown>): { freshness?: FreshnessVerdict } | null {
  if (value.freshness === undefined) return {};
  const freshness = readFreshnessVerdict(value.freshness);
  return freshness && { freshness };
}

/** One restore as written by `JSON.stringify`; null when it is not one. */
export function readImageRestore(value: unknown): ImageRestore | null {
  if (!isRecord(value) || !isString(value.reference) || !isNumber(value.seconds)) return null;
  const { reference, seconds } = value;
  const freshness = readFreshness(value);
  if (!freshness) return null;
  switch (value.result) {
    case "loaded":
      if (!isString(value.key) || !isNumber(value.bytes) || !isNumber(value.restoreSeconds)) return null;
      if (value.pullSeconds !== null && !isNumber(value.pullSeconds)) return null;
      return {
        result: "loaded",
        reference,
        key: value.key,
        bytes: value.bytes,
        seconds,
        restoreSeconds: value.restoreSeconds,
        pullSeconds: value.pullSeconds,
        ...freshness,
      };
    case "pulled":
      if (!isKey(value.key) || !isNumber(value.pullSeconds)) return null;
      return {
        result: "pulled",
        reference,
        key: value.key,
        seconds,
        pullSeconds: value.pullSeconds,
        ...freshness,
      };
    case "missing":
      return isKey(value.key) ? { result: "missing", reference, key: value.key, seconds } : null;
    case "present":
      return isKey(value.key)
        ? { result: "present", reference, key: value.key, seconds: 0, ...freshness }
        : null;
    default:
      return null;
  }
}
