// `seamwatch db copy` round-trips the demo database: the demo seeded into a SQLite file through the upload
// API, copied into the test run's database (PostgreSQL in the web-postgres project, another SQLite file in the
// web project), and from there back into a new SQLite file; the same pages on the three servers show the same
// figures, and the links to runs and tests stay the same.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../scripts/seed-demo.ts";
import { runCli } from "../support/run-cli.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/web/database.ts";

const databases: TestDatabase[] = [];
const servers: DashboardServer[] = [];
let demo: DashboardServer;

beforeAll(async () => {
  const source = await createTestDatabase("sqlite");
  databases.push(source);
  demo = await startDashboard({ database: source });
  servers.push(demo);
  await seedDemo({ url: demo.url, token: await demo.createToken("demo/webshop"), now: Date.now() });
  await (await demo.openStore()).setOidcPolicy({
    projectSlug: "demo/webshop",
    refs: ["refs/heads/main"],
    workflows: ["CI"],
  });
}, 240_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const database of databases) await database.remove();
});

/** What a person reads on a page: its text without markup, scripts and the build's own ids. */
async function pageText(server: DashboardServer, path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function copy(from: TestDatabase, to: TestDatabase) {
  const copied = await runCli(["db", "copy", "--from", from.url, "--to", to.url]);
  expect(copied.code, copied.stderr).toBe(0);
  return copied.stdout;
}

it("copies the demo database there and back, and the pages show the same figures", async () => {
  const target = await createTestDatabase();
  databases.push(target);
  const printed = await copy(demo.database, target);
  const runs = await demo.database.query<{ n: number }>("SELECT COUNT(*) AS n FROM runs");
  const results = await demo.database.query<{ n: number }>("SELECT COUNT(*) AS n FROM test_results");
  expect(printed).toMatch(new RegExp(`runs\\s+${runs[0]?.n} rows`));
  expect(printed).toMatch(new RegExp(`test_results\\s+${results[0]?.n} rows`));
  expect(Number(results[0]?.n)).toBeGreaterThan(1000);

  const back = await createTestDatabase("sqlite");
  databases.push(back);
  await copy(target, back);
  // What the pages do not show: which GitHub OIDC tokens may upload.
  for (const database of [target, back]) {
    const shown = await runCli(["oidc", "show", "--project", "demo/webshop", "--db", database.url]);
    expect(shown.stdout).toBe("demo/webshop takes GitHub OIDC tokens from refs/heads/main, in CI\n");
  }

  const copyServer = await startDashboard({ database: target });
  servers.push(copyServer);
  const backServer = await startDashboard({ database: back });
  servers.push(backServer);

  // The pages a person opens, with the same links on each server.
  const overview = await (await fetch(`${demo.url}/demo/webshop`)).text();
  const testPath = /href="(\/demo\/webshop\/tests\/[0-9a-f]{16})[^"]*"/.exec(overview)?.[1];
  const runPath = /href="(\/demo\/webshop\/runs\/\d+)"/.exec(overview)?.[1];
  expect(testPath).toBeDefined();
  expect(runPath).toBeDefined();
  const pages = [
    "/",
    "/demo/webshop",
    "/demo/webshop?range=7d",
    "/demo/webshop?branch=feature%2Fgift-cards",
    testPath as string,
    runPath as string,
    "/demo/webshop/search?q=Order",
  ];
  for (const path of pages) {
    const original = await pageText(demo, path);
    expect(original.length).toBeGreaterThan(200);
    expect(await pageText(copyServer, path), `${path} after the copy`).toBe(original);
    expect(await pageText(backServer, path), `${path} copied back`).toBe(original);
  }

  // Uploads go on in the copy: ids continue after the copied ones.
  const token = await copyServer.createToken("demo/webshop");
  const answer = await fetch(
    `${copyServer.url}/api/v1/junit?project=demo/webshop&commit=abc&branch=main&run=copy`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: '<testsuite name="s"><testcase classname="c" name="after the copy" time="0.1"/></testsuite>',
    },
  );
  expect(answer.status).toBe(201);
  const { run } = (await answer.json()) as { run: { id: number } };
  const last = await demo.database.query<{ id: number }>("SELECT MAX(id) AS id FROM runs");
  expect(run.id).toBe(Number(last[0]?.id) + 1);
});

it("refuses to copy into a database that holds runs, and changes nothing in it", async () => {
  const target = await createTestDatabase();
  databases.push(target);
  await copy(demo.database, target);
  const again = await runCli(["db", "copy", "--from", demo.database.url, "--to", target.url]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already holds projects or runs");
  expect(again.stderr).not.toMatch(/\bat \w+ \(/);
  const runs = await target.query<{ n: number }>("SELECT COUNT(*) AS n FROM runs");
  const original = await demo.database.query<{ n: number }>("SELECT COUNT(*) AS n FROM runs");
  expect(Number(runs[0]?.n)).toBe(Number(original[0]?.n));
});
