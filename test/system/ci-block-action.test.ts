// The `ci` block of the action's JSON report (`report-path`): the committed bundle run the way a GitHub
// runner runs it (Node 24, INPUT_* variables, the runner's GITHUB_* variables, a pull_request event payload
// on disk), on a real Node test suite writing real JUnit.
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type GitHubApiStandIn, startGitHubApiStandIn } from "../support/github-api/stand-in.ts";
import { pullRequestEvent, repoRoot, runAction, type StepResult } from "../support/run-action.ts";

const FIXTURE = join(repoRoot, "test/fixtures/action/node-test-suite");
const PASSING =
  "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=junit.xml passing.test.mjs";
const PULL = 7;
/** The head commit pullRequestEvent gives the pull request; GITHUB_SHA is GitHub's merge commit instead. */
const PULL_HEAD = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
const MERGE = "fedcba9876543210fedcba9876543210fedcba98";

/** What a runner sets on a pull_request run beside what runAction gives (re-run, attempt 2). */
const PULL_REQUEST_RUNNER_ENV = {
  GITHUB_REF: `refs/pull/${PULL}/merge`,
  GITHUB_SHA: MERGE,
  GITHUB_HEAD_REF: `feature-${PULL}`,
  GITHUB_BASE_REF: "main",
  GITHUB_RUN_ATTEMPT: "2",
};

const running: GitHubApiStandIn[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** The pull_request event for PR 7, its repository's default branch renamed so that only the payload says it. */
async function pullRequestPayload(): Promise<Record<string, unknown>> {
  const server = await startGitHubApiStandIn({ pullRequests: [{ number: PULL }] });
  running.push(server);
  const event = pullRequestEvent(server, { number: PULL });
  return { ...event, repository: { ...(event.repository as object), default_branch: "trunk" } };
}

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "seamwatch-workspace-"));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

function log(step: StepResult): string {
  return `--- stdout\n${step.stdout}\n--- stderr\n${step.stderr}`;
}

async function reportOf(step: StepResult): Promise<{ version: number; ci: Record<string, unknown> }> {
  return JSON.parse(await readFile(step.outputs["report-path"] ?? "", "utf8"));
}

describe("the action's report: the ci block", () => {
  it("is filled from the runner's variables and the pull_request payload; the job key is the comment key", async () => {
    const run = await runAction({
      inputs: { run: PASSING, comment: "off" },
      workspace: await workspace(),
      eventName: "pull_request",
      event: await pullRequestPayload(),
      repository: "seamwatch-org/seamwatch-demo",
      matrix: { node: 24, os: "ubuntu-latest" },
      env: PULL_REQUEST_RUNNER_ENV,
    });

    expect(run.main.code, log(run.main)).toBe(0);
    const report = await reportOf(run.main);
    expect(report.version).toBe(2);
    expect(report.ci).toEqual({
      provider: "github-actions",
      repository: "seamwatch-org/seamwatch-demo",
      commitSha: PULL_HEAD,
      branch: `feature-${PULL}`,
      ref: `refs/pull/${PULL}/merge`,
      defaultBranch: "trunk",
      baseBranch: "main",
      pullRequest: PULL,
      workflow: "CI",
      job: "test",
      jobKey: "CI / test (24, ubuntu-latest)",
      runId: "1658821493",
      runAttempt: 2,
      runUrl: "https://github.com/seamwatch-org/seamwatch-demo/actions/runs/1658821493",
    });
  });

  it("takes a comment-key given as the job key", async () => {
    const run = await runAction({
      inputs: { run: PASSING, comment: "off", "comment-key": "integration on postgres 16" },
      workspace: await workspace(),
      eventName: "pull_request",
      event: await pullRequestPayload(),
      matrix: { node: 24, os: "ubuntu-latest" },
      env: PULL_REQUEST_RUNNER_ENV,
    });

    expect(run.main.code, log(run.main)).toBe(0);
    expect((await reportOf(run.main)).ci).toMatchObject({
      jobKey: "integration on postgres 16",
      pullRequest: PULL,
    });
  });

  it("is filled from the environment alone on a push, with a warning when the payload cannot be read", async () => {
    const run = await runAction({
      inputs: { run: PASSING },
      workspace: await workspace(),
      eventName: "push",
      env: {
        GITHUB_REF: "refs/heads/main",
        GITHUB_SHA: MERGE,
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_EVENT_PATH: "/nonexistent/event.json",
      },
    });

    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.main.stdout).toContain(
      "::warning::Could not read the workflow event at /nonexistent/event.json",
    );
    expect((await reportOf(run.main)).ci).toMatchObject({
      commitSha: MERGE,
      branch: "main",
      pullRequest: null,
      defaultBranch: null,
      jobKey: "CI / test",
      runAttempt: 1,
    });
  });
});
