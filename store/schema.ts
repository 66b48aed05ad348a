// The dashboard's one schema. Tables and columns are snake_case plurals in SQL, camelCase here; each table's
// row types are inferred next to it. Times are epoch milliseconds (integers), days are UTC day numbers
// (epoch ms / 86,400,000, floored). drizzle-kit generates the migrations in ../drizzle from this file.
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { StoredVerdict } from "../core/history/index.ts";

/** A repository: `org/repo`, the key the run report's `ci.repository` names. */
export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    /** The default branch the latest report named; charts show it first. */
    defaultBranch: text("default_branch"),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [uniqueIndex("projects_slug_unique").on(table.slug)],
);
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

/** Upload tokens are stored as SHA-256 hashes only: the token itself is shown once, when it is created. */
export const uploadTokens = sqliteTable(
  "upload_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    label: text("label"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (table) => [
    uniqueIndex("upload_tokens_hash_unique").on(table.tokenHash),
    index("upload_tokens_project_idx").on(table.projectId),
  ],
);
export type UploadToken = typeof uploadTokens.$inferSelect;
export type NewUploadToken = typeof uploadTokens.$inferInsert;

/** One job's run report: one upload. */
export const runs = sqliteTable(
  "runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** (run id, run attempt, job key), or the report's own start for runs without a CI run id. */
    uploadKey: text("upload_key").notNull(),
    source: text("source", { enum: ["run-report", "junit"] }).notNull(),
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
    startedAt: integer("started_at").notNull(),
    /** Wall time of the whole run, retries and their delays included. */
    durationMs: integer("duration_ms").notNull(),
    receivedAt: integer("received_at").notNull(),
    outcome: text("outcome", { enum: ["passed", "test-failures", "infra-failure"] }).notNull(),
    cancelled: integer("cancelled", { mode: "boolean" }).notNull(),
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
  (table) => [
    uniqueIndex("runs_upload_key_unique").on(table.projectId, table.uploadKey),
    // Overview: wall time and recent runs on one branch over a time range.
    index("runs_project_branch_started_idx").on(table.projectId, table.branch, table.startedAt),
    // Recent runs on every branch; retention.
    index("runs_project_started_idx").on(table.projectId, table.startedAt),
    // Same-commit flakiness: the other runs of a commit.
    index("runs_project_commit_idx").on(table.projectId, table.commitSha),
  ],
);
export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;

/** Each attempt of the test command within a run, with its classification and the evidence for it. */
export const runAttempts = sqliteTable(
  "run_attempts",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    durationMs: integer("duration_ms").notNull(),
    exitCode: integer("exit_code"),
    signal: text("signal"),
    timedOut: integer("timed_out", { mode: "boolean" }).notNull(),
    outcome: text("outcome", { enum: ["passed", "test-failures", "infra-failure"] }).notNull(),
    retried: integer("retried", { mode: "boolean" }).notNull(),
    tests: integer("tests").notNull(),
    failedTests: integer("failed_tests").notNull(),
    unreadableReports: integer("unreadable_reports").notNull(),
    /** JSON array of { rule, kind, description, line, count }: small, and only ever read whole. */
    evidence: text("evidence").notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.number] })],
);
export type RunAttempt = typeof runAttempts.$inferSelect;
export type NewRunAttempt = typeof runAttempts.$inferInsert;

export const testHealths = ["healthy", "flaky", "broken"] as const;
export type TestHealth = (typeof testHealths)[number];

/** A test, by the id seamwatch computes from its suite path, classname, name and file. */
export const tests = sqliteTable(
  "tests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    testKey: text("test_key").notNull(),
    suite: text("suite").notNull(),
    classname: text("classname").notNull(),
    name: text("name").notNull(),
    file: text("file"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** On the default branch, with hysteresis (core/analytics); advanced at each upload. */
    state: text("state", { enum: testHealths }).notNull().default("healthy"),
    /** The analytics' incremental state as JSON, so that a state advances without re-reading history. */
    stateData: text("state_data"),
    stateChangedAt: integer("state_changed_at"),
  },
  (table) => [uniqueIndex("tests_project_key_unique").on(table.projectId, table.testKey)],
);
export type Test = typeof tests.$inferSelect;
export type NewTest = typeof tests.$inferInsert;

