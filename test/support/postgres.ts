// A private PostgreSQL server for tests and the bench: Debian's PostgreSQL 15 (scripts/setup-test-machine.sh
// installs it), a cluster made with initdb in a temporary folder, run by the `postgres` user when this runs as
// root (initdb refuses root), on a free port of 127.0.0.1, stopped and removed afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./fixture-suites.ts";

export const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

export interface PostgresCluster {
  readonly port: number;
  readonly dir: string;
  /** A URL to one of its databases, as SEAMWATCH_DB takes it. */
  url(database?: string): string;
  /** SQL on the `postgres` database (CREATE DATABASE and the like). */
  admin(sql: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Extra server settings, e.g. { shared_buffers: "1GB" } for the bench. */
  readonly settings?: Readonly<Record<string, string>>;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  if (!existsSync(join(POSTGRES_BIN, "initdb"))) {
    throw new Error(
      `PostgreSQL 15 is not installed (no ${POSTGRES_BIN}/initdb): run scripts/setup-test-machine.sh (apt-get install postgresql)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "seamwatch-pg-"));
  const asRoot = process.getuid?.() === 0;
  const data = join(dir, "data");
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(POSTGRES_BIN, command), ...args]]
      : [join(POSTGRES_BIN, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  if (asRoot) {
    chownSync(dir, uidOf("postgres"), gidOf("postgres"));
    chmodSync(dir, 0o700);
  }
  run("initdb", [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "--encoding",
    "UTF8",
    "--locale",
    "C.UTF-8",
  ]);
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: dir,
    // A test database is thrown away: no need to survive a power cut.
    fsync: "off",
    full_page_writes: "off",
    max_connections: "200",
    ...options.settings,
  };
  writeFileSync(
    join(data, "postgresql.auto.conf"),
    Object.entries(settings)
      .map(([name, value]) => `${name} = '${value}'`)
      .join("\n"),
  );
  if (asRoot) chownSync(join(data, "postgresql.auto.conf"), uidOf("postgres"), gidOf("postgres"));
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    async admin(sql) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uidOf(user: string): number {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
}
