// The dashboard's data access: the one module that holds SQL. Pages, route handlers, scripts and the bench
// call these verb-noun functions, each taking one object; none of them builds a query. Everything specific
// to SQLite (the driver, pragmas, json_each, upserts) is in this file, so that a second engine plugs in here.
//
// Speed, for 10 million results: an upload is one IMMEDIATE transaction of batched multi-row inserts through
// prepared statements; the daily rollups and each test's state are kept up to date inside it, so that charts
// over months read rollups, never raw results. Nothing is indexed by test on the big tables: an upload then
// writes a few hundred pages, not one page per test per index. What uploads read back (test ids and states,
// the day's rollup rows) and what the overview re-reads (sums of past days) is kept in memory while no other
// connection writes. Every read is checked against its index by `explainReadQueries`.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import {
  addDuration,
  addOutcome,
  advanceTestState,
  type DurationSketch,
  type InfraFailure,
  mergeDurationSketches,
  newDurationSketch,
  newTestState,
  type OutcomeCounts,
  summarizeSketch,
  type TestState,
} from "../core/analytics/index.ts";
import type { StoredVerdict } from "../core/history/index.ts";
import {
  decodeDurationSketch,
  decodeTestState,
  type EvidenceGroup,
  encodeDurationSketch,
  encodeTestState,
  type PlannedResult,
  type PlannedRun,
  type RunRecord,
  StoredSketchMerger,
  stateCommit,
} from "../core/history/index.ts";
import { resultStatusCodes, type TestHealth } from "./schema.ts";

const DAY_MS = 86_400_000;
/** Rows per multi-row INSERT: fewer statements, within SQLite's limit of 32,766 parameters. */
const INSERT_BATCH = 200;
const UPLOAD_TOKEN_PREFIX = "swu_";

export interface OpenStoreOptions {
  /** The SQLite file; it and its folder are created when missing. */
  readonly path: string;
  /** Applies the pending migrations from this folder (the repository's drizzle/) before returning. */
  readonly migrationsFolder?: string;
  /** Epoch milliseconds; injected by tests and the seed. */
  readonly now?: () => number;
}

export function openStore(options: OpenStoreOptions): Store {
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  const client = new Database(options.path);
  try {
    client.pragma("journal_mode = WAL");
    // Uploads from several processes (server, CLI) wait for each other instead of failing.
    client.pragma("busy_timeout = 10000");
    client.pragma("foreign_keys = ON");
    // WAL makes NORMAL durable against process crashes; only a power loss can lose the last commits.
    client.pragma("synchronous = NORMAL");
    // A test's index pages stay in memory across uploads: 2,000 tests touch 2,000 leaf pages per upload.
    client.pragma("cache_size = -131072");
    client.pragma("temp_store = MEMORY");
    // An upload writes a megabyte or two of pages; checkpointing every 4 MB (the default) copied them into the
    // database file every few uploads. Every 40 MB costs less per upload; the log is cut back afterwards.
    client.pragma("wal_autocheckpoint = 10000");
    client.pragma("journal_size_limit = 67108864");
    if (options.migrationsFolder) migrate(drizzle(client), { migrationsFolder: options.migrationsFolder });
  } catch (cause) {
    client.close();
    throw new StoreError(`cannot open the database at ${options.path}`, { cause });
  }
  return new Store(client, options.now ?? Date.now);
}

/** A database problem the caller reports without its message (which may hold SQL or paths). */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "StoreError";
  }
}

// --- shapes returned -----------------------------------------------------------------------------------

export type { TestHealth };

export interface ProjectSummary {
  readonly id: number;
  readonly slug: string;
  readonly defaultBranch: string | null;
  readonly runs: number;
  readonly lastRunAt: number | null;
}

export interface CreatedUploadToken {
  /** Shown once: only its hash is stored. */
  readonly token: string;
  readonly projectId: number;
  readonly projectSlug: string;
}

export interface IngestedRun {
  readonly runId: number;
  /** The same (project, run id, attempt, job key) was stored before: nothing was written. */
  readonly duplicate: boolean;
}

export interface BranchSummary {
  readonly branch: string;
  readonly runs: number;
  readonly lastRunAt: number;
}

export interface RunSummary {
  readonly id: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly outcome: "passed" | "test-failures" | "infra-failure";
  readonly branch: string | null;
  readonly commitSha: string | null;
  readonly pullRequest: number | null;
  readonly workflow: string | null;
  readonly job: string | null;
  readonly jobKey: string | null;
  readonly tests: number;
  readonly failed: number;
  readonly flaky: number;
  readonly infraFailed: number;
  readonly attempts: number;
  readonly infraRetries: number;
}

export interface RunDetail extends RunSummary {
  readonly projectId: number;
  readonly source: "run-report" | "junit";
  readonly provider: string | null;
  readonly ref: string | null;
  readonly baseBranch: string | null;
  readonly ciRunId: string | null;
  readonly ciRunAttempt: number | null;
  readonly runUrl: string | null;
  readonly command: string;
  readonly receivedAt: number;
  readonly cancelled: boolean;
  readonly passed: number;
  readonly skipped: number;
  readonly recovered: number;
}

export interface RunAttemptDetail {
  readonly number: number;
  readonly durationMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly outcome: "passed" | "test-failures" | "infra-failure";
  readonly retried: boolean;
  readonly tests: number;
  readonly failedTests: number;
  readonly unreadableReports: number;
  readonly evidence: readonly EvidenceGroup[];
}

export interface TestIdentity {
  readonly id: number;
  readonly testKey: string;
  readonly suite: string;
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
}

export interface TestDetail extends TestIdentity {
  readonly projectId: number;
  readonly firstSeenAt: number;
  readonly lastSeenAt: number;
  readonly state: TestHealth;
  /** The whole state (core/analytics' TestState) behind `state`: why, since when; null before any result. */
  readonly stateDetail: TestState | null;
  readonly stateChangedAt: number | null;
}

export interface RunResultRow extends TestIdentity {
  readonly verdict: StoredVerdict;
  readonly durationMs: number;
  readonly attempts: number;
  readonly failure: FailureText | null;
}

export interface FailureText {
  readonly id: number;
  readonly fingerprint: string;
  readonly type: string | null;
  readonly message: string | null;
  readonly details: string | null;
  readonly signature: string | null;
}

/** One day of one test (or of a window, summed): additive counts and the timing summary. */
export interface DailyTiming {
  readonly day: number;
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
  readonly ciTimeLostMs: number;
}

export interface TestWindow extends TestIdentity {
  readonly state: TestHealth;
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  readonly skipped: number;
  readonly infra: number;
  readonly timed: number;
  readonly totalMs: number;
  readonly maxMs: number | null;
  readonly ciTimeLostMs: number;
}

export interface ResultHistoryRow {
  readonly runId: number;
  readonly startedAt: number;
  readonly verdict: StoredVerdict;
  readonly durationMs: number;
  readonly attempts: number;
  readonly failureId: number | null;
  readonly commitSha: string | null;
  readonly branch: string | null;
  readonly pullRequest: number | null;
  readonly job: string | null;
  readonly jobKey: string | null;
}

export interface FailureGroup extends FailureText {
  readonly count: number;
  readonly firstAt: number;
  readonly lastAt: number;
  /** The most recent runs it happened in, newest first. */
  readonly runIds: readonly number[];
}

/** An attempt infrastructure failed (core/analytics' InfraFailure), with what the page shows of it. */
export interface InfraFailureRow extends InfraFailure {
  readonly runId: number;
  readonly description: string;
  /** Tests in the attempt that this signature failed. */
  readonly tests: number;
}

