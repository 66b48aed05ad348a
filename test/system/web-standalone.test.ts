// The dashboard ships as one folder that `node` runs: copied away from the repository (no node_modules, no
// sources next to it), it creates a token with its admin.mjs, starts, migrates a new database and takes an
// upload.

import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot } from "../support/run-cli.ts";
import { startDashboard } from "../support/web/dashboard-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/web/database.ts";

const dir = mkdtempSync(join(tmpdir(), "seamwatch-standalone-"));
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.remove();
  rmSync(dir, { recursive: true, force: true });
});

it("runs from a copy of the standalone folder alone", async () => {
  const app = join(dir, "app");
  cpSync(join(repoRoot, "web/.next/standalone"), app, { recursive: true });
  const created = execFileSync(process.execPath, ["admin.mjs", "token", "create", "--project", "acme/shop"], {
    cwd: app,
    env: { ...process.env, SEAMWATCH_DB: database.url },
    encoding: "utf8",
  });
  const token = created.trim().split("\n").at(-1) as string;
  expect(token).toMatch(/^swu_/);

  const server = await startDashboard({ script: join(app, "web/server.js"), database });
  try {
    const answer = await fetch(`${server.url}/api/v1/junit?project=acme/shop&commit=abc&branch=main&run=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: '<testsuite name="s"><testcase classname="c" name="n" time="0.2"/></testsuite>',
    });
    expect(answer.status).toBe(201);
    const page = await fetch(`${server.url}/acme/shop/runs/1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Run #1");
  } finally {
    await server.stop();
  }
});
