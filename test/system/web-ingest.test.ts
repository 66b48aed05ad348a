// Uploads under stress against the real servers and database (SQLite in the web project, PostgreSQL in
// web-postgres): many at once into one server, many at once spread over two servers on one database (the
// same upload reaching both), and a server killed in the middle of storing one.
import { afterEach, describe, expect, it } from "vitest";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

const servers: DashboardServer[] = [];
afterEach(async () => {
  // Servers sharing another's database first: the owner removes the database when it stops.
  for (const server of servers.splice(0).reverse()) await server.stop();
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

/** Counts in the tables themselves, as numbers. */
async function count(server: DashboardServer, sql: string): Promise<number> {
  const [row] = await server.database.query<{ n: number }>(sql);
  return Number(row?.n);
}

type Answer = Awaited<ReturnType<typeof upload>>;

/** Each report stored once: one 201 and one 200 with the same run per pair, 20 runs, every result once. */
async function expectStoredOnce(server: DashboardServer, answers: readonly Answer[], tests: number) {
  expect(answers.map((answer) => answer.status).sort()).toEqual([
    ...Array(20).fill(200),
    ...Array(20).fill(201),
  ]);
  for (let index = 0; index < 20; index++) {
    const pair = [answers[2 * index], answers[2 * index + 1]];
    // The first of the pair stored it; the other got the same run back.
    expect(new Set(pair.map((answer) => answer?.body.run.id)).size).toBe(1);
    expect(pair.filter((answer) => answer?.body.duplicate === true)).toHaveLength(1);
  }
  expect(await count(server, "SELECT COUNT(*) AS n FROM runs")).toBe(20);
  expect(await count(server, "SELECT COUNT(*) AS n FROM test_results")).toBe(20 * tests);
  expect(await count(server, "SELECT COUNT(DISTINCT upload_key) AS n FROM runs")).toBe(20);
  // Each run kept its own failure: none lost, none crossed over.
  expect(await count(server, "SELECT COUNT(*) AS n FROM runs WHERE failed = 1")).toBe(20);
  // The rollups saw every result exactly once.
  expect(
    await count(server, "SELECT SUM(passed + failed + flaky + skipped + infra) AS n FROM test_daily_rollups"),
  ).toBe(20 * tests);
}

const DAY = 86_400_000;
/** Yesterday at noon, UTC: a day whose sums the overview keeps. */
const yesterday = () => new Date(Math.floor(Date.now() / DAY) * DAY - DAY / 2).toISOString();

describe("concurrent uploads", () => {
  it("stores 20 uploads sent at once, each once, even when each is sent twice at the same time", async () => {
    const server = await start();
    const token = await server.createToken("acme/shop");
    const reports = Array.from({ length: 20 }, (_, index) =>
      makeRunReport({ tests: 300, ci: { runId: `parallel-${index}` }, verdicts: { [index]: "failed" } }),
    );
    const answers = await Promise.all(
      reports.flatMap((report) => [upload(server, token, report), upload(server, token, report)]),
    );
    await expectStoredOnce(server, answers, 300);
  });
});

describe("two servers on one database", () => {
  it("stores 20 uploads spread over both at once, each once, with the same upload reaching both at the same time", async () => {
    const first = await start();
    const second = await start({ database: first.database });
    const token = await first.createToken("acme/shop");
    const reports = Array.from({ length: 20 }, (_, index) =>
      makeRunReport({
        tests: 300,
        ci: { runId: `replicas-${index}`, commitSha: String(index).padStart(40, "0") },
        verdicts: { [index]: "failed" },
        startedAt: yesterday(),
      }),
    );
    const answers = await Promise.all(
      reports.flatMap((report, index) =>
        index % 2 === 0
          ? [upload(first, token, report), upload(second, token, report)]
          : [upload(second, token, report), upload(first, token, report)],
      ),
    );
    await expectStoredOnce(first, answers, 300);

    // Every upload advanced each test's state once, whichever server stored it.
    const store = await first.openStore();
    const projectId = (await store.getProject({ slug: "acme/shop" }))?.id as number;
    const states = async () =>
      Promise.all(
        [0, 150, 299].map(async (index) => {
          const [test] = await store.searchTests({ projectId, query: `handles order ${index}`, limit: 1 });
          return (await store.getTest({ projectId, testKey: test?.testKey as string }))?.stateDetail?.results;
        }),
      );
    expect(await states()).toEqual([20, 20, 20]);

    // The second server keeps the sums of yesterday for its overview; uploads through the first for that day
    // must show on it at once.
    const troubled = async (server: DashboardServer) => {
      const html = await (await fetch(`${server.url}/acme/shop`)).text();
      const section = html.slice(html.indexOf('id="flaky"'));
      const row = section.split("<tr").find((part) => part.includes("handles order 299"));
      return row ? row.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") : null;
    };
    expect(await troubled(second)).toBeNull();
    for (const run of ["late-1", "late-2"]) {
      const answer = await upload(
        first,
        token,
        makeRunReport({
          tests: 300,
          ci: { runId: run },
          verdicts: { 299: "failed" },
          startedAt: yesterday(),
        }),
      );
      expect(answer.status).toBe(201);
    }
    expect(await troubled(second)).toContain("2 of 22");
    // And the second server's next upload goes on from the states the first one wrote.
    expect((await upload(second, token, makeRunReport({ tests: 300, ci: { runId: "after" } }))).status).toBe(
      201,
    );
    expect(await states()).toEqual([23, 23, 23]);
  });
});

describe("a server killed during an upload", () => {
  it("leaves no partial run: the upload is stored whole or not at all, and can be sent again", async () => {
    const first = await start();
    const token = await first.createToken("acme/shop");
    const store = await first.openStore();
    const projectId = (await store.getProject({ slug: "acme/shop" }))?.id as number;
    await store.close();
    const report = makeRunReport({ tests: 40_000, ci: { runId: "killed" } });

    // An upload holds its project's write lock only inside its transaction: the moment a probe cannot take
    // it, the server is in the middle of storing this upload, and is killed right there.
    let killedInTransaction = false;
    const sending = upload(first, token, report).catch(() => null);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && first.process.exitCode === null) {
      if (await first.database.isUploading(projectId)) {
        await first.kill();
        killedInTransaction = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(killedInTransaction).toBe(true);
    expect(await sending).toBeNull();

    // The same database again: the unfinished transaction was rolled back (SQLite: at recovery;
    // PostgreSQL: when the connection went).
    const second = await start({ database: first.database });
    expect(await count(second, "SELECT COUNT(*) AS n FROM runs")).toBe(0);
    expect(await count(second, "SELECT COUNT(*) AS n FROM test_results")).toBe(0);
    expect(await count(second, "SELECT COUNT(*) AS n FROM tests")).toBe(0);
    expect(await count(second, "SELECT COUNT(*) AS n FROM test_daily_rollups")).toBe(0);
    const again = await upload(second, token, report);
    expect(again.status).toBe(201);
    expect(await count(second, "SELECT COUNT(*) AS n FROM test_results")).toBe(40_000);
  });
});
