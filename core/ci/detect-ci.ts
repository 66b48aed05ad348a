// Which CI a run ran on and what it tested, read from the environment (and, on GitHub Actions, the event
// payload). Pure: the adapter passes `process.env` and the parsed `GITHUB_EVENT_PATH` file; nothing here
// reads files or the clock. Each provider reads only its documented variables (the page is cited above
// each reader); a variable that is missing, empty or malformed becomes null rather than a wrong value.
import type { CiContext, CiOverrides, CiProvider, Environment } from "./context.ts";

export interface DetectCiOptions {
  /** From CLI flags or action inputs; each field given (even null) wins over the detected one. */
  readonly overrides?: CiOverrides;
  /** GitHub Actions' event payload (the parsed JSON at GITHUB_EVENT_PATH); untrusted shape. */
  readonly event?: unknown;
}

/** The run's `ci` block: the detected provider's values, then the overrides field by field. */
export function detectCi(env: Environment, options: DetectCiOptions = {}): CiContext {
  const overrides = options.overrides ?? {};
  const provider = overrides.provider ?? detectProvider(env);
  const detected = readers[provider](env, options.event);
  const merged: Record<string, unknown> = { ...detected };
  for (const [field, value] of Object.entries(overrides)) {
    if (value !== undefined && field in detected) merged[field] = value;
  }
  return merged as unknown as CiContext;
}

/** The first CI whose marker variable is set; `local` when none is. */
export function detectProvider(env: Environment): CiProvider {
  if (env.GITHUB_ACTIONS === "true") return "github-actions";
  if (env.GITLAB_CI === "true") return "gitlab";
  if (env.BUILDKITE === "true") return "buildkite";
  if (env.CIRCLECI === "true") return "circleci";
  if (value(env, "JENKINS_URL") !== null) return "jenkins";
  return "local";
}

type Reader = (env: Environment, event: unknown) => CiContext;

const readers: Record<CiProvider, Reader> = {
  "github-actions": readGithubActions,
  gitlab: readGitlab,
  buildkite: readBuildkite,
  circleci: readCircleci,
  jenkins: readJenkins,
  local: () => ({ ...emptyContext, provider: "local" }),
};

const emptyContext: CiContext = {
  provider: "local",
  repository: null,
  commitSha: null,
  branch: null,
  ref: null,
  defaultBranch: null,
  baseBranch: null,
  pullRequest: null,
  workflow: null,
  job: null,
  jobKey: null,
  runId: null,
  runAttempt: null,
  runUrl: null,
};

// https://docs.github.com/en/actions/reference/workflows-and-actions/variables (default environment
// variables) and the `pull_request` webhook payload. On a pull request GITHUB_SHA is the merge commit GitHub
// made; the contract wants the head commit, which only the payload carries.
function readGithubActions(env: Environment, event: unknown): CiContext {
  const pullRequest = member(event, "pull_request");
  const ref = value(env, "GITHUB_REF");
  const repository = value(env, "GITHUB_REPOSITORY") ?? textAt(event, "repository", "full_name");
  const runId = value(env, "GITHUB_RUN_ID");
  const server = value(env, "GITHUB_SERVER_URL");
  return {
    ...emptyContext,
    provider: "github-actions",
    repository,
    commitSha: commitSha(textAt(pullRequest, "head", "sha")) ?? commitSha(value(env, "GITHUB_SHA")),
    branch: value(env, "GITHUB_HEAD_REF") ?? textAt(pullRequest, "head", "ref") ?? branchOfRef(ref),
    ref,
    defaultBranch: textAt(event, "repository", "default_branch"),
    baseBranch: value(env, "GITHUB_BASE_REF") ?? textAt(pullRequest, "base", "ref"),
    pullRequest: positiveInteger(member(pullRequest, "number")) ?? pullRequestOfRef(ref),
    workflow: value(env, "GITHUB_WORKFLOW"),
    job: value(env, "GITHUB_JOB"),
    runId,
    runAttempt: positiveInteger(value(env, "GITHUB_RUN_ATTEMPT")),
    runUrl:
      server && repository && runId
        ? `${server.replace(/\/+$/, "")}/${repository}/actions/runs/${encodeURIComponent(runId)}`
        : null,
  };
}

