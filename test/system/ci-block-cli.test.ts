// The `ci` block of `seamwatch run --json` as users get it: the built CLI in a child process, in a CI's
// environment as its runner sets the variables (GitLab, GitHub Actions with an event payload on disk), with
// the flags that override what it detects, and refusing a bad flag value before anything runs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copySuite, nodeTest } from "../support/fixture-suites.ts";
import { runCli } from "../support/run-cli.ts";

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const MERGE = "fedcba9876543210fedcba9876543210fedcba98";

/** Every CI variable this process may have (the tests may themselves run on a CI) unset, so none leaks in. */
const NO_CI: NodeJS.ProcessEnv = Object.fromEntries(
  Object.keys(process.env)
    .filter((name) =>
      /^(?:CI|GITHUB_.*|GITLAB_.*|CI_.*|BUILDKITE.*|CIRCLE.*|JENKINS_URL|BUILD_.*|GIT_.*|CHANGE_.*|BRANCH_.*|JOB_.*|TAG_NAME|STAGE_NAME)$/.test(
        name,
      ),
    )
    .map((name) => [name, undefined]),
);

/** A job of a GitLab merged-results pipeline for merge request !7, as GitLab's runner sets it. */
const GITLAB_MERGE_REQUEST_JOB = {
  CI: "true",
  GITLAB_CI: "true",
  CI_SERVER_URL: "https://gitlab.example.com",
  CI_PROJECT_PATH: "acme/platform/shop",
  CI_COMMIT_SHA: MERGE,
  CI_COMMIT_REF_NAME: "feature/cart",
  CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
  CI_MERGE_REQUEST_IID: "7",
  CI_MERGE_REQUEST_REF_PATH: "refs/merge-requests/7/head",
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature/cart",
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
  CI_DEFAULT_BRANCH: "main",
  CI_PIPELINE_NAME: "MR pipeline",
  CI_PIPELINE_ID: "1234",
  CI_PIPELINE_URL: "https://gitlab.example.com/acme/platform/shop/-/pipelines/1234",
  CI_JOB_NAME: "integration: [postgres, 16]",
  CI_JOB_ID: "98765",
  CI_JOB_URL: "https://gitlab.example.com/acme/platform/shop/-/jobs/98765",
};

interface CiRun {
  readonly code: number | null;
  readonly stderr: string;
  readonly report: { version: number; ci: Record<string, unknown>; outcome: string; tests: unknown[] } | null;
  readonly dir: string;
}

/** `seamwatch run --json out/run.json [flags] -- <the passing suite>` in `env`. */
async function runWithJson(env: NodeJS.ProcessEnv, flags: string[] = []): Promise<CiRun> {
  const dir = copySuite("passing");
  const result = await runCli(
    ["run", "--json", "out/run.json", ...flags, "--", `touch ran && ${nodeTest("inventory.test.mjs")}`],
    { cwd: dir, env: { ...NO_CI, ...env } },
  );
  const path = join(dir, "out", "run.json");
  return {
    code: result.code,
    stderr: result.stderr,
    report: existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null,
    dir,
  };
}

