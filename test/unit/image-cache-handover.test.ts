// What the main step hands to the step that saves the images, read back the way the image index is: every
// field checked, and anything else refused as a whole rather than trusted.
import { describe, expect, it } from "vitest";
import { type ImageCacheHandover, parseHandover } from "../../action/image-cache-handover.ts";

const handover: ImageCacheHandover = {
  restoreId: "4f0c",
  settings: {
    listed: ["postgres:16", "redis:7"],
    mode: "auto",
    prefix: "seamwatch-images-linux-x64",
    readOnly: false,
    maxBytes: 10e9,
    freshness: { kind: "check-after", ms: 7 * 86_400_000, text: "7d" },
    workDir: "/runner/_temp/seamwatch-images",
    cacheAvailable: true,
  },
  state: {
    before: [{ reference: "busybox:1", id: "sha256:b", sizeBytes: 4_000_000 }],
    indexed: [
      {
        reference: "postgres:16",
        id: "sha256:p",
        sizeBytes: 400e6,
        key: "k-p",
        pullSeconds: 12.5,
        digest: "sha256:d1",
        cachedAt: "2026-11-20T08:00:00.000Z",
      },
    ],
    restored: [{ reference: "postgres:16", id: "sha256:p", sizeBytes: 400e6, key: "k-p" }],
    pulled: [{ reference: "redis:7", seconds: 3.2 }],
    existingKeys: ["k-p", "k-index"],
    registryDigests: [{ reference: "postgres:16", digest: "sha256:d1" }],
    recordChecks: true,
  },
  restores: [
    {
      result: "loaded",
      reference: "postgres:16",
      key: "k-p",
      bytes: 400e6,
      seconds: 6,
      restoreSeconds: 5,
      pullSeconds: 12.5,
      freshness: { kind: "current", digest: "sha256:d1" },
    },
    { result: "pulled", reference: "redis:7", key: null, seconds: 3.3, pullSeconds: 3.2 },
    {
      result: "pulled",
      reference: "nginx:1",
      key: "k-n",
      seconds: 2,
      pullSeconds: 1.9,
      freshness: { kind: "moved", from: "sha256:n1", to: "sha256:n2" },
    },
    { result: "missing", reference: "built:1", key: "k-b", seconds: 0.1 },
    {
      result: "present",
      reference: "busybox:1",
      key: null,
      seconds: 0,
      freshness: {
        kind: "unverified",
        problem: "rate-limited",
        reason: "registry-1.docker.io answered 429",
        cachedAt: null,
      },
    },
  ],
  restoreSeconds: 9.4,
};

/** The handover's JSON with one part replaced. */
function changed(change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(JSON.stringify(handover)) as Record<string, unknown>;
  change(value);
  return JSON.stringify(value);
}

describe("parseHandover", () => {
  it("reads back what the main step wrote, every kind of restore included", () => {
    expect(parseHandover(JSON.stringify(handover))).toEqual(handover);
    expect(parseHandover(JSON.stringify({ ...handover, savedByStep: true }))?.savedByStep).toBe(true);
  });

  it("refuses text that is not JSON, or not an object", () => {
    expect(parseHandover("{")).toBeNull();
    expect(parseHandover("[]")).toBeNull();
    expect(parseHandover("null")).toBeNull();
  });

  it("refuses a restore of an unknown kind, or one missing what its kind needs", () => {
    const restores = () => handover.restores.map((restore) => ({ ...restore })) as Record<string, unknown>[];
    expect(
      parseHandover(changed((value) => (value.restores = [{ ...restores()[0], result: "hit" }]))),
    ).toBeNull();
    const loadedWithoutBytes = restores();
    delete loadedWithoutBytes[0]?.bytes;
    expect(parseHandover(changed((value) => (value.restores = loadedWithoutBytes)))).toBeNull();
    const pulledWithoutTime = restores();
    delete pulledWithoutTime[1]?.pullSeconds;
    expect(parseHandover(changed((value) => (value.restores = pulledWithoutTime)))).toBeNull();
    const movedWithoutTarget = restores();
    movedWithoutTarget[2] = { ...movedWithoutTarget[2], freshness: { kind: "moved", from: null } };
    expect(parseHandover(changed((value) => (value.restores = movedWithoutTarget)))).toBeNull();
    const unknownProblem = restores();
    unknownProblem[4] = {
      ...unknownProblem[4],
      freshness: { kind: "unverified", problem: "gone", reason: "?", cachedAt: null },
    };
    expect(parseHandover(changed((value) => (value.restores = unknownProblem)))).toBeNull();
  });

  it("refuses settings or state with a field missing or of the wrong type", () => {
    const settings = handover.settings as unknown as Record<string, unknown>;
    expect(
      parseHandover(changed((value) => (value.settings = { ...settings, mode: "sometimes" }))),
    ).toBeNull();
    expect(
      parseHandover(changed((value) => (value.settings = { ...settings, listed: "postgres:16" }))),
    ).toBeNull();
    expect(
      parseHandover(changed((value) => (value.state = { ...handover.state, pulled: [{ reference: "x" }] }))),
    ).toBeNull();
    expect(
      parseHandover(changed((value) => (value.settings = { ...settings, freshness: { kind: "sometimes" } }))),
    ).toBeNull();
    expect(
      parseHandover(
        changed(
          (value) =>
            (value.settings = { ...settings, freshness: { kind: "check-after", ms: 1, text: "7d" } }),
        ),
      ),
    ).toBeNull();
    expect(
      parseHandover(changed((value) => (value.state = { ...handover.state, recordChecks: "yes" }))),
    ).toBeNull();
    expect(
      parseHandover(
        changed((value) => (value.state = { ...handover.state, registryDigests: [{ reference: "x" }] })),
      ),
    ).toBeNull();
    const indexedWithBadDigest = { ...handover.state.indexed[0], digest: 7 };
    expect(
      parseHandover(
        changed((value) => (value.state = { ...handover.state, indexed: [indexedWithBadDigest] })),
      ),
    ).toBeNull();
    expect(parseHandover(changed((value) => delete value.restoreId))).toBeNull();
    expect(parseHandover(changed((value) => (value.savedByStep = "yes")))).toBeNull();
  });
});