export interface InfraEventRow {
  readonly attempt: number;
  readonly signature: string;
  readonly description: string;
  readonly evidenceLine: string | null;
  readonly failures: number;
  readonly timeLostMs: number;
  readonly test: TestIdentity | null;
}

export interface QueryPlan {
  readonly name: string;
  readonly sql: string;
  /** EXPLAIN QUERY PLAN's `detail` lines. */
  readonly plan: readonly string[];
}

// --- the store -----------------------------------------------------------------------------------------

const STATUS_BY_CODE = new Map<number, StoredVerdict>(
  Object.entries(resultStatusCodes).map(([verdict, code]) => [code, verdict as StoredVerdict]),
);

/** Every read the pages make, by name: prepared once, and checked against the indexes in a test. */
const READS = {
  projectBySlug: "SELECT id, slug, default_branch AS defaultBranch FROM projects WHERE slug = ?",
  listProjects: `SELECT p.id, p.slug, p.default_branch AS defaultBranch,
      (SELECT COUNT(*) FROM runs r WHERE r.project_id = p.id) AS runs,
      (SELECT MAX(started_at) FROM runs r WHERE r.project_id = p.id) AS lastRunAt
    FROM projects p ORDER BY p.slug`,
  tokenByHash: `SELECT t.id, t.project_id AS projectId, p.slug AS projectSlug FROM upload_tokens t
    JOIN projects p ON p.id = t.project_id WHERE t.token_hash = ?`,
  listBranches: `SELECT COALESCE(branch, '') AS branch, COUNT(*) AS runs, MAX(started_at) AS lastRunAt
    FROM runs WHERE project_id = ? GROUP BY branch ORDER BY lastRunAt DESC`,
  listRunsInRange: `SELECT ${runSummaryColumns("r")} FROM runs r
    WHERE r.project_id = @projectId AND r.branch IS @branch AND r.started_at >= @since AND r.started_at < @until
    ORDER BY r.started_at`,
  listRecentRuns: `SELECT ${runSummaryColumns("r")} FROM runs r
    WHERE r.project_id = @projectId AND r.branch IS @branch ORDER BY r.started_at DESC LIMIT @limit`,
  listTestWindows: `SELECT t.id, t.test_key AS testKey, t.suite, t.classname, t.name, t.file, t.state,
      w.passed, w.failed, w.flaky, w.skipped, w.infra, w.timed, w.totalMs, w.maxMs,
      w.ciTimeLostMs
    FROM (SELECT test_id, SUM(passed) AS passed, SUM(failed) AS failed, SUM(flaky) AS flaky,
            SUM(skipped) AS skipped, SUM(infra) AS infra, SUM(timed) AS timed, SUM(total_ms) AS totalMs,
            MAX(max_ms) AS maxMs, SUM(ci_time_lost_ms) AS ciTimeLostMs
          FROM test_daily_rollups
          WHERE project_id = @projectId AND branch = @branch AND day >= @fromDay AND day <= @toDay
          GROUP BY test_id) w
    JOIN tests t ON t.id = w.test_id`,
  listDurationsOfTests: `SELECT test_id AS testId, durations FROM test_daily_rollups
    WHERE project_id = @projectId AND branch = @branch AND day IN (SELECT value FROM json_each(@days))
      AND test_id IN (SELECT value FROM json_each(@testIds)) AND durations IS NOT NULL`,
  listDurationsOfBranch: `SELECT test_id AS testId, day, durations FROM test_daily_rollups
    WHERE project_id = @projectId AND branch = @branch AND day >= @fromDay AND day <= @toDay
      AND durations IS NOT NULL`,
  listInfraFailures: `SELECT e.run_id AS runId, e.occurred_at AS at, e.signature, e.description,
      e.failures AS tests, e.time_lost_ms AS timeLostMs, COALESCE(a.retried, 0) AS retried
    FROM infra_events e LEFT JOIN run_attempts a ON a.run_id = e.run_id AND a.number = e.attempt
    WHERE e.project_id = @projectId AND e.branch = @branch AND e.occurred_at >= @since AND e.occurred_at < @until
    ORDER BY e.occurred_at`,
  testByKey: `SELECT id, project_id AS projectId, test_key AS testKey, suite, classname, name, file,
      first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt, state, state_data AS stateData,
      state_changed_at AS stateChangedAt
    FROM tests WHERE project_id = ? AND test_key = ?`,
  listTestDays: `SELECT day, passed, failed, flaky, skipped, infra, timed, total_ms AS totalMs, max_ms AS maxMs,
      p50_ms AS p50Ms, p95_ms AS p95Ms,
      ci_time_lost_ms AS ciTimeLostMs
    FROM test_daily_rollups
    WHERE project_id = @projectId AND branch = @branch AND day IN (SELECT value FROM json_each(@days))
      AND test_id = @testId
    ORDER BY day`,
  listTestDurations: `SELECT durations FROM test_daily_rollups
    WHERE project_id = @projectId AND branch = @branch AND day IN (SELECT value FROM json_each(@days))
      AND test_id = @testId AND durations IS NOT NULL`,
  // A test's latest results: the project's latest runs, newest first, each looked up for the test.
  listTestResults: `SELECT tr.run_id AS runId, r.started_at AS startedAt, tr.status, tr.duration_ms AS durationMs,
      tr.attempts, tr.failure_id AS failureId, r.commit_sha AS commitSha, r.branch, r.pull_request AS pullRequest,
      r.job, r.job_key AS jobKey
    FROM runs r INDEXED BY runs_project_started_idx JOIN test_results tr ON tr.run_id = r.id AND tr.test_id = @testId
    WHERE r.project_id = @projectId ORDER BY r.started_at DESC LIMIT @limit`,
  listTestResultsOnBranch: `SELECT tr.run_id AS runId, r.started_at AS startedAt, tr.status,
      tr.duration_ms AS durationMs, tr.attempts, tr.failure_id AS failureId, r.commit_sha AS commitSha, r.branch,
      r.pull_request AS pullRequest, r.job, r.job_key AS jobKey
    FROM runs r INDEXED BY runs_project_branch_started_idx
      JOIN test_results tr ON tr.run_id = r.id AND tr.test_id = @testId
    WHERE r.project_id = @projectId AND r.branch IS @branch ORDER BY r.started_at DESC LIMIT @limit`,
  listFailureGroups: `SELECT f.id, f.fingerprint, f.type, f.message, f.details, f.signature, g.count, g.firstAt, g.lastAt
    FROM (SELECT failure_id, COUNT(*) AS count, MIN(started_at) AS firstAt, MAX(started_at) AS lastAt
          FROM test_results WHERE test_id = @testId AND failure_id IS NOT NULL GROUP BY failure_id) g
    JOIN failure_messages f ON f.id = g.failure_id ORDER BY g.lastAt DESC LIMIT @limit`,
  listFailureRuns: `SELECT run_id AS runId FROM test_results
    WHERE test_id = @testId AND failure_id = @failureId ORDER BY started_at DESC LIMIT @limit`,
  runById: `SELECT ${runSummaryColumns("r")}, r.project_id AS projectId, r.source, r.provider, r.ref,
      r.base_branch AS baseBranch, r.ci_run_id AS ciRunId, r.ci_run_attempt AS ciRunAttempt, r.run_url AS runUrl,
      r.command, r.received_at AS receivedAt, r.cancelled, r.passed, r.skipped, r.recovered
    FROM runs r WHERE r.project_id = ? AND r.id = ?`,
  listRunAttempts: `SELECT number, duration_ms AS durationMs, exit_code AS exitCode, signal, timed_out AS timedOut,
      outcome, retried, tests, failed_tests AS failedTests, unreadable_reports AS unreadableReports, evidence
    FROM run_attempts WHERE run_id = ? ORDER BY number`,
  listRunResultsByStatus: `SELECT t.id, t.test_key AS testKey, t.suite, t.classname, t.name, t.file, tr.status,
      tr.duration_ms AS durationMs, tr.attempts, f.id AS failureId, f.fingerprint, f.type, f.message, f.details,
      f.signature
    FROM test_results tr JOIN tests t ON t.id = tr.test_id LEFT JOIN failure_messages f ON f.id = tr.failure_id
    WHERE tr.run_id = @runId AND tr.status IN (SELECT value FROM json_each(@statuses))
    ORDER BY tr.status, t.suite, t.name LIMIT @limit`,
  listSlowestRunResults: `SELECT t.id, t.test_key AS testKey, t.suite, t.classname, t.name, t.file, tr.status,
      tr.duration_ms AS durationMs, tr.attempts, NULL AS failureId
    FROM test_results tr JOIN tests t ON t.id = tr.test_id
    WHERE tr.run_id = @runId AND tr.status <> ${resultStatusCodes.skipped}
    ORDER BY tr.duration_ms DESC LIMIT @limit`,
  listRunInfraEvents: `SELECT e.attempt, e.signature, e.description, e.evidence_line AS evidenceLine, e.failures,
      e.time_lost_ms AS timeLostMs, t.id AS testId, t.test_key AS testKey, t.suite, t.classname, t.name, t.file
    FROM infra_events e LEFT JOIN tests t ON t.id = e.test_id WHERE e.run_id = ? ORDER BY e.attempt, e.id`,
  searchTests: `SELECT id, test_key AS testKey, suite, classname, name, file, state, last_seen_at AS lastSeenAt
    FROM tests
    WHERE project_id = @projectId
      AND (name LIKE @pattern ESCAPE '\\' OR classname LIKE @pattern ESCAPE '\\' OR suite LIKE @pattern ESCAPE '\\'
           OR file LIKE @pattern ESCAPE '\\' OR test_key = @exact)
    ORDER BY last_seen_at DESC, name LIMIT @limit`,
  countRuns: "SELECT COUNT(*) AS count FROM runs",
  listUnwellTests: "SELECT id, state FROM tests WHERE project_id = ? AND state <> 'healthy'",
} as const;

