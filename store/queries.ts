// The dashboard's data access: pages, route handlers, scripts and the bench call these verb-noun functions,
// each taking one object; none of them builds a query. This module and the two engines beside it
// (sqlite.ts, postgres.ts, behind database.ts) are the only places with SQL. The SQL here is written once for
// both databases; what differs is asked of the engine's flavour, and each engine does an upload's bulk writes
// its own fastest way. Pages do not know which database they run on.
//
// Speed, for 10 million results and more: an upload is one transaction that first locks its project (SQLite:
// the database), then writes batched rows; the daily rollups and each test's state are kept up to date inside
// it, so that charts over months read rollups, never raw results. Nothing is indexed by test on the big
// tables: an upload writes a few hundred pages, not one page per test per index. Tests' states are kept in
// chunks of 128 tests (one row rewritten per chunk, not per test). What uploads read back (tests, their
// states, the day's rollup rows) and what the overview re-reads (sums of past days) is kept in memory, and
// checked against the project's versions in the database, which every upload moves on: another server's
// upload, or another process's, makes this one read again. Every read is checked against its index by
// `explainReadQueries`.
import { createHash, randomBytes } from "node:crypto";
import {
  advanceTestState,
  type DurationSketch,
  type InfraFailure,
  mergeDurationSketches,
  newTestState,
  type OutcomeCounts,
  outcomeCountKey,
  summarizeSketch,
  type TestState,
} from "../core/analytics/index.ts";
import {
  addToStoredSketch,
  decodeDurationSketch,
  decodeTestState,
  type EvidenceGroup,
  joinStateChunk,
  type PlannedResult,
  type PlannedRun,
  type RunRecord,
  StoredSketchMerger,
  type StoredVerdict,
  splitStateChunk,
  stateChunkOf,
  stateCommit,
} from "../core/history/index.ts";
import { copyDatabase } from "./copy-database.ts";
import {
  type Database,
  type Dialect,
  describeDatabase,
  isPostgresUrl,
  MissingMonthError,
  type Params,
  type RollupWrite,
  type SqlFlavour,
  StoreError,
  type Transaction,
  valuesPlaceholders,
} from "./database.ts";
import { openPostgres } from "./postgres.ts";
import { resultStatusCodes, type TestHealth } from "./schema.ts";
import { openSqlite } from "./sqlite.ts";

const DAY_MS = 86_400_000;
const UPLOAD_TOKEN_PREFIX = "swu_";
/** Rows per multi-row statement the two databases share (within SQLite's 32,766 parameters). */
const INSERT_BATCH = 200;
/** Rollup rows per write: small enough that the database starts on the first while the rest are counted. */
const ROLLUP_WRITE_BATCH = 1000;
/**
 * An upload for a day before today makes the kept sums of past days stale. "Today" is the uploading server's:
 * an upload in the last hour of its day counts as late too, so that a server whose clock is up to an hour
 * ahead (already on the next day) never keeps a sum that misses it.
 */
const LATE_MARGIN_MS = 3_600_000;

export interface OpenStoreOptions {
  /**
   * The SQLite file (created with its folder when missing), or a `postgres://` URL: what SEAMWATCH_DB says.
   */
  readonly database: string;
  /** PostgreSQL: connections this process opens at most. */
  readonly poolSize?: number;
  /** Applies the pending migrations from this folder (the repository's drizzle/) before returning. */
  readonly migrationsFolder?: string;
  /** Epoch milliseconds; injected by tests and the seed. */
  readonly now?: () => number;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const database = isPostgresUrl(options.database)
    ? await openPostgres({
        url: options.database.trim(),
        poolSize: options.poolSize,
        migrationsFolder: options.migrationsFolder,
      })
    : openSqlite({ path: options.database, migrationsFolder: options.migrationsFolder });
  return new Store(database, options.now ?? Date.now);
}

export { type Dialect, describeDatabase, isPostgresUrl, StoreError };

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

/** A test's figures on one branch over a window of days: what the PR comment compares against. */
export interface BaselineRow {
  readonly testKey: string;
  /** The test's health on the project's default branch (the only branch a state is kept for). */
  readonly state: TestHealth;
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  /** Durations in `durations` (clean passes). */
  readonly timed: number;
  /** Merged over the window; null when the test has no timed result there. */
  readonly durations: DurationSketch | null;
}

