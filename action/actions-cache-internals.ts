// The pieces of @actions/cache that a streaming restore needs and its top level does not export: the
// service lookup that hands out an entry's download URL, and the entry "version" it is matched on. The
// streamed entries are the ones saveCache wrote, so the lookup must be the client's own, not a copy of it.
// The package's `exports` only name its top level, so these are imported by path; package.json pins the
// exact version they come from, and test/image-cache-store.test.ts fails if a save and a stream stop
// agreeing on an entry.

export {
  getCacheVersion,
  getCompressionMethod,
} from "../node_modules/@actions/cache/lib/internal/cacheUtils.js";
export {
  getCacheMode,
  getCacheServiceVersion,
  isCacheReadable,
} from "../node_modules/@actions/cache/lib/internal/config.js";
export { internalCacheTwirpClient } from "../node_modules/@actions/cache/lib/internal/shared/cacheTwirpClient.js";
