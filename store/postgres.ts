// The PostgreSQL engine (node-postgres, drizzle's migrator): a pool whose size is a setting, for several server
// replicas on one database. Uploads of one project take turns on the project's row, which each upload locks
// first (store/queries.ts); uploads of different projects go side by side. test_results is partitioned by
// month (drizzle/postgres/0001): a month's partition is created when an upload first needs it, and retention
// drops whole months. Bulk writes send each column as one array and let the server unnest them: one statement
// for thousands of rows.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import {
  type Database,
  describeDatabase,
  MissingMonthError,
  NEW_ROLLUP_COLUMNS,
  newRollupValues,
  type Params,
  type ResultRow,
  ROLLUP_VALUES,
  type RollupDay,
  type RollupWrite,
  type SqlFlavour,
  StoreError,
  type Transaction,
} from "./database.ts";
import { tableColumns } from "./schema.ts";

const flavour: SqlFlavour = {
  dialect: "postgres",
  anyOf: (column, param, type) => `${column} = ANY(@${param}::${type === "int" ? "int" : "text"}[])`,
  indexedBy: () => "",
  like: "ILIKE",
  greatest: "GREATEST",
  least: "LEAST",
  rollupRef: "1",
  bytewise: ' COLLATE "C"',
};

/** Keys of the advisory locks the servers share. */
const LOCKS = { migrate: 7_391_001, partitions: 7_391_002, prune: 7_391_003 } as const;

/** int8 and numeric (COUNT, SUM of bigint) as numbers: epoch milliseconds and sums stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenPostgresOptions {
  readonly url: string;
  /** Connections this server opens at most. */
  readonly poolSize?: number;
  /** The repository's drizzle/ folder; its postgres/ migrations are applied before returning. */
  readonly migrationsFolder?: string;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types,
    application_name: "seamwatch",
    // Statements go out as soon as they are made, without waiting for the answer to the one before: an upload
    // sends its bulk writes one after another while the server stores them (node-postgres' pipelining).
    pipeline: true,
    // The dashboard's queries are short: compiling one (JIT, on for costly plans) took longer than running it.
    options: "-c jit=off",
    // A connection that cannot be made within this time is an error, not a hung request.
    connectionTimeoutMillis: 15_000,
  });
  // An idle connection the server dropped is replaced; it must not crash the process.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (options.migrationsFolder) {
        // Replicas starting together: one applies the migrations, the others wait and find nothing to do.
        await client.query("SELECT pg_advisory_lock($1)", [LOCKS.migrate]);
        try {
          await migrate(drizzle(client), { migrationsFolder: join(options.migrationsFolder, "postgres") });
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [LOCKS.migrate]);
        }
      }
    } finally {
      client.release();
    }
    const database = new PostgresDatabase(pool);
    await database.loadMonths();
    return database;
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`cannot open the database at ${describeDatabase(options.url)}`, { cause });
  }
}

/** Named parameters and `?` as PostgreSQL's $1, $2, …; each statement is converted once. */
class StatementCache {
  private readonly converted = new Map<string, { text: string; names: string[] | null; name: string }>();

  query(sql: string, params: Params | undefined): pg.QueryConfig {
    let entry = this.converted.get(sql);
    if (!entry) {
      const names: string[] = [];
      let positional = 0;
      const text = sql.replace(/@([A-Za-z_]\w*)|\?/g, (_match, name: string | undefined) => {
        if (name === undefined) return `$${++positional}`;
        let index = names.indexOf(name);
        if (index < 0) index = names.push(name) - 1;
        return `$${index + 1}`;
      });
      entry = {
        text,
        names: positional > 0 ? null : names,
        // Prepared once per connection and kept: the pages repeat the same reads.
        name: `sw_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`,
      };
      this.converted.set(sql, entry);
    }
    const values =
      params === undefined
        ? []
        : Array.isArray(params)
          ? params.map(toPostgres)
          : (entry.names ?? []).map((name) => toPostgres((params as Record<string, unknown>)[name]));
    return { name: entry.name, text: entry.text, values };
  }
}

function toPostgres(value: unknown): unknown {
  return value === undefined ? null : value;
}

