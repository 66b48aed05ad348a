// The image cache's data: what Docker has, what the index remembers. Plain data, JSON-safe, so main and
// post can hand it over through action state.

/** A tagged image in the local engine. Untagged (dangling) images are never cached. */
export interface LocalImage {
  /** `repository:tag`, as `docker image ls` shows it. */
  readonly reference: string;
  /** `sha256:<64 hex>`: the content identity. */
  readonly id: string;
  readonly sizeBytes: number;
}

/** One image the previous job cached, and the key of its entry. */
export interface IndexedImage extends LocalImage {
  readonly key: string;
  /**
   * How long `docker pull` of this image took on the run that pulled it (the cache's yardstick: a restore
   * is worth it when it beats this). Absent for images the job built, or pulled before it was recorded.
   */
  readonly pullSeconds?: number;
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== IMAGE_INDEX_VERSION || !Array.isArray(value.images)) return null;
  const images: IndexedImage[] = [];
  for (const item of value.images) {
    if (
      !isRecord(item) ||
      typeof item.reference !== "string" ||
      typeof item.id !== "string" ||
      typeof item.key !== "string" ||
      typeof item.sizeBytes !== "number" ||
      (item.pullSeconds !== undefined && typeof item.pullSeconds !== "number")
    ) {
      return null;
    }
    const { reference, id, key, sizeBytes, pullSeconds } = item;
    images.push({ reference, id, key, sizeBytes, ...(pullSeconds === undefined ? {} : { pullSeconds }) });
  }
  return { version: IMAGE_INDEX_VERSION, images };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `1.23 GB` (decimal units, as `cache-max-gb` counts them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
