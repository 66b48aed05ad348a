import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BIG_TABLES,
  MONDAY,
  ordersRecord as record,
  ordersSuite as suite,
} from "../support/web/orders-suite.ts";
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

describe("retention on PostgreSQL", () => {
  it("drops whole months: a month that ended before the cut goes, the month holding it stays", async () => {
    const projectId = await project();
    const months = async () =>
      (
        await temp.database.query<{ name: string }>(
          "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'test_results'::regclass ORDER BY 1",
        )
      ).map((row) => row.name);
    for (const [run, at] of [
      ["january", Date.UTC(2026, 0, 20)],
      ["february", Date.UTC(2026, 1, 10)],
      ["march", MONDAY],
    ] as const) {
      await temp.store.ingestRun({
        projectId,
        record: record(suite({ a: 10, b: 20 }), run, at),
        source: "junit",
      });
    }
    expect(await months()).toEqual([
      "test_results_y2026m01",
      "test_results_y2026m02",
      "test_results_y2026m03",
    ]);
    // Cut on 15 February: January ended before it and goes whole; February holds the cut and stays whole.
    expect(await temp.store.pruneResults({ before: Date.UTC(2026, 1, 15) })).toBe(2);
    expect(await months()).toEqual(["test_results_y2026m02", "test_results_y2026m03"]);
    const windows = await temp.store.listTestWindows({ projectId, branch: "main", fromDay: 0, toDay: 1e6 });
    expect(windows.find((w) => w.name === "a")).toMatchObject({ passed: 3, totalMs: 30 });
    // An upload for a month that was dropped makes it again.
    await temp.store.ingestRun({
      projectId,
      record: record(suite({ a: 10 }), "late-january", Date.UTC(2026, 0, 25)),
      source: "junit",
    });
    expect(await months()).toContain("test_results_y2026m01");
  });
});

describe("indexes (PostgreSQL)", () => {
  // Plans are asked for with sequential scans priced out (see store/postgres.ts): a scan left in a plan is
  // one no index could replace.
  it("serves every read from an index, never a full scan of a growing table", async () => {
    // A month of results, so that the plans show a partition.
    await temp.store.ingestRun({
      projectId: await project(),
      record: record(suite({ a: 10 }), "1", MONDAY),
      source: "junit",
    });
    const plans = await temp.store.explainReadQueries();
    expect(plans.length).toBeGreaterThan(20);
    for (const { name, plan } of plans) {
      for (const line of plan) {
        const scan = /Seq Scan on (\w+)/.exec(line);
        if (!scan) continue;
        const table = (scan[1] as string).replace(/_y\d{4}m\d{2}$/, "");
        expect(BIG_TABLES.includes(table), `${name}: ${line}`).toBe(false);
      }
    }
  });

  it("reads a run's results from its month only, and a test's days by the rollup key", async () => {
    await temp.store.ingestRun({
      projectId: await project(),
      record: record(suite({ a: 10 }), "1", MONDAY),
      source: "junit",
    });
    const plans = Object.fromEntries(
      (await temp.store.explainReadQueries()).map((q) => [q.name, q.plan.join("\n")]),
    );
    expect(plans.listTestResults).toContain("runs_project_started_idx");
    expect(plans.listTestResults).toMatch(/test_results_y\d{4}m\d{2}_run_id_test_id_started_at_idx/);
    expect(plans.listRunResultsByStatus).toMatch(/test_results_y\d{4}m\d{2}_run_id_test_id_started_at_idx/);
    expect(plans.listTestDays).toContain("test_daily_rollups_project_id_branch_day_test_id_pk");
    expect(plans.listTestWindows).toContain("test_daily_rollups_project_id_branch_day_test_id_pk");
    expect(plans.listRunsInRange).toMatch(/Index Scan using runs_project_(?:branch_)?started_idx/);
    expect(plans.listInfraFailures).toContain("infra_events_project_branch_time_idx");
  });
});
