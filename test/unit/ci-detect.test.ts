// The run report's `ci` block as each CI's documented environment fills it, and the overrides a user gives.
import { describe, expect, it } from "vitest";
import { type CiContext, detectCi, detectProvider, repositoryOfGitUrl } from "../../core/ci/index.ts";

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const MERGE = "fedcba9876543210fedcba9876543210fedcba98";

const NOTHING: Omit<CiContext, "provider"> = {
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

const GITHUB_PULL_REQUEST_ENV = {
  CI: "true",
  GITHUB_ACTIONS: "true",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_SHA: MERGE,
  GITHUB_REF: "refs/pull/42/merge",
  GITHUB_REF_NAME: "42/merge",
  GITHUB_HEAD_REF: "feature/cart",
  GITHUB_BASE_REF: "main",
  GITHUB_WORKFLOW: "CI",
  GITHUB_JOB: "integration",
  GITHUB_RUN_ID: "9876543210",
  GITHUB_RUN_ATTEMPT: "2",
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_EVENT_NAME: "pull_request",
};

const PULL_REQUEST_EVENT = {
  number: 42,
  pull_request: { number: 42, head: { sha: HEAD, ref: "feature/cart" }, base: { ref: "main" } },
  repository: { full_name: "acme/shop", default_branch: "main" },
};

describe("detectCi on GitHub Actions", () => {
  it("reads a pull request: the head commit and branch from the event, not GitHub's merge commit", () => {
    expect(detectCi(GITHUB_PULL_REQUEST_ENV, { event: PULL_REQUEST_EVENT })).toEqual({
      provider: "github-actions",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/pull/42/merge",
      defaultBranch: "main",
      baseBranch: "main",
      pullRequest: 42,
      workflow: "CI",
      job: "integration",
      jobKey: null,
      runId: "9876543210",
      runAttempt: 2,
      runUrl: "https://github.com/acme/shop/actions/runs/9876543210",
    });
  });

  it("reads a push to the default branch; GitHub's empty GITHUB_HEAD_REF is no branch", () => {
    const env = {
      ...GITHUB_PULL_REQUEST_ENV,
      GITHUB_SHA: HEAD,
      GITHUB_REF: "refs/heads/main",
      GITHUB_HEAD_REF: "",
      GITHUB_BASE_REF: "",
      GITHUB_RUN_ATTEMPT: "1",
    };
    const event = { ref: "refs/heads/main", repository: { full_name: "acme/shop", default_branch: "main" } };
    expect(detectCi(env, { event })).toMatchObject({
      commitSha: HEAD,
      branch: "main",
      ref: "refs/heads/main",
      defaultBranch: "main",
      baseBranch: null,
      pullRequest: null,
      runAttempt: 1,
    });
  });

  it("takes the PR number from the ref and the merge commit when there is no event payload", () => {
    expect(detectCi(GITHUB_PULL_REQUEST_ENV)).toMatchObject({
      commitSha: MERGE,
      pullRequest: 42,
      defaultBranch: null,
      branch: "feature/cart",
    });
  });

  it("keeps a tag build off every branch", () => {
    const env = { ...GITHUB_PULL_REQUEST_ENV, GITHUB_REF: "refs/tags/v1.2.0", GITHUB_HEAD_REF: "" };
    expect(detectCi(env, { event: {} })).toMatchObject({
      branch: null,
      ref: "refs/tags/v1.2.0",
      pullRequest: null,
    });
  });

  it("ignores a payload of the wrong shape instead of throwing", () => {
    const event = { pull_request: { number: "42; rm -rf /", head: "x" }, repository: [1, 2] };
    expect(detectCi({ ...GITHUB_PULL_REQUEST_ENV, GITHUB_REF: "refs/heads/x" }, { event })).toMatchObject({
      commitSha: MERGE,
      pullRequest: null,
      defaultBranch: null,
    });
  });
});

describe("detectCi on other CIs", () => {
  it("reads a GitLab merged-results pipeline: the MR's source SHA, not GitLab's merge commit", () => {
    const env = {
      GITLAB_CI: "true",
      CI_PROJECT_PATH: "acme/platform/shop",
      CI_COMMIT_SHA: MERGE,
      CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
      CI_COMMIT_REF_NAME: "feature/cart",
      CI_MERGE_REQUEST_IID: "7",
      CI_MERGE_REQUEST_REF_PATH: "refs/merge-requests/7/head",
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature/cart",
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
      CI_DEFAULT_BRANCH: "main",
      CI_PIPELINE_NAME: "MR pipeline",
      CI_JOB_NAME: "test: [postgres, 16]",
      CI_PIPELINE_ID: "1234",
      CI_JOB_ID: "98765",
      CI_PIPELINE_URL: "https://gitlab.example.com/acme/platform/shop/-/pipelines/1234",
    };
    expect(detectCi(env)).toEqual({
      ...NOTHING,
      provider: "gitlab",
      repository: "acme/platform/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/merge-requests/7/head",
      defaultBranch: "main",
      baseBranch: "main",
      pullRequest: 7,
      workflow: "MR pipeline",
      job: "test: [postgres, 16]",
      runId: "98765",
      runUrl: "https://gitlab.example.com/acme/platform/shop/-/pipelines/1234",
    });
  });

  it("tells a retried GitLab job from its first try: the job's own id is the run id, the pipeline is in the URL", () => {
    // GitLab has no attempt variable; a retry runs in the same pipeline with a new CI_JOB_ID.
    const firstTry = { GITLAB_CI: "true", CI_PIPELINE_ID: "1234", CI_JOB_ID: "98765", CI_JOB_NAME: "test" };
    const retry = { ...firstTry, CI_JOB_ID: "98770" };
    const identity = (ci: CiContext) => [ci.runId, ci.runAttempt, ci.jobKey ?? ci.job];
    expect(identity(detectCi(firstTry))).toEqual(["98765", null, "test"]);
    expect(identity(detectCi(retry))).toEqual(["98770", null, "test"]);
  });

  it("reads a GitLab branch pipeline, where the MR variables are absent", () => {
    const env = {
      GITLAB_CI: "true",
      CI_COMMIT_SHA: HEAD,
      CI_COMMIT_BRANCH: "main",
      CI_DEFAULT_BRANCH: "main",
    };
    expect(detectCi(env)).toMatchObject({
      commitSha: HEAD,
      branch: "main",
      ref: "refs/heads/main",
      pullRequest: null,
    });
  });

  it("reads Buildkite: a retried job is attempt 2, 'false' is no pull request, HEAD is no SHA", () => {
    const env = {
      BUILDKITE: "true",
      BUILDKITE_REPO: "git@github.com:acme/shop.git",
      BUILDKITE_COMMIT: "HEAD",
      BUILDKITE_BRANCH: "main",
      BUILDKITE_TAG: "",
      BUILDKITE_PULL_REQUEST: "false",
      BUILDKITE_PULL_REQUEST_BASE_BRANCH: "",
      BUILDKITE_PIPELINE_DEFAULT_BRANCH: "main",
      BUILDKITE_PIPELINE_NAME: "Shop",
      BUILDKITE_PIPELINE_SLUG: "shop",
      BUILDKITE_LABEL: ":docker: integration",
      BUILDKITE_BUILD_ID: "0190f2a4-1111-2222-3333-444455556666",
      BUILDKITE_RETRY_COUNT: "1",
      BUILDKITE_BUILD_URL: "https://buildkite.com/acme/shop/builds/77",
    };
    expect(detectCi(env)).toEqual({
      ...NOTHING,
      provider: "buildkite",
      repository: "acme/shop",
      branch: "main",
      ref: "refs/heads/main",
      defaultBranch: "main",
      workflow: "Shop",
      job: ":docker: integration",
      runId: "0190f2a4-1111-2222-3333-444455556666",
      runAttempt: 2,
      runUrl: "https://buildkite.com/acme/shop/builds/77",
    });
  });

  it("keys each parallel job of a Buildkite step apart, counted from 1", () => {
    const env = {
      BUILDKITE: "true",
      BUILDKITE_LABEL: "integration",
      BUILDKITE_BUILD_ID: "0190f2a4-1111-2222-3333-444455556666",
      BUILDKITE_RETRY_COUNT: "0",
      BUILDKITE_PARALLEL_JOB: "1",
      BUILDKITE_PARALLEL_JOB_COUNT: "4",
    };
    expect(detectCi(env).jobKey).toBe("integration 2/4");
    expect(detectCi({ ...env, BUILDKITE_PARALLEL_JOB: "0" }).jobKey).toBe("integration 1/4");
    expect(detectCi({ ...env, BUILDKITE_PARALLEL_JOB: "", BUILDKITE_PARALLEL_JOB_COUNT: "" }).jobKey).toBe(
      null,
    );
  });

  it("reads a Buildkite pull request build", () => {
    const env = {
      BUILDKITE: "true",
      BUILDKITE_COMMIT: HEAD,
      BUILDKITE_BRANCH: "feature/cart",
      BUILDKITE_PULL_REQUEST: "42",
      BUILDKITE_PULL_REQUEST_BASE_BRANCH: "main",
      BUILDKITE_RETRY_COUNT: "0",
    };
    expect(detectCi(env)).toMatchObject({
      commitSha: HEAD,
      branch: "feature/cart",
      baseBranch: "main",
      pullRequest: 42,
      runAttempt: 1,
    });
  });

  it("reads CircleCI: the PR number off the end of the PR's URL", () => {
    const env = {
      CIRCLECI: "true",
      CIRCLE_PROJECT_USERNAME: "acme",
      CIRCLE_PROJECT_REPONAME: "shop",
      CIRCLE_SHA1: HEAD.toUpperCase(),
      CIRCLE_BRANCH: "feature/cart",
      CIRCLE_PULL_REQUEST: "https://github.com/acme/shop/pull/42",
      CIRCLE_JOB: "integration",
      CIRCLE_WORKFLOW_ID: "6a2d1c3e-aaaa-bbbb-cccc-ddddeeeeffff",
      CIRCLE_BUILD_URL: "https://circleci.com/gh/acme/shop/501",
    };
    expect(detectCi(env)).toEqual({
      ...NOTHING,
      provider: "circleci",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/heads/feature/cart",
      pullRequest: 42,
      job: "integration",
      runId: "6a2d1c3e-aaaa-bbbb-cccc-ddddeeeeffff",
      runUrl: "https://circleci.com/gh/acme/shop/501",
    });
  });

  it("keys CircleCI's parallel containers apart; a job on one container has no job key", () => {
    const env = {
      CIRCLECI: "true",
      CIRCLE_JOB: "integration",
      CIRCLE_NODE_INDEX: "2",
      CIRCLE_NODE_TOTAL: "3",
    };
    expect(detectCi(env).jobKey).toBe("integration 3/3");
    expect(detectCi({ ...env, CIRCLE_NODE_INDEX: "0", CIRCLE_NODE_TOTAL: "1" }).jobKey).toBe(null);
  });

  it("reads a Jenkins multibranch pull request: CHANGE_BRANCH, not the PR-24 job name", () => {
    const env = {
      JENKINS_URL: "https://ci.example.com/",
      GIT_URL: "https://github.com/acme/shop.git",
      GIT_COMMIT: HEAD,
      BRANCH_NAME: "PR-24",
      CHANGE_ID: "24",
      CHANGE_BRANCH: "feature/cart",
      CHANGE_TARGET: "main",
      JOB_NAME: "acme/shop/PR-24",
      JOB_BASE_NAME: "PR-24",
      STAGE_NAME: "Integration tests",
      BUILD_TAG: "jenkins-acme-shop-PR-24-3",
      BUILD_URL: "https://ci.example.com/job/acme/job/shop/job/PR-24/3/",
    };
    expect(detectCi(env)).toEqual({
      ...NOTHING,
      provider: "jenkins",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      baseBranch: "main",
      pullRequest: 24,
      workflow: "acme/shop",
      job: "Integration tests",
      runId: "jenkins-acme-shop-PR-24-3",
      runUrl: "https://ci.example.com/job/acme/job/shop/job/PR-24/3/",
    });
  });

  it("reads a Jenkins freestyle build of origin/main, and the primary branch of a multibranch project", () => {
    expect(
      detectCi({ JENKINS_URL: "http://jenkins:8080/", GIT_BRANCH: "origin/main", JOB_NAME: "shop-nightly" }),
    ).toMatchObject({
      branch: "main",
      ref: "refs/heads/main",
      workflow: "shop-nightly",
      defaultBranch: null,
    });
    expect(
      detectCi({
        JENKINS_URL: "http://jenkins:8080/",
        BRANCH_NAME: "main",
        BRANCH_IS_PRIMARY: "true",
        JOB_NAME: "shop/main",
        JOB_BASE_NAME: "main",
      }),
    ).toMatchObject({ branch: "main", defaultBranch: "main", workflow: "shop" });
  });

  it("is local with every field null when no CI is detected", () => {
    expect(detectCi({ HOME: "/home/me", CI: "true" })).toEqual({ ...NOTHING, provider: "local" });
    expect(detectProvider({ GITHUB_ACTIONS: "false" })).toBe("local");
  });
});

describe("detectCi overrides", () => {
  it("lets each given flag win field by field and keeps the rest detected", () => {
    const context = detectCi(GITHUB_PULL_REQUEST_ENV, {
      event: PULL_REQUEST_EVENT,
      overrides: { jobKey: "node-22/ubuntu", branch: "renamed", baseBranch: null, defaultBranch: undefined },
    });
    expect(context).toMatchObject({
      jobKey: "node-22/ubuntu",
      branch: "renamed",
      baseBranch: null,
      defaultBranch: "main",
      commitSha: HEAD,
    });
  });

  it("fills a local run from flags alone", () => {
    const context = detectCi({}, { overrides: { repository: "acme/shop", commitSha: HEAD, branch: "main" } });
    expect(context).toEqual({
      ...NOTHING,
      provider: "local",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "main",
    });
  });

  it("reads the variables of the provider a flag names", () => {
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_SHA: MERGE,
      CI_COMMIT_SHA: HEAD,
      CI_PROJECT_PATH: "acme/shop",
    };
    expect(detectCi(env, { overrides: { provider: "gitlab" } })).toMatchObject({
      provider: "gitlab",
      commitSha: HEAD,
      repository: "acme/shop",
    });
  });

  it("ignores an override for a field the contract does not have", () => {
    const overrides = { branch: "x", token: "secret" } as unknown as Parameters<typeof detectCi>[1];
    expect(detectCi({}, overrides)).not.toHaveProperty("token");
  });
});

describe("repositoryOfGitUrl", () => {
  it.each([
    ["git@github.com:acme/shop.git", "acme/shop"],
    ["https://github.com/acme/shop.git", "acme/shop"],
    ["https://user:token@gitlab.example.com/group/sub/shop", "group/sub/shop"],
    ["ssh://git@git.example.com:2222/acme/shop.git", "acme/shop"],
    ["https://github.com/acme/shop/", "acme/shop"],
  ])("%s is %s", (url, repository) => {
    expect(repositoryOfGitUrl(url)).toBe(repository);
  });

  it.each(["", "not a url", "https://github.com/shop", "/srv/git/shop.git"])("%j is no repository", (url) => {
    expect(repositoryOfGitUrl(url)).toBeNull();
  });
});
