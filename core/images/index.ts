// Public surface of the image cache's pure logic: keys, the index, the restore and save plans, and what
// a restore and a save did.
export {
  CacheKeyError,
  checkKeyPrefix,
  defaultKeyPrefix,
  imageCacheKey,
  indexEntryKey,
  indexKey,
  MAX_KEY_LENGTH,
} from "./keys.ts";
export {
  formatBytes,
  IMAGE_INDEX_VERSION,
  type ImageIndex,
  type IndexedImage,
  isRecord,
  type LocalImage,
  type PulledImage,
  parseImageIndex,
  parseJsonObject,
  readIndexedImage,
  readList,
  readLocalImage,
  type SaveMode,
  saveModes,
} from "./model.ts";
export {
  isPinnedByDigest,
  type PlannedImage,
  type PlannedIndex,
  planIndex,
  planRestore,
  planSave,
  type RestorePlan,
  type SaveFacts,
  type SavePlan,
  type SkippedImage,
  type SkipReason,
} from "./plan.ts";
export {
  cacheHit,
  emptyImageCacheState,
  type ImageCacheHit,
  type ImageCacheState,
  type ImageRestore,
  type ImageSave,
  readImageCacheState,
  readImageRestore,
} from "./results.ts";
