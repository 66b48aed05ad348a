// The dashboard's one schema, described once and rendered for each database drizzle-kit generates migrations
// for: SQLite (drizzle/sqlite/, from schema-sqlite.ts) and PostgreSQL (drizzle/postgres/, from
// schema-postgres.ts). Tables and columns are snake_case plurals in SQL, camelCase here; each table's row type
// is inferred next to it. Times are epoch milliseconds, days are UTC day numbers (epoch ms / 86,400,000,
// floored). Where the two databases differ (column types, test_results' key), the description says so here,
// so that no difference hides in a migration.
import { type SQL, sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import * as sqlite from "drizzle-orm/sqlite-core";
import type { StoredVerdict } from "../core/history/index.ts";

// --- the description language -----------------------------------------------------------------------------

type Dialect = "sqlite" | "postgres";

/**
 * What a column holds, and its type in each database:
 * id      SQLite INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL integer identity;
 * rowid   SQLite INTEGER PRIMARY KEY (no sequence table: cheaper for millions of inserts);
 * integer integer in both; time: epoch ms, integer / bigint; text; flag: 0/1 integer / boolean;
 * bytes   blob / bytea.
 */
type Kind = "id" | "rowid" | "integer" | "time" | "text" | "flag" | "bytes";

interface ColumnSpec {
  readonly kind: Kind;
  readonly name: string;
  readonly notNull: boolean;
  readonly defaultValue?: string | number;
  readonly references?: {
    readonly table: string;
    readonly onDelete: "cascade" | "set null" | "no action";
    /** The key is declared in this database only. */
    readonly only?: Dialect;
  };
  /** Only in one database's table. */
  readonly only?: Dialect;
}

/** A column; `T` is its value in TypeScript and `N` whether it may be null. */
class Column<T, N extends boolean> {
  declare readonly valueType: T;
  declare readonly nullable: N;
  constructor(readonly spec: ColumnSpec) {}

  notNull(): Column<T, false> {
    return new Column({ ...this.spec, notNull: true });
  }

  default(value: T & (string | number)): Column<T, N> {
    return new Column({ ...this.spec, defaultValue: value });
  }

  references(
    table: string,
    onDelete: "cascade" | "set null" | "no action" = "no action",
    only?: Dialect,
  ): Column<T, N> {
    return new Column({ ...this.spec, references: { table, onDelete, only } });
  }

  only(dialect: Dialect): Column<T, N> {
    return new Column({ ...this.spec, only: dialect });
  }
}

const column =
  <T>(kind: Kind) =>
  (name: string): Column<T, true> =>
    new Column<T, true>({ kind, name, notNull: false });
const id = (name = "id") => new Column<number, false>({ kind: "id", name, notNull: true });
const rowid = (name = "id") => new Column<number, false>({ kind: "rowid", name, notNull: true });
const integer = column<number>("integer");
const time = column<number>("time");
const text = <T extends string = string>(name: string) => column<T>("text")(name);
const flag = column<boolean>("flag");
const bytes = column<Uint8Array>("bytes");

type Columns = Record<string, Column<unknown, boolean>>;

interface IndexSpec<C extends Columns> {
  readonly name: string;
  readonly columns: readonly (keyof C & string)[];
  readonly unique?: boolean;
  /** A partial index; the condition is written once, with the columns drizzle resolves per database. */
  readonly where?: (column: (key: keyof C & string) => unknown) => SQL;
  readonly only?: Dialect;
}

interface TableSpec<C extends Columns> {
  readonly name: string;
  readonly columns: C;
  readonly primaryKey?: readonly (keyof C & string)[];
  readonly indexes?: readonly IndexSpec<C>[];
}

function table<C extends Columns>(
  name: string,
  columns: C,
  extra: Omit<TableSpec<C>, "name" | "columns"> = {},
): TableSpec<C> {
  return { name, columns, ...extra };
}

/** A table's row as the database gives it back, from its description. */
export type RowOf<S> =
  S extends TableSpec<infer C>
    ? {
        -readonly [K in keyof C]: C[K] extends Column<infer T, infer N>
          ? N extends true
            ? T | null
            : T
          : never;
      }
    : never;

// --- the tables ---------------------------------------------------------------------------------------------

/** A repository: `org/repo`, the key the run report's `ci.repository` names. */
export const projectsTable = table(
  "projects",
  {
    id: id(),
    slug: text("slug").notNull(),
    /** The default branch the latest report named; charts show it first. */
    defaultBranch: text("default_branch"),
    createdAt: time("created_at").notNull(),
    /**
     * Moved on by every stored upload, in its transaction. A server keeps what uploads read back (tests, their
     * states, the day's rollup rows) in memory; another server's upload shows as a version it did not write.
     */
    ingestVersion: integer("ingest_version").notNull().default(0),
    /** Moved on by every upload that lands on a day before today: the sums of past days kept in memory are stale. */
    pastDaysVersion: integer("past_days_version").notNull().default(0),
  },
  { indexes: [{ name: "projects_slug_unique", columns: ["slug"], unique: true }] },
);
export type Project = RowOf<typeof projectsTable>;

/** Upload tokens are stored as SHA-256 hashes only: the token itself is shown once, when it is created. */
export const uploadTokensTable = table(
  "upload_tokens",
  {
    id: id(),
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    tokenHash: text("token_hash").notNull(),
    label: text("label"),
    createdAt: time("created_at").notNull(),
    lastUsedAt: time("last_used_at"),
  },
  {
    indexes: [
      { name: "upload_tokens_hash_unique", columns: ["tokenHash"], unique: true },
      { name: "upload_tokens_project_idx", columns: ["projectId"] },
    ],
  },
);
export type UploadToken = RowOf<typeof uploadTokensTable>;

export const runOutcomes = ["passed", "test-failures", "infra-failure"] as const;
export type RunOutcome = (typeof runOutcomes)[number];

/** One job's run report: one upload. */
export const runsTable = table(
  "runs",
  {
    id: id(),
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    /** (run id, run attempt, job key), or the report's own start for runs without a CI run id. */
    uploadKey: text("upload_key").notNull(),
    source: text<"run-report" | "junit">("source").notNull(),
    reportVersion: integer("report_version").notNull(),
    provider: text("provider"),
    commitSha: text("commit_sha"),
    branch: text("branch"),
    ref: text("ref"),
    baseBranch: text("base_branch"),
    pullRequest: integer("pull_request"),
    workflow: text("workflow"),
    job: text("job"),
    jobKey: text("job_key"),
    ciRunId: text("ci_run_id"),
    ciRunAttempt: integer("ci_run_attempt"),
    runUrl: text("run_url"),
    command: text("command").notNull(),
    startedAt: time("started_at").notNull(),
    /** Wall time of the whole run, retries and their delays included. */
    durationMs: integer("duration_ms").notNull(),
    receivedAt: time("received_at").notNull(),
    outcome: text<RunOutcome>("outcome").notNull(),
    cancelled: flag("cancelled").notNull(),
    attempts: integer("attempts").notNull(),
    infraRetries: integer("infra_retries").notNull(),
    tests: integer("tests").notNull(),
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    flaky: integer("flaky").notNull(),
    skipped: integer("skipped").notNull(),
    infraFailed: integer("infra_failed").notNull(),
    recovered: integer("recovered").notNull(),
  },
  {
    indexes: [
      { name: "runs_upload_key_unique", columns: ["projectId", "uploadKey"], unique: true },
      // Overview: wall time and recent runs on one branch over a time range.
      { name: "runs_project_branch_started_idx", columns: ["projectId", "branch", "startedAt"] },
      // Recent runs on every branch; retention.
      { name: "runs_project_started_idx", columns: ["projectId", "startedAt"] },
      // Same-commit flakiness: the other runs of a commit.
      { name: "runs_project_commit_idx", columns: ["projectId", "commitSha"] },
    ],
  },
);
export type Run = RowOf<typeof runsTable>;

/** Each attempt of the test command within a run, with its classification and the evidence for it. */
export const runAttemptsTable = table(
  "run_attempts",
  {
    runId: integer("run_id").notNull().references("runs", "cascade"),
    number: integer("number").notNull(),
    durationMs: integer("duration_ms").notNull(),
    exitCode: integer("exit_code"),
    signal: text("signal"),
    timedOut: flag("timed_out").notNull(),
    outcome: text<RunOutcome>("outcome").notNull(),
    retried: flag("retried").notNull(),
    tests: integer("tests").notNull(),
    failedTests: integer("failed_tests").notNull(),
    unreadableReports: integer("unreadable_reports").notNull(),
    /** JSON array of { rule, kind, description, line, count }: small, and only ever read whole. */
    evidence: text("evidence").notNull(),
  },
  { primaryKey: ["runId", "number"] },
);
export type RunAttempt = RowOf<typeof runAttemptsTable>;

export const testHealths = ["healthy", "flaky", "broken"] as const;
export type TestHealth = (typeof testHealths)[number];

/** A test, by the id seamwatch computes from its suite path, classname, name and file. */
export const testsTable = table(
  "tests",
  {
    id: id(),
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    testKey: text("test_key").notNull(),
    suite: text("suite").notNull(),
    classname: text("classname").notNull(),
    name: text("name").notNull(),
    file: text("file"),
    firstSeenAt: time("first_seen_at").notNull(),
    lastSeenAt: time("last_seen_at").notNull(),
    /** On the default branch, with hysteresis (core/analytics); written when it changes. */
    state: text<TestHealth>("state").notNull().default("healthy"),
    stateChangedAt: time("state_changed_at"),
  },
  { indexes: [{ name: "tests_project_key_unique", columns: ["projectId", "testKey"], unique: true }] },
);
export type Test = RowOf<typeof testsTable>;

/**
 * Each test's whole state (core/analytics' TestState, packed by core/history) that ingest advances, for the
 * tests of one chunk of ids (see store/test-state-chunks.ts): one row rewritten per chunk an upload touches,
 * instead of one row per test. `tests.state` is the part pages filter on.
 */
export const testStatesTable = table(
  "test_states",
  {
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    chunk: integer("chunk").notNull(),
    states: text("states").notNull(),
  },
  { primaryKey: ["projectId", "chunk"] },
);
export type TestStates = RowOf<typeof testStatesTable>;

/**
 * The verdict of a test in a run, as a small integer: millions of rows of it. The order is fixed: these
 * numbers are in the database.
 */
export const resultStatusCodes: Readonly<Record<StoredVerdict, number>> = {
  passed: 0,
  failed: 1,
  flaky: 2,
  "infra-failure": 3,
  skipped: 4,
  "recovered-after-infra-retry": 5,
};

/** Failure messages, once per project and fingerprint (see core/history/fingerprint-failure.ts). */
export const failureMessagesTable = table(
  "failure_messages",
  {
    id: id(),
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    fingerprint: text("fingerprint").notNull(),
    type: text("type"),
    message: text("message"),
    details: text("details"),
    /** The infrastructure signature, when the classifier matched one. */
    signature: text("signature"),
    firstSeenAt: time("first_seen_at").notNull(),
    lastSeenAt: time("last_seen_at").notNull(),
  },
  {
    indexes: [
      { name: "failure_messages_fingerprint_unique", columns: ["projectId", "fingerprint"], unique: true },
    ],
  },
);
export type FailureMessage = RowOf<typeof failureMessagesTable>;

/**
 * One test in one run. Removed after the retention period; the daily rollups keep the history. On
 * PostgreSQL the table is partitioned by month of `started_at` (drizzle/postgres/0001), so that retention
 * drops whole months; a partitioned table's unique keys hold the partition key, and it has no row id.
 */
export const testResultsTable = table(
  "test_results",
  {
    // SQLite's plain rowid (no AUTOINCREMENT): ten million inserts skip the sequence table.
    id: rowid().only("sqlite"),
    // Foreign keys on SQLite only: PostgreSQL checks each inserted row's keys with a query of its own (a
    // 5,000-test upload took 6 times as long). The data module writes ids it read or created in the same
    // transaction, and nothing deletes runs or tests.
    runId: integer("run_id").notNull().references("runs", "cascade", "sqlite"),
    testId: integer("test_id").notNull().references("tests", "cascade", "sqlite"),
    /** The run's start, copied so that failures can be dated and ordered without the run (and partitioned). */
    startedAt: time("started_at").notNull(),
    /** resultStatusCodes. */
    status: integer("status").notNull(),
    durationMs: integer("duration_ms").notNull(),
    attempts: integer("attempts").notNull(),
    failureId: integer("failure_id").references("failure_messages", "no action", "sqlite"),
  },
  {
    indexes: [
      // The run page, idempotent writes, and SQLite's retention (deleting a run's rows).
      { name: "test_results_run_test_unique", columns: ["runId", "testId"], unique: true, only: "sqlite" },
      {
        name: "test_results_run_test_unique",
        columns: ["runId", "testId", "startedAt"],
        unique: true,
        only: "postgres",
      },
      // No index by test and time: it would put every upload's row for each test on a page of its own (one page
      // written per test per upload). A test's latest results are found through the latest runs instead.
      // The test page's failures grouped by message, newest first: only failures are in this index.
      {
        name: "test_results_test_failure_idx",
        columns: ["testId", "failureId", "startedAt"],
        where: (column) => sql`${column("failureId")} IS NOT NULL`,
      },
    ],
  },
);
export type TestResult = RowOf<typeof testResultsTable>;

/** What infrastructure did to a run: one row per attempt and signature. */
export const infraEventsTable = table(
  "infra_events",
  {
    id: id(),
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    runId: integer("run_id").notNull().references("runs", "cascade"),
    attempt: integer("attempt").notNull(),
    testId: integer("test_id").references("tests", "set null"),
    signature: text("signature").notNull(),
    description: text("description").notNull(),
    evidenceLine: text("evidence_line"),
    failures: integer("failures").notNull(),
    timeLostMs: integer("time_lost_ms").notNull(),
    /** The run's start. */
    occurredAt: time("occurred_at").notNull(),
    /** The run's branch, so the overview's branch filter reads one index. */
    branch: text("branch").notNull(),
  },
  {
    indexes: [
      { name: "infra_events_project_branch_time_idx", columns: ["projectId", "branch", "occurredAt"] },
      { name: "infra_events_run_idx", columns: ["runId"] },
    ],
  },
);
export type InfraEvent = RowOf<typeof infraEventsTable>;

/**
 * One row per test, branch and UTC day, kept up to date at each upload: charts over months read these,
 * never the raw results. `durations` is core/analytics' DurationSketch of the timed results, packed by
 * core/history, so that days merge into p50/p95 over any window; p50/p95/max are that day's figures.
 */
export const testDailyRollupsTable = table(
  "test_daily_rollups",
  {
    // Foreign keys on SQLite only, as for test_results: a new day's upload inserts a row per test.
    projectId: integer("project_id").notNull().references("projects", "cascade", "sqlite"),
    /** "" for runs that named no branch. */
    branch: text("branch").notNull(),
    day: integer("day").notNull(),
    testId: integer("test_id").notNull().references("tests", "cascade", "sqlite"),
    // Results by verdict, additive like core/analytics' OutcomeCounts: days sum into windows.
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    flaky: integer("flaky").notNull(),
    skipped: integer("skipped").notNull(),
    /** Infrastructure failures and recoveries after an infrastructure retry: counted in no rate. */
    infra: integer("infra").notNull(),
    /** Results whose duration counts (clean passes), and their sum. */
    timed: integer("timed").notNull(),
    totalMs: time("total_ms").notNull(),
    maxMs: integer("max_ms"),
    p50Ms: integer("p50_ms"),
    p95Ms: integer("p95_ms"),
    durations: bytes("durations"),
    /** CI time the day's results cost (core/analytics' ciTimeLost), for ranking by impact. */
    ciTimeLostMs: time("ci_time_lost_ms").notNull().default(0),
  },
  // Day first: an upload's rows are neighbours, so an upload writes a few pages, not one per test. A test's
  // days are read by naming the days (one seek each).
  { primaryKey: ["projectId", "branch", "day", "testId"] },
);
export type TestDailyRollup = RowOf<typeof testDailyRollupsTable>;

/**
 * Tokenless uploads with GitHub's OIDC token: a project takes them only when it has a row here. The token's
 * `repository` claim names the project; `refs` and `workflows` (JSON arrays, empty for any) narrow which
 * refs and workflows may upload. A `*` in a pattern stands for any characters.
 */
export const oidcPoliciesTable = table(
  "oidc_policies",
  {
    projectId: integer("project_id").notNull().references("projects", "cascade"),
    /** Patterns of the `ref` claim: `refs/heads/main`, `refs/tags/*`. */
    refs: text("refs").notNull().default("[]"),
    /** Workflow names (the `workflow` claim) or files (`.github/workflows/ci.yml`, from `workflow_ref`). */
    workflows: text("workflows").notNull().default("[]"),
    updatedAt: time("updated_at").notNull(),
  },
  { primaryKey: ["projectId"] },
);
export type OidcPolicyRow = RowOf<typeof oidcPoliciesTable>;

const TABLES = [
  projectsTable,
  uploadTokensTable,
  runsTable,
  runAttemptsTable,
  testsTable,
  testStatesTable,
  failureMessagesTable,
  testResultsTable,
  infraEventsTable,
  testDailyRollupsTable,
  oidcPoliciesTable,
] as const;

/** Every table's SQL name and its columns' SQL names, in the description's order (the copy command's). */
export const tableColumns: readonly { readonly table: string; readonly columns: readonly ColumnInfo[] }[] =
  TABLES.map((spec) => ({
    table: spec.name,
    columns: Object.values(spec.columns as Columns).map((c) => ({
      name: c.spec.name,
      kind: c.spec.kind,
      only: c.spec.only ?? null,
    })),
  }));

export interface ColumnInfo {
  readonly name: string;
  readonly kind: Kind;
  readonly only: Dialect | null;
}

// --- rendering for drizzle-kit -------------------------------------------------------------------------------

const bytea = pg.customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

type AnyColumns = Record<string, unknown>;

function render<T>(
  dialect: Dialect,
  makeColumn: (spec: ColumnSpec, reference: (table: string) => () => unknown) => unknown,
  makeTable: (name: string, columns: AnyColumns, extra: (self: AnyColumns) => unknown[]) => T,
  makeIndex: (unique: boolean, name: string, columns: unknown[], where: SQL | undefined) => unknown,
  makePrimaryKey: (columns: unknown[]) => unknown,
): Record<string, T> {
  const rendered: Record<string, T> = {};
  const reference = (name: string) => () => (rendered[name] as unknown as { id: unknown }).id;
  for (const spec of TABLES) {
    const columns: AnyColumns = {};
    for (const [key, column] of Object.entries(spec.columns as Columns)) {
      if (column.spec.only && column.spec.only !== dialect) continue;
      columns[key] = makeColumn(column.spec, reference);
    }
    const tableSpec = spec as unknown as TableSpec<Columns>;
    rendered[spec.name] = makeTable(spec.name, columns, (self) => {
      const extra: unknown[] = [];
      if (tableSpec.primaryKey) extra.push(makePrimaryKey(tableSpec.primaryKey.map((key) => self[key])));
      for (const index of tableSpec.indexes ?? []) {
        if (index.only && index.only !== dialect) continue;
        extra.push(
          makeIndex(
            index.unique === true,
            index.name,
            index.columns.map((key) => self[key]),
            index.where?.((key) => self[key]),
          ),
        );
      }
      return extra;
    });
  }
  return rendered;
}

type SqliteBuilder = sqlite.SQLiteColumnBuilderBase & {
  notNull(): SqliteBuilder;
  default(value: unknown): SqliteBuilder;
  references(ref: () => unknown, actions: object): SqliteBuilder;
};

/** The tables as drizzle's SQLite dialect sees them, by SQL name. */
export const sqliteTables = render(
  "sqlite",
  (spec, reference) => {
    let builder = (spec.kind === "id"
      ? sqlite.integer(spec.name).primaryKey({ autoIncrement: true })
      : spec.kind === "rowid"
        ? sqlite.integer(spec.name).primaryKey()
        : spec.kind === "text"
          ? sqlite.text(spec.name)
          : spec.kind === "flag"
            ? sqlite.integer(spec.name, { mode: "boolean" })
            : spec.kind === "bytes"
              ? sqlite.blob(spec.name, { mode: "buffer" })
              : sqlite.integer(spec.name)) as unknown as SqliteBuilder;
    if (spec.notNull && spec.kind !== "id" && spec.kind !== "rowid") builder = builder.notNull();
    if (spec.defaultValue !== undefined) builder = builder.default(spec.defaultValue);
    if (spec.references && spec.references.only !== "postgres")
      builder = builder.references(reference(spec.references.table) as () => sqlite.SQLiteColumn, {
        onDelete: spec.references.onDelete,
      });
    return builder;
  },
  (name, columns, extra) =>
    sqlite.sqliteTable(
      name,
      columns as Record<string, sqlite.SQLiteColumnBuilderBase>,
      (self) => extra(self as AnyColumns) as sqlite.SQLiteTableExtraConfigValue[],
    ),
  (unique, name, columns, where) => {
    const index = (unique ? sqlite.uniqueIndex(name) : sqlite.index(name)).on(
      ...(columns as [sqlite.SQLiteColumn, ...sqlite.SQLiteColumn[]]),
    );
    return where ? index.where(where) : index;
  },
  (columns) => sqlite.primaryKey({ columns: columns as [sqlite.SQLiteColumn, ...sqlite.SQLiteColumn[]] }),
);

type PgBuilder = pg.PgColumnBuilderBase & {
  notNull(): PgBuilder;
  default(value: unknown): PgBuilder;
  references(ref: () => unknown, actions: object): PgBuilder;
};

/** The tables as drizzle's PostgreSQL dialect sees them, by SQL name. */
export const postgresTables = render(
  "postgres",
  (spec, reference) => {
    let builder = (spec.kind === "id"
      ? pg.integer(spec.name).primaryKey().generatedByDefaultAsIdentity()
      : spec.kind === "rowid"
        ? pg.bigint(spec.name, { mode: "number" }).primaryKey()
        : spec.kind === "text"
          ? pg.text(spec.name)
          : spec.kind === "flag"
            ? pg.boolean(spec.name)
            : spec.kind === "bytes"
              ? bytea(spec.name)
              : spec.kind === "time"
                ? pg.bigint(spec.name, { mode: "number" })
                : pg.integer(spec.name)) as unknown as PgBuilder;
    if (spec.notNull && spec.kind !== "id" && spec.kind !== "rowid") builder = builder.notNull();
    if (spec.defaultValue !== undefined) builder = builder.default(spec.defaultValue);
    if (spec.references && spec.references.only !== "sqlite")
      builder = builder.references(reference(spec.references.table) as () => pg.PgColumn, {
        onDelete: spec.references.onDelete,
      });
    return builder;
  },
  (name, columns, extra) =>
    pg.pgTable(
      name,
      columns as Record<string, pg.PgColumnBuilderBase>,
      (self) => extra(self as AnyColumns) as pg.PgTableExtraConfigValue[],
    ),
  (unique, name, columns, where) => {
    const index = (unique ? pg.uniqueIndex(name) : pg.index(name)).on(
      ...(columns as [pg.PgColumn, ...pg.PgColumn[]]),
    );
    return where ? index.where(where) : index;
  },
  (columns) => pg.primaryKey({ columns: columns as [pg.PgColumn, ...pg.PgColumn[]] }),
);
