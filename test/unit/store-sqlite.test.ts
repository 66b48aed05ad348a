// The data module on SQLite alone (the unit project): a database written before PostgreSQL still opens and
// migrates, and every read the pages make is served by an index (EXPLAIN QUERY PLAN).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/queries.ts";
import { MIGRATIONS } from "../support/web/database.ts";
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

describe("a database from before PostgreSQL", () => {
  it("opens and migrates: the migrations it ran are recognised in drizzle/sqlite, its states move into chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "seamwatch-before-"));
    try {
      const path = join(dir, "seamwatch.db");
      copyFileSync(fileURLToPath(new URL("../fixtures/dashboard/sqlite-0003.db", import.meta.url)), path);
      const store = await openStore({ database: path, migrationsFolder: MIGRATIONS, now: () => MONDAY });
      try {
        const projectId = (await store.getProject({ slug: "acme/shop" }))?.id as number;
        expect(await store.countRuns()).toBe(4);
        const [checksOut] = await store.searchTests({ projectId, query: "checksOut", limit: 1 });
        // The state it had: broken after three failures, fixed by the fourth run's pass.
        const before = await store.getTest({ projectId, testKey: checksOut?.testKey as string });
        expect(before?.stateDetail).toMatchObject({ health: "healthy", results: 4, recent: "P" });
        await store.ingestRun({
          projectId,
          record: record(suite({ checksOut: "fail", placesOrder: 5 }), "after", MONDAY + 3_600_000, {
            commitSha: "d".repeat(40),
          }),
          source: "junit",
        });
        const after = await store.getTest({ projectId, testKey: checksOut?.testKey as string });
        expect(after?.stateDetail).toMatchObject({ results: 5, recent: "PF", failuresInARow: 1 });
      } finally {
        await store.close();
      }
      const db = new Database(path, { readonly: true });
      try {
        // 0000 to 0003 were not applied again (they would fail: the tables exist); 0004 and 0005 were.
        expect(db.prepare("SELECT COUNT(*) AS n FROM __drizzle_migrations").get()).toEqual({ n: 6 });
        expect(db.prepare("SELECT COUNT(*) AS n FROM test_states").get()).toEqual({ n: 1 });
        const columns = db.prepare("SELECT name FROM pragma_table_info('tests')").all() as { name: string }[];
        expect(columns.map((column) => column.name)).not.toContain("state_data");
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("indexes (SQLite)", () => {
  it("serves every read from an index, never a full scan of a growing table", async () => {
    const plans = await temp.store.explainReadQueries();
    expect(plans.length).toBeGreaterThan(20);
    for (const { name, plan } of plans) {
      for (const line of plan) {
        const scan = /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(line);
        if (!scan) continue;
        const table = scan[1] as string;
        const aliasOf: Record<string, string> = {
          r: "runs",
          tr: "test_results",
          t: "tests",
          p: "projects",
          f: "failure_messages",
          e: "infra_events",
        };
        const real = aliasOf[table] ?? table;
        if (BIG_TABLES.includes(real)) expect(`${name}: ${line}`).toMatch(/USING (?:COVERING )?INDEX/);
      }
    }
  });

  it("reads a test's history, a run's results and the overview's windows through their own indexes", async () => {
    const plans = Object.fromEntries(
      (await temp.store.explainReadQueries()).map((q) => [q.name, q.plan.join("\n")]),
    );
    // A test's latest results: the latest runs, each probed for the test; no index by test on raw results.
    expect(plans.listTestResults).toContain("runs_project_started_idx (project_id=?)");
    expect(plans.listTestResults).toContain("test_results_run_test_unique (run_id=? AND test_id=?)");
    expect(plans.listFailureGroups).toContain("test_results_test_failure_idx");
    // A test's days: one seek per day of the day-first rollup key.
    expect(plans.listTestDays).toContain(
      "sqlite_autoindex_test_daily_rollups_1 (project_id=? AND branch=? AND day=? AND test_id=?)",
    );
    expect(plans.listTestWindows).toContain(
      "sqlite_autoindex_test_daily_rollups_1 (project_id=? AND branch=? AND day>? AND day<?)",
    );
    expect(plans.listRunResultsByStatus).toContain("test_results_run_test_unique (run_id=?)");
    expect(plans.listRunsInRange).toContain(
      "runs_project_branch_started_idx (project_id=? AND branch=? AND started_at>? AND started_at<?)",
    );
    expect(plans.listInfraFailures).toContain("infra_events_project_branch_time_idx");
  });
});
