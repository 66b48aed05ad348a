import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planRunRecord, type RunRecord, runReportFromJunit } from "../../core/history/index.ts";
import { DAY_MS, dayOf, hashToken } from "../../store/queries.ts";
import { ciContext } from "../support/web/ci.ts";
import { readFixture } from "../support/web/junit-files.ts";
import { MONDAY, ordersRecord as record, ordersSuite as suite } from "../support/web/orders-suite.ts";
import { createTempStore, type TempStore } from "../support/web/temp-store.ts";

let temp: TempStore;
beforeEach(async () => {
  temp = await createTempStore();
});
afterEach(async () => {
  await temp.remove();
});

async function project(): Promise<number> {
  return temp.store.ensureProject({ slug: "acme/shop" });
}

describe("ingestRun", () => {
  it("stores a run with its attempts, results, failures and infrastructure events", async () => {
    const projectId = await project();
    const checkout = planRunRecord(
      runReportFromJunit([readFixture("surefire/TEST-com.example.CheckoutIT.xml")], {
        ci: ciContext(),
        startedAt: new Date(MONDAY),
      }),
    );
    const { runId, duplicate } = await temp.store.ingestRun({ projectId, record: checkout, source: "junit" });
    expect(duplicate).toBe(false);
    const run = await temp.store.getRun({ projectId, runId });
    expect(run).toMatchObject({
      outcome: "infra-failure",
      tests: 3,
      flaky: 1,
      infraFailed: 1,
      branch: "main",
    });
    const attempts = await temp.store.listRunAttempts({ runId });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.evidence[0]).toMatchObject({
      rule: "container-startup-failed",
      kind: "infra",
      count: 1,
    });
    const infra = await temp.store.listRunInfraEvents({ runId });
    expect(infra).toEqual([
      expect.objectContaining({
        signature: "container-startup-failed",
        test: expect.objectContaining({ name: "cancelsOrder" }),
      }),
    ]);
    const notPassing = await temp.store.listRunResults({
      runId,
      verdicts: ["failed", "flaky", "infra-failure"],
      limit: 10,
    });
    expect(notPassing.map((row) => [row.name, row.verdict, row.failure?.type])).toEqual([
      ["refundsOrder", "flaky", "java.net.SocketTimeoutException"],
      ["cancelsOrder", "infra-failure", "org.testcontainers.containers.ContainerLaunchException"],
    ]);
    expect((await temp.store.getProject({ slug: "acme/shop" }))?.defaultBranch).toBe("main");
  });

  it("stores the same CI run, attempt and job once, and answers with the first run", async () => {
    const projectId = await project();
    const first = await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "5", MONDAY),
      source: "junit",
    });
    const again = await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "5", MONDAY),
      source: "junit",
    });
    expect(again).toEqual({ runId: first.runId, duplicate: true });
    const retry = await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "5", MONDAY, { runAttempt: 2 }),
      source: "junit",
    });
    expect(retry.duplicate).toBe(false);
    expect(await temp.store.countRuns()).toBe(2);
  });

  it("writes nothing when any part of an upload fails", async () => {
    const projectId = await project();
    const before = record(suite({ a: 10, b: 20 }), "8", MONDAY);
    await temp.store.ingestRun({ projectId, record: before, source: "junit" });
    const good = record(suite({ a: 10, b: 20 }), "9", MONDAY);
    // Two results for one test break the (run, test) unique index after the run row was written.
    const broken: RunRecord = {
      ...good,
      results: [...good.results, good.results[0] as RunRecord["results"][number]],
    };
    await expect(temp.store.ingestRun({ projectId, record: broken, source: "junit" })).rejects.toThrow();
    expect(await temp.store.countRuns()).toBe(1);
    await temp.store.ingestRun({ projectId, record: good, source: "junit" });
    expect(await temp.store.countRuns()).toBe(2);
    // Nothing the failed upload counted stays behind in what the next upload continues from.
    const windows = await temp.store.listTestWindows({
      projectId,
      branch: "main",
      fromDay: dayOf(MONDAY),
      toDay: dayOf(MONDAY),
    });
    expect(windows.map((w) => [w.name, w.passed, w.totalMs])).toEqual([
      ["a", 2, 20],
      ["b", 2, 40],
    ]);
  });

  it("writes nothing for an upload whose tests are all new when it fails", async () => {
    const projectId = await project();
    const good = record(suite({ a: 10, b: 20 }), "9", MONDAY);
    const broken: RunRecord = {
      ...good,
      results: [...good.results, good.results[0] as RunRecord["results"][number]],
    };
    await expect(temp.store.ingestRun({ projectId, record: broken, source: "junit" })).rejects.toThrow();
    expect(await temp.store.countRuns()).toBe(0);
    expect(await temp.store.searchTests({ projectId, query: "", limit: 10 })).toEqual([]);
    await temp.store.ingestRun({ projectId, record: good, source: "junit" });
    expect(await temp.store.countRuns()).toBe(1);
  });

  it("keeps the rollups of uploads of thousands of tests right: rows written in batches, new and known mixed", async () => {
    const projectId = await project();
    // 1,500 tests, then the same with 1,200 new ones (their rows are new in the batch that holds the first
    // known ones), then all 2,700 again: more rows than one write holds, in every upload.
    const durationsOf = (count: number, upload: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, index) => [
          `t${String(index).padStart(4, "0")}`,
          index % 97 === 0 && upload === 2 ? ("fail" as const) : 10 + index + upload,
        ]),
      );
    const uploads = [1500, 2700, 2700];
    for (const [upload, count] of uploads.entries()) {
      await temp.store.ingestRun({
        projectId,
        record: record(suite(durationsOf(count, upload)), `big${upload}`, MONDAY + upload * 60_000),
        source: "junit",
      });
    }
    const windows = await temp.store.listTestWindows({
      projectId,
      branch: "main",
      fromDay: dayOf(MONDAY),
      toDay: dayOf(MONDAY),
    });
    expect(windows).toHaveLength(2700);
    for (const window of windows) {
      const index = Number(window.name.slice(1));
      const ran = uploads.filter((count) => count > index).length;
      const failed = index % 97 === 0 ? 1 : 0;
      const timedMs = uploads
        .map((count, upload) => (count > index && !(failed && upload === 2) ? 10 + index + upload : 0))
        .reduce((sum, ms) => sum + ms, 0);
      expect(
        { name: window.name, passed: window.passed, failed: window.failed, totalMs: window.totalMs },
        window.name,
      ).toEqual({ name: window.name, passed: ran - failed, failed, totalMs: timedMs });
    }
  });

  it("keeps branches apart in the rollups", async () => {
    const projectId = await project();
    await temp.store.ingestRun({ projectId, record: record(suite({ a: 10 }), "1", MONDAY), source: "junit" });
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 90 }), "2", MONDAY, { branch: "feature/x", ref: null }),
      source: "junit",
    });
    const branches = await temp.store.listBranches({ projectId });
    expect(branches.map((branch) => branch.branch).sort()).toEqual(["feature/x", "main"]);
    const main = await temp.store.listTestWindows({ projectId, branch: "main", fromDay: 0, toDay: 1e6 });
    expect(main.map((w) => [w.name, w.totalMs])).toEqual([["a", 10]]);
  });
});

