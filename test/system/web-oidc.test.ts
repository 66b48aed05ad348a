// Tokenless uploads with GitHub's OIDC token, against a local issuer serving its JWKS over real HTTP: first
// the verifier (jose, the JWKS cache) with an injected clock, then the real server (the standalone build):
// what an upload with a good token stores, and the 401 (with its reason) for every bad one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JwksCache, OidcError, verifyOidcToken } from "../../web/lib/oidc.ts";
import { checkResponse } from "../support/web/dashboard-contract.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { type LocalIssuer, startLocalIssuer, unsignedToken } from "../support/web/oidc-issuer.ts";
import { makeRunReport } from "../support/web/reports.ts";

const AUDIENCE = "https://seamwatch.example.com";
const CLAIMS = {
  repository: "acme/shop",
  ref: "refs/heads/main",
  workflow: "CI",
  workflow_ref: "acme/shop/.github/workflows/ci.yml@refs/heads/main",
};

let issuer: LocalIssuer;
beforeAll(async () => {
  issuer = await startLocalIssuer();
});
afterAll(async () => {
  await issuer?.close();
});

describe("the OIDC verifier", () => {
  const clock = { now: Date.now() };
  const verify = (token: string, jwks: JwksCache, audience = AUDIENCE) =>
    verifyOidcToken(token, { issuer: issuer.url, audience, jwks, now: () => clock.now });
  const reason = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(OidcError);
      return (error as Error).message;
    }
    throw new Error("the token was accepted");
  };
  const cache = () => new JwksCache({ issuer: issuer.url, now: () => clock.now, cooldownMs: 30_000 });

  it("takes a token the issuer signed for this audience, and reads its repository", async () => {
    const claims = await verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE }), cache());
    expect(claims).toMatchObject(CLAIMS);
  });

  it("refuses a token for another audience, naming both", async () => {
    const token = await issuer.sign({ ...CLAIMS, aud: "https://other.example.com" });
    expect(await reason(verify(token, cache()))).toBe(
      'the OIDC token is for the audience "https://other.example.com", not this dashboard\'s "https://seamwatch.example.com"',
    );
  });

  it("refuses an expired token, within a small leeway for clocks", async () => {
    const expired = await issuer.sign({ ...CLAIMS, aud: AUDIENCE, expiresIn: -120 });
    expect(await reason(verify(expired, cache()))).toMatch(/^the OIDC token expired at \d{4}-/);
    // 30 s past its expiry is within the 60 s leeway.
    await expect(
      verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE, expiresIn: -30 }), cache()),
    ).resolves.toMatchObject({ repository: "acme/shop" });
  });

  it("refuses a token that is not valid yet, and one from another issuer", async () => {
    const early = await issuer.sign({ ...CLAIMS, aud: AUDIENCE, notBefore: 600 });
    expect(await reason(verify(early, cache()))).toMatch(/not valid yet/);
    const foreign = await issuer.sign({ ...CLAIMS, aud: AUDIENCE, iss: "https://evil.example.com" });
    expect(await reason(verify(foreign, cache()))).toMatch(/issued by "https:\/\/evil\.example\.com"/);
  });

  it("refuses alg none, whatever its claims", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = unsignedToken({ ...CLAIMS, aud: AUDIENCE, iss: issuer.url, iat: now, exp: now + 300 });
    expect(await reason(verify(token, cache()))).toBe(
      'the OIDC token is signed with "none"; only RS256 is accepted',
    );
  });

  it("refuses a key the issuer does not publish, after looking again once", async () => {
    const jwks = cache();
    await verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE }), jwks);
    const stranger = await issuer.newKey();
    clock.now += 31_000;
    const token = await issuer.sign({ ...CLAIMS, aud: AUDIENCE }, stranger);
    expect(await reason(verify(token, jwks))).toBe(
      `the OIDC issuer publishes no key with the token's key id "${stranger.kid}"`,
    );
    expect(jwks.fetches).toBe(2);
    // Within the cooldown, an unknown key id does not make it fetch again.
    expect(await reason(verify(token, jwks))).toMatch(/publishes no key/);
    expect(jwks.fetches).toBe(2);
  });

  it("follows a key rotation: a token signed with the new key is fetched for once, the old key stops", async () => {
    const jwks = cache();
    const oldKey = issuer.published.at(-1);
    await verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE }), jwks);
    expect(jwks.fetches).toBe(1);
    const newKey = await issuer.rotate();
    clock.now += 31_000;
    const claims = await verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE }, newKey), jwks);
    expect(claims.repository).toBe("acme/shop");
    expect(jwks.fetches).toBe(2);
    // Cached now: no fetch for the next token of the new key.
    await verify(await issuer.sign({ ...CLAIMS, aud: AUDIENCE }, newKey), jwks);
    expect(jwks.fetches).toBe(2);
    clock.now += 31_000;
    const stale = await issuer.sign({ ...CLAIMS, aud: AUDIENCE }, oldKey);
    expect(await reason(verify(stale, jwks))).toMatch(/publishes no key/);
  });
});

