// `npm run bench:web`: the dashboard at scale, on SQLite or PostgreSQL. Fills a database with a synthetic CI
// history (default 10 million test results: 2,000 tests × 5,000 runs over 180 days) through the data-access
// module, then measures
//   1. ingest throughput: the fill as a whole, and a 5,000-test upload through the data module and through
//      the HTTP API;
//   2. p50/p95 server response of the overview, a test page and a run page (the standalone server);
//   3. the database's size.
// Goals on a 2-core machine: ingest ≥ 100,000 results/s; page p95 ≤ 300 ms at 10 M results on both databases,
// ≤ 500 ms at 100 M on PostgreSQL. Timings here are noisy (the machine is shared): the load average is printed
// next to them, and each run's figures are kept in .bench/web/*.json so that runs print side by side.
//   npm run bench:web -- [--db sqlite|postgres|postgres://…|both] [--results 10000000] [--tests 2000]
//                        [--days 180] [--requests 30] [--keep] [--table]
// --db postgres starts a private PostgreSQL 15 cluster (Debian's, as the tests do) with the settings printed;
// a postgres:// URL uses that server instead (its database must be empty). --table prints the kept figures.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { planRunRecord } from "../core/history/index.ts";
import { buildWeb } from "../scripts/build-web.mjs";
import { isPostgresUrl, openStore } from "../store/queries.ts";
import { freePort } from "../test/support/fixture-suites.ts";
import { type PostgresCluster, startPostgresCluster } from "../test/support/postgres.ts";
import { SyntheticHistory } from "./web-history.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const BENCH_DIR = join(root, ".bench", "web");
const SERVER = join(root, "web/.next/standalone/web/server.js");

/**
 * The private cluster's settings: what a dedicated server of this size would be given (a quarter of the
 * memory for shared buffers, checkpoints spaced out for bulk loads). Durability stays on: fsync and a flushed
 * commit per upload.
 */
const POSTGRES_SETTINGS = {
  shared_buffers: "4GB",
  effective_cache_size: "12GB",
  work_mem: "64MB",
  maintenance_work_mem: "512MB",
  max_wal_size: "16GB",
  checkpoint_timeout: "30min",
  wal_compression: "lz4",
  fsync: "on",
  full_page_writes: "on",
  synchronous_commit: "on",
};

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: "string", default: "sqlite" },
    results: { type: "string", default: "10000000" },
    tests: { type: "string", default: "2000" },
    days: { type: "string", default: "180" },
    requests: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    table: { type: "boolean", default: false },
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

function percentile(list: readonly number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const perSecond = (count: number, millis: number) => Math.round(count / (millis / 1000));
const rate = (count: number, millis: number) =>
  `${perSecond(count, millis).toLocaleString("en-US")} results/s`;

/** What one run measured, kept in .bench/web/ for the side-by-side table. */
interface Summary {
  readonly database: "sqlite" | "postgres";
  readonly results: number;
  readonly tests: number;
  readonly runs: number;
  readonly measuredAt: string;
  readonly load: string;
  readonly fillSeconds: number;
  readonly fillResultsPerSecond: number;
  readonly uploadMs: number;
  readonly uploadResultsPerSecond: number;
  readonly httpUploadResultsPerSecond: number;
  readonly pages: Record<string, { p50: number; p95: number; first: number }>;
  readonly databaseBytes: number;
}

interface Target {
  readonly database: "sqlite" | "postgres";
  /** What SEAMWATCH_DB is for the server. */
  readonly url: string;
  remove(): Promise<void>;
}

async function prepareTarget(kind: string): Promise<Target & { cluster?: PostgresCluster }> {
  mkdirSync(BENCH_DIR, { recursive: true });
  if (kind === "sqlite") {
    const path = join(BENCH_DIR, `bench-${tests}x${runs}.db`);
    const clear = () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    };
    clear();
    return { database: "sqlite", url: path, remove: async () => (values.keep ? undefined : clear()) };
  }
  if (isPostgresUrl(kind)) return { database: "postgres", url: kind, remove: async () => undefined };
  if (kind !== "postgres") {
    console.error(`--db: sqlite, postgres, a postgres:// URL or both; got ${JSON.stringify(kind)}`);
    process.exit(2);
  }
  const cluster = await startPostgresCluster({ settings: POSTGRES_SETTINGS });
  await cluster.admin("CREATE DATABASE bench");
  log(
    `PostgreSQL: a private cluster on port ${cluster.port}, ${Object.entries(POSTGRES_SETTINGS)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ")}`,
  );
  return {
    database: "postgres",
    url: cluster.url("bench"),
    cluster,
    remove: async () => {
      if (values.keep) log(`kept: ${cluster.url("bench")} (data in ${cluster.dir})`);
      else await cluster.stop();
    },
  };
}

