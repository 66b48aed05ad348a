// The image cache's data: what Docker has, what the index remembers. Plain data, JSON-safe, so main and
// post can hand it over through action state; the readers here check it when it comes back.

/** A tagged image in the local engine. Untagged (dangling) images are never cached. */
export interface LocalImage {
  /** `repository:tag`, as `docker image ls` shows it. */
  readonly reference: string;
  /** `sha256:<64 hex>`: the content identity. */
  readonly id: string;
  readonly sizeBytes: number;
  /**
   * The registry digests the engine records for the image in the reference's repository (`RepoDigests`):
   * what it was pulled by, or pushed as. Absent when the engine records none (built here; on Docker's
   * classic image store, also loaded from a file).
   */
  readonly repoDigests?: readonly string[];
}

/** One image the previous job cached, and the key of its entry. */
export interface IndexedImage extends LocalImage {
  readonly key: string;
  /**
   * How long `docker pull` of this image took on the run that pulled it (the cache's yardstick: a restore
   * is worth it when it beats this). Absent for images the job built, or pulled before it was recorded.
   */
  readonly pullSeconds?: number;
  /**
   * The registry digest the cached copy was pulled by (its tag's manifest or index), to compare with what
   * the tag names now. Absent for images built by a job, and for copies cached before digests were kept.
   */
  readonly digest?: string;
  /** ISO 8601: when the copy was cached. */
  readonly cachedAt?: string;
  /** ISO 8601: when a check with a duration (`image-freshness: 7d`) last found the tag still at `digest`. */
  readonly checkedAt?: string;
}

/** A successful pull in this job: what a later index records as the image's pull time. */
export interface PulledImage {
  readonly reference: string;
  readonly seconds: number;
}

export const IMAGE_INDEX_VERSION = 1;

/** The list of cached images a job leaves for the next one: only what that job had (bounded growth). */
export interface ImageIndex {
  readonly version: typeof IMAGE_INDEX_VERSION;
  readonly images: readonly IndexedImage[];
}

/** `auto`: images the job pulled, built or restored, plus listed ones; `listed`: listed ones only. */
export type SaveMode = "auto" | "listed" | "off";

export const saveModes: readonly SaveMode[] = ["auto", "listed", "off"];

/** Parses an index read back from the cache; null when it is not one (an older version, a torn file). */
export function parseImageIndex(text: string): ImageIndex | null {
  const value = parseJsonObject(text);
  if (!value || value.version !== IMAGE_INDEX_VERSION) return null;
  const images = readList(value.images, readIndexedImage);
  return images && { version: IMAGE_INDEX_VERSION, images };
}

/** The JSON object `text` holds; null when it holds something else, or is no JSON at all. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Each item read by `readItem`; null when `value` is not an array or any item is unreadable. */
export function readList<T>(value: unknown, readItem: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const item of value) {
    const read = readItem(item);
    if (read === null) return null;
    items.push(read);
  }
  return items;
}

export function readLocalImage(value: unknown): LocalImage | null {
  if (!isRecord(value)) return null;
  const { reference, id, sizeBytes } = value;
  if (typeof reference !== "string" || typeof id !== "string" || typeof sizeBytes !== "number") return null;
  if (value.repoDigests === undefined) return { reference, id, sizeBytes };
  const repoDigests = readList(value.repoDigests, (item) => (typeof item === "string" ? item : null));
  return repoDigests && { reference, id, sizeBytes, repoDigests };
}

export function readIndexedImage(value: unknown): IndexedImage | null {
  if (!isRecord(value) || typeof value.key !== "string") return null;
  const image = readLocalImage(value);
  if (!image) return null;
  const { key, pullSeconds, digest, cachedAt, checkedAt } = value;
  if (pullSeconds !== undefined && typeof pullSeconds !== "number") return null;
  const optional = { digest, cachedAt, checkedAt };
  if (Object.values(optional).some((field) => field !== undefined && typeof field !== "string")) return null;
  const { repoDigests: _engineOnly, ...cached } = image;
  return {
    ...cached,
    key,
    ...(pullSeconds === undefined ? {} : { pullSeconds }),
    ...(digest === undefined ? {} : { digest: digest as string }),
    ...(cachedAt === undefined ? {} : { cachedAt: cachedAt as string }),
    ...(checkedAt === undefined ? {} : { checkedAt: checkedAt as string }),
  };
}

/** `1.23 GB` (decimal units, as `cache-max-gb` counts them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
