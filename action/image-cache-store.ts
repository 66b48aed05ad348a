// The image cache's `ImageStore` on GitHub's Actions cache, through the real @actions/cache client.
//
// @actions/cache hashes the path strings into each entry's version, and a restore only finds entries of the
// same version: an entry must be restored from and saved to the same path string on every run. The
// engine's entry directories are `<workDir>/entries/<key>` and `<workDir>/index`, so the caller must give a
// stable `workDir`; the action uses `$RUNNER_TEMP/seamwatch-images` (see `imageWorkDir`).
import { mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ImageStore } from "./docker-images.ts";

/** The cache service refused an entry or could not be reached; the image cache turns it into a warning. */
export class ImageCacheStoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ImageCacheStoreError";
  }
}

/**
 * Where the image cache unpacks and writes entries. RUNNER_TEMP rather than a fresh temp directory: its path
 * is the same on every run of a hosted runner (`/home/runner/work/_temp`), which keeps the entries' versions
 * (and so cache hits) stable, and the runner empties it after each job. Not the workspace: a checkout or a
 * `git clean` there must not meet half-written image files.
 */
export function imageWorkDir(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch-images");
}

export function actionsCacheImageStore(): ImageStore {
  // Loaded on first use: @actions/cache and the Azure SDK are most of the bundle, and a post step with
  // nothing to save should not pay for parsing them.
  const client = () => import("@actions/cache");
  return {
    async restore(key, dir) {
      const cache = await client();
      if (!cache.isFeatureAvailable())
        throw new ImageCacheStoreError("the Actions cache service is not available");
      const prefix = key.endsWith("-");
      // The client does not tell a miss from a failed download (it warns and returns undefined), and a
      // failed extraction can leave partial files: start from an empty directory and leave one after a miss.
      await emptyDir(dir);
      const matched = await cache.restoreCache([dir], key, prefix ? [key] : undefined);
      // The service also matches a primary key as a prefix: an exact key must come back exactly.
      const hit = matched !== undefined && (prefix ? matched.startsWith(key) : matched === key);
      if (!hit || (await isEmpty(dir))) {
        await emptyDir(dir);
        return false;
      }
      return true;
    },
    async save(key, dir) {
      const cache = await client();
      if (!cache.isFeatureAvailable())
        throw new ImageCacheStoreError("the Actions cache service is not available");
      // Entries are immutable: ask first, so an existing key is "exists" and not a refused save.
      const found = await cache.restoreCache([dir], key, undefined, { lookupOnly: true });
      if (found === key) return "exists";
      const id = await cache.saveCache([dir], key);
      if (id === -1) {
        throw new ImageCacheStoreError(
          `the cache service did not take the entry ${key} (refused, unreachable, or another job is saving it; see the log above)`,
        );
      }
      return "saved";
    },
  };
}

async function emptyDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

async function isEmpty(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length === 0;
}
