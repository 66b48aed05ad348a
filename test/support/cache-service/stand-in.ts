// A local stand-in for GitHub's Actions cache service, which cannot run here. The real
// @actions/cache client talks to it unchanged: v2 twirp JSON (what GitHub serves today) and the
// legacy v1 REST API. It is a contract test, not a blind mock: every request is checked against
// what the real service accepts (see contract.ts), answered the way the service answers, and
// anything the service would reject or silently ignore is recorded as a violation. Archives live in
// Azurite, so uploads and downloads go through the Azure SDK and real signed (SAS) URLs.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  BlobSASPermissions,
  type BlockBlobClient,
  ContainerClient,
  generateBlobSASQueryParameters,
} from "@azure/storage-blob";
import { type AzuriteBlobService, startAzurite } from "./azurite.ts";
import {
  ALREADY_EXISTS_MESSAGE,
  type ContentRange,
  chunkCoverageProblems,
  describeValue,
  isTwirpMethod,
  KEYS_LIMIT,
  keyProblems,
  parseContentRange,
  TWIRP_PREFIX,
  TWIRP_STATUS,
  type TwirpCode,
  type TwirpMethod,
  twirpRequestProblems,
  V1_API_VERSION,
  versionProblems,
} from "./contract.ts";

export const CACHE_SERVICE_TOKEN = "seamwatch-stand-in-runtime-token";
/** Signed URLs stay valid this long, like GitHub's short-lived SAS URLs. */
const SIGNED_URL_LIFETIME_MS = 15 * 60 * 1000;
const PRODUCTION_BLOB_HOST_SUFFIX = ".blob.core.windows.net";

export type CacheProtocol = "v2" | "v1";

export interface CacheServiceOptions {
  /** Which protocol `env` advertises to the client. Both are always served. Default v2. */
  protocol?: CacheProtocol;
  /** Share one emulator between stand-ins (each gets its own container). Default: start one. */
  azurite?: AzuriteBlobService;
  /**
   * "production" (default) hands out `https?://<account>.blob.core.windows.net:<port>/...` URLs,
   * as GitHub does, so the client takes its Azure SDK download path; `env.NODE_OPTIONS` then
   * preloads a resolver that maps that host to 127.0.0.1. "emulator" hands out path-style
   * `http://127.0.0.1:<port>/<account>/...` URLs and the client falls back to plain HTTP GETs.
   */
  blobUrlStyle?: "production" | "emulator";
  token?: string;
  /** Orders entries (newest wins a prefix match). Signed URLs always use the wall clock. */
  now?: () => Date;
  /** Reported as the entry's scope by v1; v2 has no scopes in its answers. */
  scope?: string;
}

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  sizeBytes: number;
  createdAt: Date;
  protocol: CacheProtocol;
}

export interface CacheServiceRequest {
  protocol: CacheProtocol | "unknown";
  method: string;
  path: string;
  /** The twirp method, or the v1 client's name for the call (getCacheEntry, reserveCache...). */
  operation?: string;
  /** Parsed JSON; for a v1 chunk upload `{ bytes, contentRange }`. */
  body: unknown;
  /** 0 when the stand-in was down and reset the connection. */
  status: number;
  /** Why the real service would reject (or silently mishandle) this request. */
  violation?: string;
}

export type DownMode = "connection-reset" | "server-error";

export interface CacheService {
  /** Where both protocols are served. */
  url: string;
  /** What a runner gives a job step, for the protocol chosen. */
  env: Record<string, string>;
  protocol: CacheProtocol;
  /** Committed entries, oldest first. */
  readonly entries: CacheEntry[];
  /** Every request received, in order (live). */
  requests: readonly CacheServiceRequest[];
  readonly violations: CacheServiceRequest[];
  /**
   * While down, "connection-reset" (default) drops every connection, which the client treats as a
   * network error and does not retry; "server-error" answers 500, which the v2 client retries with
   * backoff (about 25 s over 5 attempts) and the v1 client does not retry.
   */
  setDown(down: boolean, mode?: DownMode): void;
  /**
   * Cuts the newest stored archive for `key` to half its length (metadata keeps the old size, as
   * when storage loses data), so that extracting it fails part-way.
   */
  corrupt(key: string): Promise<void>;
  close(): Promise<void>;
}