describe("test health at ingest", () => {
  it("advances each test's state on the default branch only: broken after 3 failures, healthy on a pass", async () => {
    const projectId = await project();
    const verdicts = ["fail", "fail", "fail", 5] as const;
    for (const [index, value] of verdicts.entries()) {
      await temp.store.ingestRun({
        projectId,
        record: record(suite({ checkout: value, other: 5 }), `s${index}`, MONDAY + index * 60_000, {
          commitSha: `c${index}`.padEnd(40, "0"),
        }),
        source: "junit",
      });
      const [checkout] = await temp.store.searchTests({ projectId, query: "checkout", limit: 1 });
      expect(checkout?.state).toBe(index === 2 ? "broken" : "healthy");
      // A branch's failures do not move the default branch's state.
      if (index === 2) {
        await temp.store.ingestRun({
          projectId,
          record: record(suite({ checkout: 5 }), "branch-pass", MONDAY + 150_000, {
            branch: "feature/x",
            ref: null,
          }),
          source: "junit",
        });
        expect((await temp.store.searchTests({ projectId, query: "checkout", limit: 1 }))[0]?.state).toBe(
          "broken",
        );
      }
    }
    const test = await temp.store.getTest({
      projectId,
      testKey: (await temp.store.searchTests({ projectId, query: "checkout", limit: 1 }))[0]
        ?.testKey as string,
    });
    expect(test?.stateDetail).toMatchObject({
      health: "healthy",
      results: 4,
      failuresInARow: 0,
    });
    expect(test?.stateChangedAt).toBe(MONDAY + 3 * 60_000);
  });

  it("stores a run where nearly every test failed at once as an outage, not as test failures", async () => {
    const projectId = await project();
    const cases = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`t${i}`, i < 22 ? ("fail" as const) : 5]),
    );
    const { runId } = await temp.store.ingestRun({
      projectId,
      record: record(suite(cases), "outage", MONDAY),
      source: "junit",
    });
    expect(await temp.store.getRun({ projectId, runId })).toMatchObject({ failed: 0, infraFailed: 22 });
    expect((await temp.store.listRunInfraEvents({ runId })).map((event) => event.signature)).toContain(
      "likely-outage",
    );
    const windows = await temp.store.listTestWindows({ projectId, branch: "main", fromDay: 0, toDay: 1e6 });
    expect(windows.reduce((sum, w) => sum + w.failed, 0)).toBe(0);
    expect(windows.reduce((sum, w) => sum + w.infra, 0)).toBe(22);
  });

  it("sums the CI time each failure cost into the rollups, for ranking by impact", async () => {
    const projectId = await project();
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: "fail", b: 5 }), "cost", MONDAY),
      source: "junit",
    });
    const windows = await temp.store.listTestWindows({ projectId, branch: "main", fromDay: 0, toDay: 1e6 });
    // A genuine failure fails the job: it cost the job's whole time (the report's 0.5 s + 5 ms here).
    expect(windows.find((w) => w.name === "a")?.ciTimeLostMs).toBe(505);
    expect(windows.find((w) => w.name === "b")?.ciTimeLostMs).toBe(0);
  });
});

