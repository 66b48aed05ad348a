// The digest a tag points at in its registry now, asked with one `HEAD /v2/<name>/manifests/<tag>`: Docker
// Hub does not count HEAD requests against its pull rate limit, and the answer's `Docker-Content-Digest` is
// the digest `docker pull` would resolve the tag to. The registry's own auth flow is followed: a Bearer
// challenge is answered with a token from its realm (anonymous, or with the credentials `docker login`
// left), a Basic challenge with those credentials. Every outcome is a result naming its reason, never an
// exception: the caller restores its cached copy whenever the answer is not a digest.

import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { HttpClient } from "@actions/http-client";
import {
  type DigestCheck,
  type ImageReference,
  isLoopbackRegistry,
  parseImageReference,
  registryApiHost,
} from "../core/images/index.ts";
import {
  type CredentialLookup,
  createCredentialLookup,
  DEFAULT_HELPER_TIMEOUT_MS,
} from "./docker-credentials.ts";

export interface DigestCheckOptions {
  /** DOCKER_CONFIG, HOME and PATH (credential helpers) come from here. */
  readonly env: NodeJS.ProcessEnv;
  /** The whole check of one reference, the auth flow and credential helpers included. */
  readonly timeoutMs?: number;
  /** How long a credential helper may take (within `timeoutMs`). */
  readonly helperTimeoutMs?: number;
}

// Short: a registry slower than this is treated as out, and the cached copy is used. Healthy registries,
// Docker Hub's token round trip included, answer in well under a second.
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/** Docker and OCI manifests and multi-platform indexes: the registry answers with whichever the tag is. */
export const MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
] as const;

const USER_AGENT = "seamwatch";
const DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/**
 * A checker for the images of one job: the Docker config is read once, each registry's credentials are
 * looked up once, and references are checked independently (call it for several at once).
 */
