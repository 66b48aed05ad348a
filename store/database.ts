// The seam between the data module (store/queries.ts) and a database engine (store/sqlite.ts,
// store/postgres.ts). The queries module writes SQL once for both, with named parameters (`@name`) or
// positional ones (`?`), and asks the engine's `flavour` for the few constructs that differ; the engines run it,
// and do the bulk writes of an upload each the fastest way its database has. Nothing outside store/ sees this.

export type Dialect = "sqlite" | "postgres";

/** Parameters by name (`@name` in the SQL) or by position (`?`). Arrays are lists for `flavour.anyOf`. */
export type Params = Readonly<Record<string, unknown>> | readonly unknown[];

/** What differs between the two SQL dialects, as the queries module writes it. */
export interface SqlFlavour {
  readonly dialect: Dialect;
  /** `column` is one of the list given as parameter `param` (a JS array of numbers or strings). */
  anyOf(column: string, param: string, type: "int" | "text"): string;
  /** SQLite's INDEXED BY hint, where its planner needs one; nothing on PostgreSQL. */
  indexedBy(index: string): string;
  /** Case-insensitive LIKE (SQLite's LIKE is; PostgreSQL's is ILIKE). */
  readonly like: string;
  /** The larger and the smaller of two values (SQLite's two-argument MAX and MIN). */
  readonly greatest: string;
  readonly least: string;
  /** What a rollup row is written back by (SQLite: its rowid; PostgreSQL: its key, so any value). */
  readonly rollupRef: string;
  /** Text ordered by its bytes, the same on both (PostgreSQL otherwise sorts by the database's locale). */
  readonly bytewise: string;
}

/** Runs SQL: on a pool or read connection, or inside a transaction. */
export interface Queryable {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** Rows changed. */
  run(sql: string, params?: Params): Promise<number>;
}

/** A test's rollup row of one day and branch, as an upload leaves it. */
export interface RollupWrite {
  /** The engine's handle on the stored row (SQLite's rowid); null when the row is new. */
  readonly ref: number | null;
  readonly testId: number;
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  readonly skipped: number;
  readonly infra: number;
  readonly timed: number;
  readonly totalMs: number;
  readonly maxMs: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  /** core/history's packing of the day's duration sketch. */
  readonly durations: Uint8Array | null;
  readonly ciTimeLostMs: number;
}

/** The rollup columns an upload writes, in the order the engines write them, and the row's field for each. */
export const ROLLUP_VALUES = [
  ["passed", "passed"],
  ["failed", "failed"],
  ["flaky", "flaky"],
  ["skipped", "skipped"],
  ["infra", "infra"],
  ["timed", "timed"],
  ["total_ms", "totalMs"],
  ["max_ms", "maxMs"],
  ["p50_ms", "p50Ms"],
  ["p95_ms", "p95Ms"],
  ["durations", "durations"],
  ["ci_time_lost_ms", "ciTimeLostMs"],
] as const satisfies readonly (readonly [string, keyof RollupWrite])[];

export interface RollupDay {
  readonly projectId: number;
  readonly branch: string;
  readonly day: number;
}

/** The columns of a new rollup row, as both engines insert it. */
export const NEW_ROLLUP_COLUMNS = [
  "project_id",
  "branch",
  "day",
  "test_id",
  ...ROLLUP_VALUES.map(([column]) => column),
];

/** A new rollup row's values, in the order of NEW_ROLLUP_COLUMNS. */
export function newRollupValues(day: RollupDay, row: RollupWrite): unknown[] {
  return [day.projectId, day.branch, day.day, row.testId, ...ROLLUP_VALUES.map(([, field]) => row[field])];
}

/** One test result as test_results holds it. */
export interface ResultRow {
  readonly testId: number;
  readonly status: number;
  readonly durationMs: number;
  readonly attempts: number;
  readonly failureId: number | null;
}

export interface Transaction extends Queryable {
  /**
   * Inserts rows (values in `columns`' order) in as few statements as the engine can, returning the
   * `returning` columns of each inserted row.
   */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    returning?: readonly string[],
  ): Promise<Record<string, unknown>[]>;
  /** An upload's results. */
  insertResults(runId: number, startedAt: number, rows: readonly ResultRow[]): Promise<void>;
  /** Writes a day's rollup rows; gives the handles of the new ones, by test id. */
  writeRollups(day: RollupDay, rows: readonly RollupWrite[]): Promise<Map<number, number>>;
  /** After rows were copied in with their ids: new rows get ids after them (PostgreSQL's sequences). */
  afterCopy(): Promise<void>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  readonly flavour: SqlFlavour;
  /**
   * Runs `work` in one transaction that holds the database's write lock for a project (SQLite: the whole
   * database; PostgreSQL: the project's row, which `work` locks first); commits when it resolves, rolls back
   * when it throws.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Makes sure results started at `startedAt` have somewhere to go (PostgreSQL: the month's partition). */
  prepareResults(startedAt: number): Promise<void>;
  /** Removes raw results of runs started before `before`; the number removed. */
  pruneResults(before: number, runsPerBatch: number): Promise<number>;
  /** The planner's plan of a read, one line per step. */
  explain(sql: string, params: Params): Promise<string[]>;
  /** Bytes the database holds. */
  size(): Promise<number>;
  /**
   * After a bulk load (a copy, the bench's fill): the upkeep the database otherwise does over time, now.
   * SQLite moves its write-ahead log into the file; PostgreSQL vacuums and refreshes the planner's statistics.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A database problem the caller reports without its message (which may hold SQL or paths). */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** No partition for the results' month: another server dropped it (retention). Storing again creates it. */
export class MissingMonthError extends StoreError {}

/** Whether a SEAMWATCH_DB value names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(database.trim());
}

/** The URL without its password, for messages. */
export function describeDatabase(database: string): string {
  if (!isPostgresUrl(database)) return database;
  try {
    const url = new URL(database);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the PostgreSQL URL";
  }
}

/** `(?, ?, ?), (?, ?, ?)`: placeholders for a multi-row VALUES list. */
export function valuesPlaceholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}
