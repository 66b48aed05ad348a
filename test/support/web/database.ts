// The database a test runs on, whichever the test run is for: a fresh SQLite file in a folder of its own, or a
// fresh database on the run's private PostgreSQL cluster (test/support/postgres-setup.ts), copied from the
// migrated template. SEAMWATCH_TEST_DB (set per Vitest project) says which; the tests are the same.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "../../../store/queries.ts";
import { tableColumns } from "../../../store/schema.ts";

export const MIGRATIONS = fileURLToPath(new URL("../../../drizzle", import.meta.url));
export const TEMPLATE_DATABASE = "seamwatch_template";

export type DatabaseKind = "sqlite" | "postgres";

/** The database this test run is for. */
export const databaseKind: DatabaseKind =
  process.env.SEAMWATCH_TEST_DB === "postgres" ? "postgres" : "sqlite";

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** What SEAMWATCH_DB is set to for it: the file's path or the URL. */
  readonly url: string;
  /** A folder of the test's own (the SQLite file is in it). */
  readonly dir: string;
  /** The store on it, as the server opens it (migrations applied). */
  open(now?: () => number): Promise<Store>;
  /** Raw SQL for what a test checks in the tables themselves; `?` for parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Whether an upload holds the write lock of the project (SQLite: of the database) right now. */
  isUploading(projectId: number): Promise<boolean>;
  /** Whether the text is anywhere in the stored data (a secret that must not be). */
  contains(text: string): Promise<boolean>;
  remove(): Promise<void>;
}

let databases = 0;

export async function createTestDatabase(kind: DatabaseKind = databaseKind): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "seamwatch-db-"));
  if (kind === "sqlite") return sqliteDatabase(dir);
  const name = `seamwatch_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const admin = inject("postgresUrl");
  if (!admin)
    throw new Error(
      "no PostgreSQL cluster: run this in a Vitest project with test/support/postgres-setup.ts",
    );
  await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  return postgresDatabase(dir, url, async () => {
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

function sqliteDatabase(dir: string): TestDatabase {
  const path = join(dir, "seamwatch.db");
  return {
    kind: "sqlite",
    url: path,
    dir,
    open: (now) => openStore({ database: path, migrationsFolder: MIGRATIONS, now }),
    async query<T>(sql: string, params: unknown[] = []) {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async isUploading() {
      const probe = new Database(path);
      probe.pragma("busy_timeout = 0");
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
        throw error;
      } finally {
        probe.close();
      }
    },
    async contains(text) {
      const db = new Database(path);
      try {
        db.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        db.close();
      }
      return readFileSync(path).includes(Buffer.from(text));
    },
    async remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresDatabase(dir: string, url: string, drop: () => Promise<void>): TestDatabase {
  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url, types: NUMBERS });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind: "postgres",
    url,
    dir,
    open: (now) => openStore({ database: url, migrationsFolder: MIGRATIONS, now, poolSize: 4 }),
    query<T>(sql: string, params: unknown[] = []) {
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return withClient(async (client) => (await client.query(text, params)).rows as T[]);
    },
    isUploading(projectId) {
      return withClient(async (client) => {
        await client.query("BEGIN");
        try {
          // An upload locks its project's row first and holds it to the commit.
          await client.query("SELECT 1 FROM projects WHERE id = $1 FOR UPDATE NOWAIT", [projectId]);
          return false;
        } catch (error) {
          if ((error as { code?: string }).code === "55P03") return true;
          throw error;
        } finally {
          await client.query("ROLLBACK");
        }
      });
    },
    contains(text) {
      return withClient(async (client) => {
        for (const { table } of tableColumns) {
          const found = await client.query(`SELECT 1 FROM ${table} t WHERE t::text LIKE $1 LIMIT 1`, [
            `%${text}%`,
          ]);
          if ((found.rowCount ?? 0) > 0) return true;
        }
        return false;
      });
    },
    async remove() {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** COUNT, SUM and bigint columns as numbers, as SQLite gives them. */
const NUMBERS = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
