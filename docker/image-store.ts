// Where the image cache keeps its entries. The @actions/cache client plugs in here (action/image-cache-store.ts);
// tests use a local directory.
import type { ImageFileStream } from "./docker-cli.ts";

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
