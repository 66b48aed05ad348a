// The SQLite engine (better-sqlite3): one file, WAL, a busy timeout, foreign keys on. Two connections: uploads
// write through one, inside a transaction that holds SQLite's write lock, while pages read through the other
// and see only what was committed. Uploads of this process take turns (SQLite has one writer); another
// process (the CLI) waits for the lock up to the busy timeout.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import {
  type Database,
  NEW_ROLLUP_COLUMNS,
  newRollupValues,
  type Params,
  type ResultRow,
  type RollupDay,
  type RollupWrite,
  type SqlFlavour,
  StoreError,
  type Transaction,
  valuesPlaceholders,
} from "./database.ts";

/** Rows per multi-row INSERT: fewer statements, within SQLite's limit of 32,766 parameters. */
const INSERT_BATCH = 200;
const RESULT_BATCH = 500;

const flavour: SqlFlavour = {
  dialect: "sqlite",
  anyOf: (column, param) => `${column} IN (SELECT value FROM json_each(@${param}))`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  like: "LIKE",
  greatest: "MAX",
  least: "MIN",
  rollupRef: "rowid",
  bytewise: "",
};

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

export interface OpenSqliteOptions {
  readonly path: string;
  /** The repository's drizzle/ folder; its sqlite/ migrations are applied before returning. */
  readonly migrationsFolder?: string;
}

export function openSqlite(options: OpenSqliteOptions): SqliteDatabase {
  const memory = options.path === ":memory:";
  if (!memory) mkdirSync(dirname(options.path), { recursive: true });
  const writer = new BetterSqlite3(options.path);
  let reader: BetterSqlite3.Database | null = null;
  try {
    writer.pragma("journal_mode = WAL");
    // Uploads from several processes (server, CLI) wait for each other instead of failing.
    writer.pragma("busy_timeout = 10000");
    writer.pragma("foreign_keys = ON");
    // WAL makes NORMAL durable against process crashes; only a power loss can lose the last commits.
    writer.pragma("synchronous = NORMAL");
    // The pages an upload touches (rollups of the day, test ids) stay in memory across uploads.
    writer.pragma("cache_size = -131072");
    writer.pragma("temp_store = MEMORY");
    // An upload writes a megabyte or two of pages; checkpointing every 4 MB (the default) copied them into the
    // database file every few uploads. Every 40 MB costs less per upload; the log is cut back afterwards.
    writer.pragma("wal_autocheckpoint = 10000");
    writer.pragma("journal_size_limit = 67108864");
    if (options.migrationsFolder) {
      migrate(drizzle(writer), { migrationsFolder: join(options.migrationsFolder, "sqlite") });
    }
    if (!memory) {
      reader = new BetterSqlite3(options.path);
      reader.pragma("busy_timeout = 10000");
      reader.pragma("cache_size = -131072");
      reader.pragma("temp_store = MEMORY");
      reader.pragma("query_only = ON");
    }
  } catch (cause) {
    reader?.close();
    writer.close();
    throw new StoreError(`cannot open the database at ${options.path}`, { cause });
  }
  return new SqliteDatabase(writer, reader ?? writer);
}

/** A connection's statements, prepared once. */
class Connection {
  private readonly statements = new Map<string, Statement>();
  constructor(readonly client: BetterSqlite3.Database) {}

  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.client.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params?: Params): T[] {
    return bind(this.prepare(sql), params, (s, p) => s.all(...p)) as T[];
  }

  get<T>(sql: string, params?: Params): T | undefined {
    return bind(this.prepare(sql), params, (s, p) => s.get(...p)) as T | undefined;
  }

  run(sql: string, params?: Params): number {
    return bind(this.prepare(sql), params, (s, p) => s.run(...p)).changes;
  }
}

/** better-sqlite3 binds numbers, strings, buffers and null: lists go as JSON (for json_each), flags as 0/1. */
function bind<R>(
  statement: Statement,
  params: Params | undefined,
  call: (s: Statement, p: unknown[]) => R,
): R {
  if (params === undefined) return call(statement, []);
  if (Array.isArray(params)) return call(statement, params.map(toSqlite));
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) named[name] = toSqlite(value);
  return call(statement, [named]);
}

function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