/** Which GitHub OIDC tokens may upload to a project (a project without a policy takes none). */
export interface OidcPolicy {
  readonly projectId: number;
  readonly projectSlug: string;
  /** Patterns of the token's `ref` claim; empty: any ref. */
  readonly refs: readonly string[];
  /** Workflow names or files; empty: any workflow. */
  readonly workflows: readonly string[];
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

/**
 * Every read the pages make, by name, for either database: written once, checked against the indexes in a
 * test. Aliases are quoted so that PostgreSQL keeps their case.
 */
function readQueries(q: SqlFlavour) {
  const runsOnBranch = (branch: "value" | "none") =>
    branch === "value" ? "r.branch = @branch" : "r.branch IS NULL";
  const runsInRange = (branch: "value" | "none") => `SELECT ${runSummaryColumns("r")} FROM runs r
    WHERE r.project_id = @projectId AND ${runsOnBranch(branch)} AND r.started_at >= @since AND r.started_at < @until
    ORDER BY r.started_at, r.id`;
  const recentRuns = (branch: "value" | "none") => `SELECT ${runSummaryColumns("r")} FROM runs r
    WHERE r.project_id = @projectId AND ${runsOnBranch(branch)} ORDER BY r.started_at DESC, r.id DESC LIMIT @limit`;
  const testResultColumns = `tr.run_id AS "runId", r.started_at AS "startedAt", tr.status,
      tr.duration_ms AS "durationMs", tr.attempts, tr.failure_id AS "failureId", r.commit_sha AS "commitSha",
      r.branch, r.pull_request AS "pullRequest", r.job, r.job_key AS "jobKey"`;
  // A test's latest results: the project's latest runs, newest first, each looked up for the test (and, on
  // PostgreSQL, in the month of the run's start only). Each run has at most one result of the test, which
  // neither planner knows: SQLite is told the index to walk, PostgreSQL gets a lateral lookup per run (its
  // join estimate otherwise made it scan every month of results for the test).
  const resultOfRun = "tr.run_id = r.id AND tr.test_id = @testId AND tr.started_at = r.started_at";
  const testResults = (branch: "any" | "value" | "none") => `SELECT ${testResultColumns}
    FROM runs r ${q.indexedBy(branch === "any" ? "runs_project_started_idx" : "runs_project_branch_started_idx")}
      ${
        q.dialect === "postgres"
          ? `CROSS JOIN LATERAL (SELECT tr.run_id, tr.status, tr.duration_ms, tr.attempts, tr.failure_id
              FROM test_results tr WHERE ${resultOfRun} LIMIT 1) tr`
          : `JOIN test_results tr ON ${resultOfRun}`
      }
    WHERE r.project_id = @projectId${branch === "any" ? "" : ` AND ${runsOnBranch(branch)}`}
    ORDER BY r.started_at DESC, r.id DESC LIMIT @limit`;
  return {
    projectBySlug: `SELECT id, slug, default_branch AS "defaultBranch" FROM projects WHERE slug = ?`,
    listProjects: `SELECT p.id, p.slug, p.default_branch AS "defaultBranch",
        (SELECT COUNT(*) FROM runs r WHERE r.project_id = p.id) AS runs,
        (SELECT MAX(started_at) FROM runs r WHERE r.project_id = p.id) AS "lastRunAt"
      FROM projects p ORDER BY p.slug${q.bytewise}`,
    tokenByHash: `SELECT t.id, t.project_id AS "projectId", p.slug AS "projectSlug" FROM upload_tokens t
      JOIN projects p ON p.id = t.project_id WHERE t.token_hash = ?`,
    listBranches: `SELECT COALESCE(branch, '') AS branch, COUNT(*) AS runs, MAX(started_at) AS "lastRunAt"
      FROM runs WHERE project_id = ? GROUP BY COALESCE(branch, '') ORDER BY "lastRunAt" DESC, 1`,
    listRunsInRange: runsInRange("value"),
    listRunsInRangeWithoutBranch: runsInRange("none"),
    listRecentRuns: recentRuns("value"),
    listRecentRunsWithoutBranch: recentRuns("none"),
    listTestWindows: `SELECT t.id, t.test_key AS "testKey", t.suite, t.classname, t.name, t.file, t.state,
        w.passed, w.failed, w.flaky, w.skipped, w.infra, w.timed, w."totalMs", w."maxMs", w."ciTimeLostMs"
      FROM (SELECT test_id, SUM(passed) AS passed, SUM(failed) AS failed, SUM(flaky) AS flaky,
              SUM(skipped) AS skipped, SUM(infra) AS infra, SUM(timed) AS timed, SUM(total_ms) AS "totalMs",
              MAX(max_ms) AS "maxMs", SUM(ci_time_lost_ms) AS "ciTimeLostMs"
            FROM test_daily_rollups
            WHERE project_id = @projectId AND branch = @branch AND day >= @fromDay AND day <= @toDay
            GROUP BY test_id) w
      JOIN tests t ON t.id = w.test_id`,
    listDurationsOfTests: `SELECT test_id AS "testId", durations FROM test_daily_rollups
      WHERE project_id = @projectId AND branch = @branch AND ${q.anyOf("day", "days", "int")}
        AND ${q.anyOf("test_id", "testIds", "int")} AND durations IS NOT NULL`,
    listDurationsOfBranch: `SELECT test_id AS "testId", day, durations FROM test_daily_rollups
      WHERE project_id = @projectId AND branch = @branch AND day >= @fromDay AND day <= @toDay
        AND durations IS NOT NULL`,
    listInfraFailures: `SELECT e.run_id AS "runId", e.occurred_at AS at, e.signature, e.description,
        e.failures AS tests, e.time_lost_ms AS "timeLostMs", COALESCE(a.retried, FALSE) AS retried
      FROM infra_events e LEFT JOIN run_attempts a ON a.run_id = e.run_id AND a.number = e.attempt
      WHERE e.project_id = @projectId AND e.branch = @branch AND e.occurred_at >= @since
        AND e.occurred_at < @until
      ORDER BY e.occurred_at`,
    testByKey: `SELECT id, project_id AS "projectId", test_key AS "testKey", suite, classname, name, file,
        first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", state, state_changed_at AS "stateChangedAt"
      FROM tests WHERE project_id = ? AND test_key = ?`,
    testStatesChunk: "SELECT states FROM test_states WHERE project_id = ? AND chunk = ?",
    listTestDays: `SELECT day, passed, failed, flaky, skipped, infra, timed, total_ms AS "totalMs",
        max_ms AS "maxMs", p50_ms AS "p50Ms", p95_ms AS "p95Ms", ci_time_lost_ms AS "ciTimeLostMs"
      FROM test_daily_rollups
      WHERE project_id = @projectId AND branch = @branch AND ${q.anyOf("day", "days", "int")}
        AND test_id = @testId
      ORDER BY day`,
    listTestDurations: `SELECT durations FROM test_daily_rollups
      WHERE project_id = @projectId AND branch = @branch AND ${q.anyOf("day", "days", "int")}
        AND test_id = @testId AND durations IS NOT NULL`,
    listTestResults: testResults("any"),
    listTestResultsOnBranch: testResults("value"),
    listTestResultsWithoutBranch: testResults("none"),
    listFailureGroups: `SELECT f.id, f.fingerprint, f.type, f.message, f.details, f.signature, g.count,
        g."firstAt", g."lastAt"
      FROM (SELECT failure_id, COUNT(*) AS count, MIN(started_at) AS "firstAt", MAX(started_at) AS "lastAt"
            FROM test_results WHERE test_id = @testId AND failure_id IS NOT NULL GROUP BY failure_id) g
      JOIN failure_messages f ON f.id = g.failure_id ORDER BY g."lastAt" DESC, f.id DESC LIMIT @limit`,
    listFailureRuns: `SELECT run_id AS "runId" FROM test_results
      WHERE test_id = @testId AND failure_id = @failureId ORDER BY started_at DESC, run_id DESC LIMIT @limit`,
    runById: `SELECT ${runSummaryColumns("r")}, r.project_id AS "projectId", r.source, r.provider, r.ref,
        r.base_branch AS "baseBranch", r.ci_run_id AS "ciRunId", r.ci_run_attempt AS "ciRunAttempt",
        r.run_url AS "runUrl", r.command, r.received_at AS "receivedAt", r.cancelled, r.passed, r.skipped,
        r.recovered
      FROM runs r WHERE r.project_id = ? AND r.id = ?`,
    listRunAttempts: `SELECT number, duration_ms AS "durationMs", exit_code AS "exitCode", signal,
        timed_out AS "timedOut", outcome, retried, tests, failed_tests AS "failedTests",
        unreadable_reports AS "unreadableReports", evidence
      FROM run_attempts WHERE run_id = ? ORDER BY number`,
    // A run's results, found by the run's start too: on PostgreSQL that is one month's partition.
    listRunResultsByStatus: `SELECT t.id, t.test_key AS "testKey", t.suite, t.classname, t.name, t.file, tr.status,
        tr.duration_ms AS "durationMs", tr.attempts, f.id AS "failureId", f.fingerprint, f.type, f.message,
        f.details, f.signature
      FROM runs r JOIN test_results tr ON tr.run_id = r.id AND tr.started_at = r.started_at
        JOIN tests t ON t.id = tr.test_id LEFT JOIN failure_messages f ON f.id = tr.failure_id
      WHERE r.id = @runId AND ${q.anyOf("tr.status", "statuses", "int")}
      ORDER BY tr.status, t.suite${q.bytewise}, t.name${q.bytewise}, t.id LIMIT @limit`,
    listSlowestRunResults: `SELECT t.id, t.test_key AS "testKey", t.suite, t.classname, t.name, t.file, tr.status,
        tr.duration_ms AS "durationMs", tr.attempts, NULL AS "failureId"
      FROM runs r JOIN test_results tr ON tr.run_id = r.id AND tr.started_at = r.started_at
        JOIN tests t ON t.id = tr.test_id
      WHERE r.id = @runId AND tr.status <> ${resultStatusCodes.skipped}
      ORDER BY tr.duration_ms DESC, t.id LIMIT @limit`,
    listRunInfraEvents: `SELECT e.attempt, e.signature, e.description, e.evidence_line AS "evidenceLine",
        e.failures, e.time_lost_ms AS "timeLostMs", t.id AS "testId", t.test_key AS "testKey", t.suite,
        t.classname, t.name, t.file
      FROM infra_events e LEFT JOIN tests t ON t.id = e.test_id WHERE e.run_id = ? ORDER BY e.attempt, e.id`,
    searchTests: `SELECT id, test_key AS "testKey", suite, classname, name, file, state,
        last_seen_at AS "lastSeenAt"
      FROM tests
      WHERE project_id = @projectId
        AND (name ${q.like} @pattern ESCAPE '\\' OR classname ${q.like} @pattern ESCAPE '\\'
          OR suite ${q.like} @pattern ESCAPE '\\' OR file ${q.like} @pattern ESCAPE '\\' OR test_key = @exact)
      ORDER BY last_seen_at DESC, name${q.bytewise}, id LIMIT @limit`,
    // The PR comment's baseline: each named test's rollup days on the base branch (nulls when it has none there).
    baselineOfTests: `SELECT t.test_key AS "testKey", t.state, d.passed, d.failed, d.flaky, d.timed, d.durations
      FROM tests t LEFT JOIN test_daily_rollups d ON d.project_id = t.project_id AND d.branch = @branch
        AND ${q.anyOf("d.day", "days", "int")} AND d.test_id = t.id
      WHERE t.project_id = @projectId AND ${q.anyOf("t.test_key", "testKeys", "text")}`,
    baselineOfBranch: `SELECT t.test_key AS "testKey", t.state, d.passed, d.failed, d.flaky, d.timed, d.durations
      FROM test_daily_rollups d JOIN tests t ON t.id = d.test_id
      WHERE d.project_id = @projectId AND d.branch = @branch AND d.day >= @fromDay AND d.day <= @toDay`,
    oidcPolicyBySlug: `SELECT p.id AS "projectId", p.slug AS "projectSlug", o.refs, o.workflows FROM projects p
      JOIN oidc_policies o ON o.project_id = p.id WHERE p.slug = ?`,
    countRuns: "SELECT COUNT(*) AS count FROM runs",
    listUnwellTests: "SELECT id, state FROM tests WHERE project_id = ? AND state <> 'healthy'",
    projectVersions: `SELECT ingest_version AS ingest, past_days_version AS "pastDays" FROM projects WHERE id = ?`,
  } as const;
}

type Reads = ReturnType<typeof readQueries>;
type ReadName = keyof Reads;

/** Sample parameters for each read, for `explainReadQueries`. */
const SAMPLE_PARAMETERS: Record<ReadName, Params> = {
  projectBySlug: ["org/repo"],
  listProjects: [],
  tokenByHash: ["0"],
  listBranches: [1],
  listRunsInRange: { projectId: 1, branch: "main", since: 0, until: 1 },
  listRunsInRangeWithoutBranch: { projectId: 1, since: 0, until: 1 },
  listRecentRuns: { projectId: 1, branch: "main", limit: 10 },
  listRecentRunsWithoutBranch: { projectId: 1, limit: 10 },
  listTestWindows: { projectId: 1, branch: "main", fromDay: 0, toDay: 1 },
  listDurationsOfTests: { projectId: 1, branch: "main", days: [0, 1], testIds: [1] },
  listDurationsOfBranch: { projectId: 1, branch: "main", fromDay: 0, toDay: 1 },
  listInfraFailures: { projectId: 1, branch: "main", since: 0, until: 1 },
  testByKey: [1, "0"],
  testStatesChunk: [1, 0],
  listTestDays: { projectId: 1, testId: 1, branch: "main", days: [0, 1] },
  listTestDurations: { projectId: 1, testId: 1, branch: "main", days: [0, 1] },
  listTestResults: { projectId: 1, testId: 1, limit: 10 },
  listTestResultsOnBranch: { projectId: 1, testId: 1, branch: "main", limit: 10 },
  listTestResultsWithoutBranch: { projectId: 1, testId: 1, limit: 10 },
  listFailureGroups: { testId: 1, limit: 10 },
  listFailureRuns: { testId: 1, failureId: 1, limit: 5 },
  runById: [1, 1],
  listRunAttempts: [1],
  listRunResultsByStatus: { runId: 1, statuses: [1], limit: 10 },
  listSlowestRunResults: { runId: 1, limit: 10 },
  listRunInfraEvents: [1],
  searchTests: { projectId: 1, pattern: "%a%", exact: "a", limit: 10 },
  baselineOfTests: { projectId: 1, branch: "main", days: [0, 1], testKeys: ["a"] },
  baselineOfBranch: { projectId: 1, branch: "main", fromDay: 0, toDay: 1 },
  oidcPolicyBySlug: ["org/repo"],
  countRuns: [],
  listUnwellTests: [1],
  projectVersions: [1],
};

function runSummaryColumns(alias: string): string {
  return [
    "id",
    'started_at AS "startedAt"',
    'duration_ms AS "durationMs"',
    "outcome",
    "branch",
    'commit_sha AS "commitSha"',
    'pull_request AS "pullRequest"',
    "workflow",
    "job",
    'job_key AS "jobKey"',
    "tests",
    "failed",
    "flaky",
    'infra_failed AS "infraFailed"',
    "attempts",
    'infra_retries AS "infraRetries"',
  ]
    .map((column) => `${alias}.${column}`)
    .join(", ");
}

export class Store {
  private readonly reads: Reads;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.reads = readQueries(db.flavour);
  }