describe("two writers on one database", () => {
  it("keeps rollups and states right when another connection uploads between this one's uploads", async () => {
    const projectId = await project();
    const other = await temp.openAnother();
    try {
      const upload = (store: typeof other, run: string, ms: number | "fail", minute: number) =>
        store.ingestRun({
          projectId,
          record: record(suite({ shared: ms }), run, MONDAY + minute * 60_000, {
            commitSha: run.padEnd(40, "0"),
          }),
          source: "junit",
        });
      await upload(temp.store, "a1", 100, 1);
      await upload(other, "b1", "fail", 2);
      await upload(temp.store, "a2", 300, 3);
      await upload(other, "b2", "fail", 4);
      await upload(temp.store, "a3", "fail", 5);
      const [shared] = await temp.store.listTestWindows({
        projectId,
        branch: "main",
        fromDay: 0,
        toDay: 1e6,
      });
      expect(shared).toMatchObject({ passed: 2, failed: 3, timed: 2, totalMs: 400 });
      const test = await other.getTest({ projectId, testKey: shared?.testKey as string });
      // Every upload advanced the one state, whichever connection made it: F F F after P P = broken.
      expect(test?.stateDetail).toMatchObject({ results: 5, recent: "PFPFF", failuresInARow: 2 });
    } finally {
      await other.close();
    }
  });
});

describe("sums of past days", () => {
  it("stay right when a late upload lands on a past day, from this connection or another", async () => {
    const projectId = await project();
    const tuesday = MONDAY + DAY_MS;
    temp.clock.now = MONDAY + 2 * DAY_MS;
    const sums = async () =>
      (
        await temp.store.listTestWindows({
          projectId,
          branch: "main",
          fromDay: dayOf(MONDAY),
          toDay: dayOf(temp.clock.now),
        })
      )
        .map((window) => [window.name, window.passed, window.failed])
        .sort();
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "mon", MONDAY),
      source: "junit",
    });
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "tue", tuesday),
      source: "junit",
    });
    expect(await sums()).toEqual([["a", 2, 0]]);
    // Today's uploads show at once; so does a late one for Monday, though Monday's sums were kept.
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: "fail" }), "wed", temp.clock.now),
      source: "junit",
    });
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "mon-late", MONDAY + 3600_000),
      source: "junit",
    });
    expect(await sums()).toEqual([["a", 3, 1]]);
    const other = await temp.openAnother();
    try {
      await other.ingestRun({
        projectId,
        record: record(suite({ a: "fail" }), "tue-other", tuesday + 60_000),
        source: "junit",
      });
    } finally {
      await other.close();
    }
    expect(await sums()).toEqual([["a", 3, 2]]);
  });
});

