// `npm start`: the dashboard from a fresh clone in one command. Builds it when the sources changed since the
// last build, starts the standalone server (which applies the migrations), and when the database has no run
// yet seeds the demo project through the real upload API. Prints where to open it and the demo's upload token.
//   PORT (3000), SEAMWATCH_HOST (127.0.0.1), SEAMWATCH_DB (./data/seamwatch.db, or a postgres:// URL; else
//   DATABASE_URL); every other SEAMWATCH_* setting
//   is passed to the server as it is.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isPostgresUrl, openStore } from "../store/queries.ts";
import { buildWeb } from "./build-web.mjs";
import { DEMO_PROJECT, seedDemo } from "./seed-demo.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const SERVER = join(root, "web/.next/standalone/web/server.js");

export interface StartedDashboard {
  readonly url: string;
  readonly server: ChildProcess;
  /** The demo project's upload token, when this start seeded it (or an earlier one did). */
  readonly demoToken: string | null;
}

export async function startDashboard(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.log(line),
): Promise<StartedDashboard> {
  await buildWeb({
    ifNeeded: true,
    log,
  });
  const port = Number(env.PORT?.trim() || 3000);
  // Not HOSTNAME: shells and containers set it to the machine's name, and a clone's demo belongs on loopback.
  const hostname = env.SEAMWATCH_HOST?.trim() || "127.0.0.1";
  // A postgres:// URL (SEAMWATCH_DB or DATABASE_URL) as it is; a SQLite file from where this was started.
  const named = env.SEAMWATCH_DB?.trim() || env.DATABASE_URL?.trim() || "./data/seamwatch.db";
  const database = isPostgresUrl(named) ? named : resolve(named);
  const tokenFile = demoTokenFile(database);

  const server = spawn(process.execPath, [SERVER], {
    env: {
      ...env,
      PORT: String(port),
      HOSTNAME: hostname,
      SEAMWATCH_DB: database,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  await waitForServer(url, server);

  let demoToken = existsSync(tokenFile) ? readFileSync(tokenFile, "utf8").trim() : null;
  const store = await openStore({ database, migrationsFolder: join(root, "drizzle") });
  try {
    if ((await store.countRuns()) === 0) {
      const started = Date.now();
      log(
        `seamwatch: the database is empty; seeding the demo project ${DEMO_PROJECT} through the upload API…`,
      );
      demoToken = (await store.createUploadToken({ projectSlug: DEMO_PROJECT, label: "demo" })).token;
      mkdirSync(dirname(tokenFile), { recursive: true });
      writeFileSync(tokenFile, `${demoToken}\n`);
      chmodSync(tokenFile, 0o600);
      const seeded = await seedDemo({
        url,
        token: demoToken,
        now: Date.now(),
        log: (line) => log(`seamwatch: ${line}`),
      });
      log(
        `seamwatch: seeded ${seeded.uploads} runs of ${seeded.tests} tests over five weeks in ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }
  } catch (error) {
    server.kill("SIGTERM");
    throw error;
  } finally {
    await store.close();
  }
  return { url, server, demoToken };
}

/** Beside the SQLite file; for a PostgreSQL database, in ./data under the database's name. */
export function demoTokenFile(database: string): string {
  if (!isPostgresUrl(database)) return join(dirname(database), "demo-upload-token.txt");
  const url = new URL(database);
  const name = `${url.hostname}-${url.port || "5432"}-${url.pathname.slice(1)}`.replace(/[^\w.-]+/g, "_");
  return resolve("data", `demo-upload-token-${name}.txt`);
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  let exited = false;
  server.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`the dashboard server stopped (exit code ${server.exitCode}); its output is above`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  server.kill("SIGKILL");
  throw new Error(`the dashboard did not answer at ${url} within 60 s`);
}

if (import.meta.filename === process.argv[1]) {
  startDashboard().then(
    ({ url, server, demoToken }) => {
      console.log("");
      console.log(`  seamwatch dashboard: ${url}`);
      if (demoToken) console.log(`  demo upload token (${DEMO_PROJECT}): ${demoToken}`);
      console.log("  new project token: npm run token:create -- --project org/repo");
      console.log("  stop: Ctrl+C");
      console.log("");
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
      server.on("exit", (code, signal) => {
        process.exitCode = code ?? (signal ? 0 : 1);
      });
    },
    (error: unknown) => {
      console.error(
        `seamwatch: cannot start the dashboard: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    },
  );
}