// https://docs.gitlab.com/ci/variables/predefined_variables/ (and "Predefined variables for merge request
// pipelines"). In a merged-results pipeline CI_COMMIT_SHA is GitLab's merge commit and the head is
// CI_MERGE_REQUEST_SOURCE_BRANCH_SHA; in a plain merge-request pipeline the latter is empty.
// Retries: GitLab documents no attempt variable, and a retried job runs again in the same pipeline. With the
// pipeline id as run id, the retry would carry the first try's (run id, attempt, job key) and an upload
// server would drop it as a repeat; so the run id is CI_JOB_ID, new for every execution of a job, and the
// pipeline stays in the run URL.
function readGitlab(env: Environment): CiContext {
  const mergeRequest = positiveInteger(value(env, "CI_MERGE_REQUEST_IID"));
  const tag = value(env, "CI_COMMIT_TAG");
  const branch = value(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") ?? value(env, "CI_COMMIT_BRANCH");
  return {
    ...emptyContext,
    provider: "gitlab",
    repository: value(env, "CI_PROJECT_PATH"),
    commitSha:
      commitSha(value(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA")) ?? commitSha(value(env, "CI_COMMIT_SHA")),
    branch,
    ref:
      value(env, "CI_MERGE_REQUEST_REF_PATH") ??
      (tag ? `refs/tags/${tag}` : branch && mergeRequest === null ? `refs/heads/${branch}` : null),
    defaultBranch: value(env, "CI_DEFAULT_BRANCH"),
    baseBranch: value(env, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"),
    pullRequest: mergeRequest,
    workflow: value(env, "CI_PIPELINE_NAME"),
    job: value(env, "CI_JOB_NAME"),
    runId: value(env, "CI_JOB_ID"),
    runUrl: value(env, "CI_PIPELINE_URL"),
  };
}

// https://buildkite.com/docs/pipelines/configure/environment-variables. BUILDKITE_PULL_REQUEST is "false"
// outside pull requests; BUILDKITE_COMMIT may be a symbolic name like HEAD for a manual build (kept null).
// BUILDKITE_BUILD_ID (a UUID) rather than the build number, which repeats across pipelines of one repo.
// A retried job keeps the build id and counts up BUILDKITE_RETRY_COUNT: that is the attempt. The parallel
// jobs of one step share build, label and retry count, so their slice goes into the job key.
function readBuildkite(env: Environment): CiContext {
  const tag = value(env, "BUILDKITE_TAG");
  const branch = tag ? null : value(env, "BUILDKITE_BRANCH");
  const retries = nonNegativeInteger(value(env, "BUILDKITE_RETRY_COUNT"));
  const job = value(env, "BUILDKITE_LABEL") ?? value(env, "BUILDKITE_STEP_KEY");
  return {
    ...emptyContext,
    provider: "buildkite",
    repository: repositoryOfGitUrl(value(env, "BUILDKITE_REPO")),
    commitSha: commitSha(value(env, "BUILDKITE_COMMIT")),
    branch,
    ref: tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : null,
    defaultBranch: value(env, "BUILDKITE_PIPELINE_DEFAULT_BRANCH"),
    baseBranch: value(env, "BUILDKITE_PULL_REQUEST_BASE_BRANCH"),
    pullRequest: positiveInteger(value(env, "BUILDKITE_PULL_REQUEST")),
    workflow: value(env, "BUILDKITE_PIPELINE_NAME") ?? value(env, "BUILDKITE_PIPELINE_SLUG"),
    job,
    jobKey: parallelSlice(
      job,
      value(env, "BUILDKITE_PARALLEL_JOB"),
      value(env, "BUILDKITE_PARALLEL_JOB_COUNT"),
    ),
    runId: value(env, "BUILDKITE_BUILD_ID"),
    runAttempt: retries === null ? null : retries + 1,
    runUrl: value(env, "BUILDKITE_BUILD_URL"),
  };
}

// https://circleci.com/docs/reference/variables/ (built-in environment variables). CircleCI exports neither
// the default branch, the PR's base branch nor the workflow's name; CIRCLE_PR_NUMBER is set only for forked
// PRs, so the number is otherwise read off the end of CIRCLE_PULL_REQUEST (the PR's URL).
// Retries: no attempt variable, but every rerun (of the workflow, or from failed) is a new workflow with a
// new CIRCLE_WORKFLOW_ID, so the workflow id tells retries apart. Parallel containers of one job share it
// and the job name; their CIRCLE_NODE_INDEX goes into the job key.
function readCircleci(env: Environment): CiContext {
  const job = value(env, "CIRCLE_JOB");
  const tag = value(env, "CIRCLE_TAG");
  const branch = tag ? null : value(env, "CIRCLE_BRANCH");
  const owner = value(env, "CIRCLE_PROJECT_USERNAME");
  const name = value(env, "CIRCLE_PROJECT_REPONAME");
  const pullRequestUrl = value(env, "CIRCLE_PULL_REQUEST");
  return {
    ...emptyContext,
    provider: "circleci",
    repository: owner && name ? `${owner}/${name}` : repositoryOfGitUrl(value(env, "CIRCLE_REPOSITORY_URL")),
    commitSha: commitSha(value(env, "CIRCLE_SHA1")),
    branch,
    ref: tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : null,
    pullRequest:
      positiveInteger(value(env, "CIRCLE_PR_NUMBER")) ??
      positiveInteger(pullRequestUrl?.match(/\/(?:pull|pull-requests)\/(\d+)\/?$/)?.[1] ?? null),
    job,
    jobKey: parallelSlice(job, value(env, "CIRCLE_NODE_INDEX"), value(env, "CIRCLE_NODE_TOTAL")),
    runId: value(env, "CIRCLE_WORKFLOW_ID"),
    runUrl: value(env, "CIRCLE_BUILD_URL"),
  };
}

// Jenkins' own list at ${JENKINS_URL}/env-vars.html (https://www.jenkins.io/doc/book/pipeline/jenkins-file/
// #using-environment-variables), plus the Git plugin's GIT_COMMIT / GIT_BRANCH / GIT_URL and the multibranch
// CHANGE_* variables. In a multibranch project JOB_NAME ends with the branch ("org/repo/PR-24"), so the
// workflow is the job name without that last part; BUILD_TAG is unique where BUILD_NUMBER repeats per branch.
// Retries: no attempt variable, but a rebuild, replay or restart from a stage is a new build with a new
// BUILD_NUMBER, so BUILD_TAG tells retries apart.
function readJenkins(env: Environment): CiContext {
  const change = value(env, "CHANGE_ID");
  const tag = value(env, "TAG_NAME");
  const branchName = value(env, "BRANCH_NAME");
  const branch = tag
    ? null
    : change
      ? value(env, "CHANGE_BRANCH")
      : (branchName ?? value(env, "GIT_LOCAL_BRANCH") ?? stripRemote(value(env, "GIT_BRANCH")));
  const jobName = value(env, "JOB_NAME");
  const jobBaseName = value(env, "JOB_BASE_NAME");
  const multibranch = branchName !== null && jobName !== null && jobBaseName !== null;
  return {
    ...emptyContext,
    provider: "jenkins",
    repository: repositoryOfGitUrl(value(env, "GIT_URL")),
    commitSha: commitSha(value(env, "GIT_COMMIT")),
    branch,
    ref: tag ? `refs/tags/${tag}` : branch && !change ? `refs/heads/${branch}` : null,
    defaultBranch: env.BRANCH_IS_PRIMARY === "true" && !change ? branchName : null,
    baseBranch: change ? value(env, "CHANGE_TARGET") : null,
    pullRequest: positiveInteger(change),
    workflow:
      multibranch && jobName.endsWith(`/${jobBaseName}`)
        ? jobName.slice(0, -jobBaseName.length - 1)
        : jobName,
    job: value(env, "STAGE_NAME"),
    runId: value(env, "BUILD_TAG"),
    runUrl: value(env, "BUILD_URL"),
  };
}

// "integration 2/4" for the second of four parallel jobs (GitLab names its own parallel jobs this way);
// null for a job that runs alone. The CI counts the slices from 0.
function parallelSlice(job: string | null, index: string | null, total: string | null): string | null {
  const slice = nonNegativeInteger(index);
  const slices = nonNegativeInteger(total);
  if (slice === null || slices === null || slices < 2) return null;
  return `${job ?? "job"} ${slice + 1}/${slices}`;
}

/** "org/repo" (or "group/sub/repo") out of an https, ssh or scp-style git URL; null when there is none. */
export function repositoryOfGitUrl(url: string | null): string | null {
  if (!url) return null;
  const scp = url.match(/^[^/@:]+@[^/:]+:(?!\/)(.+)$/);
  let path: string;
  if (scp?.[1]) {
    path = scp[1];
  } else {
    try {
      path = new URL(url).pathname;
    } catch {
      return null;
    }
  }
  const repository = path
    .replace(/^\/+|\/+$/g, "")
    .replace(/\.git$/, "")
    .replace(/^~/, "");
  return repository.includes("/") ? repository : null;
}

function value(env: Environment, name: string): string | null {
  const text = env[name]?.trim();
  return text ? text : null;
}

function member(object: unknown, key: string): unknown {
  return typeof object === "object" && object !== null ? (object as Record<string, unknown>)[key] : undefined;
}

function textAt(object: unknown, ...path: string[]): string | null {
  const found = path.reduce<unknown>((current, key) => member(current, key), object);
  return typeof found === "string" && found.trim() !== "" ? found.trim() : null;
}

function positiveInteger(raw: unknown): number | null {
  const number = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : null;
}

function nonNegativeInteger(raw: string | null): number | null {
  return raw !== null && /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
}

// A SHA-1 (or SHA-256) object name, lower-cased; anything else (HEAD, a short SHA) is not a full SHA.
function commitSha(raw: string | null): string | null {
  return raw !== null && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(raw) ? raw.toLowerCase() : null;
}

function branchOfRef(ref: string | null): string | null {
  return ref?.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) || null : null;
}

// refs/pull/42/merge (or /head): the PR number when there is no payload to read it from.
function pullRequestOfRef(ref: string | null): number | null {
  return positiveInteger(ref?.match(/^refs\/pull\/(\d+)\//)?.[1] ?? null);
}

// The Git plugin reports the remote-tracking name ("origin/main").
function stripRemote(branch: string | null): string | null {
  if (branch === null) return null;
  return branch.replace(/^refs\/heads\//, "").replace(/^(?:refs\/remotes\/)?origin\//, "") || null;
}