type ReadName = keyof typeof READS;

/** Sample parameters for each read, for `explainReadQueries`. */
const SAMPLE_PARAMETERS: Record<ReadName, unknown[]> = {
  projectBySlug: ["org/repo"],
  listProjects: [],
  tokenByHash: ["0"],
  listBranches: [1],
  listRunsInRange: [{ projectId: 1, branch: "main", since: 0, until: 1 }],
  listRecentRuns: [{ projectId: 1, branch: "main", limit: 10 }],
  listTestWindows: [{ projectId: 1, branch: "main", fromDay: 0, toDay: 1 }],
  listDurationsOfTests: [{ projectId: 1, branch: "main", days: "[0,1]", testIds: "[1]" }],
  listDurationsOfBranch: [{ projectId: 1, branch: "main", fromDay: 0, toDay: 1 }],
  listInfraFailures: [{ projectId: 1, branch: "main", since: 0, until: 1 }],
  testByKey: [1, "0"],
  listTestDays: [{ projectId: 1, testId: 1, branch: "main", days: "[0,1]" }],
  listTestDurations: [{ projectId: 1, testId: 1, branch: "main", days: "[0,1]" }],
  listTestResults: [{ projectId: 1, testId: 1, limit: 10 }],
  listTestResultsOnBranch: [{ projectId: 1, testId: 1, branch: "main", limit: 10 }],
  listFailureGroups: [{ testId: 1, limit: 10 }],
  listFailureRuns: [{ testId: 1, failureId: 1, limit: 5 }],
  runById: [1, 1],
  listRunAttempts: [1],
  listRunResultsByStatus: [{ runId: 1, statuses: "[1]", limit: 10 }],
  listSlowestRunResults: [{ runId: 1, limit: 10 }],
  listRunInfraEvents: [1],
  searchTests: [{ projectId: 1, pattern: "%a%", exact: "a", limit: 10 }],
  countRuns: [],
  listUnwellTests: [1],
};

function runSummaryColumns(alias: string): string {
  return [
    "id",
    "started_at AS startedAt",
    "duration_ms AS durationMs",
    "outcome",
    "branch",
    "commit_sha AS commitSha",
    "pull_request AS pullRequest",
    "workflow",
    "job",
    "job_key AS jobKey",
    "tests",
    "failed",
    "flaky",
    "infra_failed AS infraFailed",
    "attempts",
    "infra_retries AS infraRetries",
  ]
    .map((column) => `${alias}.${column}`)
    .join(", ");
}

type Statement = Database.Statement<unknown[], unknown>;

