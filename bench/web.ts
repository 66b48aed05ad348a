// `npm run bench:web`: the dashboard at scale. Fills a database with 10 million test results (2,000 tests ×
// 5,000 runs over 180 days) through the data-access module, then measures
//   1. ingest throughput of a 5,000-test upload, through the data module and through the HTTP API;
//   2. p50/p95 server response of the overview, a test page and a run page (the standalone server);
//   3. the database's size.
// Goals on a 2-core machine: ingest ≥ 100,000 results/s, page p95 ≤ 300 ms at 10 M results. Timings here are
// noisy (the machine is shared): the load average is printed next to them.
//   npm run bench:web -- [--results 10000000] [--tests 2000] [--days 180] [--requests 30] [--keep]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { planRunRecord } from "../core/history/index.ts";
import { buildWeb } from "../scripts/build-web.mjs";
import { openStore } from "../store/queries.ts";
import { freePort } from "../test/support/fixture-suites.ts";
import { SyntheticHistory } from "./web-history.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const BENCH_DIR = join(root, ".bench", "web");
const SERVER = join(root, "web/.next/standalone/web/server.js");

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    results: { type: "string", default: "10000000" },
    tests: { type: "string", default: "2000" },
    days: { type: "string", default: "180" },
    requests: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
  },
  strict: true,
});
const tests = positive("tests", values.tests);
const results = positive("results", values.results);
const runs = Math.max(1, Math.round(results / tests));
const days = positive("days", values.days);
const requests = positive("requests", values.requests);

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name}: expected a whole number above 0, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}