/**
 * The verdict of a test in a run, as a small integer: 10 million rows of it. The order is fixed: these
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
export const failureMessages = sqliteTable(
  "failure_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    type: text("type"),
    message: text("message"),
    details: text("details"),
    /** The infrastructure signature, when the classifier matched one. */
    signature: text("signature"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (table) => [uniqueIndex("failure_messages_fingerprint_unique").on(table.projectId, table.fingerprint)],
);
export type FailureMessage = typeof failureMessages.$inferSelect;
export type NewFailureMessage = typeof failureMessages.$inferInsert;

/** One test in one run. Pruned after the retention period; the daily rollups keep the history. */
export const testResults = sqliteTable(
  "test_results",
  {
    // A plain rowid (no AUTOINCREMENT): ten million inserts skip the sequence table.
    id: integer("id").primaryKey(),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    testId: integer("test_id")
      .notNull()
      .references(() => tests.id, { onDelete: "cascade" }),
    /** The run's start, copied so that failures can be dated and ordered without the run. */
    startedAt: integer("started_at").notNull(),
    /** resultStatusCodes. */
    status: integer("status").notNull(),
    durationMs: integer("duration_ms").notNull(),
    attempts: integer("attempts").notNull(),
    failureId: integer("failure_id").references(() => failureMessages.id),
  },
  (table) => [
    // The run page, idempotent writes, and retention (deleting a run's rows).
    uniqueIndex("test_results_run_test_unique").on(table.runId, table.testId),
    // No index by test and time: it would put every upload's row for each test on a page of its own (one page
    // written per test per upload). A test's latest results are found through the latest runs instead.
    // The test page's failures grouped by message, newest first: only failures are in this index.
    index("test_results_test_failure_idx")
      .on(table.testId, table.failureId, table.startedAt)
      .where(sql`${table.failureId} IS NOT NULL`),
  ],
);
export type TestResult = typeof testResults.$inferSelect;
export type NewTestResult = typeof testResults.$inferInsert;

/** What infrastructure did to a run: one row per attempt and signature. */
export const infraEvents = sqliteTable(
  "infra_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    testId: integer("test_id").references(() => tests.id, { onDelete: "set null" }),
    signature: text("signature").notNull(),
    description: text("description").notNull(),
    evidenceLine: text("evidence_line"),
    failures: integer("failures").notNull(),
    timeLostMs: integer("time_lost_ms").notNull(),
    /** The run's start. */
    occurredAt: integer("occurred_at").notNull(),
    /** The run's branch, so the overview's branch filter reads one index. */
    branch: text("branch").notNull(),
  },
  (table) => [
    index("infra_events_project_branch_time_idx").on(table.projectId, table.branch, table.occurredAt),
    index("infra_events_run_idx").on(table.runId),
  ],
);
export type InfraEvent = typeof infraEvents.$inferSelect;
export type NewInfraEvent = typeof infraEvents.$inferInsert;

/**
 * One row per test, branch and UTC day, kept up to date at each upload: charts over months read these,
 * never the raw results. `durations` is core/analytics' DurationSketch of the timed results, packed by
 * core/history, so that days merge into p50/p95 over any window; p50/p95/max are that day's figures.
 */
export const testDailyRollups = sqliteTable(
  "test_daily_rollups",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** "" for runs that named no branch. */
    branch: text("branch").notNull(),
    day: integer("day").notNull(),
    testId: integer("test_id")
      .notNull()
      .references(() => tests.id, { onDelete: "cascade" }),
    // Results by verdict, additive like core/analytics' OutcomeCounts: days sum into windows.
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    flaky: integer("flaky").notNull(),
    skipped: integer("skipped").notNull(),
    /** Infrastructure failures and recoveries after an infrastructure retry: counted in no rate. */
    infra: integer("infra").notNull(),
    /** Results whose duration counts (clean passes), and their sum. */
    timed: integer("timed").notNull(),
    totalMs: integer("total_ms").notNull(),
    maxMs: integer("max_ms"),
    p50Ms: integer("p50_ms"),
    p95Ms: integer("p95_ms"),
    durations: blob("durations", { mode: "buffer" }),
    /** CI time the day's results cost (core/analytics' ciTimeLost), for ranking by impact. */
    ciTimeLostMs: integer("ci_time_lost_ms").notNull().default(0),
  },
  (table) => [
    // Day first: an upload's rows are neighbours, so an upload writes a few pages, not one per test. A test's
    // days are read by naming the days (one seek each).
    primaryKey({ columns: [table.projectId, table.branch, table.day, table.testId] }),
  ],
);
export type TestDailyRollup = typeof testDailyRollups.$inferSelect;
export type NewTestDailyRollup = typeof testDailyRollups.$inferInsert;