interface Runner {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

async function allRows<T>(runner: Runner, statements: StatementCache, sql: string, params?: Params) {
  return (await runner.query(statements.query(sql, params))).rows as T[];
}

/**
 * A column of values as one array parameter. Numbers, flags and bytes go in PostgreSQL's binary array format
 * (a Buffer, which node-postgres sends as binary): the server copies them in without parsing text, and bytes
 * need no hex. Text goes as text (node-postgres quotes each element).
 */
function arrayParameter(kind: string, values: readonly unknown[]): unknown {
  if (kind === "text") return values;
  const element = BINARY_ELEMENTS[kind];
  if (!element) throw new StoreError(`no array form for a ${kind} column`);
  const count = values.length;
  let size = 20 + count * 4;
  let nulls = false;
  for (let index = 0; index < count; index++) {
    const value = values[index];
    if (value === null || value === undefined) nulls = true;
    else size += element.width > 0 ? element.width : (value as Uint8Array).length;
  }
  const out = Buffer.allocUnsafe(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setInt32(0, 1); // dimensions
  view.setInt32(4, nulls ? 1 : 0);
  view.setUint32(8, element.oid);
  view.setInt32(12, count);
  view.setInt32(16, 1); // lower bound
  let at = 20;
  for (let index = 0; index < count; index++) {
    const value = values[index];
    if (value === null || value === undefined) {
      view.setInt32(at, -1);
      at += 4;
    } else if (kind === "flag") {
      view.setInt32(at, 1);
      view.setUint8(at + 4, value ? 1 : 0);
      at += 5;
    } else if (kind === "bytes") {
      const bytes = value as Uint8Array;
      view.setInt32(at, bytes.length);
      out.set(bytes, at + 4);
      at += 4 + bytes.length;
    } else {
      const number = value as number;
      if (!Number.isSafeInteger(number))
        throw new StoreError(`not a whole number for a ${kind} column: ${number}`);
      if (element.width === 4) {
        if (number > 0x7fff_ffff || number < -0x8000_0000) {
          throw new StoreError(`a number too large for a ${kind} column: ${number}`);
        }
        view.setInt32(at, 4);
        view.setInt32(at + 4, number);
        at += 8;
      } else {
        const high = Math.floor(number / 0x1_0000_0000);
        view.setInt32(at, 8);
        view.setInt32(at + 4, high);
        view.setUint32(at + 8, number - high * 0x1_0000_0000);
        at += 12;
      }
    }
  }
  return out;
}

/** Element type oid and width (−1: as long as each value) of the binary arrays. */
const BINARY_ELEMENTS: Record<string, { oid: number; width: number }> = {
  id: { oid: 23, width: 4 },
  integer: { oid: 23, width: 4 },
  rowid: { oid: 20, width: 8 },
  time: { oid: 20, width: 8 },
  flag: { oid: 16, width: 1 },
  bytes: { oid: 17, width: -1 },
};

const ARRAY_TYPE: Record<string, string> = {
  id: "int[]",
  rowid: "bigint[]",
  integer: "int[]",
  time: "bigint[]",
  text: "text[]",
  flag: "boolean[]",
  bytes: "bytea[]",
};

const COLUMN_KINDS = new Map(
  tableColumns.map(({ table, columns }) => [
    table,
    new Map(columns.map((column) => [column.name, column.kind])),
  ]),
);

function kindOf(table: string, column: string): string {
  const kind = COLUMN_KINDS.get(table)?.get(column);
  if (!kind) throw new StoreError(`no column ${column} in ${table}`);
  return kind;
}

/** `INSERT INTO t (cols) SELECT … FROM unnest($1::int[], …)`: thousands of rows in one statement. */
function unnestInsert(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[],
  first = 1,
): { text: string; values: unknown[] } {
  const kinds = columns.map((column) => kindOf(table, column));
  const values = kinds.map((kind, index) =>
    arrayParameter(
      kind,
      rows.map((row) => row[index]),
    ),
  );
  const casts = kinds.map((kind, index) => `$${first + index}::${ARRAY_TYPE[kind]}`).join(", ");
  const selected = columns.map((column) => `v.${column}`).join(", ");
  const tail = returning.length > 0 ? ` RETURNING ${returning.join(", ")}` : "";
  return {
    text: `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${selected} FROM unnest(${casts}) AS v(${columns.join(", ")})${tail}`,
    values,
  };
}

class PostgresTransaction implements Transaction {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly statements: StatementCache,
    private readonly forgetMonth: (startedAt: number) => void,
  ) {}

  /**
   * Sends a statement at once, behind those before it (the pool's connections pipeline: the server runs each
   * in the order sent while this process works out the next).
   */
  private send(config: pg.QueryConfig): Promise<pg.QueryResult> {
    return this.client.query(config);
  }

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return (await this.send(this.statements.query(sql, params))).rows as T[];
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params?: Params): Promise<number> {
    return (await this.send(this.statements.query(sql, params))).rowCount ?? 0;
  }

  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    returning: readonly string[] = [],
  ): Promise<Record<string, unknown>[]> {
    if (rows.length === 0) return [];
    const { text, values } = unnestInsert(table, columns, rows, returning);
    return (await this.send({ text, values })).rows;
  }

  async insertResults(runId: number, startedAt: number, rows: readonly ResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = (value: (row: ResultRow) => number | null) => arrayParameter("integer", rows.map(value));
    try {
      await this.send({
        name: "sw_insert_results",
        text: `INSERT INTO test_results (run_id, test_id, started_at, status, duration_ms, attempts, failure_id)
          SELECT $1, v.t, $2, v.s, v.d, v.a, v.f
          FROM unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::int[]) AS v(t, s, d, a, f)`,
        values: [
          runId,
          startedAt,
          column((row) => row.testId),
          column((row) => row.status),
          column((row) => row.durationMs),
          column((row) => row.attempts),
          column((row) => row.failureId),
        ],
      });
    } catch (error) {
      // 23514: no partition of test_results for the row's month.
      if ((error as { code?: string }).code === "23514") {
        this.forgetMonth(startedAt);
        throw new MissingMonthError("the month of these results has no partition", { cause: error });
      }
      throw error;
    }
  }

  async afterCopy(): Promise<void> {
    for (const { table, columns } of tableColumns) {
      if (!columns.some((column) => column.kind === "id")) continue;
      await this.send({
        text: `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${table}`,
      });
    }
  }

  async writeRollups(day: RollupDay, rows: readonly RollupWrite[]): Promise<Map<number, number>> {
    const existing = rows.filter((row) => row.ref !== null);
    const fresh = rows.filter((row) => row.ref === null);
    // Both sent at once: the insert does not wait for the update's answer.
    const writes: Promise<unknown>[] = [];
    if (existing.length > 0) {
      writes.push(
        this.send({
          name: "sw_update_rollups",
          text: `UPDATE test_daily_rollups r SET ${ROLLUP_VALUES.map(([column]) => `${column} = v.${column}`).join(", ")}
          FROM unnest($4::int[], ${ROLLUP_VALUES.map(([column], index) => `$${index + 5}::${ARRAY_TYPE[kindOf("test_daily_rollups", column)]}`).join(", ")})
            AS v(test_id, ${ROLLUP_VALUES.map(([column]) => column).join(", ")})
          WHERE r.project_id = $1 AND r.branch = $2 AND r.day = $3 AND r.test_id BETWEEN $${ROLLUP_VALUES.length + 5} AND $${ROLLUP_VALUES.length + 6}
            AND r.test_id = v.test_id`,
          values: [
            day.projectId,
            day.branch,
            day.day,
            arrayParameter(
              "integer",
              existing.map((row) => row.testId),
            ),
            ...ROLLUP_VALUES.map(([column, field]) =>
              arrayParameter(
                kindOf("test_daily_rollups", column),
                existing.map((row) => row[field]),
              ),
            ),
            // The rows' range of test ids: a batch of ids in order reads only its own rows of the day.
            Math.min(...existing.map((row) => row.testId)),
            Math.max(...existing.map((row) => row.testId)),
          ],
        }),
      );
    }
    const refs = new Map<number, number>();
    if (fresh.length > 0) {
      writes.push(
        this.insertMany(
          "test_daily_rollups",
          NEW_ROLLUP_COLUMNS,
          fresh.map((row) => newRollupValues(day, row)),
        ),
      );
      for (const row of fresh) refs.set(row.testId, 1);
    }
    await Promise.all(writes);
    return refs;
  }
}

