// The action's main step: run the suite with retries of infrastructure failures, then report it as step
// outputs, a JSON file, annotations, the job summary and one sticky pull request comment. Before the suite
// it restores the Docker image cache (image-cache.ts).
//
// With `server-url`, the run is compared with the base branch's history on the dashboard and uploaded there
// (dashboard.ts); the comment then tells new failures from known-flaky and already-broken ones.
//
// Failure policy: a misconfigured input fails the step; the comment, the summary, the JSON file and the
// upload are extras whose problems are warnings (the upload's fails the step only with
// `fail-on-upload-error: true`); the tests' result fails the step as `fail-on` says.
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@actions/core";
import { type CiContext, detectCi } from "../core/ci/index.ts";
import { PatternError } from "../core/classify/index.ts";
import {
  annotationsFor,
  commentMarker,
  type ReportTarget,
  type RunHistory,
  type RunReportOptions,
  renderRunReport,
} from "../core/report/index.ts";
import type { RunResult } from "../core/run/index.ts";
import { messageOf } from "../process/errors.ts";
import { exponentialBackoff, type RetryDecision, retry } from "../process/retry.ts";
import { readEventPayload } from "../runner/ci-context.ts";
import { decideFailOn } from "../runner/fail-on.ts";
import { writeRunReport } from "../runner/run-report-file.ts";
import { runSuite, type SuiteRun } from "../runner/run-suite.ts";
import { CommandStartError } from "../runner/shell-command.ts";
import { buildRunHistory } from "../upload/history.ts";
import { syncWithDashboard } from "./dashboard.ts";
import { restoreImageCache } from "./image-cache.ts";
import { type ActionInputs, getInputs, InputError, withoutInputs } from "./inputs.ts";
import { OUTPUT, outputValues, reportPathFor, STATE, setOutputs } from "./outputs.ts";
import {
  FORK_NOTICE,
  isNotPermitted,
  NOT_PERMITTED_NOTICE,
  planComment,
  readPullRequestContext,
  type StickyCommentResult,
  upsertStickyComment,
} from "./sticky-comment.ts";

/** GitHub shows at most 10 annotations of each level per step; more are dropped silently. */
const MAX_ANNOTATIONS = 10;

