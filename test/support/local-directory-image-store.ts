// A local-directory `ImageStore` for tests: one subdirectory per key. It stands in for the GitHub cache
// (which cannot run here) with the same rules the image cache relies on: entries are immutable (a second
// save of a key is "exists"), and a key ending in `-` restores the newest entry starting with it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ImageStore } from "../../action/docker-images.ts";

export interface LocalDirectoryImageStore extends ImageStore {
  readonly root: string;
  /** Keys saved so far, oldest first. */
  keys(): string[];
  /** The directory holding the entry for `key`. */
  entryDir(key: string): string;
}

const ORDER_FILE = ".saved-order";

export function localDirectoryImageStore(root: string): LocalDirectoryImageStore {
  mkdirSync(root, { recursive: true });
  const keys = (): string[] =>
    existsSync(join(root, ORDER_FILE))
      ? readFileSync(join(root, ORDER_FILE), "utf8").split("\n").filter(Boolean)
      : [];
  const entryDir = (key: string) => join(root, "entries", encodeURIComponent(key));
  return {
    root,
    keys,
    entryDir,
    async restore(key, dir) {
      const found = key.endsWith("-")
        ? keys()
            .filter((saved) => saved.startsWith(key))
            .at(-1)
        : key;
      if (!found || !existsSync(entryDir(found))) return false;
      cpSync(entryDir(found), dir, { recursive: true });
      return true;
    },
    async save(key, dir) {
      if (existsSync(entryDir(key))) return "exists";
      const staging = `${entryDir(key)}.partial`;
      mkdirSync(join(root, "entries"), { recursive: true });
      cpSync(dir, staging, { recursive: true });
      renameSync(staging, entryDir(key));
      writeFileSync(join(root, ORDER_FILE), [...keys(), key].join("\n"));
      return "saved";
    },
  };
}

/** Files of the entry for `key`, for tests that look inside. */
export function entryFiles(store: LocalDirectoryImageStore, key: string): string[] {
  return readdirSync(store.entryDir(key));
}
