// Public surface of the image cache's pure logic: keys, the index, the restore and save plans, what a
// restore and a save did, image references, and whether a cached copy is still what its tag names.

export {
  type CachedCopy,
  type CheckDecision,
  type DigestCheck,
  type DigestProblem,
  decideCheck,
  describeCachedAt,
  describeMove,
  describeUnverified,
  type FreshnessVerdict,
  IMAGE_FRESHNESS_CHOICES,
  type ImageFreshness,
  judgeFreshness,
  parseImageFreshness,
  shortDigest,
} from "./freshness.ts";
export {
  credentialsAddress,
  DOCKER_HUB,
  DOCKER_HUB_API_HOST,
  DOCKER_HUB_CREDENTIALS_ADDRESS,
  type ImageReference,
  isLoopbackRegistry,
  type ParsedImageReference,
  parseImageReference,
  registryApiHost,
} from "./image-reference.ts";
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