/** test_results_y2026m03 holds March 2026 (UTC): [start, end) in epoch milliseconds. */
interface Month {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

function monthOf(time: number): Month {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    name: `test_results_y${year}m${String(month + 1).padStart(2, "0")}`,
    start: Date.UTC(year, month, 1),
    end: Date.UTC(year, month + 1, 1),
  };
}

const MONTH_NAME = /^test_results_y(\d{4})m(\d{2})$/;

export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  readonly flavour = flavour;
  private readonly statements = new StatementCache();
  /** Partitions known to exist; another server may drop one (retention), which an insert then finds out. */
  private readonly months = new Set<string>();

  constructor(private readonly pool: pg.Pool) {}

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return allRows<T>(this.pool, this.statements, sql, params);
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params?: Params): Promise<number> {
    return (await this.pool.query(this.statements.query(sql, params))).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        const result = await work(
          new PostgresTransaction(client, this.statements, (startedAt) =>
            this.months.delete(monthOf(startedAt).name),
          ),
        );
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      }
    } finally {
      // A connection that could not roll back is closed rather than handed to the next request.
      client.release(broken);
    }
  }

  async loadMonths(): Promise<void> {
    const rows = await this.all<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'test_results'::regclass`,
    );
    this.months.clear();
    for (const row of rows) this.months.add(row.name);
  }

  async prepareResults(startedAt: number): Promise<void> {
    const month = monthOf(startedAt);
    if (this.months.has(month.name)) return;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      // One server creates a month; the others wait here, then find it made.
      await client.query("SELECT pg_advisory_xact_lock($1)", [LOCKS.partitions]);
      const attached = await client.query(
        `SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'test_results'::regclass AND c.relname = $1`,
        [month.name],
      );
      if (attached.rowCount === 0) {
        // Created beside the table and then attached: ATTACH locks test_results only against other schema
        // changes, so uploads and pages go on meanwhile. The CHECK spares ATTACH a scan of the new table.
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${month.name} (LIKE test_results INCLUDING DEFAULTS);
           ALTER TABLE ${month.name} ADD CONSTRAINT ${month.name}_month
             CHECK (started_at >= ${month.start} AND started_at < ${month.end});
           ALTER TABLE test_results ATTACH PARTITION ${month.name}
             FOR VALUES FROM (${month.start}) TO (${month.end});
           ALTER TABLE ${month.name} DROP CONSTRAINT ${month.name}_month`,
        );
      }
      await client.query("COMMIT");
      this.months.add(month.name);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Drops every month that ended before `before`; a month with older and newer results stays whole. */
  async pruneResults(before: number): Promise<number> {
    const client = await this.pool.connect();
    let deleted = 0;
    try {
      // One server prunes at a time; the others skip this round.
      const locked = await client.query("SELECT pg_try_advisory_lock($1) AS locked", [LOCKS.prune]);
      if (!locked.rows[0]?.locked) return 0;
      try {
        await this.loadMonths();
        for (const name of [...this.months].sort()) {
          const match = MONTH_NAME.exec(name);
          if (!match) continue;
          const end = Date.UTC(Number(match[1]), Number(match[2]), 1);
          if (end > before) continue;
          const counted = await client.query(`SELECT COUNT(*) AS n FROM ${name}`);
          // CONCURRENTLY: uploads and pages keep reading test_results while the month goes.
          await client.query(`ALTER TABLE test_results DETACH PARTITION ${name} CONCURRENTLY`);
          await client.query(`DROP TABLE ${name}`);
          this.months.delete(name);
          deleted += Number(counted.rows[0]?.n ?? 0);
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCKS.prune]);
      }
      return deleted;
    } finally {
      client.release();
    }
  }

  async explain(sql: string, params: Params): Promise<string[]> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      // A test database is tiny, and PostgreSQL scans tiny tables whatever their indexes: the plan asked for
      // is the one it would use where scans are expensive, as on a full database.
      await client.query("SET LOCAL enable_seqscan = off");
      const rows = await allRows<{ "QUERY PLAN": string }>(client, this.statements, `EXPLAIN ${sql}`, params);
      await client.query("ROLLBACK");
      return rows.map((row) => row["QUERY PLAN"]);
    } finally {
      client.release();
    }
  }

  async size(): Promise<number> {
    return (await this.get<{ bytes: number }>("SELECT pg_database_size(current_database()) AS bytes"))
      ?.bytes as number;
  }

  async settle(): Promise<void> {
    // What autovacuum would get to over the following minutes: the visibility map and statistics of the
    // tables just filled (plans are made from them).
    await this.pool.query("VACUUM (ANALYZE)");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
