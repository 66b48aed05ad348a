// A local OpenID Connect issuer in the shape of GitHub Actions' (token.actions.githubusercontent.com): its
// configuration and JWKS over real HTTP on 127.0.0.1, tokens signed with real RSA keys by jose, key rotation,
// and the runner's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) that @actions/core's getIDToken calls.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

export interface IssuerKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface GitHubTokenClaims {
  readonly repository?: string;
  readonly ref?: string;
  readonly workflow?: string;
  readonly workflow_ref?: string;
  readonly aud?: string;
  readonly iss?: string;
  /** Seconds from now; negative for a token that expired. */
  readonly expiresIn?: number;
  readonly notBefore?: number;
  readonly [claim: string]: unknown;
}

export interface LocalIssuer {
  readonly url: string;
  /** Keys the JWKS publishes now, newest last. */
  readonly published: IssuerKey[];
  /** GETs of the JWKS so far. */
  jwksRequests: number;
  /** The runner's token endpoint: what ACTIONS_ID_TOKEN_REQUEST_URL is set to. */
  readonly tokenRequestUrl: string;
  /** What ACTIONS_ID_TOKEN_REQUEST_TOKEN must be. */
  readonly requestToken: string;
  /** Audiences the token endpoint was asked for. */
  readonly audiencesRequested: string[];
  /** Claims the token endpoint puts in the tokens it hands out (the job's repository, ref, workflow). */
  jobClaims: GitHubTokenClaims;
  newKey(): Promise<IssuerKey>;
  /** Publishes a new key and stops publishing the old ones. */
  rotate(): Promise<IssuerKey>;
  sign(claims: GitHubTokenClaims, key?: IssuerKey): Promise<string>;
  close(): Promise<void>;
}

let keyCount = 0;

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let server: Server | null = null;
  const issuer = {} as LocalIssuer & { url: string; tokenRequestUrl: string };
  const requestToken = `runner-request-token-${Math.random().toString(36).slice(2)}`;
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer.url);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, { issuer: issuer.url, jwks_uri: `${issuer.url}/.well-known/jwks` });
    }
    if (url.pathname === "/.well-known/jwks") {
      issuer.jwksRequests++;
      return json(200, { keys: issuer.published.map((key) => key.publicJwk) });
    }
    if (url.pathname === "/token") {
      // As the runner's endpoint: the job's request token, an audience, a signed token back as `value`.
      if (request.headers.authorization !== `Bearer ${requestToken}`)
        return json(401, { message: "bad token" });
      const audience = url.searchParams.get("audience") ?? issuer.url;
      issuer.audiencesRequested.push(audience);
      void issuer.sign({ ...issuer.jobClaims, aud: audience }).then((value) => json(200, { value }));
      return;
    }
    json(404, { message: "not found" });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(issuer, {
    url: `http://127.0.0.1:${port}`,
    published: [],
    jwksRequests: 0,
    tokenRequestUrl: `http://127.0.0.1:${port}/token?api-version=2.0`,
    requestToken,
    audiencesRequested: [],
    jobClaims: {},
    async newKey() {
      const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
      const kid = `key-${++keyCount}`;
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
      return { kid, privateKey, publicJwk };
    },
    async rotate() {
      const key = await issuer.newKey();
      issuer.published.splice(0, issuer.published.length, key);
      return key;
    },
    async sign(claims: GitHubTokenClaims, key?: IssuerKey) {
      const signing = key ?? issuer.published.at(-1);
      if (!signing) throw new Error("the issuer has no key");
      const { expiresIn = 300, notBefore, aud, iss, ...rest } = claims;
      const now = Math.floor(Date.now() / 1000);
      let jwt = new SignJWT({ sub: `repo:${rest.repository ?? "x"}:ref:${rest.ref ?? ""}`, ...rest })
        .setProtectedHeader({ alg: "RS256", kid: signing.kid, typ: "JWT" })
        .setIssuer(iss ?? issuer.url)
        .setIssuedAt(now - 5)
        .setExpirationTime(now + expiresIn);
      if (aud !== undefined) jwt = jwt.setAudience(aud);
      if (notBefore !== undefined) jwt = jwt.setNotBefore(now + notBefore);
      return jwt.sign(signing.privateKey);
    },
    async close() {
      await new Promise((resolve) => server?.close(resolve));
    },
  });
  await issuer.rotate();
  return issuer;
}

/** A token with `alg: none`: no signature at all. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}
