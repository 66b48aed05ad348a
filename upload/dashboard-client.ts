// The HTTP side of the dashboard for both fronts (the action and `seamwatch upload` / `run --upload`): the
// run report or raw JUnit up, the base branch's baseline down. Every request goes through the one retry loop
// (process/retry.ts): network errors, 408, 429 and 5xx are tried again with backoff (Retry-After when the
// server says), within a bounded total time; anything else is the server's answer and is not repeated.
// Repeating an upload is safe: the server stores one run per (CI run id, attempt, job key), which the report
// carries, so a retry after a lost answer finds the run stored the first time.
import { createReadStream, openAsBlob } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { TestHealth } from "../core/analytics/index.ts";
import { messageOf } from "../process/errors.ts";
import { exponentialBackoff, type RetryDecision, retry } from "../process/retry.ts";

export interface DashboardConnection {
  /** Base URL, without a trailing slash (`normalizeServerUrl`). */
  readonly serverUrl: string;
  /** An upload token (`swu_…`) or a GitHub OIDC token. */
  readonly token: string;
}

export interface RequestPolicy {
  /** Attempts of one request in all. */
  readonly maxAttempts: number;
  /** Backoff before the second attempt; doubles after. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** No attempt starts, and no wait begins, past this much time since the first attempt. */
  readonly totalMs: number;
  /** Each attempt's own limit. */
  readonly attemptTimeoutMs: number;
}

/** An upload: 4 attempts, 1 s, 2 s and 4 s apart (longer when the server says Retry-After), within a minute. */
export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  maxAttempts: 4,
  firstDelayMs: 1_000,
  maxDelayMs: 15_000,
  totalMs: 60_000,
  attemptTimeoutMs: 30_000,
};

/** The baseline only enriches the report: one retry, so that a dashboard that is down costs the job little. */
const BASELINE_POLICY: Partial<RequestPolicy> = { maxAttempts: 2, totalMs: 20_000 };

export interface ClientContext {
  /** One line per attempt (and per retry decision). */
  readonly log: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly policy?: Partial<RequestPolicy>;
  /** The User-Agent: which front sends (`seamwatch-action/0.1.0`). */
  readonly userAgent?: string;
}

/** The dashboard could not be reached, or refused. `status` is null when no answer came. */
export class DashboardError extends Error {
  readonly status: number | null;
  /** The API's error code (`unauthorized`, `invalid-report`…), when it answered with one. */
  readonly code: string | null;

  constructor(message: string, options: { status: number | null; code: string | null; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DashboardError";
    this.status = options.status;
    this.code = options.code;
  }
}

export interface UploadedRun {
  readonly runId: number;
  /** The run's page on the dashboard. */
  readonly url: string;
  readonly project: string;
  /** Stored before (a retry or a re-sent report): nothing new was written. */
  readonly duplicate: boolean;
}

/** Sends a run report file (gzipped on the way) to `POST /api/v1/runs`. */
export async function uploadRunReport(
  connection: DashboardConnection,
  reportPath: string,
  context: ClientContext,
): Promise<UploadedRun> {
  const response = await send(
    connection,
    "upload of the run report",
    (signal) =>
      fetch(`${connection.serverUrl}/api/v1/runs`, {
        method: "POST",
        headers: {
          ...headers(connection, context),
          "content-type": "application/json",
          "content-encoding": "gzip",
        },
        // Read again for every attempt: a stream can be sent only once.
        body: Readable.toWeb(createReadStream(reportPath).pipe(createGzip())) as ReadableStream<Uint8Array>,
        duplex: "half",
        signal,
      } as RequestInit),
    context,
  );
  return readUploadedRun(response);
}

/** Where raw JUnit came from: the query of `POST /api/v1/junit`. */
export interface JunitUploadParameters {
  readonly project: string;
  readonly commit: string;
  readonly branch: string;
  readonly run?: string | null;
  readonly attempt?: number | null;
  readonly job?: string | null;
  readonly workflow?: string | null;
  readonly pr?: number | null;
  readonly url?: string | null;
  readonly defaultBranch?: string | null;
  /** Fixed for every attempt, so that a retry is the same upload (the server's key includes it). */
  readonly startedAt: string;
  readonly provider?: string | null;
}

/** Sends JUnit XML files as one multipart upload to `POST /api/v1/junit`. */
export async function uploadJunitFiles(
  connection: DashboardConnection,
  files: readonly string[],
  parameters: JunitUploadParameters,
  context: ClientContext,
): Promise<UploadedRun> {
  const query = new URLSearchParams();
  const add = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") query.set(name, String(value));
  };
  add("project", parameters.project);
  add("commit", parameters.commit);
  add("branch", parameters.branch);
  add("run", parameters.run);
  add("attempt", parameters.attempt);
  add("job", parameters.job);
  add("workflow", parameters.workflow);
  add("pr", parameters.pr);
  add("url", parameters.url);
  add("default_branch", parameters.defaultBranch);
  add("started_at", parameters.startedAt);
  add("provider", parameters.provider);
  const response = await send(
    connection,
    `upload of ${files.length === 1 ? "1 JUnit file" : `${files.length} JUnit files`}`,
    async (signal) => {
      const form = new FormData();
      // Blobs backed by the files: read while sending, not held in memory.
      for (const [index, path] of files.entries()) {
        form.append(
          `report${index + 1}`,
          await openAsBlob(path, { type: "application/xml" }),
          basename(path),
        );
      }
      return fetch(`${connection.serverUrl}/api/v1/junit?${query}`, {
        method: "POST",
        headers: headers(connection, context),
        body: form,
        signal,
      });
    },
    context,
  );
  return readUploadedRun(response);
}