  /** Which database this store runs on (the bench and the copy command say it). */
  get dialect(): Dialect {
    return this.db.dialect;
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }

  // --- projects and tokens ---------------------------------------------------------------------------

  async getProject({
    slug,
  }: {
    slug: string;
  }): Promise<{ id: number; slug: string; defaultBranch: string | null } | null> {
    return (
      (await this.db.get<{ id: number; slug: string; defaultBranch: string | null }>(
        this.reads.projectBySlug,
        [slug],
      )) ?? null
    );
  }

  async listProjects(): Promise<ProjectSummary[]> {
    return this.db.all<ProjectSummary>(this.reads.listProjects);
  }

  /** The project, created when missing. */
  async ensureProject({
    slug,
    defaultBranch = null,
  }: {
    slug: string;
    defaultBranch?: string | null;
  }): Promise<number> {
    return this.db.transaction((tx) => this.ensureProjectIn(tx, slug, defaultBranch));
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
    const projectId = await this.db.transaction(async (tx) => {
      const id = await this.ensureProjectIn(tx, projectSlug, null);
      await tx.run(
        "INSERT INTO upload_tokens (project_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
        [id, hashToken(token), label, this.now()],
      );
      return id;
    });
    return { token, projectId, projectSlug };
  }

  /** The project an upload token may write to, or null for an unknown token. */
  async findUploadToken({
    token,
  }: {
    token: string;
  }): Promise<{ projectId: number; projectSlug: string } | null> {
    if (!token.startsWith(UPLOAD_TOKEN_PREFIX)) return null;
    const row = await this.db.get<{ id: number; projectId: number; projectSlug: string }>(
      this.reads.tokenByHash,
      [hashToken(token)],
    );
    if (!row) return null;
    await this.db.run("UPDATE upload_tokens SET last_used_at = ? WHERE id = ?", [this.now(), row.id]);
    return { projectId: row.projectId, projectSlug: row.projectSlug };
  }

  /** The project's OIDC policy, or null when it takes no OIDC token (or does not exist). */
  async getOidcPolicy({ slug }: { slug: string }): Promise<OidcPolicy | null> {
    const row = await this.db.get<{
      projectId: number;
      projectSlug: string;
      refs: string;
      workflows: string;
    }>(this.reads.oidcPolicyBySlug, [slug]);
    if (!row) return null;
    return {
      projectId: row.projectId,
      projectSlug: row.projectSlug,
      refs: JSON.parse(row.refs) as string[],
      workflows: JSON.parse(row.workflows) as string[],
    };
  }