class SqliteTransaction implements Transaction {
  constructor(private readonly connection: Connection) {}

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.connection.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.connection.get<T>(sql, params);
  }

  async run(sql: string, params?: Params): Promise<number> {
    return this.connection.run(sql, params);
  }

  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    returning: readonly string[] = [],
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const tail = returning.length > 0 ? ` RETURNING ${returning.join(", ")}` : "";
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valuesPlaceholders(batch.length, columns.length)}${tail}`;
      const values: unknown[] = [];
      for (const row of batch) for (const value of row) values.push(toSqlite(value));
      const statement = this.connection.prepare(sql);
      if (returning.length > 0) out.push(...(statement.all(values) as Record<string, unknown>[]));
      else statement.run(values);
    }
    return out;
  }

  async insertResults(runId: number, startedAt: number, rows: readonly ResultRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += RESULT_BATCH) {
      const count = Math.min(RESULT_BATCH, rows.length - start);
      const statement = this.connection.prepare(
        `INSERT INTO test_results (run_id, test_id, started_at, status, duration_ms, attempts, failure_id)
         VALUES ${valuesPlaceholders(count, 7)}`,
      );
      const values: unknown[] = new Array(count * 7);
      for (let index = 0; index < count; index++) {
        const row = rows[start + index] as ResultRow;
        const at = index * 7;
        values[at] = runId;
        values[at + 1] = row.testId;
        values[at + 2] = startedAt;
        values[at + 3] = row.status;
        values[at + 4] = row.durationMs;
        values[at + 5] = row.attempts;
        values[at + 6] = row.failureId;
      }
      statement.run(values);
    }
  }

  // SQLite's AUTOINCREMENT goes on after the largest id inserted.
  async afterCopy(): Promise<void> {}

  async writeRollups(day: RollupDay, rows: readonly RollupWrite[]): Promise<Map<number, number>> {
    // Rows that exist are updated by rowid: the cheapest write SQLite has. New rows go in batches, and their
    // rowids come back for the next upload of the day.
    const update = this.connection.prepare(
      `UPDATE test_daily_rollups SET passed = ?, failed = ?, flaky = ?, skipped = ?, infra = ?, timed = ?,
         total_ms = ?, max_ms = ?, p50_ms = ?, p95_ms = ?, durations = ?, ci_time_lost_ms = ? WHERE rowid = ?`,
    );
    const fresh: RollupWrite[] = [];
    for (const row of rows) {
      if (row.ref === null) fresh.push(row);
      else
        update.run(
          row.passed,
          row.failed,
          row.flaky,
          row.skipped,
          row.infra,
          row.timed,
          row.totalMs,
          row.maxMs,
          row.p50Ms,
          row.p95Ms,
          row.durations,
          row.ciTimeLostMs,
          row.ref,
        );
    }
    const refs = new Map<number, number>();
    const inserted = await this.insertMany(
      "test_daily_rollups",
      NEW_ROLLUP_COLUMNS,
      fresh.map((row) => newRollupValues(day, row)),
      ["rowid AS ref", "test_id AS testId"],
    );
    for (const row of inserted) refs.set(row.testId as number, row.ref as number);
    return refs;
  }
}

export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  readonly flavour = flavour;
  private readonly writer: Connection;
  private readonly reader: Connection;
  /** The end of the last transaction queued: this process's uploads take turns on the one write connection. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database) {
    this.writer = new Connection(writer);
    this.reader = writer === reader ? this.writer : new Connection(reader);
  }

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.reader.get<T>(sql, params);
  }

  async run(sql: string, params?: Params): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      const client = this.writer.client;
      // IMMEDIATE: the write lock is taken at once, so nothing read inside can change before it is written.
      client.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(new SqliteTransaction(this.writer));
        client.exec("COMMIT");
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec("ROLLBACK");
        throw error;
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async prepareResults(): Promise<void> {}

  async pruneResults(before: number, runsPerBatch: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const count = await this.transaction(async (tx) => {
        const ids = await tx.all<{ id: number }>(
          `SELECT r.id FROM runs r WHERE r.started_at < ?
             AND EXISTS (SELECT 1 FROM test_results tr WHERE tr.run_id = r.id) LIMIT ?`,
          [before, runsPerBatch],
        );
        let removed = 0;
        for (const { id } of ids) removed += await tx.run("DELETE FROM test_results WHERE run_id = ?", [id]);
        return ids.length === 0 ? -1 : removed;
      });
      if (count < 0) return deleted;
      deleted += count;
      // Uploads waiting for the write lock go between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async explain(sql: string, params: Params): Promise<string[]> {
    return this.reader.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail);
  }

  async size(): Promise<number> {
    const pages = this.reader.client.pragma("page_count", { simple: true }) as number;
    const size = this.reader.client.pragma("page_size", { simple: true }) as number;
    return pages * size;
  }

  async settle(): Promise<void> {
    await this.queue;
    this.writer.client.pragma("wal_checkpoint(TRUNCATE)");
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.reader !== this.writer) this.reader.client.close();
    this.writer.client.close();
  }
}
