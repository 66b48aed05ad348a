import { describe, expect, it } from "vitest";
import {
  credentialsAddress,
  isLoopbackRegistry,
  parseImageReference,
  registryApiHost,
} from "../../core/images/image-reference.ts";
import { parseAuthChallenges } from "../../docker/registry-digest.ts";

const parts = (text: string) => {
  const parsed = parseImageReference(text);
  if (parsed.kind !== "reference") throw new Error(parsed.reason);
  return parsed.reference;
};

describe("parseImageReference", () => {
  it.each([
    ["postgres:16", "docker.io", "library/postgres", "16"],
    ["postgres", "docker.io", "library/postgres", "latest"],
    ["bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2"],
    ["docker.io/library/postgres:16", "docker.io", "library/postgres", "16"],
    ["index.docker.io/library/postgres:16", "docker.io", "library/postgres", "16"],
    ["docker.io/postgres:16", "docker.io", "library/postgres", "16"],
    ["ghcr.io/owner/app:v1.2.3", "ghcr.io", "owner/app", "v1.2.3"],
    ["localhost:5000/app:1", "localhost:5000", "app", "1"],
    ["localhost/app", "localhost", "app", "latest"],
    ["127.0.0.1:5000/team/app:1", "127.0.0.1:5000", "team/app", "1"],
    ["[::1]:5000/app:1", "[::1]:5000", "app", "1"],
    ["registry.example.com:8443/a/b/c:x_y-z", "registry.example.com:8443", "a/b/c", "x_y-z"],
    ["Registry/app:1", "Registry", "app", "1"],
  ])("%s is %s / %s : %s", (text, registry, repository, tag) => {
    expect(parts(text)).toEqual({ registry, repository, tag, digest: null });
  });

  it("keeps a digest and no tag for a pinned reference, and both when both are given", () => {
    const digest = `sha256:${"0".repeat(64)}`;
    expect(parts(`postgres@${digest}`)).toEqual({
      registry: "docker.io",
      repository: "library/postgres",
      tag: null,
      digest,
    });
    expect(parts(`postgres:16@${digest}`)).toMatchObject({ tag: "16", digest });
  });

  it.each([
    ["", "it is empty"],
    ["Postgres:16", '"Postgres" is not a valid name part'],
    ["postgres:", '"" is not a tag'],
    ["postgres:-x", '"-x" is not a tag'],
    ["a//b:1", "a part of the name is empty"],
    ["postgres@sha256:abc", '"sha256:abc" is not a digest'],
    ["bad_host:5000x/app:1", '"bad_host:5000x" is not a host'],
  ])("rejects %j: %s", (text, why) => {
    const parsed = parseImageReference(text);
    expect(parsed.kind).toBe("invalid");
    expect(parsed).toMatchObject({ reason: expect.stringContaining(why) });
  });
});

describe("registry hosts", () => {
  it("sends Docker Hub's API requests to registry-1.docker.io and files its login under index.docker.io", () => {
    expect(registryApiHost("docker.io")).toBe("registry-1.docker.io");
    expect(credentialsAddress("docker.io")).toBe("https://index.docker.io/v1/");
    expect(registryApiHost("ghcr.io")).toBe("ghcr.io");
    expect(credentialsAddress("127.0.0.1:5000")).toBe("127.0.0.1:5000");
  });

  it.each([
    ["localhost:5000", true],
    ["127.0.0.1:5000", true],
    ["127.1.2.3", true],
    ["[::1]:5000", true],
    ["docker.io", false],
    ["127.0.0.1.example.com", false],
    ["10.0.0.1:5000", false],
  ])("%s on the loopback network: %s", (registry, loopback) => {
    expect(isLoopbackRegistry(registry)).toBe(loopback);
  });
});

describe("parseAuthChallenges", () => {
  it("reads Docker Hub's challenge", () => {
    expect(
      parseAuthChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/postgres:pull"',
      ),
    ).toEqual([
      {
        scheme: "bearer",
        params: {
          realm: "https://auth.docker.io/token",
          service: "registry.docker.io",
          scope: "repository:library/postgres:pull",
        },
      },
    ]);
  });

  it("keeps commas and escaped quotes inside quoted values", () => {
    expect(
      parseAuthChallenges(
        'Bearer realm="https://r.example/token", scope="repository:a/b:pull,push", error="insufficient_scope", note="say \\"hi\\""',
      ),
    ).toEqual([
      {
        scheme: "bearer",
        params: {
          realm: "https://r.example/token",
          scope: "repository:a/b:pull,push",
          error: "insufficient_scope",
          note: 'say "hi"',
        },
      },
    ]);
  });

  it("reads several challenges, Basic among them, and unquoted values", () => {
    expect(
      parseAuthChallenges('Basic realm="Registry Realm", Bearer realm=https://t.example/token,service=x'),
    ).toEqual([
      { scheme: "basic", params: { realm: "Registry Realm" } },
      { scheme: "bearer", params: { realm: "https://t.example/token", service: "x" } },
    ]);
  });

  it("gives nothing for an empty header", () => {
    expect(parseAuthChallenges("")).toEqual([]);
  });
});