function log(line = ""): void {
  process.stdout.write(`${line}\n`);
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const rate = (count: number, millis: number) =>
  `${Math.round(count / (millis / 1000)).toLocaleString("en-US")} results/s`;

async function main(): Promise<void> {
  await buildWeb({ ifNeeded: true });
  mkdirSync(BENCH_DIR, { recursive: true });
  const dbPath = join(BENCH_DIR, `bench-${tests}x${runs}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  log(
    `seamwatch bench:web — ${tests.toLocaleString("en-US")} tests × ${runs.toLocaleString("en-US")} runs over ${days} days = ${(tests * runs).toLocaleString("en-US")} results`,
  );
  log(`machine: ${cpus().length} cores, Node ${process.version}, load average ${load()}`);
  log(`database: ${dbPath}`);

  // 1. Fill, through the data module: plan each report (core/history) and store it in one transaction.
  const end = Date.now();
  const history = new SyntheticHistory({ tests, runs, days, end });
  const store = await openStore({ database: dbPath, migrationsFolder: join(root, "drizzle") });
  const projectId = await store.ensureProject({ slug: "bench/shop", defaultBranch: "main" });
  const fillStarted = performance.now();
  let planMs = 0;
  let ingestMs = 0;
  for (let index = 0; index < runs; index++) {
    const report = history.report(index);
    let started = performance.now();
    const record = planRunRecord(report);
    planMs += performance.now() - started;
    started = performance.now();
    await store.ingestRun({ projectId, record, source: "run-report" });
    ingestMs += performance.now() - started;
    if ((index + 1) % Math.max(1, Math.floor(runs / 10)) === 0) {
      const elapsed = performance.now() - fillStarted;
      log(
        `  filled ${(index + 1).toLocaleString("en-US")} runs (${((index + 1) * tests).toLocaleString("en-US")} results) in ${(elapsed / 1000).toFixed(0)} s; ingest ${rate((index + 1) * tests, ingestMs)}; load ${load()}`,
      );
    }
  }
  const fillMs = performance.now() - fillStarted;
  log(
    `fill: ${(fillMs / 1000).toFixed(1)} s in all; store.ingestRun ${rate(runs * tests, ingestMs)} (planning the reports took ${(planMs / 1000).toFixed(1)} s more)`,
  );

  // 2. A 5,000-test upload into the full database: the first brings 5,000 − tests new tests; then steady.
  const uploadTests = 5000;
  const uploadTimes: number[] = [];
  for (let index = 0; index < 11; index++) {
    const record = planRunRecord(history.report(runs + index, uploadTests, Date.now()));
    const started = performance.now();
    await store.ingestRun({ projectId, record, source: "run-report" });
    const took = performance.now() - started;
    if (index === 0)
      log(
        `5,000-test upload, first (creates ${Math.max(0, uploadTests - tests)} tests): ${ms(took)} = ${rate(uploadTests, took)}`,
      );
    else uploadTimes.push(took);
  }
  log(
    `5,000-test upload through store.ingestRun, 10 uploads: p50 ${ms(percentile(uploadTimes, 50))} = ${rate(uploadTests, percentile(uploadTimes, 50))}; p95 ${ms(percentile(uploadTimes, 95))}; load ${load()}`,
  );

  await store.checkpoint();
  const databaseBytes = await store.getDatabaseSize();
  const token = (await store.createUploadToken({ projectSlug: "bench/shop" })).token;
  const testKey = history.report(0, 8).tests[7]?.id as string;
  const runId = Math.max(1, runs - 1);
  await store.close();

  // 3. The production server on that database.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      SEAMWATCH_DB: dbPath,
      NEXT_TELEMETRY_DISABLED: "1",
      // The history spans 180 days: the default retention (90) would prune half of it while pages are timed.
      SEAMWATCH_RETENTION_DAYS: String(days + 30),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(url, server);
    const httpTimes: number[] = [];
    for (let index = 0; index < 6; index++) {
      const body = gzipSync(JSON.stringify(history.report(runs + 20 + index, uploadTests, Date.now())));
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/runs`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-encoding": "gzip",
        },
        body,
      });
      if (response.status !== 201)
        throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      if (index > 0) httpTimes.push(performance.now() - started);
    }
    log(
      `5,000-test upload through POST /api/v1/runs (gzip, zod, plan, store), 5 uploads: p50 ${ms(percentile(httpTimes, 50))} = ${rate(uploadTests, percentile(httpTimes, 50))}`,
    );

    const pages = [
      ["overview (main, 30 days)", "/bench/shop"],
      ["overview (main, 180 days)", "/bench/shop?range=180d"],
      ["test page (30 days)", `/bench/shop/tests/${testKey}`],
      ["run page (a 2,000-test run)", `/bench/shop/runs/${runId}`],
    ] as const;
    log(`pages, ${requests} requests each after 3 to warm up (load ${load()}):`);
    for (const [label, path] of pages) {
      const times: number[] = [];
      let first = 0;
      for (let index = 0; index < requests + 3; index++) {
        const started = performance.now();
        const response = await fetch(`${url}${path}`);
        await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        if (index === 0) first = performance.now() - started;
        if (index >= 3) times.push(performance.now() - started);
      }
      log(
        `  ${label.padEnd(30)} p50 ${ms(percentile(times, 50)).padStart(8)}   p95 ${ms(percentile(times, 95)).padStart(8)}   first request ${ms(first).padStart(8)}`,
      );
    }
    // A new upload drops nothing the overview keeps for past days; today's figures are read again.
    const afterUpload: number[] = [];
    for (let index = 0; index < 10; index++) {
      const body = gzipSync(JSON.stringify(history.report(runs + 40 + index, tests, Date.now())));
      await fetch(`${url}/api/v1/runs`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-encoding": "gzip",
        },
        body,
      });
      const started = performance.now();
      await (await fetch(`${url}/bench/shop`)).text();
      afterUpload.push(performance.now() - started);
    }
    log(
      `  ${"overview right after an upload".padEnd(30)} p50 ${ms(percentile(afterUpload, 50)).padStart(8)}   p95 ${ms(percentile(afterUpload, 95)).padStart(8)}   (10 upload + view pairs)`,
    );
  } finally {
    server.kill("SIGTERM");
  }
  const fileBytes = statSync(dbPath).size;
  log(
    `database: ${(databaseBytes / 1024 / 1024).toFixed(0)} MiB in use (${(fileBytes / 1024 / 1024).toFixed(0)} MiB file) for ${(tests * runs).toLocaleString("en-US")} results = ${Math.round(databaseBytes / (tests * runs))} bytes a result, indexes and rollups included`,
  );
  log(`load average at the end: ${load()}`);
  if (!values.keep) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not start within 2 minutes");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