describe("seamwatch run --json: the ci block", () => {
  it("is detected in a GitLab merge request job: the MR's head, its target, the job's own id", async () => {
    const run = await runWithJson(GITLAB_MERGE_REQUEST_JOB);

    expect(run.code, run.stderr).toBe(0);
    expect(run.report).toMatchObject({ version: 2, outcome: "passed", tests: [{}] });
    expect(run.report?.ci).toEqual({
      provider: "gitlab",
      repository: "acme/platform/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/merge-requests/7/head",
      defaultBranch: "main",
      baseBranch: "main",
      pullRequest: 7,
      workflow: "MR pipeline",
      job: "integration: [postgres, 16]",
      jobKey: null,
      runId: "98765",
      runAttempt: null,
      runUrl: "https://gitlab.example.com/acme/platform/shop/-/pipelines/1234",
    });
  });

  it("tells a retried GitLab job from its first try, in the same pipeline", async () => {
    const first = await runWithJson(GITLAB_MERGE_REQUEST_JOB);
    const retry = await runWithJson({ ...GITLAB_MERGE_REQUEST_JOB, CI_JOB_ID: "98771" });

    const identity = (run: CiRun) => {
      const ci = run.report?.ci ?? {};
      return [ci.runId, ci.runAttempt, ci.jobKey ?? ci.job];
    };
    expect(identity(first)).toEqual(["98765", null, "integration: [postgres, 16]"]);
    expect(identity(retry)).toEqual(["98771", null, "integration: [postgres, 16]"]);
    expect(retry.report?.ci.runUrl).toBe(first.report?.ci.runUrl);
  });

  it("takes each override flag over what GitLab says, and keeps the rest detected", async () => {
    const run = await runWithJson(GITLAB_MERGE_REQUEST_JOB, [
      "--pull-request",
      "12",
      "--base-branch",
      "release/2.x",
      "--job-key",
      "shard 2 of 4",
      "--run-attempt",
      "2",
      "--run-url",
      GITLAB_MERGE_REQUEST_JOB.CI_JOB_URL,
      "--repository=acme/shop",
      "--commit",
      MERGE.toUpperCase(),
      "--workflow=",
    ]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.ci).toEqual({
      provider: "gitlab",
      repository: "acme/shop",
      commitSha: MERGE,
      branch: "feature/cart",
      ref: "refs/merge-requests/7/head",
      defaultBranch: "main",
      baseBranch: "release/2.x",
      pullRequest: 12,
      workflow: null,
      job: "integration: [postgres, 16]",
      jobKey: "shard 2 of 4",
      runId: "98765",
      runAttempt: 2,
      runUrl: "https://gitlab.example.com/acme/platform/shop/-/jobs/98765",
    });
  });

  it("is filled from the flags alone where no CI is detected", async () => {
    const run = await runWithJson({}, [
      "--ci-provider",
      "jenkins",
      "--repository",
      "acme/shop",
      "--branch",
      "main",
      "--run-id",
      "shop-main-41",
    ]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.ci).toMatchObject({
      provider: "jenkins",
      repository: "acme/shop",
      branch: "main",
      pullRequest: null,
      runId: "shop-main-41",
      runAttempt: null,
    });
  });

  it("reads GitHub Actions' event payload for the PR number, its head and the default branch", async () => {
    const eventPath = join(copySuite("passing"), "event.json");
    writeFileSync(
      eventPath,
      JSON.stringify({
        number: 42,
        pull_request: { number: 42, head: { sha: HEAD, ref: "feature/cart" }, base: { ref: "develop" } },
        repository: { full_name: "acme/shop", default_branch: "trunk" },
      }),
    );
    const run = await runWithJson({
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_SHA: MERGE,
      GITHUB_REF: "refs/pull/42/merge",
      GITHUB_HEAD_REF: "feature/cart",
      GITHUB_BASE_REF: "develop",
      GITHUB_WORKFLOW: "CI",
      GITHUB_JOB: "integration",
      GITHUB_RUN_ID: "9876543210",
      GITHUB_RUN_ATTEMPT: "3",
      GITHUB_SERVER_URL: "https://github.com",
    });

    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.ci).toEqual({
      provider: "github-actions",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/pull/42/merge",
      defaultBranch: "trunk",
      baseBranch: "develop",
      pullRequest: 42,
      workflow: "CI",
      job: "integration",
      jobKey: null,
      runId: "9876543210",
      runAttempt: 3,
      runUrl: "https://github.com/acme/shop/actions/runs/9876543210",
    });
  });

  it("warns about an unreadable event payload and still writes the report from the environment", async () => {
    const run = await runWithJson({
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_PATH: "/nonexistent/event.json",
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_REF: "refs/pull/42/merge",
    });

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "seamwatch run: warning: Could not read the workflow event at /nonexistent/event.json: ENOENT",
    );
    expect(run.report?.ci).toMatchObject({
      provider: "github-actions",
      pullRequest: 42,
      defaultBranch: null,
    });
  });

  it.each([
    [["--pull-request", "abc"], '--pull-request must be a whole number from 1 up, got "abc"'],
    [["--run-attempt", "0"], '--run-attempt must be a whole number from 1 up, got "0"'],
  ])("refuses %j with exit 64, naming the flag, before running anything", async (flags, message) => {
    const run = await runWithJson(GITLAB_MERGE_REQUEST_JOB, flags);

    expect(run.code).toBe(64);
    expect(run.stderr.split("\n")[0]).toBe(`seamwatch run: ${message}`);
    expect(run.stderr).toContain("Usage: seamwatch run");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(run.dir, "ran"))).toBe(false);
    expect(run.report).toBeNull();
  });
});