  /** Lets the project (created when missing) take OIDC tokens, from these refs and workflows (empty: any). */
  async setOidcPolicy({
    projectSlug,
    refs,
    workflows,
  }: {
    projectSlug: string;
    refs: readonly string[];
    workflows: readonly string[];
  }): Promise<OidcPolicy> {
    const projectId = await this.db.transaction(async (tx) => {
      const id = await this.ensureProjectIn(tx, projectSlug, null);
      await tx.run(
        `INSERT INTO oidc_policies (project_id, refs, workflows, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (project_id) DO UPDATE SET refs = excluded.refs, workflows = excluded.workflows,
           updated_at = excluded.updated_at`,
        [id, JSON.stringify(refs), JSON.stringify(workflows), this.now()],
      );
      return id;
    });
    return { projectId, projectSlug, refs: [...refs], workflows: [...workflows] };
  }

  /** The project takes no OIDC token any more; false when it took none. */
  async removeOidcPolicy({ projectSlug }: { projectSlug: string }): Promise<boolean> {
    const changed = await this.db.run(
      "DELETE FROM oidc_policies WHERE project_id = (SELECT id FROM projects WHERE slug = ?)",
      [projectSlug],
    );
    return changed > 0;
  }

  async countRuns(): Promise<number> {
    return ((await this.db.get<{ count: number }>(this.reads.countRuns)) as { count: number }).count;
  }

  private async ensureProjectIn(
    tx: Transaction,
    slug: string,
    defaultBranch: string | null,
  ): Promise<number> {
    await tx.run(
      "INSERT INTO projects (slug, default_branch, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING",
      [slug, defaultBranch, this.now()],
    );
    return ((await tx.get<{ id: number }>(this.reads.projectBySlug, [slug])) as { id: number }).id;
  }

  // --- ingest --------------------------------------------------------------------------------------------

  /**
   * Stores one upload in one transaction: all of it or nothing. The same (project, upload key) again writes
   * nothing and answers with the run stored the first time, also when both arrive at once at two servers.
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
    for (let attempt = 1; ; attempt++) {
      await this.db.prepareResults(record.run.startedAt);
      try {
        return await this.db.transaction((tx) => this.ingestIn(tx, projectId, record, source));
      } catch (error) {
        if (error instanceof AlreadyStored) return { runId: error.runId, duplicate: true };
        // Another server dropped the month meanwhile: the next attempt creates it again.
        if (error instanceof MissingMonthError && attempt < 2) continue;
        throw error;
      }
    }
  }

  private async ingestIn(
    tx: Transaction,
    projectId: number,
    record: RunRecord,
    source: "run-report" | "junit",
  ): Promise<IngestedRun> {
    const { run } = record;
    const day = dayOf(run.startedAt);
    // The project's row first: uploads of one project take turns from here to the commit, whichever server
    // they reached. The look for the same upload is sent with it: the database runs it once the row is locked.
    const locked = tx.get<{ version: number; defaultBranch: string | null }>(
      `UPDATE projects SET ingest_version = ingest_version + 1,
         past_days_version = past_days_version + @late
       WHERE id = @projectId RETURNING ingest_version AS version, default_branch AS "defaultBranch"`,
      { projectId, late: day < dayOf(this.now() + LATE_MARGIN_MS) ? 1 : 0 },
    );
    const stored = tx.get<{ id: number }>("SELECT id FROM runs WHERE project_id = ? AND upload_key = ?", [
      projectId,
      run.uploadKey,
    ]);
    stored.catch(() => undefined);
    const head = await locked;
    if (!head) throw new StoreError(`there is no project ${projectId}`);
    const existing = await stored;
    if (existing) throw new AlreadyStored(existing.id);

    const cache = this.takeCache(projectId, head.version - 1);
    // The bulk writes are sent without waiting for each: PostgreSQL stores one while this process works out
    // the next (node-postgres sends a connection's statements in order). All are awaited before the commit.
    const writes: Promise<unknown>[] = [];
    const send = (write: Promise<unknown>) => {
      write.catch(() => undefined);
      writes.push(write);
    };
    try {
      const runId = await this.insertRun(tx, projectId, record, source, send);
      const defaultBranch = await this.learnDefaultBranch(tx, projectId, head.defaultBranch, run);
      const tests = await this.resolveTests(tx, projectId, record.results, run.startedAt, cache, send);
      const failureIds = await this.resolveFailures(tx, projectId, record, run.startedAt);
      send(
        tx.insertResults(
          runId,
          run.startedAt,
          record.results.map((result) => ({
            testId: (tests.get(result.testKey) as CachedTest).id,
            status: resultStatusCodes[result.verdict],
            durationMs: result.durationMs,
            attempts: result.attempts,
            failureId:
              result.failureFingerprint === null ? null : (failureIds.get(result.failureFingerprint) ?? null),
          })),
        ),
      );
      await this.updateRollups(tx, projectId, run.branch ?? "", day, record.results, tests, cache, send);
      if (run.branch !== null && run.branch === defaultBranch) {
        await this.advanceStates(tx, projectId, run, record.results, tests, cache, send);
      }
      send(
        tx.insertMany(
          "infra_events",
          INFRA_EVENT_COLUMNS,
          record.infraEvents.map((event) => [
            projectId,
            runId,
            event.attempt,
            event.testKey === null ? null : (tests.get(event.testKey)?.id ?? null),
            event.signature,
            event.description,
            event.evidenceLine,
            event.failures,
            event.timeLostMs,
            run.startedAt,
            run.branch ?? "",
          ]),
        ),
      );
      await Promise.all(writes);
      // Written in place: it describes the database once this transaction commits (and is dropped if not).
      cache.version = head.version;
      return { runId, duplicate: false };
    } catch (error) {
      this.dropCache(projectId, cache);
      throw error;
    }
  }

  private async insertRun(
    tx: Transaction,
    projectId: number,
    record: RunRecord,
    source: "run-report" | "junit",
    send: (write: Promise<unknown>) => void,
  ): Promise<number> {
    const { run } = record;
    const inserted = await tx.get<{ id: number }>(
      `INSERT INTO runs (project_id, upload_key, source, report_version, provider, commit_sha, branch, ref,
        base_branch, pull_request, workflow, job, job_key, ci_run_id, ci_run_attempt, run_url, command, started_at,
        duration_ms, received_at, outcome, cancelled, attempts, infra_retries, tests, passed, failed, flaky,
        skipped, infra_failed, recovered)
      VALUES (${valuesPlaceholders(1, 31).slice(1, -1)})
      RETURNING id`,
      [
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
        this.now(),
        run.outcome,
        run.cancelled,
        run.attemptCount,
        run.infraRetries,
        run.counts.tests,
        run.counts.passed,
        run.counts.failed,
        run.counts.flaky,
        run.counts.skipped,
        run.counts.infraFailed,
        run.counts.recovered,
      ],
    );
    const runId = (inserted as { id: number }).id;
    send(
      tx.insertMany(
        "run_attempts",
        ATTEMPT_COLUMNS,
        record.attempts.map((attempt) => [
          runId,
          attempt.number,
          attempt.durationMs,
          attempt.exitCode,
          attempt.signal,
          attempt.timedOut,
          attempt.outcome,
          attempt.retried,
          attempt.tests,
          attempt.failedTests,
          attempt.unreadableReports,
          JSON.stringify(attempt.evidence),
        ]),
      ),
    );
    return runId;
  }

  /**
   * The default branch a report names wins; without one, a project's first `main` or `master` is taken. The
   * project's default branch after this upload.
   */
  private async learnDefaultBranch(
    tx: Transaction,
    projectId: number,
    known: string | null,
    run: PlannedRun,
  ): Promise<string | null> {
    if (run.defaultBranch) {
      if (known !== run.defaultBranch) {
        await tx.run("UPDATE projects SET default_branch = ? WHERE id = ?", [run.defaultBranch, projectId]);
      }
      return run.defaultBranch;
    }
    if (known === null && (run.branch === "main" || run.branch === "master")) {
      await tx.run("UPDATE projects SET default_branch = ? WHERE id = ?", [run.branch, projectId]);
      return run.branch;
    }
    return known;
  }

