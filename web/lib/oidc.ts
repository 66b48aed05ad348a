// Tokenless uploads: GitHub Actions' OIDC token instead of an upload secret. The signature is checked with
// jose against the issuer's published keys (JWKS, found through its OpenID configuration), kept in memory and
// fetched again when a token names a key id it does not hold (the issuer rotated its keys), at most once per
// cooldown so that made-up key ids cannot flood the issuer. Then `iss`, `aud`, `exp` and `nbf` (with a small
// leeway), and last the `repository` claim must name a project that takes OIDC uploads, from an allowed ref
// and workflow. Every refusal says why.
import {
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  type JWTPayload,
  jwtVerify,
} from "jose";
import type { OidcPolicy } from "../../store/queries.ts";

export const GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
/** GitHub signs with RS256; nothing else (and never `none`) is taken. */
const ALGORITHMS = ["RS256"];
/** Clocks of the runner, the issuer and this server may differ a little. */
export const OIDC_LEEWAY_SECONDS = 60;

/** Why a token was refused: the API's 401 says it. `unavailable`: the issuer's keys could not be fetched. */
export class OidcError extends Error {
  constructor(
    message: string,
    readonly unavailable = false,
  ) {
    super(message);
    this.name = "OidcError";
  }
}

export interface JwksCacheOptions {
  readonly issuer: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** No second fetch for an unknown key id within this time of the last one. */
  readonly cooldownMs?: number;
  /** Keys are fetched again after this long even when every token finds its key. */
  readonly maxAgeMs?: number;
}

/** The issuer's keys, cached; refreshed on an unknown `kid` (key rotation) and when old. */
export class JwksCache {
  private keys: JSONWebKeySet | null = null;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private fetching: Promise<void> | null = null;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  /** How many times the keys were fetched (tests read it). */
  fetches = 0;

  constructor(readonly options: JwksCacheOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  }

  /** jose's key lookup for `jwtVerify`. */
  async getKey(header: JWTHeaderParameters, token: { payload: unknown; signature: unknown }) {
    if (this.keys === null || this.now() - this.fetchedAt >= this.maxAgeMs) await this.refresh();
    try {
      return await createLocalJWKSet(this.keys as JSONWebKeySet)(header, token as never);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.now() - this.fetchedAt < this.cooldownMs) {
        throw error;
      }
      // A key id we do not hold: the issuer may have rotated its keys since the last fetch.
      await this.refresh();
      return createLocalJWKSet(this.keys as JSONWebKeySet)(header, token as never);
    }
  }

  private refresh(): Promise<void> {
    this.fetching ??= this.load().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async load(): Promise<void> {
    const issuer = this.options.issuer.replace(/\/+$/, "");
    try {
      const configuration = (await this.getJson(`${issuer}/.well-known/openid-configuration`)) as {
        jwks_uri?: unknown;
      };
      if (typeof configuration.jwks_uri !== "string")
        throw new Error("its OpenID configuration has no jwks_uri");
      const keys = (await this.getJson(configuration.jwks_uri)) as JSONWebKeySet;
      if (!Array.isArray(keys?.keys)) throw new Error("its JWKS has no keys");
      this.keys = keys;
      this.fetchedAt = this.now();
      this.fetches++;
    } catch (cause) {
      throw new OidcError(
        `the OIDC issuer's keys could not be fetched from ${issuer}: ${(cause as Error).message}`,
        true,
      );
    }
  }

  private async getJson(url: string): Promise<unknown> {
    const response = await this.fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }
}

/** The claims of a GitHub Actions token that decide where it may upload. */
export interface GitHubClaims extends JWTPayload {
  readonly repository: string;
  readonly ref?: string;
  readonly workflow?: string;
  readonly workflow_ref?: string;
}

export interface VerifyOptions {
  readonly issuer: string;
  /** What the token's `aud` must be: the dashboard's own URL, which the action asks for. */
  readonly audience: string;
  readonly jwks: JwksCache;
  readonly now?: () => number;
}

