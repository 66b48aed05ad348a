// The registry side of image freshness against real registries: Debian's docker-registry (open, and with
// an htpasswd login done by a real `docker login`), a token-auth front that answers like Docker Hub, real
// credential helper programs, and images pushed by a real docker engine.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDigestChecker } from "../../docker/registry-digest.ts";
import { buildBusyboxImage, docker } from "../support/busybox-images.ts";
import { type DockerEngine, dockerEngine } from "../support/docker-engine.ts";
import { publishIndex, type Registry, startRegistry } from "../support/registry.ts";
import { startTokenAuthFront, TOKEN_SERVICE } from "../support/token-auth-front.ts";

const USER = "ci-bot";
const PASSWORD = "s3cret: with spaces";

let engine: DockerEngine;
let registry: Registry;
let privateRegistry: Registry;
let scratch: string;

beforeAll(async () => {
  engine = dockerEngine();
  scratch = mkdtempSync(join(tmpdir(), "seamwatch-digest-"));
  [registry, privateRegistry] = await Promise.all([
    startRegistry(),
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    engine.start(),
  ]);
});

afterAll(async () => {
  await Promise.all([engine?.dispose(), registry?.stop(), privateRegistry?.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh Docker config directory; `env` for the checker and for the docker CLI that uses it. */
function dockerConfig(config?: unknown): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(scratch, "config-"));
  if (config !== undefined) writeFileSync(join(dir, "config.json"), JSON.stringify(config));
  return { dir, env: { ...process.env, DOCKER_CONFIG: dir } };
}

/** Builds and pushes `reference` with fresh content; returns the digest `docker push` reported. */
function pushImage(reference: string, env: NodeJS.ProcessEnv = process.env): string {
  buildBusyboxImage({ dockerHost: engine.host, reference, extraBytes: 1024 });
  const output = docker(engine.host, ["push", reference], env);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
  if (!digest) throw new Error(`docker push printed no digest:\n${output}`);
  docker(engine.host, ["image", "rm", reference]);
  return digest;
}

/** A credential helper program, `docker-credential-<name>`, in a directory of its own for PATH. */
function credentialHelper(name: string, script: string): { path: string; calls: string } {
  const bin = mkdtempSync(join(scratch, "bin-"));
  const calls = join(bin, "calls.log");
  writeFileSync(join(bin, `docker-credential-${name}`), `#!/bin/sh\n${script.replaceAll("CALLS", calls)}\n`);
  chmodSync(join(bin, `docker-credential-${name}`), 0o755);
  return { path: `${bin}${delimiter}${process.env.PATH ?? ""}`, calls };
}

const auth = (username: string, password: string) =>
  Buffer.from(`${username}:${password}`).toString("base64");

describe("an open registry", () => {
  it("gives the digest docker push reported, with one HEAD request and no GET", async () => {
    const reference = `${registry.host}/digest/app:1`;
    const pushed = pushImage(reference);
    const mark = await registry.mark();

    const check = createDigestChecker({ env: dockerConfig().env });
    expect(await check(reference)).toEqual({ kind: "digest", digest: pushed });
    expect(await registry.manifestRequests(mark)).toEqual(["HEAD digest/app:1"]);
  });

  it("gives the new digest once the tag is pushed again with new content", async () => {
    const reference = `${registry.host}/digest/moving:16`;
    const first = pushImage(reference);
    const check = createDigestChecker({ env: dockerConfig().env });
    expect(await check(reference)).toEqual({ kind: "digest", digest: first });

    const second = pushImage(reference);
    expect(second).not.toBe(first);
    expect(await check(reference)).toEqual({ kind: "digest", digest: second });
  });

  it("gives a multi-platform tag's index digest, the one a pull records", async () => {
    pushImage(`${registry.host}/digest/multi:amd64`);
    pushImage(`${registry.host}/digest/multi:arm64`);
    const indexDigest = await publishIndex(registry, "digest/multi", "1", [
      { tag: "amd64", platform: { os: "linux", architecture: "amd64" } },
      { tag: "arm64", platform: { os: "linux", architecture: "arm64" } },
    ]);

    const check = createDigestChecker({ env: dockerConfig().env });
    expect(await check(`${registry.host}/digest/multi:1`)).toEqual({ kind: "digest", digest: indexDigest });

    docker(engine.host, ["pull", `${registry.host}/digest/multi:1`]);
    const repoDigests = docker(engine.host, [
      "image",
      "inspect",
      "--format",
      "{{json .RepoDigests}}",
      `${registry.host}/digest/multi:1`,
    ]);
    expect(JSON.parse(repoDigests)).toContain(`${registry.host}/digest/multi@${indexDigest}`);
  });

  it("says not-found for a tag the registry does not have", async () => {
    const check = createDigestChecker({ env: dockerConfig().env });
    const result = await check(`${registry.host}/digest/app:no-such-tag`);
    expect(result.kind).toBe("not-found");
    expect(result).toMatchObject({ reason: expect.stringContaining("digest/app:no-such-tag") });
  });

  it("does not ask about a reference pinned by digest", async () => {
    const check = createDigestChecker({ env: dockerConfig().env });
    const mark = await registry.mark();
    const result = await check(`${registry.host}/digest/app@sha256:${"a".repeat(64)}`);
    expect(result.kind).toBe("not-checkable");
    expect(await registry.manifestRequests(mark)).toEqual([]);
  });

  it("says unreachable, naming the refused connection, once the registry is stopped", async () => {
    const doomed = await startRegistry();
    const reference = `${doomed.host}/digest/app:1`;
    pushImage(reference);
    await doomed.stop();

    const check = createDigestChecker({ env: dockerConfig().env });
    const result = await check(reference);
    expect(result).toEqual({
      kind: "unreachable",
      reason: `${doomed.host} is unreachable: connection refused`,
    });
  });
});

describe("a registry behind an htpasswd login", () => {
  let reference: string;
  let pushed: string;
  let loggedIn: { dir: string; env: NodeJS.ProcessEnv };

  beforeAll(() => {
    loggedIn = dockerConfig();
    docker(
      engine.host,
      ["login", "--username", USER, "--password", PASSWORD, privateRegistry.host],
      loggedIn.env,
    );
    reference = `${privateRegistry.host}/private/app:1`;
    pushed = pushImage(reference, loggedIn.env);
  });

  it("reads the credentials docker login left in the Docker config", async () => {
    const written = JSON.parse(readFileSync(join(loggedIn.dir, "config.json"), "utf8"));
    expect(Object.keys(written.auths)).toEqual([privateRegistry.host]);

    const mark = await privateRegistry.mark();
    const check = createDigestChecker({ env: loggedIn.env });
    expect(await check(reference)).toEqual({ kind: "digest", digest: pushed });
    // The first HEAD meets the Basic challenge, the second carries the credentials.
    expect(await privateRegistry.manifestRequests(mark)).toEqual([
      "HEAD private/app:1",
      "HEAD private/app:1",
    ]);
  });

  it("finds them under ~/.docker/config.json when DOCKER_CONFIG is not set", async () => {
    const home = mkdtempSync(join(scratch, "home-"));
    mkdirSync(join(home, ".docker"));
    writeFileSync(join(home, ".docker", "config.json"), readFileSync(join(loggedIn.dir, "config.json")));
    const { DOCKER_CONFIG: _unset, ...env } = process.env;
    const check = createDigestChecker({ env: { ...env, HOME: home } });
    expect(await check(reference)).toEqual({ kind: "digest", digest: pushed });
  });

  it("says unauthorized, naming the missing login, without credentials", async () => {
    const { dir, env } = dockerConfig();
    const result = await createDigestChecker({ env })(reference);
    expect(result.kind).toBe("unauthorized");
    expect(result).toMatchObject({
      reason: expect.stringContaining(`no Docker config at ${join(dir, "config.json")}`),
    });
  });

  it("says unauthorized, naming the user, when the registry refuses the password", async () => {
    const { dir, env } = dockerConfig({
      auths: { [`http://${privateRegistry.host}`]: { auth: auth(USER, "wrong") } },
    });
    const result = await createDigestChecker({ env })(reference);
    expect(result.kind).toBe("unauthorized");
    expect(result).toMatchObject({
      reason: expect.stringContaining(`credentials of ${USER} from ${join(dir, "config.json")}`),
    });
  });

  it("asks the credential helper named for the registry (credHelpers), with the registry's address", async () => {
    const helper = credentialHelper(
      "test",
      `read address; echo "$address" >> CALLS
printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$address"`,
    );
    const { env } = dockerConfig({ auths: {}, credHelpers: { [privateRegistry.host]: "test" } });
    const check = createDigestChecker({ env: { ...env, PATH: helper.path } });
    expect(await check(reference)).toEqual({ kind: "digest", digest: pushed });
    expect(readFileSync(helper.calls, "utf8")).toBe(`${privateRegistry.host}\n`);
  });

  it("asks the default credential helper (credsStore) once for several images of a registry", async () => {
    const helper = credentialHelper(
      "store",
      `read address; echo "$address" >> CALLS
printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$address"`,
    );
    const { env } = dockerConfig({ auths: { [privateRegistry.host]: {} }, credsStore: "store" });
    const check = createDigestChecker({ env: { ...env, PATH: helper.path } });
    const results = await Promise.all([
      check(reference),
      check(`${privateRegistry.host}/private/app:absent`),
    ]);
    expect(results.map((result) => result.kind)).toEqual(["digest", "not-found"]);
    expect(readFileSync(helper.calls, "utf8")).toBe(`${privateRegistry.host}\n`);
  });

  it("stops a credential helper that does not answer, and says so", async () => {
    const helper = credentialHelper("hung", "echo started >> CALLS; exec sleep 60");
    const { env } = dockerConfig({ credHelpers: { [privateRegistry.host]: "hung" } });
    const check = createDigestChecker({ env: { ...env, PATH: helper.path }, helperTimeoutMs: 500 });
    const result = await check(reference);
    expect(result.kind).toBe("unauthorized");
    expect(result).toMatchObject({
      reason: expect.stringContaining("docker-credential-hung: no answer within 0.5 s (stopped)"),
    });
    expect(readFileSync(helper.calls, "utf8")).toBe("started\n");
  });

  it("names a credential helper that is not installed", async () => {
    const { env } = dockerConfig({ credsStore: "nowhere" });
    const result = await createDigestChecker({ env })(reference);
    expect(result).toMatchObject({
      kind: "unauthorized",
      reason: expect.stringContaining("docker-credential-nowhere: not found on PATH"),
    });
  });
});

describe("a registry that hands out tokens like Docker Hub", () => {
  it("follows the Bearer challenge with an anonymous token for the repository's pull scope", async () => {
    const front = await startTokenAuthFront(registry);
    try {
      const pushed = pushImage(`${registry.host}/hub/postgres:16`);
      const check = createDigestChecker({ env: dockerConfig().env });
      expect(await check(`${front.host}/hub/postgres:16`)).toEqual({ kind: "digest", digest: pushed });
      expect(front.tokenRequests()).toEqual([
        {
          method: "GET",
          service: TOKEN_SERVICE,
          scopes: ["repository:hub/postgres:pull"],
          user: null,
          grant: "anonymous",
        },
      ]);
      expect(front.registryRequests()).toEqual([
        "HEAD /v2/hub/postgres/manifests/16 401",
        "HEAD /v2/hub/postgres/manifests/16 200",
      ]);
    } finally {
      await front.stop();
    }
  });

  it("asks for the token with the credentials docker login left, for a private repository", async () => {
    const front = await startTokenAuthFront(registry, { users: { [USER]: PASSWORD }, private: true });
    try {
      const pushed = pushImage(`${registry.host}/hub/private:1`);
      const reference = `${front.host}/hub/private:1`;
      const anonymous = await createDigestChecker({ env: dockerConfig().env })(reference);
      expect(anonymous.kind).toBe("unauthorized");

      const { env } = dockerConfig({ auths: { [front.host]: { auth: auth(USER, PASSWORD) } } });
      expect(await createDigestChecker({ env })(reference)).toEqual({ kind: "digest", digest: pushed });
      expect(front.tokenRequests().at(-1)).toMatchObject({ user: USER, grant: "password" });
    } finally {
      await front.stop();
    }
  });

  it("trades an identity token from a credential helper in the OAuth2 refresh grant", async () => {
    const front = await startTokenAuthFront(registry, {
      identityTokens: { "refresh-me": USER },
      private: true,
    });
    try {
      const pushed = pushImage(`${registry.host}/hub/oauth:1`);
      const helper = credentialHelper(
        "oauth",
        `read address; printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-me"}' "$address"`,
      );
      const { env } = dockerConfig({ credsStore: "oauth" });
      const check = createDigestChecker({ env: { ...env, PATH: helper.path } });
      expect(await check(`${front.host}/hub/oauth:1`)).toEqual({ kind: "digest", digest: pushed });
      expect(front.tokenRequests()).toEqual([
        {
          method: "POST",
          service: TOKEN_SERVICE,
          scopes: ["repository:hub/oauth:pull"],
          user: USER,
          grant: "identity-token",
        },
      ]);
    } finally {
      await front.stop();
    }
  });

  it("says rate-limited when the HEAD request meets the pull limit", async () => {
    const front = await startTokenAuthFront(registry);
    try {
      pushImage(`${registry.host}/hub/redis:7`);
      front.limitManifestHeads(true);
      const result = await createDigestChecker({ env: dockerConfig().env })(`${front.host}/hub/redis:7`);
      expect(result).toEqual({
        kind: "rate-limited",
        reason: `${front.host} answered 429 Too Many Requests: its rate limit is reached (ratelimit-remaining: 0;w=21600)`,
      });
    } finally {
      await front.stop();
    }
  });

  it("says timed-out when the registry does not answer within the limit", async () => {
    const front = await startTokenAuthFront(registry);
    try {
      front.stall(true);
      const check = createDigestChecker({ env: dockerConfig().env, timeoutMs: 1_000 });
      expect(await check(`${front.host}/hub/redis:7`)).toEqual({
        kind: "timed-out",
        reason: `${front.host} did not answer within 1 s`,
      });
      expect(front.registryRequests()).toEqual(["HEAD /v2/hub/redis/manifests/7 stalled"]);
    } finally {
      await front.stop();
    }
  });
});
