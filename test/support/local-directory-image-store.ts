// A local-directory `ImageStore` for tests: one subdirectory per key. It stands in for the GitHub cache
// (which cannot run here) with the same rules the image cache relies on: entries are immutable (a second
// save of a key is "exists"), and a key ending in `-` restores the newest entry starting with it.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ImageFileStream } from "../../docker/docker-cli.ts";
import type { ImageStore } from "../../docker/image-store.ts";

export interface LocalDirectoryImageStore extends ImageStore {
  readonly root: string;
  /** Keys saved so far, oldest first. */
  keys(): string[];
  /** The directory holding the entry for `key`. */
  entryDir(key: string): string;
}

const ORDER_FILE = ".saved-order";

export interface LocalDirectoryOptions {
  /**
   * Also offer `stream`, as the Actions cache store does: the file is written into the reader's input by
   * another process (`cat`), the way the real store's tar does.
   */
  streaming?: boolean;
  /** Streams of these keys break off after this many bytes, as a download cut off part-way. */
  cutAfterBytes?: ReadonlyMap<string, number>;
}

export function localDirectoryImageStore(
  root: string,
  options: LocalDirectoryOptions = {},
): LocalDirectoryImageStore {
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
    ...(options.streaming
      ? {
          async stream(key: string, _dir: string, file: string) {
            const path = join(entryDir(key), file);
            return existsSync(path) ? fileStream(key, path, options.cutAfterBytes?.get(key)) : null;
          },
        }
      : {}),
  };
}

function fileStream(key: string, path: string, cutAfter: number | undefined): ImageFileStream {
  let child: ChildProcess | undefined;
  let stopped = false;
  let settle: (error: Error | null) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  done.catch(() => {});
  return {
    pipeTo(input) {
      const [command, ...args] =
        cutAfter === undefined ? ["cat", path] : ["head", "-c", String(cutAfter), path];
      child = spawn(command as string, args, { stdio: ["ignore", input, "inherit"] });
      input.destroy();
      child.once("close", (code, signal) => {
        if (stopped || signal === "SIGPIPE") return settle(null);
        if (cutAfter !== undefined)
          return settle(new Error(`the download of ${key} broke off after ${cutAfter} bytes`));
        settle(code === 0 ? null : new Error(`cat exited ${code}`));
      });
    },
    done,
    stop() {
      stopped = true;
      child?.kill();
      if (!child) settle(null);
    },
  };
}

/** Files of the entry for `key`, for tests that look inside. */
export function entryFiles(store: LocalDirectoryImageStore, key: string): string[] {
  return readdirSync(store.entryDir(key));
}
