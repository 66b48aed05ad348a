// The data module's reads for the PR comment and tokenless uploads, on a real SQLite file with the real
// migrations: a branch's baseline of named tests in one read, and the OIDC policy a project keeps.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeSketch } from "../../core/analytics/index.ts";
import { planRunRecord, runReportFromJunit } from "../../core/history/index.ts";
import { DAY_MS, dayOf } from "../../store/queries.ts";
import { ciContext } from "../support/web/ci.ts";
import { parseXml } from "../support/web/junit-files.ts";
import { MONDAY, ordersSuite as suite } from "../support/web/orders-suite.ts";
import { createTempStore, type TempStore } from "../support/web/temp-store.ts";

let temp: TempStore;
beforeEach(async () => {
  temp = await createTempStore();
});
afterEach(async () => {
  await temp.remove();
});

async function upload(projectId: number, xml: string, run: number, branch = "main") {
  const report = runReportFromJunit([parseXml("orders.xml", xml)], {
    ci: ciContext({
      runId: String(run),
      branch,
      ref: `refs/heads/${branch}`,
      // A commit per run: the same commit passing and failing would be same-commit flakiness.
      commitSha: String(run).padStart(2, "0").repeat(20),
    }),
    startedAt: new Date(MONDAY + run * 60_000),
  });
  await temp.store.ingestRun({ projectId, record: planRunRecord(report), source: "junit" });
  return report.tests.map((test) => test.id);
}

describe("getBaseline", () => {
  it("sums each named test's days on the branch and merges its durations; other branches stay apart", async () => {
    const projectId = await temp.store.ensureProject({ slug: "acme/shop", defaultBranch: "main" });
    let ids: string[] = [];
    for (let run = 1; run <= 6; run++) {
      ids = await upload(projectId, suite({ slow: 1000 * run, breaks: run >= 4 ? "fail" : 10 }), run);
    }
    await upload(projectId, suite({ slow: 99_000, breaks: 10 }), 7, "feature");
    const [slow, breaks] = ids as [string, string];
    const day = dayOf(MONDAY);

    const rows = await temp.store.getBaseline({
      projectId,
      branch: "main",
      testKeys: [slow, breaks, "not-a-test"],
      fromDay: day - 27,
      toDay: day,
    });
    const byKey = Object.fromEntries(rows.map((row) => [row.testKey, row]));
    expect(Object.keys(byKey).sort()).toEqual([slow, breaks].sort());
    expect(byKey[slow]).toMatchObject({ state: "healthy", passed: 6, failed: 0, timed: 6 });
    // Nearest rank of 1..6 s: the 3rd.
    expect(summarizeSketch(byKey[slow]?.durations ?? fail()).p50Ms).toBeCloseTo(3000, -2);
    expect(byKey[breaks]).toMatchObject({ state: "broken", passed: 3, failed: 3, timed: 3 });

    const everything = await temp.store.getBaseline({
      projectId,
      branch: "feature",
      testKeys: null,
      fromDay: day - 27,
      toDay: day,
    });
    expect(everything.map((row) => [row.testKey, row.passed])).toEqual(
      expect.arrayContaining([
        [slow, 1],
        [breaks, 1],
      ]),
    );
    // Days outside the window count for nothing.
    const later = await temp.store.getBaseline({
      projectId,
      branch: "main",
      testKeys: [slow],
      fromDay: day + 1,
      toDay: day + 28,
    });
    expect(later).toEqual([
      { testKey: slow, state: "healthy", passed: 0, failed: 0, flaky: 0, timed: 0, durations: null },
    ]);
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe("OIDC policies", () => {
  it("are kept per project, replaced when set again and removed", async () => {
    expect(await temp.store.getOidcPolicy({ slug: "acme/shop" })).toBeNull();
    await temp.store.setOidcPolicy({ projectSlug: "acme/shop", refs: ["refs/heads/main"], workflows: [] });
    expect(await temp.store.getOidcPolicy({ slug: "acme/shop" })).toMatchObject({
      projectSlug: "acme/shop",
      refs: ["refs/heads/main"],
      workflows: [],
    });
    await temp.store.setOidcPolicy({ projectSlug: "acme/shop", refs: [], workflows: ["CI"] });
    expect(await temp.store.getOidcPolicy({ slug: "acme/shop" })).toMatchObject({
      refs: [],
      workflows: ["CI"],
    });
    expect(await temp.store.removeOidcPolicy({ projectSlug: "acme/shop" })).toBe(true);
    expect(await temp.store.getOidcPolicy({ slug: "acme/shop" })).toBeNull();
    expect(await temp.store.removeOidcPolicy({ projectSlug: "acme/shop" })).toBe(false);
  });
});

function fail(): never {
  throw new Error("no durations");
}