/** A test's figures on the base branch, as the baseline API answers them. */
export interface BaselineEntry {
  /** Null when the dashboard keeps no health for the branch (only the default branch's is kept). */
  readonly health: TestHealth | null;
  readonly flakeRate: number | null;
  readonly p50Ms: number | null;
  readonly samples: number;
}

export interface Baseline {
  readonly project: string;
  readonly branch: string;
  /** Runs of the branch in the window: 0 means the dashboard has nothing to compare with. */
  readonly runs: number;
  readonly healthKnown: boolean;
  /** The suite's wall time on the branch (runs of the same job when it was named). */
  readonly wallTime: { readonly p50Ms: number | null; readonly samples: number };
  /** A test's page, with `{testId}` for the test's id. */
  readonly testUrlTemplate: string;
  readonly tests: Readonly<Record<string, BaselineEntry>>;
}

/** One request for the baseline of the tests a run saw: `POST /api/v1/projects/{project}/baseline`. */
export async function fetchBaseline(
  connection: DashboardConnection,
  request: {
    readonly project: string;
    readonly branch: string;
    readonly jobKey: string | null;
    readonly testIds: readonly string[];
  },
  context: ClientContext,
): Promise<Baseline> {
  const body = JSON.stringify({
    branch: request.branch,
    ...(request.jobKey ? { jobKey: request.jobKey } : {}),
    tests: request.testIds,
  });
  const response = await send(
    connection,
    `baseline of ${request.branch}`,
    (signal) =>
      fetch(`${connection.serverUrl}/api/v1/projects/${projectPath(request.project)}/baseline`, {
        method: "POST",
        headers: { ...headers(connection, context), "content-type": "application/json" },
        body,
        signal,
      }),
    { ...context, policy: { ...BASELINE_POLICY, ...context.policy } },
  );
  return readBaseline(await readJson(response));
}

/** `org/repo` as the API's path: each part encoded, the slashes kept. */
export function projectPath(project: string): string {
  return project.split("/").map(encodeURIComponent).join("/");
}

// --- the request loop ----------------------------------------------------------------------------------

type Attempt = { readonly response: Response } | { readonly error: unknown };

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

async function send(
  connection: DashboardConnection,
  what: string,
  request: (signal: AbortSignal) => Promise<Response>,
  context: ClientContext,
): Promise<Response> {
  const policy = { ...DEFAULT_REQUEST_POLICY, ...context.policy };
  const now = context.now ?? Date.now;
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  const backoff = exponentialBackoff(policy.firstDelayMs, policy.maxDelayMs);
  let nextDelayMs = 0;
  const attempts = await retry(
    async (): Promise<Attempt> => {
      const remaining = Math.max(1, started + policy.totalMs - now());
      try {
        const response = await request(AbortSignal.timeout(Math.min(policy.attemptTimeoutMs, remaining)));
        return { response };
      } catch (error) {
        return { error };
      }
    },
    {
      maxAttempts: policy.maxAttempts,
      delayMs: () => nextDelayMs,
      isRetryable: (attempt, attemptNumber) => {
        if ("response" in attempt && !RETRYABLE_STATUSES.has(attempt.response.status)) return false;
        nextDelayMs = Math.min(
          policy.maxDelayMs,
          Math.max(backoff(attemptNumber), "response" in attempt ? retryAfterMs(attempt.response) : 0),
        );
        // Bounded in time as well as in attempts: no wait that would end past the limit.
        return now() + nextDelayMs < started + policy.totalMs;
      },
      describe: (attempt, decision) => describeAttempt(connection, what, attempt, decision),
      log: context.log,
      sleep,
    },
  );
  const last = attempts.at(-1) as Attempt;
  if ("error" in last) {
    throw new DashboardError(
      `could not reach the dashboard at ${connection.serverUrl}: ${networkReason(last.error)}`,
      { status: null, code: null, cause: last.error },
    );
  }
  const { response } = last;
  if (response.ok) return response;
  const problem = await readProblem(response);
  throw new DashboardError(
    `the dashboard answered ${response.status}${problem.code ? ` (${problem.code})` : ""}: ${problem.message}`,
    { status: response.status, code: problem.code },
  );
}