export function createDigestChecker(
  options: DigestCheckOptions,
): (reference: string) => Promise<DigestCheck> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const lookUpCredentials = createCredentialLookup({
    env: options.env,
    helperTimeoutMs: options.helperTimeoutMs ?? DEFAULT_HELPER_TIMEOUT_MS,
  });
  const http = new RegistryHttp(timeoutMs);
  // The scheme each loopback registry answered on, so later checks skip the failed HTTPS attempt.
  const schemes = new Map<string, Scheme>();

  return async (text) => {
    const parsed = parseImageReference(text);
    if (parsed.kind === "invalid") return { kind: "not-checkable", reason: parsed.reason };
    const reference = parsed.reference;
    if (reference.tag === null) {
      return { kind: "not-checkable", reason: `${text} is pinned by digest: it cannot move` };
    }
    const host = registryApiHost(reference.registry);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<DigestCheck>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            kind: "timed-out",
            reason: `${host} did not answer within ${formatSeconds(timeoutMs)}`,
          }),
        timeoutMs,
      );
    });
    const check = checkTag({ reference, tag: reference.tag, host, http, lookUpCredentials, schemes }).catch(
      (cause: unknown): DigestCheck => ({
        kind: "registry-error",
        reason: `checking ${text} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
    );
    try {
      return await Promise.race([check, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
}

type Scheme = "https" | "http";

interface TagCheck {
  readonly reference: ImageReference;
  readonly tag: string;
  readonly host: string;
  readonly http: RegistryHttp;
  readonly lookUpCredentials: (registry: string) => Promise<CredentialLookup>;
  readonly schemes: Map<string, Scheme>;
}

async function checkTag(check: TagCheck): Promise<DigestCheck> {
  const { reference, host } = check;
  const path = `/v2/${reference.repository}/manifests/${encodeURIComponent(check.tag)}`;
  const known = check.schemes.get(host);
  const candidates: Scheme[] = known
    ? [known]
    : isLoopbackRegistry(reference.registry)
      ? ["https", "http"]
      : ["https"];
  let lastFailure: DigestCheck | null = null;
  for (const scheme of candidates) {
    const url = `${scheme}://${host}${path}`;
    try {
      const result = await headManifest(check, url);
      check.schemes.set(host, scheme);
      return result;
    } catch (cause) {
      if (!(cause instanceof RegistryUnreachableError)) throw cause;
      lastFailure = { kind: "unreachable", reason: `${host} is unreachable: ${cause.message}` };
    }
  }
  return lastFailure ?? { kind: "unreachable", reason: `${host} is unreachable` };
}

/** The HEAD request, then the challenge and the HEAD again with the authorization it asked for. */
async function headManifest(check: TagCheck, url: string): Promise<DigestCheck> {
  const headers = { accept: MANIFEST_MEDIA_TYPES.join(", ") };
  let response = await check.http.send("HEAD", url, headers);
  let credentials: CredentialLookup | null = null;
  if (response.status === 401) {
    const challenges = parseAuthChallenges(headerText(response.headers["www-authenticate"]));
    credentials = await check.lookUpCredentials(check.reference.registry);
    const authorization = await authorize(check, challenges, credentials, url);
    if (authorization.kind !== "authorization") return authorization.result;
    response = await check.http.send("HEAD", url, { ...headers, authorization: authorization.value });
    if (response.status === 200 && !digestHeader(response.headers)) {
      return digestFromBody(check, url, { ...headers, authorization: authorization.value });
    }
  } else if (response.status === 200 && !digestHeader(response.headers)) {
    return digestFromBody(check, url, headers);
  }
  return resultOf(check, response, credentials);
}

/** A registry that leaves `Docker-Content-Digest` off a HEAD answer: the digest is the manifest's hash. */
async function digestFromBody(
  check: TagCheck,
  url: string,
  headers: Record<string, string>,
): Promise<DigestCheck> {
  const response = await check.http.send("GET", url, headers);
  if (response.status !== 200) return resultOf(check, response, null);
  const digest = digestHeader(response.headers);
  if (digest) return { kind: "digest", digest };
  return { kind: "digest", digest: `sha256:${createHash("sha256").update(response.body).digest("hex")}` };
}

function resultOf(
  check: TagCheck,
  response: RegistryResponse,
  credentials: CredentialLookup | null,
): DigestCheck {
  const { host, reference, tag } = check;
  const name = `${reference.repository}:${tag}`;
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  switch (response.status) {
    case 200: {
      const digest = digestHeader(response.headers);
      if (digest) return { kind: "digest", digest };
      return { kind: "registry-error", reason: `${host} answered without a digest for ${name}` };
    }
    case 401:
    case 403:
      return {
        kind: "unauthorized",
        reason: `${host} refused access to ${name} (${status}); ${whose(credentials)}`,
      };
    case 404:
      return { kind: "not-found", reason: `${host} has no ${name} (${status})` };
    case 429:
      return {
        kind: "rate-limited",
        reason: `${host} answered ${status}: its rate limit is reached${rateLimitOf(response.headers)}`,
      };
    default:
      return { kind: "registry-error", reason: `${host} answered ${status} for ${name}` };
  }
}

function whose(credentials: CredentialLookup | null): string {
  if (!credentials) return "no credentials were asked for";
  if (!credentials.credentials) return `asked anonymously (${credentials.source})`;
  const who = credentials.credentials.kind === "password" ? ` of ${credentials.credentials.username}` : "";
  return `with the credentials${who} from ${credentials.source}`;
}

/** `(ratelimit-remaining: 0;w=21600)`, as Docker Hub sends it. */
function rateLimitOf(headers: IncomingHttpHeaders): string {
  const remaining = headerText(headers["ratelimit-remaining"]);
  return remaining ? ` (ratelimit-remaining: ${remaining})` : "";
}

type Authorization =
  | { readonly kind: "authorization"; readonly value: string }
  | { readonly kind: "result"; readonly result: DigestCheck };

async function authorize(
  check: TagCheck,
  challenges: readonly AuthChallenge[],
  lookup: CredentialLookup,
  url: string,
): Promise<Authorization> {
  const { host } = check;
  const credentials = lookup.credentials;
  const bearer = challenges.find((challenge) => challenge.scheme === "bearer");
  if (bearer) {
    if (credentials?.kind === "registry-token") {
      return { kind: "authorization", value: `Bearer ${credentials.token}` };
    }
    return fetchToken(check, bearer, lookup, url);
  }
  if (challenges.some((challenge) => challenge.scheme === "basic")) {
    if (credentials?.kind !== "password") {
      return {
        kind: "result",
        result: {
          kind: "unauthorized",
          reason: `${host} asks for a user name and password; ${whose(lookup)}`,
        },
      };
    }
    return { kind: "authorization", value: basic(credentials) };
  }
  return {
    kind: "result",
    result: {
      kind: "unauthorized",
      reason: `${host} answered 401 without a challenge seamwatch can answer (${challenges.map((c) => c.scheme).join(", ") || "none"})`,
    },
  };
}

/**
 * The token endpoint of a Bearer challenge (Docker's token auth spec): a GET with the service and scope,
 * with Basic credentials when there are some; an identity token is traded in a POST (the OAuth2 refresh
 * grant), as the docker engine does.
 */
async function fetchToken(
  check: TagCheck,
  challenge: AuthChallenge,
  lookup: CredentialLookup,
  url: string,
): Promise<Authorization> {
  const { host } = check;
  const realm = challenge.params.realm;
  if (!realm) {
    return {
      kind: "result",
      result: { kind: "registry-error", reason: `${host} asked for a token without naming where to get it` },
    };
  }
  const service = challenge.params.service;
  const scope = challenge.params.scope ?? `repository:${check.reference.repository}:pull`;
  const credentials = lookup.credentials;
  let tokenUrl: URL;
  try {
    tokenUrl = new URL(realm, url);
  } catch {
    return {
      kind: "result",
      result: { kind: "registry-error", reason: `${host} named a token realm that is not a URL` },
    };
  }
  let response: RegistryResponse;
  try {
    if (credentials?.kind === "identity-token") {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: credentials.token,
        client_id: USER_AGENT,
        scope,
        ...(service ? { service } : {}),
      });
      response = await check.http.send(
        "POST",
        tokenUrl.href,
        {
          "content-type": "application/x-www-form-urlencoded",
        },
        form.toString(),
      );
    } else {
      if (service) tokenUrl.searchParams.set("service", service);
      for (const part of scope.split(" ")) tokenUrl.searchParams.append("scope", part);
      response = await check.http.send(
        "GET",
        tokenUrl.href,
        credentials?.kind === "password" ? { authorization: basic(credentials) } : {},
      );
    }
  } catch (cause) {
    if (!(cause instanceof RegistryUnreachableError)) throw cause;
    return {
      kind: "result",
      result: {
        kind: "unreachable",
        reason: `${tokenUrl.host}, ${host}'s token service, is unreachable: ${cause.message}`,
      },
    };
  }
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  if (response.status === 401 || response.status === 403) {
    return {
      kind: "result",
      result: {
        kind: "unauthorized",
        reason: `${tokenUrl.host} refused a token for ${scope} (${status}); ${whose(lookup)}`,
      },
    };
  }
  if (response.status === 429) {
    return {
      kind: "result",
      result: {
        kind: "rate-limited",
        reason: `${tokenUrl.host} answered ${status} for a token: its rate limit is reached`,
      },
    };
  }
  if (response.status !== 200) {
    return {
      kind: "result",
      result: { kind: "registry-error", reason: `${tokenUrl.host} answered ${status} for a token` },
    };
  }
  const token = tokenOf(response.body);
  if (!token) {
    return {
      kind: "result",
      result: { kind: "registry-error", reason: `${tokenUrl.host} answered without a token` },
    };
  }
  return { kind: "authorization", value: `Bearer ${token}` };
}

