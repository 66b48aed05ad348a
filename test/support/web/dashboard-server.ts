// The dashboard as users run it: the standalone production build under `node`, on a free port of
// 127.0.0.1, with a fresh database of the test run's kind (a SQLite file, or a PostgreSQL database: see
// database.ts); the server applies the real migrations at start.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Store } from "../../../store/queries.ts";
import { freePort } from "../fixture-suites.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export const SERVER_SCRIPT = fileURLToPath(
  new URL("../../../web/.next/standalone/web/server.js", import.meta.url),
);

export interface DashboardServer {
  readonly url: string;
  readonly database: TestDatabase;
  readonly process: ChildProcess;
  /** What the server printed so far (stdout and stderr). */
  log(): string;
  /** Opens the same database from the test, as the CLI would (tokens, checks). */
  openStore(): Promise<Store>;
  /** A new upload token for a project. */
  createToken(project: string): Promise<string>;
  stop(): Promise<void>;
  /** SIGKILL, no clean-up: the process is gone when this resolves. */
  kill(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  /** Another copy of the standalone server (default: the build's). */
  readonly script?: string;
  /**
   * A database to share (a restart after a kill, a second server on the same database); it stays when the
   * server stops. Default: a fresh one, removed when the server stops.
   */
  readonly database?: TestDatabase;
}

export async function startDashboard(options: StartOptions = {}): Promise<DashboardServer> {
  const database = options.database ?? (await createTestDatabase());
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [options.script ?? SERVER_SCRIPT], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      SEAMWATCH_DB: database.url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stores: Store[] = [];
  const server: DashboardServer = {
    url,
    database,
    process: child,
    log: () => output.join(""),
    async openStore() {
      const store = await database.open();
      stores.push(store);
      return store;
    },
    async createToken(project) {
      const store = await database.open();
      try {
        return (await store.createUploadToken({ projectSlug: project })).token;
      } finally {
        await store.close();
      }
    },
    async stop() {
      for (const store of stores.splice(0)) await store.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      if (!options.database) await database.remove();
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
  try {
    await waitUntilReady(url, child, server.log, exited);
  } catch (error) {
    if (!options.database) await database.remove();
    throw error;
  }
  return server;
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  log: () => string,
  exited: Promise<void>,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the dashboard exited (code ${child.exitCode}) before it was ready:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the dashboard did not answer within 60 s:\n${log()}`);
}