async function benchOne(kind: string): Promise<Summary> {
  const target = await prepareTarget(kind);
  try {
    return await measure(target);
  } finally {
    await target.remove();
  }
}

async function measure(target: Target): Promise<Summary> {
  log();
  log(
    `seamwatch bench:web on ${target.database} — ${tests.toLocaleString("en-US")} tests × ${runs.toLocaleString("en-US")} runs over ${days} days = ${(tests * runs).toLocaleString("en-US")} results`,
  );
  log(`machine: ${cpus().length} cores, Node ${process.version}, load average ${load()}`);
  log(`database: ${target.database === "sqlite" ? target.url : target.url.replace(/:[^:@/]*@/, ":***@")}`);

  // 1. Fill, through the data module: plan each report (core/history) and store it in one transaction.
  const end = Date.now();
  const history = new SyntheticHistory({ tests, runs, days, end });
  const store = await openStore({ database: target.url, migrationsFolder: join(root, "drizzle") });
  const projectId = await store.ensureProject({ slug: "bench/shop", defaultBranch: "main" });
  const fillStarted = performance.now();
  let planMs = 0;
  let ingestMs = 0;
  for (let index = 0; index < runs; index++) {
    let started = performance.now();
    const record = planRunRecord(history.report(index));
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
    `fill: ${(fillMs / 1000).toFixed(1)} s in all; store.ingestRun ${rate(runs * tests, ingestMs)} (generating and planning the reports took ${(planMs / 1000).toFixed(1)} s more)`,
  );
  // Months of history arrived in minutes: the upkeep the database does as it goes (PostgreSQL's autovacuum
  // and statistics) is done now, so that it does not run during the measurements below.
  const settleStarted = performance.now();
  await store.settle();
  log(
    `settled after the fill (store.settle: ${target.database === "sqlite" ? "WAL checkpoint" : "VACUUM (ANALYZE)"}) in ${((performance.now() - settleStarted) / 1000).toFixed(1)} s`,
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
  const uploadMs = percentile(uploadTimes, 50);
  log(
    `5,000-test upload through store.ingestRun, 10 uploads: p50 ${ms(uploadMs)} = ${rate(uploadTests, uploadMs)}; p95 ${ms(percentile(uploadTimes, 95))}; load ${load()}`,
  );

  await store.settle();
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
      SEAMWATCH_DB: target.url,
      NEXT_TELEMETRY_DISABLED: "1",
      // The history spans its days: the default retention (90) would prune half of it while pages are timed.
      SEAMWATCH_RETENTION_DAYS: String(days + 60),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const pages: Summary["pages"] = {};
  let httpUploadResultsPerSecond = 0;
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
    httpUploadResultsPerSecond = perSecond(uploadTests, percentile(httpTimes, 50));
    log(
      `5,000-test upload through POST /api/v1/runs (gzip, zod, plan, store), 5 uploads: p50 ${ms(percentile(httpTimes, 50))} = ${rate(uploadTests, percentile(httpTimes, 50))}`,
    );

    const paths = [
      ["overview (main, 30 days)", "/bench/shop"],
      ["overview (main, 180 days)", "/bench/shop?range=180d"],
      ["test page (30 days)", `/bench/shop/tests/${testKey}`],
      [`run page (a ${tests.toLocaleString("en-US")}-test run)`, `/bench/shop/runs/${runId}`],
    ] as const;
    log(`pages, ${requests} requests each after 3 to warm up (load ${load()}):`);
    for (const [label, path] of paths) {
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
      pages[label] = { p50: percentile(times, 50), p95: percentile(times, 95), first };
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
    pages["overview right after an upload"] = {
      p50: percentile(afterUpload, 50),
      p95: percentile(afterUpload, 95),
      first: afterUpload[0] ?? 0,
    };
    log(
      `  ${"overview right after an upload".padEnd(30)} p50 ${ms(percentile(afterUpload, 50)).padStart(8)}   p95 ${ms(percentile(afterUpload, 95)).padStart(8)}   (10 upload + view pairs)`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  const fileNote =
    target.database === "sqlite" ? ` (${(statSync(target.url).size / 1024 / 1024).toFixed(0)} MiB file)` : "";
  log(
    `database: ${(databaseBytes / 1024 / 1024).toFixed(0)} MiB in use${fileNote} for ${(tests * runs).toLocaleString("en-US")} results = ${Math.round(databaseBytes / (tests * runs))} bytes a result, indexes and rollups included`,
  );
  log(`load average at the end: ${load()}`);
  const summary: Summary = {
    database: target.database,
    results: tests * runs,
    tests,
    runs,
    measuredAt: new Date().toISOString(),
    load: load(),
    fillSeconds: fillMs / 1000,
    fillResultsPerSecond: perSecond(runs * tests, ingestMs),
    uploadMs,
    uploadResultsPerSecond: perSecond(uploadTests, uploadMs),
    httpUploadResultsPerSecond,
    pages,
    databaseBytes,
  };
  writeFileSync(
    join(BENCH_DIR, `${target.database}-${tests}x${runs}.json`),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  return summary;
}

/** The runs side by side: one column per database and size. */
function printTable(summaries: readonly Summary[]): void {
  if (summaries.length === 0) return;
  const columns = summaries.map(
    (summary) =>
      `${summary.database} ${summary.results >= 1e6 ? `${Math.round(summary.results / 1e6)} M` : summary.results.toLocaleString("en-US")}`,
  );
  const number = (value: number) => value.toLocaleString("en-US");
  const rows: [string, ...string[]][] = [
    ["results / tests × runs", ...summaries.map((s) => `${number(s.tests)} × ${number(s.runs)}`)],
    ["fill (store.ingestRun), results/s", ...summaries.map((s) => number(s.fillResultsPerSecond))],
    ["5,000-test upload, data module, results/s", ...summaries.map((s) => number(s.uploadResultsPerSecond))],
    ["5,000-test upload, HTTP API, results/s", ...summaries.map((s) => number(s.httpUploadResultsPerSecond))],
  ];
  const labels = [...new Set(summaries.flatMap((s) => Object.keys(s.pages)))];
  for (const label of labels) {
    rows.push([
      `${label}, p50 / p95 ms`,
      ...summaries.map((s) => {
        const page = s.pages[label];
        return page ? `${Math.round(page.p50)} / ${Math.round(page.p95)}` : "—";
      }),
    ]);
  }
  rows.push([
    "database size, MiB",
    ...summaries.map((s) => number(Math.round(s.databaseBytes / 1024 / 1024))),
  ]);
  rows.push(["load average when measured", ...summaries.map((s) => s.load)]);
  rows.push(["measured at", ...summaries.map((s) => s.measuredAt.slice(0, 16).replace("T", " "))]);
  const widths = [
    Math.max(...rows.map((row) => row[0].length)),
    ...columns.map((column, index) =>
      Math.max(column.length, ...rows.map((row) => (row[index + 1] as string).length)),
    ),
  ];
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[index] as number))).join(" | ")} |`;
  log();
  log(line(["", ...columns]));
  log(
    `|${widths.map((width, index) => (index === 0 ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`,
  );
  for (const row of rows) log(line(row));
}

function keptSummaries(): Summary[] {
  let names: string[] = [];
  try {
    names = readdirSync(BENCH_DIR).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names
    .map((name) => JSON.parse(readFileSync(join(BENCH_DIR, name), "utf8")) as Summary)
    .sort((a, b) => a.results - b.results || a.database.localeCompare(b.database));
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

async function main(): Promise<void> {
  if (values.table) {
    printTable(keptSummaries());
    return;
  }
  await buildWeb({ ifNeeded: true });
  const kinds = values.db === "both" ? ["sqlite", "postgres"] : [values.db];
  const summaries: Summary[] = [];
  for (const kind of kinds) summaries.push(await benchOne(kind));
  printTable(summaries);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
