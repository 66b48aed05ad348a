// Uploads under stress against the real server and database: many at once, and a server killed in the
// middle of storing one.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

const servers: DashboardServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function start(options: Parameters<typeof startDashboard>[0] = {}): Promise<DashboardServer> {
  const server = await startDashboard(options);
  servers.push(server);
  return server;
}

function upload(server: DashboardServer, token: string, report: unknown) {
  return fetch(`${server.url}/api/v1/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(report),
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { run: { id: number; url: string }; duplicate: boolean },
  }));
}

describe("concurrent uploads", () => {
  it("stores 20 uploads sent at once, each once, even when each is sent twice at the same time", async () => {
    const server = await start();
    const token = await server.createToken("acme/shop");
    const reports = Array.from({ length: 20 }, (_, index) =>
      makeRunReport({ tests: 300, ci: { runId: `parallel-${index}` }, verdicts: { [index]: "failed" } }),
    );
    const answers = await Promise.all(
      [...reports, ...reports].map((report) => upload(server, token, report)),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([
      ...Array(20).fill(200),
      ...Array(20).fill(201),
    ]);
    for (let index = 0; index < 20; index++) {
      const pair = [answers[index], answers[index + 20]];
      // The first of the pair stored it; the other got the same run back.
      expect(new Set(pair.map((answer) => answer?.body.run.id)).size).toBe(1);
      expect(pair.filter((answer) => answer?.body.duplicate === true)).toHaveLength(1);
    }
    const db = new Database(server.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM runs").get()).toEqual({ n: 20 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM test_results").get()).toEqual({ n: 20 * 300 });
      expect(db.prepare("SELECT COUNT(DISTINCT upload_key) AS n FROM runs").get()).toEqual({ n: 20 });
      // Each run kept its own failure: none lost, none crossed over.
      const failed = db.prepare("SELECT ci_run_id AS run, failed FROM runs ORDER BY id").all() as {
        failed: number;
      }[];
      expect(failed.every((row) => row.failed === 1)).toBe(true);
      // The rollups saw every result exactly once.
      expect(
        db
          .prepare("SELECT SUM(passed + failed + flaky + skipped + infra) AS n FROM test_daily_rollups")
          .get(),
      ).toEqual({
        n: 20 * 300,
      });
    } finally {
      db.close();
    }
  });
});

describe("a server killed during an upload", () => {
  it("leaves no partial run: the upload is stored whole or not at all, and can be sent again", async () => {
    const first = await start();
    const token = await first.createToken("acme/shop");
    const report = makeRunReport({ tests: 40_000, ci: { runId: "killed" } });

    // The server holds SQLite's write lock only inside an upload's transaction: the moment a probe cannot
    // take it, the server is in the middle of storing this upload, and is killed right there.
    const probe = new Database(first.dbPath);
    probe.pragma("busy_timeout = 0");
    let killedInTransaction = false;
    const sending = upload(first, token, report).catch(() => null);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && first.process.exitCode === null) {
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        await first.kill();
        killedInTransaction = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    probe.close();
    expect(killedInTransaction).toBe(true);
    expect(await sending).toBeNull();

    // The same database again: recovery rolls the unfinished transaction back.
    const second = await start({ dir: first.dir });
    const db = new Database(second.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM runs").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM test_results").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM tests").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM test_daily_rollups").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    const again = await upload(second, token, report);
    expect(again.status).toBe(201);
    const after = new Database(second.dbPath, { readonly: true });
    try {
      expect(after.prepare("SELECT COUNT(*) AS n FROM test_results").get()).toEqual({ n: 40_000 });
    } finally {
      after.close();
    }
  });
});