interface StoredEntry extends CacheEntry {
  state: "reserved" | "committed";
  blobName: string;
  /** v1 chunks waiting for the commit. */
  chunks: { range: ContentRange; data: Buffer }[];
}

interface Reply {
  status: number;
  body?: unknown;
  violation?: string;
}

export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const protocol = options.protocol ?? "v2";
  const token = options.token ?? CACHE_SERVICE_TOKEN;
  const now = options.now ?? (() => new Date());
  const scope = options.scope ?? "refs/heads/main";
  const blobUrlStyle = options.blobUrlStyle ?? "production";
  const ownAzurite = options.azurite === undefined;
  const azurite = options.azurite ?? (await startAzurite());
  const tempDir = await mkdtemp(join(tmpdir(), "seamwatch-cache-service-"));
  const containerName = `actions-cache-${randomUUID()}`;
  const container = new ContainerClient(
    `${azurite.origin}/${azurite.account}/${containerName}`,
    azurite.credential,
  );
  // Without this a failed start would leave an emulator process and a temp dir behind.
  const abandon = async (error: unknown): Promise<never> => {
    if (ownAzurite) await azurite.close();
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  };
  await container.create().catch(abandon);
  // The real v1 cache URL carries a per-repository path segment; requests must stay under it.
  const v1Prefix = `/${randomUUID().slice(0, 8)}/_apis/artifactcache/`;

  const stored: StoredEntry[] = [];
  const requests: CacheServiceRequest[] = [];
  let nextId = 1;
  let down: DownMode | undefined;

  const blobClient = (entry: StoredEntry): BlockBlobClient => container.getBlockBlobClient(entry.blobName);
  const signedUrl = (entry: StoredEntry, permissions: string): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName,
        blobName: entry.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        // Azurite checks these against the wall clock, so they must not follow the injected one.
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + SIGNED_URL_LIFETIME_MS),
      },
      azurite.credential,
    ).toString();
    const base =
      blobUrlStyle === "production"
        ? `http://${azurite.account}${PRODUCTION_BLOB_HOST_SUFFIX}:${azurite.port}`
        : `${azurite.origin}/${azurite.account}`;
    return `${base}/${containerName}/${entry.blobName}?${sas}`;
  };
  const committed = () => stored.filter((entry) => entry.state === "committed");

  /** GitHub's documented order: exact key, then prefix of key, then each restore key the same way. */
  function findEntry(keys: string[], version: string): StoredEntry | undefined {
    const candidates = committed()
      .filter((entry) => entry.version === version)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    for (const key of keys) {
      const match =
        candidates.find((entry) => entry.key === key) ??
        candidates.find((entry) => entry.key.startsWith(key));
      if (match) return match;
    }
    return undefined;
  }

  function reserve(key: string, version: string, entryProtocol: CacheProtocol): StoredEntry | undefined {
    // Taken while another job is still uploading, too: the client reads both as "another job".
    if (stored.some((entry) => entry.key === key && entry.version === version)) return undefined;
    const id = nextId++;
    const entry: StoredEntry = {
      id,
      key,
      version,
      sizeBytes: 0,
      createdAt: now(),
      protocol: entryProtocol,
      state: "reserved",
      blobName: `entry-${id}`,
      chunks: [],
    };
    stored.push(entry);
    return entry;
  }

  // ---- v2: twirp JSON ------------------------------------------------------------------------

  const twirpHandlers: Record<TwirpMethod, (body: Record<string, unknown>) => Promise<Reply>> = {
    GetCacheEntryDownloadURL: async (body) => {
      const keys = [body.key as string, ...((body.restore_keys as string[] | undefined) ?? [])];
      const entry = findEntry(keys, body.version as string);
      // Go twirp emits unpopulated fields, so a miss is ok:false with empty strings.
      if (!entry) return { status: 200, body: { ok: false, signed_download_url: "", matched_key: "" } };
      return {
        status: 200,
        body: { ok: true, signed_download_url: signedUrl(entry, "r"), matched_key: entry.key },
      };
    },
    CreateCacheEntry: async (body) => {
      const entry = reserve(body.key as string, body.version as string, "v2");
      if (!entry) return twirpError("already_exists", ALREADY_EXISTS_MESSAGE);
      return { status: 200, body: { ok: true, signed_upload_url: signedUrl(entry, "cw"), message: "" } };
    },
    FinalizeCacheEntryUpload: async (body) => {
      const entry = stored.find(
        (candidate) =>
          candidate.state === "reserved" && candidate.key === body.key && candidate.version === body.version,
      );
      if (!entry) {
        return twirpError(
          "not_found",
          "cache entry not found",
          `FinalizeCacheEntryUpload for key "${String(body.key)}" without a pending CreateCacheEntry`,
        );
      }
      const sizeBytes = Number(body.size_bytes);
      const uploaded = await blobSize(blobClient(entry));
      if (uploaded !== sizeBytes) {
        // The stand-in's choice: the schema has ok/message for this, and the client warns with it.
        const message =
          uploaded === undefined
            ? "no archive was uploaded for this cache entry"
            : `uploaded archive is ${uploaded} bytes, size_bytes says ${sizeBytes}`;
        return { status: 200, body: { ok: false, entry_id: "0", message }, violation: message };
      }
      entry.sizeBytes = sizeBytes;
      entry.createdAt = now();
      entry.state = "committed";
      return { status: 200, body: { ok: true, entry_id: String(entry.id), message: "" } };
    },
  };

  async function handleTwirp(
    incoming: IncomingMessage,
    record: CacheServiceRequest,
    raw: Buffer,
  ): Promise<Reply> {
    record.protocol = "v2";
    const method = record.path.slice(TWIRP_PREFIX.length);
    record.operation = method;
    const advertised =
      protocol === "v2" ? undefined : "the runner advertised cache service v1, but the client called v2";
    if (!isTwirpMethod(method)) {
      return twirpError(
        "bad_route",
        `no handler for path "${record.path}"`,
        `unknown twirp method ${method}`,
      );
    }
    if (record.method !== "POST") {
      return twirpError(
        "bad_route",
        `unsupported method "${record.method}" (only POST is allowed)`,
        `twirp needs POST, got ${record.method}`,
      );
    }
    const authProblem = bearerProblem(incoming, token);
    if (authProblem) return twirpError("unauthenticated", "unauthenticated", authProblem);
    const contentType = incoming.headers["content-type"] ?? "";
    if (!/^application\/json\b/i.test(contentType)) {
      return twirpError(
        "bad_route",
        `unexpected Content-Type: "${contentType}"`,
        `the JSON client must send Content-Type application/json, sent "${contentType}"`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return twirpError("malformed", "the json request could not be decoded", "request body is not JSON");
    }
    record.body = body;
    const problems = twirpRequestProblems(method, body);
    const unknownOnly = problems.every((problem) => problem.includes("unknown field"));
    if (problems.length > 0 && !unknownOnly) {
      return twirpError("invalid_argument", problems.join("; "), problems.join("; "));
    }
    const reply = await twirpHandlers[method](body as Record<string, unknown>);
    return withViolation(reply, [...problems, advertised]);
  }

  // ---- v1: REST ------------------------------------------------------------------------------

  async function handleV1(
    incoming: IncomingMessage,
    record: CacheServiceRequest,
    raw: Buffer,
  ): Promise<Reply> {
    record.protocol = "v1";
    const url = new URL(incoming.url ?? "/", "http://stand-in.invalid");
    const resource = url.pathname.slice(v1Prefix.length);
    const advertised =
      protocol === "v1" ? undefined : "the runner advertised cache service v2, but the client called v1";
    const authProblem = bearerProblem(incoming, token);
    if (authProblem) return v1Error(401, "VssUnauthorizedException", "Unauthorized", authProblem);
    const accept = incoming.headers.accept ?? "";
    if (!accept.includes(`api-version=${V1_API_VERSION}`)) {
      return v1Error(
        400,
        "VssVersionOutOfRangeException",
        "The requested REST API version is out of range.",
        `Accept header "${accept}" does not ask for api-version=${V1_API_VERSION}`,
      );
    }
    const entryId = /^caches\/(\d+)$/.exec(resource)?.[1];

    if (record.method === "GET" && resource === "cache") {
      record.operation = "getCacheEntry";
      const keys = (url.searchParams.get("keys") ?? "").split(",");
      const version = url.searchParams.get("version");
      const problems = [
        ...(keys.length > KEYS_LIMIT ? [`${keys.length} keys is over the limit of ${KEYS_LIMIT}`] : []),
        ...keys.flatMap((key, index) => keyProblems(key, `keys[${index}]`)),
        ...versionProblems(version ?? undefined),
      ];
      if (problems.length > 0) {
        return v1Error(400, "ArgumentException", problems.join("; "), problems.join("; "));
      }
      const entry = findEntry(keys, version as string);
      if (!entry) return withViolation({ status: 204 }, [advertised]);
      return withViolation(
        {
          status: 200,
          body: {
            cacheKey: entry.key,
            scope,
            cacheVersion: entry.version,
            creationTime: entry.createdAt.toISOString(),
            archiveLocation: signedUrl(entry, "r"),
          },
        },
        [advertised],
      );
    }

    if (record.method === "GET" && resource === "caches") {
      // Only called in debug mode after a miss, to list entries with the same key.
      record.operation = "listCaches";
      const key = url.searchParams.get("key") ?? "";
      const matching = committed().filter((entry) => entry.key === key);
      return withViolation(
        {
          status: 200,
          body: {
            totalCount: matching.length,
            artifactCaches: matching.map((entry) => ({
              cacheKey: entry.key,
              cacheVersion: entry.version,
              scope,
              creationTime: entry.createdAt.toISOString(),
            })),
          },
        },
        [advertised],
      );
    }

    if (record.method === "POST" && resource === "caches") {
      record.operation = "reserveCache";
      const body = parseJson(raw);
      record.body = body;
      const problems = reserveProblems(body);
      if (problems.length > 0) {
        return v1Error(400, "ArgumentException", problems.join("; "), problems.join("; "));
      }
      const { key, version } = body as { key: string; version: string };
      const entry = reserve(key, version, "v1");
      if (!entry) {
        return withViolation(
          v1Error(
            409,
            "ArtifactCacheAlreadyExistsException",
            `Cache already exists. Scope: ${scope}, Key: ${key}, Version: ${version}`,
          ),
          [advertised],
        );
      }
      return withViolation({ status: 201, body: { cacheId: entry.id } }, [advertised]);
    }

    if (entryId !== undefined && (record.method === "PATCH" || record.method === "POST")) {
      const entry = stored.find((candidate) => candidate.id === Number(entryId));
      if (record.method === "PATCH") {
        record.operation = "uploadChunk";
        const range = parseContentRange(incoming.headers["content-range"]);
        record.body = { bytes: raw.length, contentRange: incoming.headers["content-range"] };
        const problems: string[] = [];
        if (typeof range === "string") problems.push(range);
        else if (range.end - range.start + 1 !== raw.length) {
          problems.push(
            `Content-Range covers ${range.end - range.start + 1} bytes but the body has ${raw.length}`,
          );
        }
        const contentType = incoming.headers["content-type"];
        if (contentType !== "application/octet-stream") {
          problems.push(`chunk Content-Type is "${contentType}", not application/octet-stream`);
        }
        if (problems.length > 0) {
          return v1Error(400, "ArgumentException", problems.join("; "), problems.join("; "));
        }
        if (entry?.state !== "reserved") {
          return v1Error(
            404,
            "ArtifactCacheNotFoundException",
            `Cache ${entryId} not found.`,
            notReserved(entryId),
          );
        }
        entry.chunks.push({ range: range as ContentRange, data: raw });
        return withViolation({ status: 204 }, [advertised]);
      }
      record.operation = "commitCache";
      const body = parseJson(raw);
      record.body = body;
      const size = (body as { size?: unknown } | undefined)?.size;
      if (typeof size !== "number" || !Number.isInteger(size) || size <= 0) {
        const problem = `commit body must be {"size": positive integer}, got size ${describeValue(size)}`;
        return v1Error(400, "ArgumentException", problem, problem);
      }
      if (entry?.state !== "reserved") {
        return v1Error(
          404,
          "ArtifactCacheNotFoundException",
          `Cache ${entryId} not found.`,
          notReserved(entryId),
        );
      }
      const coverage = chunkCoverageProblems(
        entry.chunks.map((chunk) => chunk.range),
        size,
      );
      if (coverage.length > 0) {
        return v1Error(400, "ArgumentException", coverage.join("; "), coverage.join("; "));
      }
      const archive = Buffer.alloc(size);
      for (const chunk of entry.chunks) chunk.data.copy(archive, chunk.range.start);
      await blobClient(entry).uploadData(archive);
      entry.chunks = [];
      entry.sizeBytes = size;
      entry.createdAt = now();
      entry.state = "committed";
      return withViolation({ status: 204 }, [advertised]);
    }

    return v1Error(
      404,
      "NotFoundException",
      "Not Found",
      `no v1 cache operation is ${record.method} ${resource}`,
    );
  }

  // ---- HTTP plumbing ---------------------------------------------------------------------------

  async function handle(incoming: IncomingMessage, response: ServerResponse, record: CacheServiceRequest) {
    const raw = await readBody(incoming);
    let reply: Reply;
    if (record.path.startsWith(TWIRP_PREFIX)) reply = await handleTwirp(incoming, record, raw);
    else if (record.path.startsWith(v1Prefix)) reply = await handleV1(incoming, record, raw);
    else {
      reply = {
        status: 404,
        body: { code: "bad_route", msg: `no handler for path "${record.path}"` },
        violation: `${record.method} ${record.path} is neither a twirp nor a v1 cache route`,
      };
    }
    record.status = reply.status;
    if (reply.violation) record.violation = reply.violation;
    if (reply.body === undefined) {
      response.writeHead(reply.status).end();
      return;
    }
    response.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
  }

  const server = createServer((incoming, response) => {
    const record: CacheServiceRequest = {
      protocol: "unknown",
      method: (incoming.method ?? "GET").toUpperCase(),
      path: new URL(incoming.url ?? "/", "http://stand-in.invalid").pathname,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    if (down === "connection-reset") {
      incoming.socket.destroy();
      return;
    }
    if (down === "server-error") {
      record.status = 500;
      response
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ code: "internal", msg: "the cache service is down (stand-in)" }));
      return;
    }
    handle(incoming, response, record).catch((error: unknown) => {
      // A bug in the stand-in must fail the test that hit it, not hang the client.
      record.status = 500;
      record.violation = `stand-in crashed: ${error instanceof Error ? error.stack : String(error)}`;
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  }).catch(abandon);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const env: Record<string, string> = {
    ACTIONS_RUNTIME_TOKEN: token,
    ACTIONS_RESULTS_URL: `${url}/`,
    ACTIONS_CACHE_URL: `${url}${v1Prefix.slice(0, -"_apis/artifactcache/".length)}`,
    // Anything other than github.com, *.ghe.com or *.localhost counts as GHES, which forces v1.
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: tempDir,
  };
  if (protocol === "v2") env.ACTIONS_CACHE_SERVICE_V2 = "True";
  if (blobUrlStyle === "production") {
    const preload = join(tempDir, "resolve-blob-host.mjs");
    await writeFile(preload, RESOLVE_BLOB_HOST_PRELOAD);
    env.NODE_OPTIONS = `--import="${pathToFileURL(preload).href}"`;
  }

  return {
    url,
    env,
    protocol,
    get entries() {
      return committed().map(({ id, key, version, sizeBytes, createdAt, protocol: entryProtocol }) => ({
        id,
        key,
        version,
        sizeBytes,
        createdAt,
        protocol: entryProtocol,
      }));
    },
    requests,
    get violations() {
      return requests.filter((request) => request.violation !== undefined);
    },
    setDown(isDown, mode = "connection-reset") {
      down = isDown ? mode : undefined;
    },
    async corrupt(key) {
      const entry = committed()
        .filter((candidate) => candidate.key === key)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];
      if (!entry) throw new Error(`the cache service has no entry with key "${key}" to corrupt`);
      const client = blobClient(entry);
      const archive = await client.downloadToBuffer();
      await client.uploadData(archive.subarray(0, Math.floor(archive.length / 2)));
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        // Clients keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      if (ownAzurite) await azurite.close();
      else await container.deleteIfExists();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

// Loaded with `node --import` (through env.NODE_OPTIONS) into the client's process, so that the
// production-style blob host GitHub hands out reaches Azurite on loopback instead of Azure.
const RESOLVE_BLOB_HOST_PRELOAD = `import dns from "node:dns";
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (typeof options === "function") { callback = options; options = {}; }
  if (typeof hostname === "string" && hostname.endsWith("${PRODUCTION_BLOB_HOST_SUFFIX}")) {
    const all = typeof options === "object" && options !== null && options.all;
    if (all) process.nextTick(callback, null, [{ address: "127.0.0.1", family: 4 }]);
    else process.nextTick(callback, null, "127.0.0.1", 4);
    return;
  }
  return lookup.call(this, hostname, options, callback);
};
`;

function twirpError(code: TwirpCode, msg: string, violation?: string): Reply {
  return { status: TWIRP_STATUS[code], body: { code, msg }, violation };
}

function v1Error(status: number, typeKey: string, message: string, violation?: string): Reply {
  return {
    status,
    // The shape Azure DevOps services (which the v1 cache service is built on) use for errors.
    body: {
      $id: "1",
      innerException: null,
      message,
      typeName: `Microsoft.Azure.DevOps.PipelineCache.WebApi.${typeKey}, Microsoft.Azure.DevOps.PipelineCache.WebApi`,
      typeKey,
      errorCode: 0,
      eventId: 3000,
    },
    violation,
  };
}

function withViolation(reply: Reply, problems: (string | undefined)[]): Reply {
  const all = [reply.violation, ...problems].filter((problem): problem is string => Boolean(problem));
  return all.length > 0 ? { ...reply, violation: all.join("; ") } : reply;
}

function bearerProblem(incoming: IncomingMessage, token: string): string | undefined {
  const authorization = incoming.headers.authorization;
  if (!authorization) return "request has no Authorization header";
  const presented = /^Bearer (\S+)$/.exec(authorization)?.[1];
  if (presented === undefined) return "Authorization header is not `Bearer <ACTIONS_RUNTIME_TOKEN>`";
  return presented === token
    ? undefined
    : "Authorization header carries a token other than ACTIONS_RUNTIME_TOKEN";
}

function reserveProblems(body: unknown): string[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [`reserveCache body must be a JSON object, got ${describeValue(body)}`];
  }
  const { key, version, cacheSize } = body as Record<string, unknown>;
  const problems = [...keyProblems(key, "key"), ...versionProblems(version)];
  if (cacheSize !== undefined && (typeof cacheSize !== "number" || !Number.isInteger(cacheSize))) {
    problems.push(`cacheSize must be an integer, got ${describeValue(cacheSize)}`);
  }
  return problems;
}

function notReserved(entryId: string): string {
  return `cache ${entryId} was never reserved, or is already committed`;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return raw.toString("utf8");
  }
}

async function blobSize(client: BlockBlobClient): Promise<number | undefined> {
  try {
    return (await client.getProperties()).contentLength;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