/** The main step; what @github/local-action calls. An unexpected error fails the step with its stack. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await runMain(env);
  } catch (error) {
    core.setFailed(`seamwatch failed unexpectedly: ${(error as Error)?.stack ?? String(error)}`);
  }
}

async function runMain(env: NodeJS.ProcessEnv): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = getInputs({ env });
  } catch (error) {
    if (error instanceof InputError || error instanceof PatternError) {
      core.setFailed(error.message);
      return;
    }
    throw error;
  }
  const event = readEventPayload(env.GITHUB_EVENT_PATH, (message) => core.warning(message));
  const ci = ciContext(env, event, inputs);

  try {
    await restoreImageCache({ inputs: inputs.imageCache, env, rules: inputs.suite.rules });
  } catch (error) {
    // The image cache only saves time: whatever goes wrong in it, the tests still run.
    core.warning(`Docker images not restored: ${messageOf(error)}`);
  }

  const reportPath = reportPathFor(env);
  // The runner sends SIGINT (then SIGTERM) when the job is cancelled: stop the command's whole process
  // group and still report what ran, instead of dying and leaving the tests running.
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let suite: SuiteRun;
  try {
    suite = await runSuite({
      ...inputs.suite,
      // A `run:` step does not see the action's inputs, and the token must not reach the tests.
      env: withoutInputs(env),
      log: (line) => core.info(`seamwatch: ${line}`),
      signal: cancel.signal,
      asideDir: reportPath.replace(/\.json$/, "-aside"),
    });
  } catch (error) {
    // The command could not start at all (no such shell): the step is misconfigured.
    if (error instanceof CommandStartError) {
      core.setFailed(error.message);
      return;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
  const { result: run, durationMs } = suite;
  if (suite.cancelled) core.warning("The run was cancelled: the report covers the attempts made until then.");

  let reportWritten = true;
  try {
    await writeRunReport(reportPath, suite, ci);
  } catch (error) {
    reportWritten = false;
    core.warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error)}`);
  }
  core.saveState(STATE.outcome, run.outcome);
  core.saveState(STATE.reportPath, reportPath);
  setOutputs(outputValues(run, { durationMs, reportPath }));

  const { serverUrl } = inputs.dashboard;
  const dashboard = serverUrl
    ? await syncWithDashboard({
        inputs: { ...inputs.dashboard, serverUrl },
        ci,
        run,
        reportPath: reportWritten ? reportPath : null,
        env,
      })
    : null;
  if (dashboard?.uploaded) setOutputs({ [OUTPUT.reportUrl]: dashboard.uploaded.url });
  if (dashboard?.uploadProblem) core.warning(`Not uploaded to the dashboard: ${dashboard.uploadProblem}`);
  if (dashboard?.baselineProblem && dashboard.uploadProblem !== dashboard.baselineProblem) {
    core.info(`seamwatch: no history in the report: ${dashboard.baselineProblem}`);
  }
  const history = dashboard?.baseline
    ? buildRunHistory(run, durationMs, dashboard.baseline, {
        ...inputs.dashboard,
        quarantine: inputs.failOn === "new-failures",
      })
    : null;
  const decision = decideFailOn({
    run,
    failOn: inputs.failOn,
    history,
    noHistoryReason: dashboard?.baselineProblem ?? "no server-url is set",
  });
  if (decision.notice) core.notice(decision.notice);
  const extras: ReportExtras = {
    history,
    reportUrl: dashboard?.uploaded?.url ?? null,
    notices: [
      ...(decision.notice ? [decision.notice] : []),
      ...(dashboard?.uploadProblem ? [`Not uploaded to the dashboard: ${dashboard.uploadProblem}.`] : []),
    ],
  };

  // Reviewers read paths as the repository has them, not as the runner's disk does.
  const shown = withRepositoryPaths(run, {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    cwd: inputs.suite.cwd,
  });
  annotate(shown);
  const notice = await publishComment(shown, inputs, env, event, extras);
  await writeJobSummary(shown, inputs, notice, extras);

  if (decision.failure) core.setFailed(decision.failure);
  else if (dashboard?.uploadProblem && inputs.dashboard.failOnUploadError) {
    core.setFailed(`Not uploaded to the dashboard: ${dashboard.uploadProblem} (fail-on-upload-error: true).`);
  }
}

/** What the dashboard adds to the comment and the summary. */
interface ReportExtras {
  readonly history: RunHistory | null;
  readonly reportUrl: string | null;
  /** Lines for the reader: why `fail-on` fell back, why nothing was uploaded. */
  readonly notices: readonly string[];
}

/**
 * The JSON report's `ci` block, from the runner's GITHUB_* variables and the event payload. The job key is
 * the comment key (workflow, job and matrix by default), which already tells a matrix's jobs apart. Always
 * GitHub Actions: @github/local-action runs the action without GITHUB_ACTIONS set.
 */
function ciContext(env: NodeJS.ProcessEnv, event: unknown, inputs: ActionInputs): CiContext {
  return detectCi(env, { event, overrides: { provider: "github-actions", jobKey: inputs.commentKey } });
}

function withRepositoryPaths(run: RunResult, paths: { workspace: string; cwd: string }): RunResult {
  const file = (path: string | null) => (path === null ? null : repositoryPath(path, paths));
  const failure = <T extends { file: string | null } | null>(value: T): T =>
    value === null ? value : { ...value, file: file(value.file) };
  return {
    ...run,
    tests: run.tests.map((test) => ({
      ...test,
      file: file(test.file),
      failure: failure(test.failure),
      attempts: test.attempts.map((attempt) => ({ ...attempt, failure: failure(attempt.failure) })),
    })),
  };
}

function annotate(run: RunResult): void {
  for (const annotation of annotationsFor(run, { max: MAX_ANNOTATIONS })) {
    const properties: core.AnnotationProperties = {};
    if (annotation.title) properties.title = annotation.title;
    if (annotation.file) properties.file = annotation.file;
    if (annotation.line) properties.startLine = annotation.line;
    const emit =
      annotation.level === "error" ? core.error : annotation.level === "warning" ? core.warning : core.notice;
    emit(annotation.message, properties);
  }
}

const COMMENT_ATTEMPTS = 3;
const COMMENT_RETRY_DELAY_MS = 1_000;