  /**
   * Test key → the test, from the cache or the database, inserting the tests seen for the first time. Each
   * test's `last_seen_at` is moved on once a day, not at every upload.
   */
  private async resolveTests(
    tx: Transaction,
    projectId: number,
    results: readonly PlannedResult[],
    seenAt: number,
    cache: ProjectCache,
    send: (write: Promise<unknown>) => void,
  ): Promise<Map<string, CachedTest>> {
    const tests = new Map<string, CachedTest>();
    const missing: string[] = [];
    for (const result of results) {
      const test = cache.tests.get(result.testKey);
      if (test) tests.set(result.testKey, test);
      else missing.push(result.testKey);
    }
    if (missing.length > 0) {
      const known = await tx.all<{ id: number; testKey: string; lastSeenAt: number }>(
        `SELECT id, test_key AS "testKey", last_seen_at AS "lastSeenAt" FROM tests
         WHERE project_id = @projectId AND ${this.db.flavour.anyOf("test_key", "keys", "text")}`,
        { projectId, keys: missing },
      );
      for (const row of known) {
        const test = { id: row.id, lastSeenAt: row.lastSeenAt };
        tests.set(row.testKey, test);
        cache.tests.set(row.testKey, test);
      }
    }
    const fresh = results.filter((result) => !tests.has(result.testKey));
    if (fresh.length > 0) {
      const inserted = await tx.insertMany(
        "tests",
        ["project_id", "test_key", "suite", "classname", "name", "file", "first_seen_at", "last_seen_at"],
        fresh.map((result) => [
          projectId,
          result.testKey,
          result.suite,
          result.classname,
          result.name,
          result.file,
          seenAt,
          seenAt,
        ]),
        ["id", 'test_key AS "testKey"'],
      );
      for (const row of inserted as { id: number; testKey: string }[]) {
        const test = { id: row.id, lastSeenAt: seenAt };
        tests.set(row.testKey, test);
        cache.tests.set(row.testKey, test);
      }
    }
    const dayStart = seenAt - (seenAt % DAY_MS);
    const stale: CachedTest[] = [];
    for (const test of tests.values()) if (test.lastSeenAt < dayStart) stale.push(test);
    if (stale.length > 0) {
      send(
        tx.run(
          `UPDATE tests SET last_seen_at = @seenAt WHERE last_seen_at < @dayStart
           AND ${this.db.flavour.anyOf("id", "ids", "int")}`,
          { seenAt, dayStart, ids: stale.map((test) => test.id) },
        ),
      );
      for (const test of stale) test.lastSeenAt = seenAt;
    }
    return tests;
  }

  /** Fingerprint → failure message id, inserting new messages and dating the known ones. */
  private async resolveFailures(
    tx: Transaction,
    projectId: number,
    record: RunRecord,
    seenAt: number,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const { greatest, least } = this.db.flavour;
    for (let start = 0; start < record.failures.length; start += INSERT_BATCH) {
      const batch = record.failures.slice(start, start + INSERT_BATCH);
      const values: unknown[] = [];
      for (const failure of batch) {
        values.push(
          projectId,
          failure.fingerprint,
          failure.type,
          failure.message,
          failure.details,
          failure.signature,
          seenAt,
          seenAt,
        );
      }
      const rows = await tx.all<{ id: number; fingerprint: string }>(
        `INSERT INTO failure_messages (project_id, fingerprint, type, message, details, signature, first_seen_at,
           last_seen_at) VALUES ${valuesPlaceholders(batch.length, 8)}
         ON CONFLICT (project_id, fingerprint) DO UPDATE SET
           last_seen_at = ${greatest}(failure_messages.last_seen_at, excluded.last_seen_at),
           first_seen_at = ${least}(failure_messages.first_seen_at, excluded.first_seen_at)
         RETURNING id, fingerprint`,
        values,
      );
      for (const row of rows) ids.set(row.fingerprint, row.id);
    }
    return ids;
  }

