// The CLI's dashboard commands as a user runs them (the built bin/seamwatch.js): a token created with
// `seamwatch token create` uploads to the server; `db migrate` and `db prune` work on the same file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { startDashboard } from "../support/web/dashboard-server.ts";

const dir = mkdtempSync(join(tmpdir(), "seamwatch-cli-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("creates a token the server accepts, migrates and prunes the database", async () => {
  const db = join(dir, "seamwatch.db");
  const migrated = await runCli(["db", "migrate", "--db", db]);
  expect(migrated.code, migrated.stderr).toBe(0);
  expect(migrated.stdout).toContain("is up to date with the migrations");

  const created = await runCli(["token", "create", "--project", "acme/shop"], { env: { SEAMWATCH_DB: db } });
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toContain("shown once");
  const token = created.stdout.trim();
  expect(token).toMatch(/^swu_[\w-]{32}$/);

  const server = await startDashboard({ dir });
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
  const pruned = await runCli(["db", "prune", "--days", "1", "--db", db]);
  expect(pruned.stdout).toContain("deleted 0 test results older than 1 days");
});

it("says what is missing, exit 64, without touching a database", async () => {
  const missing = await runCli(["token", "create"], { env: { SEAMWATCH_DB: join(dir, "never.db") } });
  expect(missing.code).toBe(64);
  expect(missing.stderr).toContain("--project org/repo");
  const unknown = await runCli(["db", "vacuum", "--db", join(dir, "never.db")]);
  expect(unknown.code).toBe(64);
  expect(unknown.stderr).toContain('unknown command "db vacuum"');
});