type CommentAttempt = { comment: StickyCommentResult } | { error: unknown };

function describeCommentAttempt(attempt: CommentAttempt, decision: RetryDecision): string {
  if ("comment" in attempt) return `Pull request comment ${attempt.comment.action}: ${attempt.comment.url}`;
  const next = decision.retryInMs === null ? "" : `; retrying in ${(decision.retryInMs / 1000).toFixed(0)} s`;
  return `Pull request comment, attempt ${decision.attemptNumber} of ${decision.maxAttempts}: ${messageOf(attempt.error)}${next}`;
}

/** GitHub's own trouble (500, 502, 503, 504), which passes; not a refusal. */
function isServerError(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status === "number" && status >= 500;
}

/**
 * GitHub places annotations by path in the repository. Reports give absolute paths (stack traces) or paths
 * relative to where the tests ran (`working-directory`).
 */
function repositoryPath(file: string, paths: { workspace: string; cwd: string }): string {
  const absolute = resolve(paths.cwd, file.startsWith("file://") ? fileURLToPath(file) : file);
  const inside = relative(paths.workspace, absolute);
  return inside.startsWith("..") || isAbsolute(inside) ? file : inside.split(sep).join("/");
}

/** Writes or updates the sticky comment; returns the summary's notice when there is no comment. */
async function publishComment(
  run: RunResult,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  event: unknown,
  extras: ReportExtras,
): Promise<string | null> {
  const context = readPullRequestContext(env.GITHUB_EVENT_NAME ?? "", event, env.GITHUB_REPOSITORY ?? "");
  const plan = planComment(inputs.comment, context, inputs.githubToken);
  if (!plan.write) {
    if (plan.notice) core.info(plan.notice);
    return plan.notice;
  }
  try {
    const body = renderRunReport(run, reportOptions(inputs, "comment", extras, null));
    // Loaded only when commenting: the client is most of the bundle's start-up time.
    const { getOctokit } = await import("@actions/github");
    // @actions/github reads GITHUB_API_URL when it is imported; pass it explicitly so `env` decides.
    const octokit = getOctokit(inputs.githubToken, {
      baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    });
    const marker = commentMarker(inputs.commentKey);
    const attempts = await retry(
      async (): Promise<CommentAttempt> => {
        try {
          return { comment: await upsertStickyComment(octokit, plan.target, marker, body) };
        } catch (error) {
          return { error };
        }
      },
      {
        maxAttempts: COMMENT_ATTEMPTS,
        delayMs: exponentialBackoff(COMMENT_RETRY_DELAY_MS),
        // The marker makes a repeat safe: a create that failed late is found and updated next time.
        isRetryable: (attempt) => "error" in attempt && isServerError(attempt.error),
        describe: describeCommentAttempt,
        log: (line) => core.info(line),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
    );
    const last = attempts.at(-1);
    if (last && "error" in last) throw last.error;
    return null;
  } catch (error) {
    if (isNotPermitted(error)) {
      const notice = context.fromFork ? FORK_NOTICE : NOT_PERMITTED_NOTICE;
      core.info(notice);
      return notice;
    }
    core.warning(`Could not write the pull request comment: ${messageOf(error)}`);
    return "No pull request comment: writing it failed (see the step's warnings). The report is below.";
  }
}

async function writeJobSummary(
  run: RunResult,
  inputs: ActionInputs,
  notice: string | null,
  extras: ReportExtras,
): Promise<void> {
  try {
    const markdown = renderRunReport(run, reportOptions(inputs, "summary", extras, notice));
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

function reportOptions(
  inputs: ActionInputs,
  target: ReportTarget,
  extras: ReportExtras,
  commentNotice: string | null,
): RunReportOptions {
  const notices = [...(commentNotice ? [commentNotice] : []), ...extras.notices];
  return {
    target,
    // Several jobs comment on one pull request: the heading says which job a report is for.
    title: `seamwatch: ${inputs.commentKey}`,
    slowTestSeconds: inputs.slowTestSeconds,
    commentKey: inputs.commentKey,
    history: extras.history,
    reportUrl: extras.reportUrl,
    notice: notices.length > 0 ? notices.join(" ") : null,
  };
}
