// Public surface of the image cache's pure logic: keys, the index, and the restore and save plans.
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
  type LocalImage,
  type PulledImage,
  parseImageIndex,
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