describe("uploads with an OIDC token on the real server", () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard({ env: { SEAMWATCH_OIDC_ISSUER: issuer.url } });
    const store = await server.openStore();
    await store.setOidcPolicy({ projectSlug: "acme/shop", refs: ["refs/heads/*"], workflows: ["CI"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function upload(token: string, report = makeRunReport()) {
    const response = await fetch(`${server.url}/api/v1/runs`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(report),
    });
    const body = (await response.json()) as {
      error?: { code: string; message: string };
      run?: { project: string };
    };
    expect(
      checkResponse("uploadRunReport", response.status, response.headers.get("content-type") ?? "", body),
    ).toEqual([]);
    return { status: response.status, body };
  }

  it("stores the run of a repository that allows OIDC, the audience being the dashboard's own URL", async () => {
    const token = await issuer.sign({ ...CLAIMS, aud: server.url });
    const { status, body } = await upload(token);
    expect(status).toBe(201);
    expect(body.run?.project).toBe("acme/shop");
  });

  it.each([
    ["another repository", { ...CLAIMS, repository: "evil/shop" }, /"evil\/shop" does not take OIDC uploads/],
    [
      "a ref the project does not allow",
      { ...CLAIMS, ref: "refs/tags/v1" },
      /only from refs\/heads\/\*, not from ref "refs\/tags\/v1"/,
    ],
    [
      "a workflow the project does not allow",
      {
        ...CLAIMS,
        workflow: "Deploy",
        workflow_ref: "acme/shop/.github/workflows/deploy.yml@refs/heads/main",
      },
      /only from the workflows CI/,
    ],
    ["an expired token", { ...CLAIMS, expiresIn: -600 }, /expired/],
  ])("refuses %s with a 401 that says why, storing nothing", async (_what, claims, message) => {
    const before = await (await fetch(`${server.url}/api/v1/health`)).json();
    const { status, body } = await upload(await issuer.sign({ aud: server.url, ...claims }));
    expect(status).toBe(401);
    expect(body.error?.code).toBe("unauthorized");
    expect(body.error?.message).toMatch(message);
    expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toEqual(before);
  });

  it("refuses a wrong audience, alg none and an unknown key", async () => {
    const wrongAudience = await upload(await issuer.sign({ ...CLAIMS, aud: "https://elsewhere.example" }));
    expect(wrongAudience.body.error?.message).toContain(`not this dashboard's "${server.url}"`);
    const now = Math.floor(Date.now() / 1000);
    const none = await upload(
      unsignedToken({ ...CLAIMS, aud: server.url, iss: issuer.url, iat: now, exp: now + 60 }),
    );
    expect(none.body.error?.message).toMatch(/signed with "none"/);
    const unknown = await upload(await issuer.sign({ ...CLAIMS, aud: server.url }, await issuer.newKey()));
    expect(unknown.body.error?.message).toMatch(/publishes no key/);
    expect([wrongAudience.status, none.status, unknown.status]).toEqual([401, 401, 401]);
  });

  it("keeps a token to its repository: a report naming another project is refused", async () => {
    await (await server.openStore()).ensureProject({ slug: "acme/other" });
    const token = await issuer.sign({ ...CLAIMS, aud: server.url });
    const { status, body } = await upload(
      token,
      makeRunReport({ ci: { repository: "acme/other", runId: "77" } }),
    );
    expect(status).toBe(403);
    expect(body.error?.message).toContain('writes to "acme/shop", not to "acme/other"');
  });

  it("answers 503 when the issuer's keys cannot be fetched, so that the client retries", async () => {
    const lonely = await startDashboard({ env: { SEAMWATCH_OIDC_ISSUER: "http://127.0.0.1:9" } });
    try {
      const response = await fetch(`${lonely.url}/api/v1/runs`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await issuer.sign({ ...CLAIMS, aud: lonely.url })}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(makeRunReport()),
      });
      const body = (await response.json()) as { error: { code: string } };
      expect(response.status).toBe(503);
      expect(body.error.code).toBe("oidc-unavailable");
      expect(checkResponse("uploadRunReport", 503, response.headers.get("content-type") ?? "", body)).toEqual(
        [],
      );
    } finally {
      await lonely.stop();
    }
  });
});
