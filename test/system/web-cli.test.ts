// The CLI's dashboard commands as a user runs them (the built bin/seamwatch.js), on the test run's database (a
// SQLite file or a postgres:// URL): a token created with `seamwatch token create` uploads to the server;
// `db migrate` and `db prune` work on the same database.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { startDashboard } from "../support/web/dashboard-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/web/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.remove();
});

it("creates a token the server accepts, migrates and prunes the database", async () => {
  const migrated = await runCli(["db", "migrate", "--db", database.url]);
  expect(migrated.code, migrated.stderr).toBe(0);
  expect(migrated.stdout).toContain("is up to date with the migrations");

  const created = await runCli(["token", "create", "--project", "acme/shop"], {
    env: { SEAMWATCH_DB: database.url },
  });
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toContain("shown once");
  const token = created.stdout.trim();
  expect(token).toMatch(/^swu_[\w-]{32}$/);

  const server = await startDashboard({ database });
  try {
    const answer = await fetch(`${server.url}/api/v1/junit?project=acme/shop&commit=abc&branch=main&run=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: '<testsuite name="s"><testcase classname="c" name="n" time="0.2"/></testsuite>',
    });
    expect(answer.status).toBe(201);
  } finally {
    await server.stop();
  }
  const pruned = await runCli(["db", "prune", "--days", "1", "--db", database.url]);
  expect(pruned.stdout).toContain("deleted 0 test results older than 1 days");
});

it("says what is missing, exit 64, without touching a database", async () => {
  const missing = await runCli(["token", "create"], {
    env: { SEAMWATCH_DB: join(database.dir, "never.db") },
  });
  expect(missing.code).toBe(64);
  expect(missing.stderr).toContain("--project org/repo");
  const unknown = await runCli(["db", "vacuum", "--db", join(database.dir, "never.db")]);
  expect(unknown.code).toBe(64);
  expect(unknown.stderr).toContain('unknown command "db vacuum"');
  const copy = await runCli(["db", "copy", "--from", join(database.dir, "never.db")]);
  expect(copy.code).toBe(64);
  expect(copy.stderr).toContain("--from <file|url> and --to <file|url>");
});

it("names a database it cannot reach, exit 1, without a stack", async () => {
  const unreachable = await runCli(["db", "migrate", "--db", "postgres://nobody@127.0.0.1:1/seamwatch"]);
  expect(unreachable.code).toBe(1);
  expect(unreachable.stderr).toContain("cannot open the database at postgres://nobody@127.0.0.1:1/seamwatch");
  expect(unreachable.stderr).toContain("ECONNREFUSED");
  expect(unreachable.stderr).not.toMatch(/\bat \w+ \(/);
});