function describeAttempt(
  connection: DashboardConnection,
  what: string,
  attempt: Attempt,
  decision: RetryDecision,
): string {
  const outcome =
    "response" in attempt
      ? `HTTP ${attempt.response.status}`
      : `no answer from ${connection.serverUrl} (${networkReason(attempt.error)})`;
  const next = decision.retryInMs === null ? "" : `; retrying in ${formatSeconds(decision.retryInMs)}`;
  return `dashboard ${what}, attempt ${decision.attemptNumber} of ${decision.maxAttempts}: ${outcome}${next}`;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** Retry-After in seconds or as an HTTP date; 0 when absent or unreadable. */
function retryAfterMs(response: Response): number {
  const value = response.headers.get("retry-after");
  if (!value) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

/** Why fetch failed, in the words of the socket: ECONNREFUSED, ENOTFOUND, a timeout. */
function networkReason(error: unknown): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "no answer in time";
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return messageOf(error);
}

function headers(connection: DashboardConnection, context: ClientContext): Record<string, string> {
  return {
    authorization: `Bearer ${connection.token}`,
    accept: "application/json",
    "user-agent": context.userAgent ?? "seamwatch",
  };
}

async function readProblem(response: Response): Promise<{ code: string | null; message: string }> {
  const text = await response.text().catch(() => "");
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (error && typeof error.message === "string") {
      return { code: typeof error.code === "string" ? error.code : null, message: error.message };
    }
  } catch {
    // Not the API's error shape: a proxy's page, say.
  }
  const line = text.replace(/\s+/g, " ").trim().slice(0, 200);
  return { code: null, message: line || response.statusText || "no reason given" };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DashboardError(`the dashboard's answer is not JSON: ${text.slice(0, 200)}`, {
      status: response.status,
      code: null,
      cause,
    });
  }
}

async function readUploadedRun(response: Response): Promise<UploadedRun> {
  const body = (await readJson(response)) as {
    run?: { id?: unknown; url?: unknown; project?: unknown };
    duplicate?: unknown;
  };
  const run = body.run;
  if (!run || typeof run.id !== "number" || typeof run.url !== "string" || typeof run.project !== "string") {
    throw new DashboardError("the dashboard's answer to the upload names no run", {
      status: response.status,
      code: null,
    });
  }
  return { runId: run.id, url: run.url, project: run.project, duplicate: body.duplicate === true };
}

function readBaseline(body: unknown): Baseline {
  const value = body as Partial<Baseline> | null;
  const fail = (what: string): never => {
    throw new DashboardError(`the dashboard's baseline is not readable: ${what}`, {
      status: 200,
      code: null,
    });
  };
  if (!value || typeof value !== "object") return fail("not an object");
  if (typeof value.branch !== "string") fail("no branch");
  if (typeof value.runs !== "number") fail("no run count");
  if (!value.tests || typeof value.tests !== "object") fail("no tests");
  if (typeof value.testUrlTemplate !== "string") fail("no testUrlTemplate");
  const tests: Record<string, BaselineEntry> = {};
  for (const [id, entry] of Object.entries(value.tests as Record<string, Partial<BaselineEntry>>)) {
    tests[id] = {
      health:
        entry.health === "flaky" || entry.health === "broken" || entry.health === "healthy"
          ? entry.health
          : null,
      flakeRate: typeof entry.flakeRate === "number" ? entry.flakeRate : null,
      p50Ms: typeof entry.p50Ms === "number" ? entry.p50Ms : null,
      samples: typeof entry.samples === "number" ? entry.samples : 0,
    };
  }
  return {
    project: String(value.project ?? ""),
    branch: value.branch as string,
    runs: value.runs as number,
    healthKnown: value.healthKnown === true,
    wallTime: {
      p50Ms: typeof value.wallTime?.p50Ms === "number" ? value.wallTime.p50Ms : null,
      samples: typeof value.wallTime?.samples === "number" ? value.wallTime.samples : 0,
    },
    testUrlTemplate: value.testUrlTemplate as string,
    tests,
  };
}