describe("what the overview keeps", () => {
  it("shows today's uploads at once, whichever store made them", async () => {
    const projectId = await project();
    temp.clock.now = MONDAY + 3_600_000;
    const view = async () => {
      const windows = await temp.store.listTestWindows({
        projectId,
        branch: "main",
        fromDay: dayOf(MONDAY) - 29,
        toDay: dayOf(MONDAY),
      });
      const durations = await temp.store.getDurationWindows({
        projectId,
        branch: "main",
        current: { fromDay: dayOf(MONDAY) - 6, toDay: dayOf(MONDAY) },
        baseline: { fromDay: dayOf(MONDAY) - 34, toDay: dayOf(MONDAY) - 7 },
      });
      const [window] = windows;
      return [window?.passed, window?.failed, durations.current.get(window?.id as number)?.count];
    };
    await temp.store.ingestRun({ projectId, record: record(suite({ a: 10 }), "1", MONDAY), source: "junit" });
    expect(await view()).toEqual([1, 0, 1]);
    expect(await view()).toEqual([1, 0, 1]);
    const other = await temp.openAnother();
    await other.ingestRun({
      projectId,
      record: record(suite({ a: 30 }), "2", MONDAY + 60_000),
      source: "junit",
    });
    expect(await view()).toEqual([2, 0, 2]);
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: "fail" }), "3", MONDAY + 120_000),
      source: "junit",
    });
    expect(await view()).toEqual([2, 1, 2]);
  });

  it("gives the slowest tests' durations with today's uploads and late ones for past days", async () => {
    const projectId = await project();
    temp.clock.now = MONDAY + 3_600_000;
    const sunday = MONDAY - DAY_MS;
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "sun", sunday),
      source: "junit",
    });
    const [test] = await temp.store.searchTests({ projectId, query: "a", limit: 1 });
    const durations = async () => {
      const sketch = (
        await temp.store.getDurationsOfTests({
          projectId,
          branch: "main",
          fromDay: dayOf(MONDAY) - 29,
          toDay: dayOf(MONDAY),
          testIds: [test?.id as number],
        })
      ).get(test?.id as number);
      return [sketch?.count, sketch?.maxMs];
    };
    expect(await durations()).toEqual([1, 10]);
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 30 }), "mon", MONDAY),
      source: "junit",
    });
    expect(await durations()).toEqual([2, 30]);
    const other = await temp.openAnother();
    try {
      await other.ingestRun({
        projectId,
        record: record(suite({ a: 50 }), "sun-late", sunday + 60_000),
        source: "junit",
      });
    } finally {
      await other.close();
    }
    expect(await durations()).toEqual([3, 50]);
  });
});

describe("pruneResults", () => {
  it("deletes raw results of old runs and keeps runs and daily rollups", async () => {
    const projectId = await project();
    const old = await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10, b: "fail" }), "old", MONDAY - 100 * DAY_MS),
      source: "junit",
    });
    const recent = await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 12 }), "new", MONDAY),
      source: "junit",
    });
    const deleted = await temp.store.pruneResults({ before: MONDAY - 90 * DAY_MS });
    expect(deleted).toBe(2);
    expect(await temp.store.listSlowestRunResults({ runId: old.runId, limit: 10 })).toEqual([]);
    expect(await temp.store.listSlowestRunResults({ runId: recent.runId, limit: 10 })).toHaveLength(1);
    expect(await temp.store.getRun({ projectId, runId: old.runId })).not.toBeNull();
    const windows = await temp.store.listTestWindows({ projectId, branch: "main", fromDay: 0, toDay: 1e6 });
    expect(windows.find((w) => w.name === "a")).toMatchObject({ passed: 2, totalMs: 22 });
    expect(await temp.store.pruneResults({ before: MONDAY - 90 * DAY_MS })).toBe(0);
  });
});

describe("upload tokens", () => {
  it("finds the project of a token and keeps only its hash", async () => {
    const created = await temp.store.createUploadToken({ projectSlug: "acme/shop", label: "ci" });
    expect(created.token).toMatch(/^swu_[\w-]{32}$/);
    expect(await temp.store.findUploadToken({ token: created.token })).toEqual({
      projectId: created.projectId,
      projectSlug: "acme/shop",
    });
    expect(await temp.store.findUploadToken({ token: `${created.token}x` })).toBeNull();
    expect(await temp.store.findUploadToken({ token: "not-a-token" })).toBeNull();
    // The check finds what is stored (the hash), and the token is not.
    expect(await temp.database.contains(hashToken(created.token))).toBe(true);
    expect(await temp.database.contains(created.token)).toBe(false);
  });
});
