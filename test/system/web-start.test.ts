// `npm start`, the README's first command, as a person runs it in a terminal: it starts the dashboard, seeds
// the demo into an empty database (SQLite, or PostgreSQL given as SEAMWATCH_DB) through the upload API,
// prints the URL and the token, and stops on Ctrl+C. A second start keeps the data and does not seed again.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoTokenFile } from "../../scripts/start.ts";
import { freePort } from "../support/fixture-suites.ts";
import { repoRoot } from "../support/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../support/web/database.ts";

let database: TestDatabase;
/** What SEAMWATCH_DB says: a SQLite file in a data/ folder of the test's own, or the PostgreSQL URL. */
let named: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  named = database.kind === "sqlite" ? join(database.dir, "data", "seamwatch.db") : database.url;
});

afterAll(async () => {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is gone already.
    }
  }
  // The demo token of a PostgreSQL database is kept in the repository's data/, under that database's name.
  if (database?.kind === "postgres") {
    rmSync(join(repoRoot, "data", basename(demoTokenFile(database.url))), { force: true });
  }
  rmSync(join(repoRoot, demoTokenFile(database.url).slice(repoRoot.length)), { force: true });
  await database?.remove();
});

interface Start {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly url: string;
  readonly token: string | null;
}

/** `npm start` in its own process group, as a terminal runs it; resolves once it printed the URL. */
async function npmStart(port: number): Promise<Start> {
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), SEAMWATCH_DB: named },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const output = () => chunks.join("");
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const printed = /seamwatch dashboard: (http:\/\/\S+)/.exec(output());
    if (printed?.[1] && /stop: Ctrl\+C/.test(output())) {
      return {
        child,
        output,
        url: printed[1],
        token: /demo upload token \(demo\/webshop\): (\S+)/.exec(output())?.[1] ?? null,
      };
    }
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start printed no URL within 3 minutes:\n${output()}`);
}

/** Ctrl+C in the terminal: SIGINT to the whole foreground process group. */
async function pressCtrlC(start: Start): Promise<void> {
  const exited = new Promise<void>((resolve) => start.child.once("exit", () => resolve()));
  process.kill(-(start.child.pid as number), "SIGINT");
  await exited;
}

describe("npm start", () => {
  it("seeds an empty database with the demo through the upload API and prints the URL and the token", async () => {
    const port = await freePort();
    const first = await npmStart(port);
    expect(first.url).toBe(`http://127.0.0.1:${port}`);
    expect(first.token).toMatch(/^swu_/);
    expect(first.output()).toMatch(/seeded \d+ runs of \d+ tests over five weeks/);

    // Opening the printed URL leads straight to the demo's overview, with data in every part.
    const response = await fetch(first.url);
    expect(response.url).toBe(`${first.url}/demo/webshop`);
    const html = await response.text();
    for (const heading of [
      "Suite wall time",
      "Slowest tests",
      "Got slower",
      "Flaky and failing tests",
      "Infrastructure by signature",
      "Recent runs",
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).not.toContain("Nothing got slower");
    expect(html).not.toContain("No test failed in this range");

    const query = <T>(sql: string) =>
      database.kind === "sqlite"
        ? createSqliteReader(named).then((read) => read<T>(sql))
        : database.query<T>(sql);
    const outcomes = Object.fromEntries(
      (
        await query<{ outcome: string; n: number }>(
          "SELECT outcome, COUNT(*) AS n FROM runs GROUP BY outcome",
        )
      ).map((row) => [row.outcome, Number(row.n)]),
    );
    expect(outcomes.passed).toBeGreaterThan(200);
    expect(outcomes["test-failures"]).toBeGreaterThan(10);
    expect(outcomes["infra-failure"]).toBeGreaterThanOrEqual(1);
    const sources = await query("SELECT DISTINCT source FROM runs ORDER BY source");
    expect(sources).toEqual([{ source: "junit" }, { source: "run-report" }]);
    const states = await query<{ state: string }>(
      "SELECT state, COUNT(*) AS n FROM tests GROUP BY state ORDER BY state",
    );
    expect(states.map((row) => row.state)).toEqual(["broken", "flaky", "healthy"]);
    const [span] = await query<{ ms: number }>("SELECT MAX(started_at) - MIN(started_at) AS ms FROM runs");
    expect(Number(span?.ms)).toBeGreaterThan(28 * 86_400_000);
    const infra = await query<{ signature: string }>(
      "SELECT DISTINCT signature FROM infra_events ORDER BY signature",
    );
    expect(infra.map((row) => row.signature)).toContain("registry-rate-limit");

    // The printed token uploads to the demo project.
    const upload = await fetch(
      `${first.url}/api/v1/junit?project=demo/webshop&commit=abc&branch=main&run=after-start`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${first.token}`, "content-type": "application/xml" },
        body: '<testsuite name="s"><testcase classname="c" name="n" time="0.1"/></testsuite>',
      },
    );
    expect(upload.status).toBe(201);

    await pressCtrlC(first);
    // The server went with it: nothing answers on the port any more.
    await expect(fetch(first.url)).rejects.toThrow();
  });

  it("starts again on the same database without seeding, and still prints the demo token", async () => {
    const port = await freePort();
    const again = await npmStart(port);
    expect(again.output()).toContain("the dashboard build is up to date");
    expect(again.output()).not.toContain("seeding the demo project");
    expect(again.token).toMatch(/^swu_/);
    const health = (await (await fetch(`${again.url}/api/v1/health`)).json()) as { runs: number };
    expect(health.runs).toBeGreaterThan(300);
    await pressCtrlC(again);
  });
});

/** A read-only look at the SQLite file `npm start` wrote (it is not the test database's own file). */
async function createSqliteReader(path: string) {
  const { default: Database } = await import("better-sqlite3");
  return <T>(sql: string): T[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
}