/** Checks the token's signature and registered claims; throws an OidcError saying what is wrong. */
export async function verifyOidcToken(token: string, options: VerifyOptions): Promise<GitHubClaims> {
  const issuer = options.issuer.replace(/\/+$/, "");
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header, jws) => options.jwks.getKey(header, jws), {
      issuer,
      audience: options.audience,
      algorithms: ALGORITHMS,
      clockTolerance: OIDC_LEEWAY_SECONDS,
      requiredClaims: ["exp", "iat"],
      ...(options.now ? { currentDate: new Date(options.now()) } : {}),
    }));
  } catch (error) {
    throw describeJoseError(error, { issuer, audience: options.audience }, token);
  }
  if (typeof payload.repository !== "string" || payload.repository === "") {
    throw new OidcError("the OIDC token has no repository claim");
  }
  return payload as GitHubClaims;
}

/** Whether the policy lets this token upload; null when it does, else why not. */
export function checkOidcPolicy(policy: OidcPolicy, claims: GitHubClaims): string | null {
  if (policy.refs.length > 0 && !policy.refs.some((pattern) => matches(pattern, claims.ref ?? ""))) {
    return `${policy.projectSlug} takes OIDC uploads only from ${policy.refs.join(", ")}, not from ref ${JSON.stringify(claims.ref ?? "")}`;
  }
  if (policy.workflows.length > 0) {
    const file = workflowFile(claims);
    const allowed = policy.workflows.some(
      (pattern) => matches(pattern, claims.workflow ?? "") || (file !== null && matches(pattern, file)),
    );
    if (!allowed) {
      return `${policy.projectSlug} takes OIDC uploads only from the workflows ${policy.workflows.join(", ")}, not from ${JSON.stringify(file ?? claims.workflow ?? "")}`;
    }
  }
  return null;
}

/** `.github/workflows/ci.yml` from `octo/repo/.github/workflows/ci.yml@refs/heads/main`. */
function workflowFile(claims: GitHubClaims): string | null {
  const ref = claims.workflow_ref;
  if (typeof ref !== "string") return null;
  const path = ref.split("@")[0] ?? "";
  const prefix = `${claims.repository}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** `*` stands for any characters; everything else is literal. */
function matches(pattern: string, value: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(value);
}

function describeJoseError(
  error: unknown,
  expected: { issuer: string; audience: string },
  token: string,
): Error {
  if (error instanceof OidcError) return error;
  if (error instanceof errors.JWTExpired) {
    const exp = (error.payload as JWTPayload).exp;
    return new OidcError(
      `the OIDC token expired${typeof exp === "number" ? ` at ${new Date(exp * 1000).toISOString()}` : ""}`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const payload = error.payload as JWTPayload;
    switch (error.claim) {
      case "aud":
        return new OidcError(
          `the OIDC token is for the audience ${JSON.stringify(payload.aud ?? null)}, not this dashboard's ${JSON.stringify(expected.audience)}`,
        );
      case "iss":
        return new OidcError(
          `the OIDC token was issued by ${JSON.stringify(payload.iss ?? null)}, not by ${JSON.stringify(expected.issuer)}`,
        );
      case "nbf":
        return new OidcError("the OIDC token is not valid yet (nbf is in the future)");
      default:
        return new OidcError(`the OIDC token's ${error.claim} claim is ${error.reason}: ${error.message}`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new OidcError(
      `the OIDC token is signed with ${JSON.stringify(headerAlg(token))}; only ${ALGORITHMS.join(", ")} is accepted`,
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new OidcError(
      `the OIDC issuer publishes no key with the token's key id ${JSON.stringify(headerKid(token))}`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new OidcError("the OIDC token's signature does not verify with the issuer's key");
  }
  if (error instanceof errors.JOSEError)
    return new OidcError(`the OIDC token is not valid: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}

function header(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
  } catch {
    return {};
  }
}

function headerAlg(token: string): unknown {
  return header(token).alg ?? null;
}

function headerKid(token: string): unknown {
  return header(token).kid ?? null;
}

/** A compact JWS, as GitHub's token is: three base64url parts. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]*\.[\w-]*$/.test(token);
}