function tokenOf(body: Buffer): string | null {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { token, access_token: accessToken } = value as { token?: unknown; access_token?: unknown };
    if (typeof token === "string" && token) return token;
    if (typeof accessToken === "string" && accessToken) return accessToken;
    return null;
  } catch {
    return null;
  }
}

function basic(credentials: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}

function digestHeader(headers: IncomingHttpHeaders): string | null {
  const digest = headerText(headers["docker-content-digest"]).trim();
  return DIGEST_PATTERN.test(digest) ? digest : null;
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

export interface AuthChallenge {
  /** Lower-case: `bearer`, `basic`. */
  readonly scheme: string;
  /** Parameter names lower-cased: `realm`, `service`, `scope`, `error`. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * `WWW-Authenticate` (RFC 7235): one or more challenges, each a scheme and `name=value` parameters whose
 * values may be quoted and hold commas (`scope="repository:a:pull,push"`), so commas alone cannot split it.
 */
export function parseAuthChallenges(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let position = 0;
  const skip = (pattern: RegExp) => {
    pattern.lastIndex = position;
    const match = pattern.exec(header);
    if (match) position = pattern.lastIndex;
    return match;
  };
  while (position < header.length) {
    skip(/[\s,]*/y);
    const token = skip(/[!#$%&'*+.^_`|~0-9A-Za-z-]+/y);
    if (!token) break;
    // A token followed by `=` is a parameter of the current challenge; otherwise it starts a new one.
    const afterToken = position;
    if (skip(/\s*=\s*/y) && challenges.length > 0) {
      const quoted = skip(/"((?:[^"\\]|\\.)*)"/y);
      const value = quoted ? (quoted[1] ?? "").replace(/\\(.)/g, "$1") : (skip(/[^\s,]*/y)?.[0] ?? "");
      const current = challenges.at(-1);
      if (current) current.params[token[0].toLowerCase()] = value;
      continue;
    }
    position = afterToken;
    challenges.push({ scheme: token[0].toLowerCase(), params: {} });
  }
  return challenges;
}

interface RegistryResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** No HTTP answer at all: refused, reset, unknown host, TLS failure. */
class RegistryUnreachableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RegistryUnreachableError";
  }
}

