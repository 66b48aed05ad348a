// What GitHub's cache service accepts, written down from the client it serves (@actions/cache 6.x:
// lib/generated/results/api/v1/cache.js for the v2 twirp messages, lib/internal/cacheHttpClient.js
// for the v1 REST calls) and GitHub's documented limits. Pure functions: each returns the problems
// it finds, so the stand-in can both answer the way the service does and record a violation.

export const TWIRP_SERVICE = "github.actions.results.api.v1.CacheService";
export const TWIRP_PREFIX = `/twirp/${TWIRP_SERVICE}/`;
/** GitHub's documented limit on a cache key, in characters. */
export const KEY_LENGTH_LIMIT = 512;
/** The client refuses more than 10 keys (primary plus restore keys) before sending anything. */
export const KEYS_LIMIT = 10;
/** The v1 client sends `Accept: application/json;api-version=6.0-preview.1`. */
export const V1_API_VERSION = "6.0-preview.1";
/** The answer the real v2 service gives when the key and version are already taken (twirp 409). */
export const ALREADY_EXISTS_MESSAGE = "cache entry with the same key, version, and scope already exists";

export type TwirpMethod = "GetCacheEntryDownloadURL" | "CreateCacheEntry" | "FinalizeCacheEntryUpload";

type FieldType = "string" | "string[]" | "int64" | "message";

interface MessageShape {
  fields: Record<string, FieldType>;
  required: string[];
}

// Request messages, with protobuf field names: the client serialises with `useProtoFieldName: true`
// and `emitDefaultValues: false`, so an empty `restore_keys` is left out rather than sent as [].
const REQUEST_SHAPES: Record<TwirpMethod, MessageShape> = {
  GetCacheEntryDownloadURL: {
    fields: { metadata: "message", key: "string", restore_keys: "string[]", version: "string" },
    required: ["key", "version"],
  },
  CreateCacheEntry: {
    fields: { metadata: "message", key: "string", version: "string" },
    required: ["key", "version"],
  },
  FinalizeCacheEntryUpload: {
    fields: { metadata: "message", key: "string", size_bytes: "int64", version: "string" },
    required: ["key", "version", "size_bytes"],
  },
};

export function isTwirpMethod(name: string): name is TwirpMethod {
  return Object.hasOwn(REQUEST_SHAPES, name);
}

/** Twirp error codes the stand-in uses, with the HTTP status twirp maps each to. */
export const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  bad_route: 404,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
} as const;
export type TwirpCode = keyof typeof TWIRP_STATUS;

/** Problems with one cache key, as the service and the client both define them. */
export function keyProblems(key: unknown, field: string): string[] {
  if (typeof key !== "string") return [`${field} must be a string, got ${describeValue(key)}`];
  const problems: string[] = [];
  if (key.length === 0) problems.push(`${field} is empty`);
  if (key.length > KEY_LENGTH_LIMIT) {
    problems.push(`${field} is ${key.length} characters, over the ${KEY_LENGTH_LIMIT}-character limit`);
  }
  if (key.includes(",")) problems.push(`${field} contains a comma`);
  return problems;
}

export function versionProblems(version: unknown, field = "version"): string[] {
  if (typeof version !== "string") return [`${field} must be a string, got ${describeValue(version)}`];
  return version.length === 0 ? [`${field} is empty`] : [];
}

/**
 * Checks a v2 request body. Unknown fields are reported too: the real service silently discards
 * them, so a client sending `restoreKeys` instead of `restore_keys` would lose its restore keys.
 */
export function twirpRequestProblems(method: TwirpMethod, body: unknown): string[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [`${method} body must be a JSON object, got ${describeValue(body)}`];
  }
  const shape = REQUEST_SHAPES[method];
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(record)) {
    if (!Object.hasOwn(shape.fields, name)) {
      problems.push(`${method} has unknown field "${name}" (the service ignores it)`);
    }
  }
  for (const name of shape.required) {
    if (record[name] === undefined) problems.push(`${method} is missing required field "${name}"`);
  }
  for (const [name, type] of Object.entries(shape.fields)) {
    const value = record[name];
    if (value === undefined) continue;
    const typeProblem = fieldTypeProblem(value, type);
    if (typeProblem) problems.push(`${method}.${name} ${typeProblem}`);
  }
  if (problems.length > 0) return problems;

  problems.push(...keyProblems(record.key, `${method}.key`));
  problems.push(...versionProblems(record.version, `${method}.version`));
  if (method === "GetCacheEntryDownloadURL") {
    const restoreKeys = (record.restore_keys as string[] | undefined) ?? [];
    if (restoreKeys.length + 1 > KEYS_LIMIT) {
      problems.push(`${restoreKeys.length} restore keys plus the key is over the limit of ${KEYS_LIMIT}`);
    }
    restoreKeys.forEach((restoreKey, index) => {
      problems.push(...keyProblems(restoreKey, `${method}.restore_keys[${index}]`));
    });
  }
  if (method === "FinalizeCacheEntryUpload" && Number(record.size_bytes) <= 0) {
    problems.push(`${method}.size_bytes must be positive, got ${String(record.size_bytes)}`);
  }
  return problems;
}

function fieldTypeProblem(value: unknown, type: FieldType): string | undefined {
  switch (type) {
    case "string":
      return typeof value === "string" ? undefined : `must be a string, got ${describeValue(value)}`;
    case "string[]":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? undefined
        : `must be an array of strings, got ${describeValue(value)}`;
    case "int64":
      // Protobuf's JSON mapping writes int64 as a decimal string; parsers also accept a number.
      return (typeof value === "string" && /^-?\d+$/.test(value)) ||
        (typeof value === "number" && Number.isInteger(value))
        ? undefined
        : `must be an int64 (decimal string or integer), got ${describeValue(value)}`;
    case "message":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? undefined
        : `must be an object, got ${describeValue(value)}`;
  }
}

export interface ContentRange {
  start: number;
  end: number;
}

/** The v1 client's chunk header: `bytes start-end/*`, both ends inclusive. */
export function parseContentRange(header: string | undefined): ContentRange | string {
  if (header === undefined) return "PATCH has no Content-Range header";
  const match = /^bytes (\d+)-(\d+)\/(\*|\d+)$/.exec(header);
  if (!match) return `Content-Range "${header}" is not "bytes start-end/*"`;
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end < start) return `Content-Range "${header}" ends before it starts`;
  return { start, end };
}

/** Problems with the chunks of a v1 upload when it is committed with `size`. */
export function chunkCoverageProblems(chunks: ContentRange[], size: number): string[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const problems: string[] = [];
  let next = 0;
  for (const chunk of sorted) {
    if (chunk.start > next) problems.push(`bytes ${next}-${chunk.start - 1} were never uploaded`);
    if (chunk.start < next) problems.push(`chunk ${chunk.start}-${chunk.end} overlaps an earlier chunk`);
    next = Math.max(next, chunk.end + 1);
  }
  if (next < size) problems.push(`bytes ${next}-${size - 1} were never uploaded`);
  if (next > size) problems.push(`chunks cover ${next} bytes but the commit says ${size}`);
  return problems;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : typeof value;
}