  /**
   * Adds the upload's results to their tests' rollup rows of that branch and day. The transaction holds the
   * project's lock, so the rows read (from the cache or the database) cannot change before they are written.
   */
  private async updateRollups(
    tx: Transaction,
    projectId: number,
    branch: string,
    day: number,
    results: readonly PlannedResult[],
    tests: ReadonlyMap<string, CachedTest>,
    cache: ProjectCache,
    send: (write: Promise<unknown>) => void,
  ): Promise<void> {
    let cached = cache.rollups.get(branch);
    if (!cached || cached.day < day) {
      cached = { day, rows: new Map() };
      cache.rollups.set(branch, cached);
    }
    // A late upload for an earlier day reads and writes that day without keeping it.
    const known = cached.day === day ? cached.rows : new Map<number, RollupRow>();
    const ids = results.map((result) => (tests.get(result.testKey) as CachedTest).id);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const rows = await tx.all<
        OutcomeCounts & {
          ref: number;
          testId: number;
          timed: number;
          totalMs: number;
          ciTimeLostMs: number;
          durations: Uint8Array | null;
        }
      >(
        `SELECT ${this.db.flavour.rollupRef} AS ref, test_id AS "testId", passed, failed, flaky, skipped, infra,
           timed, total_ms AS "totalMs", ci_time_lost_ms AS "ciTimeLostMs", durations
         FROM test_daily_rollups
         WHERE project_id = @projectId AND branch = @branch AND day = @day
           AND ${this.db.flavour.anyOf("test_id", "testIds", "int")}`,
        { projectId, branch, day, testIds: missing },
      );
      for (const row of rows) {
        const summary = row.durations ? summarizeSketch(decodeDurationSketch(row.durations)) : null;
        known.set(row.testId, {
          ref: row.ref,
          testId: row.testId,
          passed: row.passed,
          failed: row.failed,
          flaky: row.flaky,
          skipped: row.skipped,
          infra: row.infra,
          timed: row.timed,
          totalMs: row.totalMs,
          ciTimeLostMs: row.ciTimeLostMs,
          maxMs: roundOrNull(summary?.maxMs),
          p50Ms: roundOrNull(summary?.p50Ms),
          p95Ms: roundOrNull(summary?.p95Ms),
          durations: row.durations,
        });
      }
    }
    // Written a batch at a time, in the order of test ids (each batch is one stretch of the day's rows): the
    // database stores one batch while the next is worked out. Each row is changed in place (a failed upload
    // drops the whole cache).
    const order = results
      .map((_result, index) => index)
      .sort((a, b) => (ids[a] as number) - (ids[b] as number));
    for (let start = 0; start < order.length; start += ROLLUP_WRITE_BATCH) {
      const end = Math.min(order.length, start + ROLLUP_WRITE_BATCH);
      const batch: RollupRow[] = new Array(end - start);
      for (let at = start; at < end; at++) {
        const index = order[at] as number;
        const testId = ids[index] as number;
        let row = known.get(testId);
        if (!row) {
          row = { ...EMPTY_ROLLUP, testId };
          known.set(testId, row);
        }
        addToRollup(row, results[index] as PlannedResult);
        batch[at - start] = row;
      }
      send(
        tx.writeRollups({ projectId, branch, day }, batch).then((refs) => {
          // The new rows' handles, for the next upload of the day.
          for (const row of batch) if (row.ref === null) row.ref = refs.get(row.testId) ?? null;
        }),
      );
    }
  }

  /**
   * Each test's health on the default branch, advanced by this run's result (core/analytics' test state),
   * so that no page recomputes it from raw results. The chunks of states that changed are written back;
   * `tests.state` only when a test's health changed.
   */
  private async advanceStates(
    tx: Transaction,
    projectId: number,
    run: PlannedRun,
    results: readonly PlannedResult[],
    tests: ReadonlyMap<string, CachedTest>,
    cache: ProjectCache,
    send: (write: Promise<unknown>) => void,
  ): Promise<void> {
    const missing = new Set<number>();
    for (const result of results) {
      const chunk = stateChunkOf((tests.get(result.testKey) as CachedTest).id);
      if (!cache.states.has(chunk)) missing.add(chunk);
    }
    if (missing.size > 0) {
      const rows = await tx.all<{ chunk: number; states: string }>(
        `SELECT chunk, states FROM test_states WHERE project_id = @projectId
           AND ${this.db.flavour.anyOf("chunk", "chunks", "int")}`,
        { projectId, chunks: [...missing] },
      );
      for (const chunk of missing) cache.states.set(chunk, new Map());
      for (const row of rows) {
        const entries = cache.states.get(row.chunk) as Map<number, StateEntry>;
        for (const [id, text] of splitStateChunk(row.states)) entries.set(id, text);
      }
    }
    const commitSha = stateCommit(run.commitSha);
    const changed = new Set<number>();
    const healthChanges: [health: TestHealth, since: number | null, testId: number][] = [];
    for (const result of results) {
      const testId = (tests.get(result.testKey) as CachedTest).id;
      const chunk = stateChunkOf(testId);
      const entries = cache.states.get(chunk) as Map<number, StateEntry>;
      const entry = entries.get(testId);
      const previous =
        entry === undefined ? newTestState : typeof entry === "string" ? readState(entry) : entry;
      const next = advanceTestState(previous, { verdict: result.verdict, commitSha, at: run.startedAt });
      if (next === previous) continue;
      entries.set(testId, next);
      changed.add(chunk);
      if (next.health !== previous.health) healthChanges.push([next.health, next.since, testId]);
    }
    const chunks = [...changed];
    for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
      const batch = chunks.slice(start, start + INSERT_BATCH);
      const values: unknown[] = [];
      for (const chunk of batch) {
        const entries = cache.states.get(chunk) as Map<number, StateEntry>;
        values.push(projectId, chunk, joinStateChunk(entries));
      }
      send(
        tx.run(
          `INSERT INTO test_states (project_id, chunk, states) VALUES ${valuesPlaceholders(batch.length, 3)}
           ON CONFLICT (project_id, chunk) DO UPDATE SET states = excluded.states`,
          values,
        ),
      );
    }
    for (const change of healthChanges) {
      send(tx.run("UPDATE tests SET state = ?, state_changed_at = ? WHERE id = ?", change));
    }
  }

  // --- retention -----------------------------------------------------------------------------------------

  /**
   * Removes raw test results of runs that started before `before` (epoch ms); runs, attempts,
   * infrastructure events and the daily rollups stay. SQLite deletes a few runs' results per transaction, so
   * that uploads are not held up; PostgreSQL drops every month that ended before `before`, whole (a month
   * that ends after it waits until it has).
   */
  async pruneResults({
    before,
    runsPerBatch = 20,
  }: {
    before: number;
    runsPerBatch?: number;
  }): Promise<number> {
    return this.db.pruneResults(before, runsPerBatch);
  }

  // --- reads: overview -----------------------------------------------------------------------------------

  /** Branches with runs, the most recently run first. */
  async listBranches({ projectId }: { projectId: number }): Promise<BranchSummary[]> {
    return this.db.all<BranchSummary>(this.reads.listBranches, [projectId]);
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
    return branch === null
      ? this.db.all<RunSummary>(this.reads.listRunsInRangeWithoutBranch, { projectId, since, until })
      : this.db.all<RunSummary>(this.reads.listRunsInRange, { projectId, branch, since, until });
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
    return branch === null
      ? this.db.all<RunSummary>(this.reads.listRecentRunsWithoutBranch, { projectId, limit })
      : this.db.all<RunSummary>(this.reads.listRecentRuns, { projectId, branch, limit });
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
      this.db.all<TestWindow>(this.reads.listTestWindows, { projectId, branch, fromDay: from, toDay: to });
    const today = dayOf(this.now());
    const versions = await this.projectVersions(projectId);
    return this.keep(
      `windows|${projectId}|${branch}|${fromDay}|${toDay}|${today}`,
      versions.ingest,
      async () => {
        // Days before today no longer change (unless a late upload comes, which moves the past-days version):
        // their sums are kept across uploads, and only today is read again.
        const closed =
          fromDay < today
            ? await this.keep(
                `windows-closed|${projectId}|${branch}|${fromDay}|${Math.min(toDay, today - 1)}`,
                versions.pastDays,
                () => sum(fromDay, Math.min(toDay, today - 1)),
              )
            : [];
        const byTest = new Map(closed.map((window) => [window.id, window]));
        if (toDay >= today) {
          for (const live of await sum(Math.max(fromDay, today), toDay)) {
            const before = byTest.get(live.id);
            byTest.set(live.id, before ? addWindows(before, live) : live);
          }
        }
        // Health changes with uploads: today's, whatever the kept sums of past days remembered.
        const unwell = new Map(
          (await this.db.all<{ id: number; state: TestHealth }>(this.reads.listUnwellTests, [projectId])).map(
            (row) => [row.id, row.state],
          ),
        );
        return [...byTest.values()].map((window) => {
          const state = unwell.get(window.id) ?? "healthy";
          return state === window.state ? window : { ...window, state };
        });
      },
    );
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
    if (testIds.length === 0) return new Map();
    return this.keepDurations(
      `durations-of|${projectId}|${branch}|${testIds.join(",")}`,
      { projectId, fromDay, toDay },
      (from, to) =>
        this.mergeDurations(this.reads.listDurationsOfTests, {
          projectId,
          branch,
          days: daysBetween(from, to),
          testIds: [...testIds],
        }),
    );
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
    const ofBranch = ({ fromDay, toDay }: { fromDay: number; toDay: number }) =>
      this.keepDurations(`durations|${projectId}|${branch}`, { projectId, fromDay, toDay }, (from, to) =>
        this.mergeDurations(this.reads.listDurationsOfBranch, {
          projectId,
          branch,
          fromDay: from,
          toDay: to,
        }),
      );
    return { baseline: await ofBranch(baseline), current: await ofBranch(current) };
  }

  /** Each test's stored sketches a read gives (test id, packed sketch), merged per test. */
  private async mergeDurations(sql: string, params: Params): Promise<Map<number, DurationSketch>> {
    const mergers = new Map<number, StoredSketchMerger>();
    const rows = await this.db.all<{ testId: number; durations: Uint8Array }>(sql, params);
    for (const row of rows) mergeInto(mergers, row.testId, row.durations);
    return sketchesOf(mergers);
  }

  /**
   * Per-test durations over a range of days, kept: the days before today are merged once and kept across
   * uploads (until a late upload moves the past-days version), and only today is read again after an upload.
   */
  private async keepDurations(
    key: string,
    { projectId, fromDay, toDay }: { projectId: number; fromDay: number; toDay: number },
    merge: (fromDay: number, toDay: number) => Promise<Map<number, DurationSketch>>,
  ): Promise<Map<number, DurationSketch>> {
    const today = dayOf(this.now());
    const versions = await this.projectVersions(projectId);
    const closed = (to: number) =>
      this.keep(`${key}|closed|${fromDay}|${to}`, versions.pastDays, () => merge(fromDay, to));
    if (toDay < today) return closed(toDay);
    return this.keep(`${key}|${fromDay}|${toDay}|${today}`, versions.ingest, async () => {
      if (fromDay >= today) return merge(fromDay, toDay);
      const merged = new Map(await closed(today - 1));
      for (const [testId, sketch] of await merge(today, toDay)) {
        const before = merged.get(testId);
        merged.set(testId, before ? mergeDurationSketches(before, sketch) : sketch);
      }
      return merged;
    });
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
    const rows = await this.db.all<Omit<InfraFailureRow, "retried"> & { retried: number | boolean }>(
      this.reads.listInfraFailures,
      { projectId, branch, since, until },
    );
    return rows.map((row) => ({ ...row, retried: Boolean(row.retried) }));
  }

  /**
   * Each test's counts and merged durations on `branch` over the days, for the tests named (`testKeys`) or,
   * when it is null, for every test with results there. A named test unknown to the project is left out; one
   * known but without results on the branch comes with zero counts. One read, whatever the number of tests.
   */
  async getBaseline({
    projectId,
    branch,
    testKeys,
    fromDay,
    toDay,
  }: {
    projectId: number;
    branch: string;
    testKeys: readonly string[] | null;
    fromDay: number;
    toDay: number;
  }): Promise<BaselineRow[]> {
    const rows = await this.db.all<{
      testKey: string;
      state: TestHealth;
      passed: number | null;
      failed: number | null;
      flaky: number | null;
      timed: number | null;
      durations: Uint8Array | null;
    }>(
      testKeys === null ? this.reads.baselineOfBranch : this.reads.baselineOfTests,
      testKeys === null
        ? { projectId, branch, fromDay, toDay }
        : { projectId, branch, days: daysBetween(fromDay, toDay), testKeys: [...testKeys] },
    );
    const byTest = new Map<
      string,
      {
        state: TestHealth;
        passed: number;
        failed: number;
        flaky: number;
        timed: number;
        merger: StoredSketchMerger | null;
      }
    >();
    for (const row of rows) {
      let entry = byTest.get(row.testKey);
      if (!entry) {
        entry = { state: row.state, passed: 0, failed: 0, flaky: 0, timed: 0, merger: null };
        byTest.set(row.testKey, entry);
      }
      entry.passed += Number(row.passed ?? 0);
      entry.failed += Number(row.failed ?? 0);
      entry.flaky += Number(row.flaky ?? 0);
      entry.timed += Number(row.timed ?? 0);
      if (row.durations) {
        entry.merger ??= new StoredSketchMerger();
        entry.merger.add(row.durations);
      }
    }
    return [...byTest].map(([testKey, { merger, ...entry }]) => ({
      testKey,
      ...entry,
      durations: merger ? merger.sketch() : null,
    }));
  }

  // --- reads: a test ---------------------------------------------------------------------------------------

  async getTest({ projectId, testKey }: { projectId: number; testKey: string }): Promise<TestDetail | null> {
    const test = await this.db.get<Omit<TestDetail, "stateDetail">>(this.reads.testByKey, [
      projectId,
      testKey,
    ]);
    if (!test) return null;
    const chunk = await this.db.get<{ states: string }>(this.reads.testStatesChunk, [
      projectId,
      stateChunkOf(test.id),
    ]);
    const text = chunk ? splitStateChunk(chunk.states).get(test.id) : undefined;
    return { ...test, stateDetail: text ? readState(text) : null };
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
    return this.db.all<DailyTiming>(this.reads.listTestDays, {
      projectId,
      testId,
      branch,
      days: daysBetween(fromDay, toDay),
    });
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
    const rows = await this.db.all<{ durations: Uint8Array }>(this.reads.listTestDurations, {
      projectId,
      testId,
      branch,
      days: daysBetween(fromDay, toDay),
    });
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
    type Row = Omit<ResultHistoryRow, "verdict"> & { status: number };
    const rows =
      branch === undefined
        ? await this.db.all<Row>(this.reads.listTestResults, { projectId, testId, limit })
        : branch === null
          ? await this.db.all<Row>(this.reads.listTestResultsWithoutBranch, { projectId, testId, limit })
          : await this.db.all<Row>(this.reads.listTestResultsOnBranch, { projectId, testId, branch, limit });
    return rows.map(({ status, ...row }) => ({ ...row, verdict: verdictOf(status) }));
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
    const groups = await this.db.all<Omit<FailureGroup, "runIds">>(this.reads.listFailureGroups, {
      testId,
      limit,
    });
    const out: FailureGroup[] = [];
    for (const group of groups) {
      const runs = await this.db.all<{ runId: number }>(this.reads.listFailureRuns, {
        testId,
        failureId: group.id,
        limit: runsPerGroup,
      });
      out.push({ ...group, runIds: runs.map((row) => row.runId) });
    }
    return out;
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
    return this.db.all<TestIdentity & { state: TestHealth; lastSeenAt: number }>(this.reads.searchTests, {
      projectId,
      pattern,
      exact: query,
      limit,
    });
  }

  // --- reads: a run ----------------------------------------------------------------------------------------

  async getRun({ projectId, runId }: { projectId: number; runId: number }): Promise<RunDetail | null> {
    const row = await this.db.get<Omit<RunDetail, "cancelled"> & { cancelled: number | boolean }>(
      this.reads.runById,
      [projectId, runId],
    );
    return row ? { ...row, cancelled: Boolean(row.cancelled) } : null;
  }

  async listRunAttempts({ runId }: { runId: number }): Promise<RunAttemptDetail[]> {
    const rows = await this.db.all<
      Omit<RunAttemptDetail, "evidence" | "timedOut" | "retried"> & {
        evidence: string;
        timedOut: number | boolean;
        retried: number | boolean;
      }
    >(this.reads.listRunAttempts, [runId]);
    return rows.map((row) => ({
      ...row,
      timedOut: Boolean(row.timedOut),
      retried: Boolean(row.retried),
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
    const statuses = verdicts.map((verdict) => resultStatusCodes[verdict]);
    return (
      await this.db.all<RawResultRow>(this.reads.listRunResultsByStatus, { runId, statuses, limit })
    ).map(toResultRow);
  }

  async listSlowestRunResults({ runId, limit }: { runId: number; limit: number }): Promise<RunResultRow[]> {
    return (await this.db.all<RawResultRow>(this.reads.listSlowestRunResults, { runId, limit })).map(
      toResultRow,
    );
  }

  async listRunInfraEvents({ runId }: { runId: number }): Promise<InfraEventRow[]> {
    const rows = await this.db.all<
      Omit<InfraEventRow, "test"> & {
        testId: number | null;
        testKey: string;
        suite: string;
        classname: string;
        name: string;
        file: string | null;
      }
    >(this.reads.listRunInfraEvents, [runId]);
    return rows.map(({ testId, testKey, suite, classname, name, file, ...event }) => ({
      ...event,
      test: testId === null ? null : { id: testId, testKey, suite, classname, name, file },
    }));
  }

  // --- maintenance -----------------------------------------------------------------------------------------

  /** The plan of every read the pages make, with sample parameters. */
  async explainReadQueries(): Promise<QueryPlan[]> {
    const plans: QueryPlan[] = [];
    for (const name of Object.keys(this.reads) as ReadName[]) {
      const sql = this.reads[name];
      plans.push({ name, sql, plan: await this.db.explain(sql, SAMPLE_PARAMETERS[name]) });
    }
    return plans;
  }

  /**
   * Copies every row of this database into `target`, which must hold no project or run yet; ids are kept.
   * The rows copied, by table.
   */
  async copyInto({
    target,
    progress,
  }: {
    target: Store;
    progress?: (table: string, rows: number) => void;
  }): Promise<Map<string, number>> {
    return copyDatabase(this.db, target.db, progress);
  }

  /** Bytes the database holds. */
  async getDatabaseSize(): Promise<number> {
    return this.db.size();
  }

  /** After a bulk load: the database's own upkeep, at once (see Database.settle). */
  async settle(): Promise<void> {
    await this.db.settle();
  }

  // --- what is kept in memory -------------------------------------------------------------------------------
  //
  // Uploads read back what earlier uploads wrote (each test's id and state, the day's rollup rows). This
  // server keeps that per project while the project's ingest version is the one its last upload wrote: an
  // upload through another server (or process) moves it on, and this one then starts that project again
  // from the database. The check is made under the project's lock, so nothing can change behind it.

  private readonly caches = new Map<number, ProjectCache>();

  /**
   * The project's cache if it matches the version, else a new empty one in its place. Past a limit of entries
   * (all projects together), every project starts again.
   */
  private takeCache(projectId: number, version: number): ProjectCache {
    let entries = 0;
    for (const cache of this.caches.values()) entries += entriesOf(cache);
    if (entries > MAX_CACHED_ENTRIES) this.caches.clear();
    const kept = this.caches.get(projectId);
    if (kept && kept.version === version) return kept;
    const fresh: ProjectCache = { version: -1, tests: new Map(), states: new Map(), rollups: new Map() };
    this.caches.set(projectId, fresh);
    return fresh;
  }

  /** After a failed upload: what the cache took in may not have been written. */
  private dropCache(projectId: number, cache: ProjectCache): void {
    if (this.caches.get(projectId) === cache) this.caches.delete(projectId);
  }

  // What the overview reads again at every view (sums and merges of rollups over a range of days, and the
  // figures of its slowest tests), kept per project, branch and range with a version of the project that
  // every change to it moves on, through any server: the ingest version (every upload) for what includes
  // today, the past-days version (uploads landing on an earlier day) for sums of past days, which then
  // outlive the day's uploads.
  private kept = new Map<string, KeptEntry>();

  /** The project's versions, read before what they guard: an upload committed in between leaves an older one. */
  private async projectVersions(projectId: number): Promise<{ ingest: number; pastDays: number }> {
    return (
      (await this.db.get<{ ingest: number; pastDays: number }>(this.reads.projectVersions, [projectId])) ?? {
        ingest: -1,
        pastDays: -1,
      }
    );
  }

  private async keep<T>(key: string, version: number, read: () => Promise<T>): Promise<T> {
    const entry = this.kept.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: the first entry is the one to drop when there are too many.
      this.kept.delete(key);
      this.kept.set(key, entry);
      return entry.value as T;
    }
    const value = await read();
    this.kept.delete(key);
    this.kept.set(key, { version, value });
    if (this.kept.size > MAX_KEPT_ENTRIES) this.kept.delete(this.kept.keys().next().value as string);
    return value;
  }
}

/** The upload key is stored already: the transaction is rolled back and the first run answered. */
class AlreadyStored extends Error {
  constructor(readonly runId: number) {
    super(`run ${runId} holds this upload already`);
    this.name = "AlreadyStored";
  }
}

const ATTEMPT_COLUMNS = [
  "run_id",
  "number",
  "duration_ms",
  "exit_code",
  "signal",
  "timed_out",
  "outcome",
  "retried",
  "tests",
  "failed_tests",
  "unreadable_reports",
  "evidence",
];

const INFRA_EVENT_COLUMNS = [
  "project_id",
  "run_id",
  "attempt",
  "test_id",
  "signature",
  "description",
  "evidence_line",
  "failures",
  "time_lost_ms",
  "occurred_at",
  "branch",
];

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

/** A test as uploads need it: its id and the day it was last seen. */
interface CachedTest {
  readonly id: number;
  lastSeenAt: number;
}

/** A test's state: packed as read from its chunk, or the state itself once an upload advanced it. */
type StateEntry = TestState | string;

/**
 * A test's rollup row of one branch and day, as the next upload of that day continues it: flat, and its
 * durations packed, so that the rows an upload leaves in memory for the next are two objects each. Uploads
 * count into it in place (`ref`, null until written, is the engine's handle on the stored row).
 */
type RollupRow = { -readonly [Field in keyof RollupWrite]: RollupWrite[Field] };

/** What uploads of one project read back, as of the project's ingest version `version`. */
interface ProjectCache {
  version: number;
  /** Test key → test. */
  readonly tests: Map<string, CachedTest>;
  /** Chunk of test ids → test id → state. */
  readonly states: Map<number, Map<number, StateEntry>>;
  /** Branch → the latest day's rows by test id. */
  readonly rollups: Map<string, { day: number; rows: Map<number, RollupRow> }>;
}

/** Tests, states and rollup rows a project's cache holds. */
function entriesOf(cache: ProjectCache): number {
  let entries = cache.tests.size;
  for (const chunk of cache.states.values()) entries += chunk.size;
  for (const { rows } of cache.rollups.values()) entries += rows.size;
  return entries;
}

interface KeptEntry {
  readonly version: number;
  readonly value: unknown;
}

/** What is kept for the overview: a few projects × branches × ranges × kinds. */
const MAX_KEPT_ENTRIES = 96;

/**
 * Beyond this many tests, states and rollup rows in memory (a few hundred bytes each; the rows of one day of
 * 20,000 tests on 20 branches are 400,000), the caches start over.
 */
const MAX_CACHED_ENTRIES = 1_000_000;

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

function readState(text: string): TestState {
  // Rows written before the compact encoding hold the object itself.
  return text.startsWith("{") ? (JSON.parse(text) as TestState) : decodeTestState(text);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The UTC day number of an epoch-millisecond time, as the rollups key days. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

export { DAY_MS };

const EMPTY_ROLLUP: RollupRow = {
  ref: null,
  testId: 0,
  passed: 0,
  failed: 0,
  flaky: 0,
  skipped: 0,
  infra: 0,
  timed: 0,
  totalMs: 0,
  ciTimeLostMs: 0,
  maxMs: null,
  p50Ms: null,
  p95Ms: null,
  durations: null,
};

/** Counts one more result into the row: the analytics' outcome counts and duration sketch. */
function addToRollup(row: RollupRow, result: PlannedResult): void {
  const outcome = outcomeCountKey(result.verdict);
  if (outcome !== null) row[outcome] += 1;
  if (result.timed) {
    // The day's figures come from the analytics' sketch: p50/p95 within 1 %, the max exact.
    const added = addToStoredSketch(row.durations, result.durationMs);
    row.maxMs = roundOrNull(added.maxMs);
    row.p50Ms = roundOrNull(added.p50Ms);
    row.p95Ms = roundOrNull(added.p95Ms);
    row.durations = added.bytes;
    row.timed += 1;
    row.totalMs += result.durationMs;
  }
  row.ciTimeLostMs += result.ciTimeLostMs;
}

/** The days of a range, so that each day of the day-first rollup key is one seek. */
function daysBetween(fromDay: number, toDay: number): number[] {
  const days: number[] = [];
  for (let day = fromDay; day <= toDay; day++) days.push(day);
  return days;
}