/**
 * HTTP through `@actions/http-client`, which honours the runner's proxy variables (HTTPS_PROXY, NO_PROXY).
 * One client per scheme: a client keeps one agent, made for the scheme of its first request.
 */
class RegistryHttp {
  private readonly clients = new Map<Scheme, HttpClient>();
  constructor(private readonly timeoutMs: number) {}

  async send(
    method: "HEAD" | "GET" | "POST",
    url: string,
    headers: Record<string, string>,
    body: string | null = null,
  ): Promise<RegistryResponse> {
    const scheme: Scheme = url.startsWith("http:") ? "http" : "https";
    let client = this.clients.get(scheme);
    if (!client) {
      // Loaded on first use: the client and undici under it take a while to load, and most steps check
      // no image at all.
      const { HttpClient } = await import("@actions/http-client");
      // No retries or keep-alive: one short question, and no socket left to hold the step open.
      client = new HttpClient(USER_AGENT, [], {
        // Past the check's own deadline, so that the deadline is what a stalled registry meets.
        socketTimeout: this.timeoutMs + 1_000,
        allowRetries: false,
        keepAlive: false,
      });
      this.clients.set(scheme, client);
    }
    let response: Awaited<ReturnType<HttpClient["request"]>>;
    try {
      response = await client.request(method, url, body, headers);
    } catch (cause) {
      throw new RegistryUnreachableError(describeNetworkError(cause), { cause });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of response.message) chunks.push(chunk as Buffer);
    return {
      status: response.message.statusCode ?? 0,
      statusText: response.message.statusMessage ?? "",
      headers: response.message.headers,
      body: Buffer.concat(chunks),
    };
  }
}

function describeNetworkError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset";
    case "ENOTFOUND":
      return "the host name does not resolve";
    case "EAI_AGAIN":
      return "the host name could not be resolved (DNS did not answer)";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "no route to the host";
    default:
      return message;
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