export class Store {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly client: Database.Database,
    private readonly now: () => number,
  ) {}

  async close(): Promise<void> {
    this.client.close();
  }

  // --- projects and tokens ---------------------------------------------------------------------------

  async getProject({
    slug,
  }: {
    slug: string;
  }): Promise<{ id: number; slug: string; defaultBranch: string | null } | null> {
    return (
      (this.read("projectBySlug").get(slug) as { id: number; slug: string; defaultBranch: string | null }) ??
      null
    );
  }

  async listProjects(): Promise<ProjectSummary[]> {
    return this.read("listProjects").all() as ProjectSummary[];
  }

  /** The project, created when missing. */
  async ensureProject({
    slug,
    defaultBranch = null,
  }: {
    slug: string;
    defaultBranch?: string | null;
  }): Promise<number> {
    return this.ensureProjectNow(slug, defaultBranch);
  }

  /** A new upload token for a project (created when missing). The token is returned once, never stored. */
  async createUploadToken({
    projectSlug,
    label = null,
  }: {
    projectSlug: string;
    label?: string | null;
  }): Promise<CreatedUploadToken> {
    const token = `${UPLOAD_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
    const projectId = this.client
      .transaction(() => {
        const id = this.ensureProjectNow(projectSlug, null);
        this.prepare(
          "INSERT INTO upload_tokens (project_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
        ).run(id, hashToken(token), label, this.now());
        return id;
      })
      .immediate();
    return { token, projectId, projectSlug };
  }

  /** The project an upload token may write to, or null for an unknown token. */
  async findUploadToken({
    token,
  }: {
    token: string;
  }): Promise<{ projectId: number; projectSlug: string } | null> {
    if (!token.startsWith(UPLOAD_TOKEN_PREFIX)) return null;
    const row = this.read("tokenByHash").get(hashToken(token)) as
      | { id: number; projectId: number; projectSlug: string }
      | undefined;
    if (!row) return null;
    this.prepare("UPDATE upload_tokens SET last_used_at = ? WHERE id = ?").run(this.now(), row.id);
    return { projectId: row.projectId, projectSlug: row.projectSlug };
  }

  async countRuns(): Promise<number> {
    return (this.read("countRuns").get() as { count: number }).count;
  }

  // --- ingest --------------------------------------------------------------------------------------------

  /**
   * Stores one upload in one transaction: all of it or nothing. The same (project, upload key) again
   * writes nothing and answers with the run stored the first time.
   */
  async ingestRun({
    projectId,
    record,
    source,
  }: {
    projectId: number;
    record: RunRecord;
    source: "run-report" | "junit";
  }): Promise<IngestedRun> {
    try {
      const { ingested, staged } = this.client
        .transaction(() => {
          this.checkCache();
          const staging = newStaging();
          return { ingested: this.ingestNow(projectId, record, source, staging), staged: staging };
        })
        .immediate();
      this.applyStaged(staged);
      if (!ingested.duplicate)
        this.forgetClosedDays(projectId, record.run.branch ?? "", dayOf(record.run.startedAt));
      return ingested;
    } catch (error) {
      // What the cache staged may not have been written: start again from the database.
      this.cache = null;
      throw error;
    }
  }

  private ingestNow(
    projectId: number,
    record: RunRecord,
    source: "run-report" | "junit",
    staging: Staging,
  ): IngestedRun {
    const { run } = record;
    const existing = this.prepare("SELECT id FROM runs WHERE project_id = ? AND upload_key = ?").get(
      projectId,
      run.uploadKey,
    ) as { id: number } | undefined;
    if (existing) return { runId: existing.id, duplicate: true };

    const receivedAt = this.now();
    const runId = (
      this.prepare(
        `INSERT INTO runs (project_id, upload_key, source, report_version, provider, commit_sha, branch, ref,
          base_branch, pull_request, workflow, job, job_key, ci_run_id, ci_run_attempt, run_url, command, started_at,
          duration_ms, received_at, outcome, cancelled, attempts, infra_retries, tests, passed, failed, flaky,
          skipped, infra_failed, recovered)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id`,
      ).get(
        projectId,
        run.uploadKey,
        source,
        run.reportVersion,
        run.provider,
        run.commitSha,
        run.branch,
        run.ref,
        run.baseBranch,
        run.pullRequest,
        run.workflow,
        run.job,
        run.jobKey,
        run.ciRunId,
        run.ciRunAttempt,
        run.runUrl,
        run.command,
        run.startedAt,
        run.durationMs,
        receivedAt,
        run.outcome,
        run.cancelled ? 1 : 0,
        run.attemptCount,
        run.infraRetries,
        run.counts.tests,
        run.counts.passed,
        run.counts.failed,
        run.counts.flaky,
        run.counts.skipped,
        run.counts.infraFailed,
        run.counts.recovered,
      ) as { id: number }
    ).id;

    this.learnDefaultBranch(projectId, run.defaultBranch, run.branch);

    const insertAttempt = this.prepare(
      `INSERT INTO run_attempts (run_id, number, duration_ms, exit_code, signal, timed_out, outcome, retried, tests,
        failed_tests, unreadable_reports, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const attempt of record.attempts) {
      insertAttempt.run(
        runId,
        attempt.number,
        attempt.durationMs,
        attempt.exitCode,
        attempt.signal,
        attempt.timedOut ? 1 : 0,
        attempt.outcome,
        attempt.retried ? 1 : 0,
        attempt.tests,
        attempt.failedTests,
        attempt.unreadableReports,
        JSON.stringify(attempt.evidence),
      );
    }

    const onDefaultBranch = run.branch !== null && run.branch === this.defaultBranchOf(projectId);
    const tests = this.resolveTests(projectId, record.results, run.startedAt, staging);
    const testIds = new Map([...tests].map(([key, test]) => [key, test.id]));
    const failureIds = this.resolveFailures(projectId, record, run.startedAt);
    this.insertResults(runId, run.startedAt, record.results, testIds, failureIds);
    this.updateRollups(projectId, run.branch ?? "", dayOf(run.startedAt), record.results, testIds, staging);
    if (onDefaultBranch) this.advanceStates(projectId, run, record.results, tests, staging);

    const insertEvent = this.prepare(
      `INSERT INTO infra_events (project_id, run_id, attempt, test_id, signature, description, evidence_line,
        failures, time_lost_ms, occurred_at, branch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const event of record.infraEvents) {
      insertEvent.run(
        projectId,
        runId,
        event.attempt,
        event.testKey === null ? null : (testIds.get(event.testKey) ?? null),
        event.signature,
        event.description,
        event.evidenceLine,
        event.failures,
        event.timeLostMs,
        run.startedAt,
        run.branch ?? "",
      );
    }
    return { runId, duplicate: false };
  }

  private defaultBranchOf(projectId: number): string | null {
    const row = this.prepare("SELECT default_branch AS defaultBranch FROM projects WHERE id = ?").get(
      projectId,
    ) as { defaultBranch: string | null } | undefined;
    return row?.defaultBranch ?? null;
  }

  /**
   * Each test's health on the default branch, advanced by this run's result (core/analytics' test state),
   * so that no page recomputes it from raw results. Only tests whose state changed are written.
   */
  private advanceStates(
    projectId: number,
    run: PlannedRun,
    results: readonly PlannedResult[],
    tests: ReadonlyMap<string, CachedTest>,
    staging: Staging,
  ): void {
    const update = this.prepare(
      "UPDATE tests SET state = ?, state_data = ?, state_changed_at = ? WHERE id = ?",
    );
    const commitSha = stateCommit(run.commitSha);
    for (const result of results) {
      const test = tests.get(result.testKey) as CachedTest;
      const previous = test.state ?? readState(test.stateText);
      const next = advanceTestState(previous, { verdict: result.verdict, commitSha, at: run.startedAt });
      if (next === previous) continue;
      const text = encodeTestState(next);
      update.run(next.health, text, next.since, test.id);
      staging.tests.push([projectId, result.testKey, { ...test, state: next, stateText: text }]);
    }
  }

  private ensureProjectNow(slug: string, defaultBranch: string | null): number {
    this.prepare(
      "INSERT INTO projects (slug, default_branch, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING",
    ).run(slug, defaultBranch, this.now());
    return (this.read("projectBySlug").get(slug) as { id: number }).id;
  }

  /** The default branch a report names wins; without one, a project's first `main` or `master` is taken. */
  private learnDefaultBranch(projectId: number, named: string | null, branch: string | null): void {
    if (named) {
      this.prepare("UPDATE projects SET default_branch = ? WHERE id = ? AND default_branch IS NOT ?").run(
        named,
        projectId,
        named,
      );
    } else if (branch === "main" || branch === "master") {
      this.prepare("UPDATE projects SET default_branch = ? WHERE id = ? AND default_branch IS NULL").run(
        branch,
        projectId,
      );
    }
  }

  /**
   * Test key → the test, from the cache or the database, inserting the tests seen for the first time. Each
   * test's `last_seen_at` is moved on once a day, not at every upload.
   */
  private resolveTests(
    projectId: number,
    results: readonly PlannedResult[],
    seenAt: number,
    staging: Staging,
  ): Map<string, CachedTest> {
    const cached = this.cache?.tests.get(projectId);
    const tests = new Map<string, CachedTest>();
    const missing: string[] = [];
    for (const result of results) {
      const test = cached?.get(result.testKey);
      if (test) tests.set(result.testKey, test);
      else missing.push(result.testKey);
    }
    if (missing.length > 0) {
      const known = this.prepare(
        `SELECT id, test_key AS testKey, state_data AS stateText, last_seen_at AS lastSeenAt FROM tests
         WHERE project_id = ? AND test_key IN (SELECT value FROM json_each(?))`,
      );
      for (const row of known.iterate(projectId, JSON.stringify(missing)) as Iterable<
        Omit<CachedTest, "state"> & { testKey: string }
      >) {
        const test: CachedTest = {
          id: row.id,
          stateText: row.stateText,
          state: null,
          lastSeenAt: row.lastSeenAt,
        };
        tests.set(row.testKey, test);
        staging.tests.push([projectId, row.testKey, test]);
      }
    }
    const fresh = results.filter((result) => !tests.has(result.testKey));
    batches(fresh, INSERT_BATCH, (batch) => {
      const statement = this.prepare(
        `INSERT INTO tests (project_id, test_key, suite, classname, name, file, first_seen_at, last_seen_at)
         VALUES ${placeholders(batch.length, 8)} RETURNING id, test_key AS testKey`,
      );
      const values: unknown[] = [];
      for (const result of batch) {
        values.push(
          projectId,
          result.testKey,
          result.suite,
          result.classname,
          result.name,
          result.file,
          seenAt,
          seenAt,
        );
      }
      for (const row of statement.all(values) as { id: number; testKey: string }[]) {
        const test: CachedTest = { id: row.id, stateText: null, state: null, lastSeenAt: seenAt };
        tests.set(row.testKey, test);
        staging.tests.push([projectId, row.testKey, test]);
      }
    });
    const dayStart = seenAt - (seenAt % DAY_MS);
    const stale = results.filter((result) => (tests.get(result.testKey) as CachedTest).lastSeenAt < dayStart);
    if (stale.length > 0) {
      this.prepare(
        `UPDATE tests SET last_seen_at = ? WHERE project_id = ? AND last_seen_at < ?
           AND test_key IN (SELECT value FROM json_each(?))`,
      ).run(seenAt, projectId, dayStart, JSON.stringify(stale.map((result) => result.testKey)));
      for (const result of stale) {
        const test = { ...(tests.get(result.testKey) as CachedTest), lastSeenAt: seenAt };
        tests.set(result.testKey, test);
        staging.tests.push([projectId, result.testKey, test]);
      }
    }
    return tests;
  }

  /** Fingerprint → failure message id, inserting new messages and dating the known ones. */
  private resolveFailures(projectId: number, record: RunRecord, seenAt: number): Map<string, number> {
    const ids = new Map<string, number>();
    const upsert = this.prepare(
      `INSERT INTO failure_messages (project_id, fingerprint, type, message, details, signature, first_seen_at,
         last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (project_id, fingerprint) DO UPDATE SET
         last_seen_at = MAX(last_seen_at, excluded.last_seen_at),
         first_seen_at = MIN(first_seen_at, excluded.first_seen_at)
       RETURNING id`,
    );
    for (const failure of record.failures) {
      const row = upsert.get(
        projectId,
        failure.fingerprint,
        failure.type,
        failure.message,
        failure.details,
        failure.signature,
        seenAt,
        seenAt,
      ) as { id: number };
      ids.set(failure.fingerprint, row.id);
    }
    return ids;
  }

  private insertResults(
    runId: number,
    startedAt: number,
    results: readonly PlannedResult[],
    testIds: ReadonlyMap<string, number>,
    failureIds: ReadonlyMap<string, number>,
  ): void {
    batches(results, INSERT_BATCH, (batch) => {
      const statement = this.prepare(
        `INSERT INTO test_results (run_id, test_id, started_at, status, duration_ms, attempts, failure_id)
         VALUES ${placeholders(batch.length, 7)}`,
      );
      const values: unknown[] = [];
      for (const result of batch) {
        values.push(
          runId,
          testIds.get(result.testKey),
          startedAt,
          resultStatusCodes[result.verdict],
          result.durationMs,
          result.attempts,
          result.failureFingerprint === null ? null : (failureIds.get(result.failureFingerprint) ?? null),
        );
      }
      statement.run(values);
    });
  }

  /**
   * Adds the upload's results to their tests' rollup rows of that branch and day. The transaction holds the
   * write lock, so the rows read (from the cache or the database) cannot change before they are written back.
   */
  private updateRollups(
    projectId: number,
    branch: string,
    day: number,
    results: readonly PlannedResult[],
    testIds: ReadonlyMap<string, number>,
    staging: Staging,
  ): void {
    const cacheKey = `${projectId}|${branch}`;
    const cached = this.cache?.rollups.get(cacheKey);
    const known = cached?.day === day ? cached.rows : new Map<number, RollupRow>();
    const ids = results.map((result) => testIds.get(result.testKey) as number);
    const missing = ids.filter((id) => !known.has(id));
    const rows = new Map<number, RollupRow>();
    if (missing.length > 0) {
      const existing = this.prepare(
        `SELECT rowid, test_id AS testId, passed, failed, flaky, skipped, infra, timed, total_ms AS totalMs,
           ci_time_lost_ms AS ciTimeLostMs, durations FROM test_daily_rollups
         WHERE project_id = ? AND branch = ? AND day = ? AND test_id IN (SELECT value FROM json_each(?))`,
      );
      for (const row of existing.iterate(projectId, branch, day, JSON.stringify(missing)) as Iterable<
        OutcomeCounts & {
          rowid: number;
          testId: number;
          timed: number;
          totalMs: number;
          ciTimeLostMs: number;
          durations: Uint8Array | null;
        }
      >) {
        const { passed, failed, flaky, skipped, infra } = row;
        rows.set(row.testId, {
          rowid: row.rowid,
          counts: { passed, failed, flaky, skipped, infra },
          timed: row.timed,
          totalMs: row.totalMs,
          ciTimeLostMs: row.ciTimeLostMs,
          sketch: row.durations ? decodeDurationSketch(row.durations) : null,
        });
      }
    }
    const updated = new Map<number, RollupRow>();
    results.forEach((result, index) => {
      const testId = ids[index] as number;
      const before = known.get(testId) ?? rows.get(testId) ?? EMPTY_ROLLUP;
      const sketch = result.timed
        ? addDuration(before.sketch ?? newDurationSketch(), result.durationMs)
        : before.sketch;
      updated.set(testId, {
        rowid: before.rowid,
        counts: addOutcome(before.counts, result.verdict),
        timed: before.timed + (result.timed ? 1 : 0),
        totalMs: before.totalMs + (result.timed ? result.durationMs : 0),
        ciTimeLostMs: before.ciTimeLostMs + result.ciTimeLostMs,
        sketch,
      });
    });
    // Rows that exist are updated by rowid (known from the cache or the read above): the cheapest write SQLite
    // has. New rows go in batches, and their rowids come back for the next upload of the day.
    const update = this.prepare(
      `UPDATE test_daily_rollups SET passed = ?, failed = ?, flaky = ?, skipped = ?, infra = ?, timed = ?,
         total_ms = ?, max_ms = ?, p50_ms = ?, p95_ms = ?, durations = ?, ci_time_lost_ms = ? WHERE rowid = ?`,
    );
    const fresh: [number, RollupRow][] = [];
    for (const [testId, row] of updated) {
      if (row.rowid === null) {
        fresh.push([testId, row]);
        continue;
      }
      update.run(...rollupValues(row), row.rowid);
    }
    batches(fresh, INSERT_BATCH, (batch) => {
      const statement = this.prepare(
        `INSERT INTO test_daily_rollups (project_id, branch, day, test_id, passed, failed, flaky, skipped, infra, timed,
           total_ms, max_ms, p50_ms, p95_ms, durations, ci_time_lost_ms) VALUES ${placeholders(batch.length, 16)}
         RETURNING rowid, test_id AS testId`,
      );
      const values: unknown[] = [];
      for (const [testId, row] of batch) values.push(projectId, branch, day, testId, ...rollupValues(row));
      for (const inserted of statement.all(values) as { rowid: number; testId: number }[]) {
        updated.set(inserted.testId, {
          ...(updated.get(inserted.testId) as RollupRow),
          rowid: inserted.rowid,
        });
      }
    });
    staging.rollups.set(cacheKey, { day, rows: updated });
  }

  // --- retention -----------------------------------------------------------------------------------------

  /**
   * Deletes raw test results of runs that started before `before` (epoch ms), a few runs per transaction so
   * that uploads are not held up. Runs, attempts, infrastructure events and the daily rollups stay.
   */
  async pruneResults({
    before,
    runsPerBatch = 20,
  }: {
    before: number;
    runsPerBatch?: number;
  }): Promise<number> {
    const oldRuns = this.prepare(
      `SELECT r.id FROM runs r WHERE r.started_at < ?
         AND EXISTS (SELECT 1 FROM test_results tr WHERE tr.run_id = r.id) LIMIT ?`,
    );
    const remove = this.prepare("DELETE FROM test_results WHERE run_id = ?");
    let deleted = 0;
    for (;;) {
      const count = this.client
        .transaction(() => {
          const ids = oldRuns.all(before, runsPerBatch) as { id: number }[];
          let removed = 0;
          for (const { id } of ids) removed += remove.run(id).changes;
          return ids.length === 0 ? -1 : removed;
        })
        .immediate();
      if (count < 0) return deleted;
      deleted += count;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // --- reads: overview -----------------------------------------------------------------------------------

  /** Branches with runs, the most recently run first. */
  async listBranches({ projectId }: { projectId: number }): Promise<BranchSummary[]> {
    return this.read("listBranches").all(projectId) as BranchSummary[];
  }

  async listRunsInRange({
    projectId,
    branch,
    since,
    until,
  }: {
    projectId: number;
    branch: string | null;
    since: number;
    until: number;
  }): Promise<RunSummary[]> {
    return this.read("listRunsInRange").all({ projectId, branch, since, until }) as RunSummary[];
  }

  async listRecentRuns({
    projectId,
    branch,
    limit,
  }: {
    projectId: number;
    branch: string | null;
    limit: number;
  }): Promise<RunSummary[]> {
    return this.read("listRecentRuns").all({ projectId, branch, limit }) as RunSummary[];
  }

  /** Every test that ran on the branch in the days, with its counts and time summed over them. */
  async listTestWindows({
    projectId,
    branch,
    fromDay,
    toDay,
  }: {
    projectId: number;
    branch: string;
    fromDay: number;
    toDay: number;
  }): Promise<TestWindow[]> {
    const sum = (from: number, to: number) =>
      this.read("listTestWindows").all({ projectId, branch, fromDay: from, toDay: to }) as TestWindow[];
    const today = dayOf(this.now());
    // Days before today no longer change: their sums are kept, and only today is read again.
    const closed =
      fromDay < today
        ? this.readClosedDays(
            { kind: "windows", projectId, branch, fromDay, toDay: Math.min(toDay, today - 1) },
            sum,
          )
        : [];
    const byTest = new Map(closed.map((window) => [window.id, window]));
    if (toDay >= today) {
      for (const live of sum(Math.max(fromDay, today), toDay)) {
        const before = byTest.get(live.id);
        byTest.set(live.id, before ? addWindows(before, live) : live);
      }
    }
    // Health changes with every upload: always today's, whatever the kept sums remembered.
    const unwell = new Map(
      (this.read("listUnwellTests").all(projectId) as { id: number; state: TestHealth }[]).map((row) => [
        row.id,
        row.state,
      ]),
    );
    return [...byTest.values()].map((window) => {
      const state = unwell.get(window.id) ?? "healthy";
      return state === window.state ? window : { ...window, state };
    });
  }

  /** The merged durations of some tests over the days. */
  async getDurationsOfTests({
    projectId,
    branch,
    fromDay,
    toDay,
    testIds,
  }: {
    projectId: number;
    branch: string;
    fromDay: number;
    toDay: number;
    testIds: readonly number[];
  }): Promise<Map<number, DurationSketch>> {
    const mergers = new Map<number, StoredSketchMerger>();
    if (testIds.length === 0) return new Map();
    const rows = this.read("listDurationsOfTests").iterate({
      projectId,
      branch,
      days: daysBetween(fromDay, toDay),
      testIds: JSON.stringify(testIds),
    }) as Iterable<{ testId: number; durations: Uint8Array }>;
    for (const row of rows) mergeInto(mergers, row.testId, row.durations);
    return sketchesOf(mergers);
  }

  /** Every test's merged durations in two windows of days: the figures "got slower" compares. */
  async getDurationWindows({
    projectId,
    branch,
    baseline,
    current,
  }: {
    projectId: number;
    branch: string;
    baseline: { fromDay: number; toDay: number };
    current: { fromDay: number; toDay: number };
  }): Promise<{ baseline: Map<number, DurationSketch>; current: Map<number, DurationSketch> }> {
    return {
      baseline: this.getBranchDurations({ projectId, branch, ...baseline }),
      current: this.getBranchDurations({ projectId, branch, ...current }),
    };
  }

  /** Every test's merged durations over the days; days before today come from the kept merges. */
  private getBranchDurations(range: {
    projectId: number;
    branch: string;
    fromDay: number;
    toDay: number;
  }): Map<number, DurationSketch> {
    const merge = (fromDay: number, toDay: number) => {
      const mergers = new Map<number, StoredSketchMerger>();
      const rows = this.read("listDurationsOfBranch").iterate({ ...range, fromDay, toDay }) as Iterable<{
        testId: number;
        durations: Uint8Array;
      }>;
      for (const row of rows) mergeInto(mergers, row.testId, row.durations);
      return sketchesOf(mergers);
    };
    const today = dayOf(this.now());
    if (range.toDay < today) return this.readClosedDays({ kind: "durations", ...range }, merge);
    if (range.fromDay >= today) return merge(range.fromDay, range.toDay);
    const merged = new Map(this.readClosedDays({ kind: "durations", ...range, toDay: today - 1 }, merge));
    for (const [testId, sketch] of merge(today, range.toDay)) {
      const before = merged.get(testId);
      merged.set(testId, before ? mergeDurationSketches(before, sketch) : sketch);
    }
    return merged;
  }

  /** Attempts infrastructure failed on the branch in the time range, oldest first. */
  async listInfraFailures({
    projectId,
    branch,
    since,
    until,
  }: {
    projectId: number;
    branch: string;
    since: number;
    until: number;
  }): Promise<InfraFailureRow[]> {
    const rows = this.read("listInfraFailures").all({ projectId, branch, since, until }) as (Omit<
      InfraFailureRow,
      "retried"
    > & { retried: number })[];
    return rows.map((row) => ({ ...row, retried: row.retried === 1 }));
  }

  // --- reads: a test ---------------------------------------------------------------------------------------

  async getTest({ projectId, testKey }: { projectId: number; testKey: string }): Promise<TestDetail | null> {
    const row = this.read("testByKey").get(projectId, testKey) as
      | (Omit<TestDetail, "stateDetail"> & { stateData: string | null })
      | undefined;
    if (!row) return null;
    const { stateData, ...test } = row;
    return { ...test, stateDetail: stateData ? readState(stateData) : null };
  }

  async listTestDays({
    projectId,
    testId,
    branch,
    fromDay,
    toDay,
  }: {
    projectId: number;
    testId: number;
    branch: string;
    fromDay: number;
    toDay: number;
  }): Promise<DailyTiming[]> {
    return this.read("listTestDays").all({
      projectId,
      testId,
      branch,
      days: daysBetween(fromDay, toDay),
    }) as DailyTiming[];
  }

  async getTestDurations({
    projectId,
    testId,
    branch,
    fromDay,
    toDay,
  }: {
    projectId: number;
    testId: number;
    branch: string;
    fromDay: number;
    toDay: number;
  }): Promise<DurationSketch> {
    const merger = new StoredSketchMerger();
    const rows = this.read("listTestDurations").iterate({
      projectId,
      testId,
      branch,
      days: daysBetween(fromDay, toDay),
    }) as Iterable<{
      durations: Uint8Array;
    }>;
    for (const row of rows) merger.add(row.durations);
    return merger.sketch();
  }

  /** The test's latest results, newest first; on one branch when `branch` is given. */
  async listTestResults({
    projectId,
    testId,
    branch,
    limit,
  }: {
    projectId: number;
    testId: number;
    branch?: string | null;
    limit: number;
  }): Promise<ResultHistoryRow[]> {
    const rows =
      branch === undefined
        ? this.read("listTestResults").all({ projectId, testId, limit })
        : this.read("listTestResultsOnBranch").all({ projectId, testId, branch, limit });
    return (rows as (Omit<ResultHistoryRow, "verdict"> & { status: number })[]).map(({ status, ...row }) => ({
      ...row,
      verdict: verdictOf(status),
    }));
  }

  /** The test's failures by message, the most recent first, each with the runs it happened in. */
  async listFailureGroups({
    testId,
    limit,
    runsPerGroup = 5,
  }: {
    testId: number;
    limit: number;
    runsPerGroup?: number;
  }): Promise<FailureGroup[]> {
    const groups = this.read("listFailureGroups").all({ testId, limit }) as Omit<FailureGroup, "runIds">[];
    return groups.map((group) => ({
      ...group,
      runIds: (
        this.read("listFailureRuns").all({ testId, failureId: group.id, limit: runsPerGroup }) as {
          runId: number;
        }[]
      ).map((row) => row.runId),
    }));
  }

  async searchTests({
    projectId,
    query,
    limit,
  }: {
    projectId: number;
    query: string;
    limit: number;
  }): Promise<(TestIdentity & { state: TestHealth; lastSeenAt: number })[]> {
    const pattern = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    return this.read("searchTests").all({ projectId, pattern, exact: query, limit }) as (TestIdentity & {
      state: TestHealth;
      lastSeenAt: number;
    })[];
  }

  // --- reads: a run ----------------------------------------------------------------------------------------

  async getRun({ projectId, runId }: { projectId: number; runId: number }): Promise<RunDetail | null> {
    const row = this.read("runById").get(projectId, runId) as
      | (Omit<RunDetail, "cancelled"> & { cancelled: number })
      | undefined;
    return row ? { ...row, cancelled: row.cancelled === 1 } : null;
  }

  async listRunAttempts({ runId }: { runId: number }): Promise<RunAttemptDetail[]> {
    const rows = this.read("listRunAttempts").all(runId) as (Omit<
      RunAttemptDetail,
      "evidence" | "timedOut" | "retried"
    > & { evidence: string; timedOut: number; retried: number })[];
    return rows.map((row) => ({
      ...row,
      timedOut: row.timedOut === 1,
      retried: row.retried === 1,
      evidence: JSON.parse(row.evidence) as EvidenceGroup[],
    }));
  }

  /** The run's tests with one of the verdicts, grouped by verdict, with their failure messages. */
  async listRunResults({
    runId,
    verdicts,
    limit,
  }: {
    runId: number;
    verdicts: readonly StoredVerdict[];
    limit: number;
  }): Promise<RunResultRow[]> {
    const statuses = JSON.stringify(verdicts.map((verdict) => resultStatusCodes[verdict]));
    return (this.read("listRunResultsByStatus").all({ runId, statuses, limit }) as RawResultRow[]).map(
      toResultRow,
    );
  }

  async listSlowestRunResults({ runId, limit }: { runId: number; limit: number }): Promise<RunResultRow[]> {
    return (this.read("listSlowestRunResults").all({ runId, limit }) as RawResultRow[]).map(toResultRow);
  }

  async listRunInfraEvents({ runId }: { runId: number }): Promise<InfraEventRow[]> {
    const rows = this.read("listRunInfraEvents").all(runId) as (Omit<InfraEventRow, "test"> & {
      testId: number | null;
      testKey: string;
      suite: string;
      classname: string;
      name: string;
      file: string | null;
    })[];
    return rows.map(({ testId, testKey, suite, classname, name, file, ...event }) => ({
      ...event,
      test: testId === null ? null : { id: testId, testKey, suite, classname, name, file },
    }));
  }

  // --- maintenance -----------------------------------------------------------------------------------------

  /** EXPLAIN QUERY PLAN of every read the pages make, with sample parameters. */
  async explainReadQueries(): Promise<QueryPlan[]> {
    return (Object.keys(READS) as ReadName[]).map((name) => {
      const sql = READS[name];
      const rows = this.client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...SAMPLE_PARAMETERS[name]) as {
        detail: string;
      }[];
      return { name, sql, plan: rows.map((row) => row.detail) };
    });
  }

  /** Bytes the database file holds (pages in use and free). */
  async getDatabaseSize(): Promise<number> {
    const pages = this.client.pragma("page_count", { simple: true }) as number;
    const size = this.client.pragma("page_size", { simple: true }) as number;
    return pages * size;
  }

  /** Moves the write-ahead log into the database file (the bench, before measuring the file's size). */
  async checkpoint(): Promise<void> {
    this.client.pragma("wal_checkpoint(TRUNCATE)");
  }

  // --- the ingest cache -------------------------------------------------------------------------------------
  //
  // Uploads read back what earlier uploads wrote (each test's id and state, the day's rollup rows). This
  // connection keeps that in memory between uploads, as long as no other connection wrote to the database:
  // SQLite's data_version changes when one did, and then the cache is dropped. Only what a committed upload
  // wrote is kept (see `ingestRun`).

  private cache: IngestCache | null = null;

  // Sums and merges of rollup days before today, which no longer change: the overview reads a range of days
  // again at every view. Kept per (project, branch, range) while no other connection writes, and dropped
  // when an upload of this connection lands on one of their days (a late upload for an earlier day).
  private closedDays = { dataVersion: -1, entries: new Map<string, ClosedDaysEntry>() };

  private readClosedDays<T>(
    scope: { kind: string; projectId: number; branch: string; fromDay: number; toDay: number },
    read: (fromDay: number, toDay: number) => T,
  ): T {
    const version = this.client.pragma("data_version", { simple: true }) as number;
    if (version !== this.closedDays.dataVersion)
      this.closedDays = { dataVersion: version, entries: new Map() };
    const key = `${scope.kind}|${scope.projectId}|${scope.branch}|${scope.fromDay}|${scope.toDay}`;
    const kept = this.closedDays.entries.get(key);
    if (kept) {
      // Most recently used last: the first entry is the one to drop when there are too many.
      this.closedDays.entries.delete(key);
      this.closedDays.entries.set(key, kept);
      return kept.value as T;
    }
    const value = read(scope.fromDay, scope.toDay);
    this.closedDays.entries.set(key, { ...scope, value });
    if (this.closedDays.entries.size > MAX_CLOSED_DAY_ENTRIES) {
      this.closedDays.entries.delete(this.closedDays.entries.keys().next().value as string);
    }
    return value;
  }

  /** An upload landed on a day: kept sums that include it are no longer right. */
  private forgetClosedDays(projectId: number, branch: string, day: number): void {
    for (const [key, entry] of this.closedDays.entries) {
      if (
        entry.projectId === projectId &&
        entry.branch === branch &&
        entry.fromDay <= day &&
        day <= entry.toDay
      ) {
        this.closedDays.entries.delete(key);
      }
    }
  }

  /** Called inside an upload's transaction, which holds the write lock: nobody can write behind it. */
  private checkCache(): void {
    const version = this.client.pragma("data_version", { simple: true }) as number;
    if (this.cache?.dataVersion === version && this.cache.size < MAX_CACHED_TESTS) return;
    this.cache = { dataVersion: version, tests: new Map(), rollups: new Map(), size: 0 };
  }

  private applyStaged(staged: Staging): void {
    const cache = this.cache;
    if (!cache) return;
    for (const [projectId, key, test] of staged.tests) {
      let tests = cache.tests.get(projectId);
      if (!tests) {
        tests = new Map();
        cache.tests.set(projectId, tests);
      }
      if (!tests.has(key)) cache.size++;
      tests.set(key, test);
    }
    for (const [key, { day, rows }] of staged.rollups) {
      const cached = cache.rollups.get(key);
      if (cached && cached.day === day) for (const [testId, row] of rows) cached.rows.set(testId, row);
      else if (!cached || cached.day < day) cache.rollups.set(key, { day, rows });
    }
  }

  // --- plumbing --------------------------------------------------------------------------------------------

  private read(name: ReadName): Statement {
    return this.prepare(READS[name]);
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.client.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

interface RawResultRow extends TestIdentity {
  status: number;
  durationMs: number;
  attempts: number;
  failureId: number | null;
  fingerprint?: string;
  type?: string | null;
  message?: string | null;
  details?: string | null;
  signature?: string | null;
}

function toResultRow(row: RawResultRow): RunResultRow {
  return {
    id: row.id,
    testKey: row.testKey,
    suite: row.suite,
    classname: row.classname,
    name: row.name,
    file: row.file,
    verdict: verdictOf(row.status),
    durationMs: row.durationMs,
    attempts: row.attempts,
    failure:
      row.failureId === null || row.fingerprint === undefined
        ? null
        : {
            id: row.failureId,
            fingerprint: row.fingerprint,
            type: row.type ?? null,
            message: row.message ?? null,
            details: row.details ?? null,
            signature: row.signature ?? null,
          },
  };
}

function verdictOf(status: number): StoredVerdict {
  const verdict = STATUS_BY_CODE.get(status);
  if (!verdict) throw new StoreError(`unknown result status ${status} in the database`);
  return verdict;
}

function mergeInto(mergers: Map<number, StoredSketchMerger>, testId: number, bytes: Uint8Array): void {
  let merger = mergers.get(testId);
  if (!merger) {
    merger = new StoredSketchMerger();
    mergers.set(testId, merger);
  }
  merger.add(bytes);
}

function sketchesOf(mergers: ReadonlyMap<number, StoredSketchMerger>): Map<number, DurationSketch> {
  return new Map([...mergers].map(([testId, merger]) => [testId, merger.sketch()]));
}

function roundOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value);
}

/** A test as uploads need it: its id, its state (decoded once) and the day it was last seen. */
interface CachedTest {
  readonly id: number;
  readonly stateText: string | null;
  readonly state: TestState | null;
  readonly lastSeenAt: number;
}

/** A test's rollup row of one branch and day, as the next upload of that day continues it. */
interface RollupRow {
  /** Null until the row is written. */
  readonly rowid: number | null;
  readonly counts: OutcomeCounts;
  readonly timed: number;
  readonly totalMs: number;
  readonly ciTimeLostMs: number;
  readonly sketch: DurationSketch | null;
}

interface IngestCache {
  readonly dataVersion: number;
  /** Project → test key → test. */
  readonly tests: Map<number, Map<string, CachedTest>>;
  /** `project|branch` → the latest day's rows by test id. */
  readonly rollups: Map<string, { day: number; rows: Map<number, RollupRow> }>;
  size: number;
}

/** What one upload adds to the cache once it is committed. */
interface Staging {
  readonly tests: [projectId: number, key: string, test: CachedTest][];
  readonly rollups: Map<string, { day: number; rows: Map<number, RollupRow> }>;
}

function newStaging(): Staging {
  return { tests: [], rollups: new Map() };
}

interface ClosedDaysEntry {
  readonly projectId: number;
  readonly branch: string;
  readonly fromDay: number;
  readonly toDay: number;
  readonly value: unknown;
}

/** Ranges kept for the overview: a few branches × ranges × kinds. */
const MAX_CLOSED_DAY_ENTRIES = 64;

function addWindows(a: TestWindow, b: TestWindow): TestWindow {
  return {
    ...a,
    state: b.state,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    flaky: a.flaky + b.flaky,
    skipped: a.skipped + b.skipped,
    infra: a.infra + b.infra,
    timed: a.timed + b.timed,
    totalMs: a.totalMs + b.totalMs,
    maxMs: a.maxMs === null ? b.maxMs : b.maxMs === null ? a.maxMs : Math.max(a.maxMs, b.maxMs),
    ciTimeLostMs: a.ciTimeLostMs + b.ciTimeLostMs,
  };
}

/** Beyond this many tests in memory (about 1 KB each), the cache starts over. */
const MAX_CACHED_TESTS = 200_000;

function readState(text: string | null): TestState {
  if (!text) return newTestState;
  // Rows written before the compact encoding hold the object itself.
  return text.startsWith("{") ? (JSON.parse(text) as TestState) : decodeTestState(text);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}

function batches<T>(items: readonly T[], size: number, each: (batch: readonly T[]) => void): void {
  for (let start = 0; start < items.length; start += size) each(items.slice(start, start + size));
}

/** The UTC day number of an epoch-millisecond time, as the rollups key days. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

export { DAY_MS };

const EMPTY_ROLLUP: RollupRow = {
  rowid: null,
  counts: { passed: 0, failed: 0, flaky: 0, skipped: 0, infra: 0 },
  timed: 0,
  totalMs: 0,
  ciTimeLostMs: 0,
  sketch: null,
};

/** A rollup row's values from `passed` to `ci_time_lost_ms`, in the order of the statements above. */
function rollupValues(row: RollupRow): unknown[] {
  // The day's figures come from the analytics' sketch: p50/p95 within 1 %, the max exact.
  const summary = row.sketch ? summarizeSketch(row.sketch) : null;
  const bytes = row.sketch ? encodeDurationSketch(row.sketch) : null;
  const { passed, failed, flaky, skipped, infra } = row.counts;
  return [
    passed,
    failed,
    flaky,
    skipped,
    infra,
    row.timed,
    row.totalMs,
    roundOrNull(summary?.maxMs),
    roundOrNull(summary?.p50Ms),
    roundOrNull(summary?.p95Ms),
    bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null,
    row.ciTimeLostMs,
  ];
}

/** The days of a range as a JSON list, so that SQLite seeks each day of the day-first rollup key. */
function daysBetween(fromDay: number, toDay: number): string {
  const days: number[] = [];
  for (let day = fromDay; day <= toDay; day++) days.push(day);
  return JSON.stringify(days);
}
