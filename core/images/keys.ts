// Cache keys for Docker images. One entry per image, content-addressed: the key carries the image ID, so a
// changed image gets a new key and an entry never has to be overwritten (GitHub cache entries are
// immutable). Key rules from GitHub's cache service: at most 512 characters, no commas.
import { createHash } from "node:crypto";

export const MAX_KEY_LENGTH = 512;
/** Hex digits of the image ID kept in a key: 64 bits, ample for the images of one repository. */
const ID_DIGITS = 16;
const REFERENCE_HASH_DIGITS = 8;
// Room a prefix must leave for `-img-`, a readable reference, its hash and the ID.
const MAX_PREFIX_LENGTH = 200;

/** A key prefix or reference that cannot make a valid cache key: a misconfiguration, not cache trouble. */
export class CacheKeyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CacheKeyError";
  }
}

/** `seamwatch-images-linux-x64`: images only load on the platform that saved them. */
export function defaultKeyPrefix({ platform, arch }: { platform: string; arch: string }): string {
  return `seamwatch-images-${platform}-${arch}`;
}

/** Throws `CacheKeyError` naming the prefix when it cannot start a valid key. */
export function checkKeyPrefix(prefix: string): string {
  if (prefix.length === 0) throw new CacheKeyError("the cache key prefix is empty");
  if (prefix.includes(",")) throw new CacheKeyError(`the cache key prefix contains a comma: "${prefix}"`);
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw new CacheKeyError(
      `the cache key prefix is ${prefix.length} characters long, at most ${MAX_PREFIX_LENGTH} allowed`,
    );
  }
  return prefix;
}

/**
 * `<prefix>-img-<readable reference>-<reference hash>-<image ID, shortened>`. The readable part is for
 * people browsing the cache; the hash keeps `a/b:c` and `a-b:c` apart, since sanitising maps both alike.
 */
export function imageCacheKey({
  prefix,
  reference,
  imageId,
}: {
  prefix: string;
  reference: string;
  imageId: string;
}): string {
  checkKeyPrefix(prefix);
  if (reference.length === 0) throw new CacheKeyError("an image reference is empty");
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/.exec(imageId)?.[1];
  if (!hex) throw new CacheKeyError(`"${imageId}" is not an image ID (sha256:<64 hex digits>)`);
  const referenceHash = sha256(reference).slice(0, REFERENCE_HASH_DIGITS);
  const tail = `-${referenceHash}-${hex.slice(0, ID_DIGITS)}`;
  const head = `${prefix}-img-`;
  const readable = sanitise(reference).slice(0, MAX_KEY_LENGTH - head.length - tail.length);
  return `${head}${readable}${tail}`;
}

/**
 * The index's key as a *prefix*: the store restores the newest entry whose key starts with it. The index
 * changes from run to run, and an immutable entry cannot be updated, so each index is saved under
 * `indexEntryKey`, this prefix plus a digest of its content.
 */
export function indexKey(prefix: string): string {
  return `${checkKeyPrefix(prefix)}-index-`;
}

export function indexEntryKey(prefix: string, contentDigest: string): string {
  return `${indexKey(prefix)}${contentDigest.slice(0, ID_DIGITS)}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function sanitise(reference: string): string {
  return reference
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
