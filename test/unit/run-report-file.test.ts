// The head of the run's JSON report (`seamwatch run --json`, the action's `report-path`): version 2 carries
// where the run ran (`ci`) right after `version`, and everything version 1 had, unchanged. The document is
// assembled from the same pieces writeRunReport writes, on a run from the real attempt loop.
import { describe, expect, it } from "vitest";
import { type CiContext, detectCi } from "../../core/ci/index.ts";
import type { AttemptEvidence } from "../../core/classify/index.ts";
import { RUN_REPORT_VERSION, runReportPieces } from "../../runner/run-report-file.ts";
import type { SuiteRun } from "../../runner/run-suite.ts";
import { evidence, failure, junit, test } from "../support/model-builders.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const HEAD = "0123456789abcdef0123456789abcdef01234567";

/** A GitLab merge request pipeline's job, as its runner sets the variables. */
const GITLAB_MERGE_REQUEST_JOB = {
  GITLAB_CI: "true",
  CI_PROJECT_PATH: "acme/shop",
  CI_COMMIT_SHA: HEAD,
  CI_MERGE_REQUEST_IID: "7",
  CI_MERGE_REQUEST_REF_PATH: "refs/merge-requests/7/head",
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature/cart",
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
  CI_DEFAULT_BRANCH: "main",
  CI_PIPELINE_NAME: "MR pipeline",
  CI_JOB_NAME: "integration",
  CI_PIPELINE_ID: "1234",
  CI_JOB_ID: "98765",
  CI_PIPELINE_URL: "https://gitlab.example.com/acme/shop/-/pipelines/1234",
};

/** The contract's fields, in its order (/work/notes/CONTRACTS.md). */
const CI_FIELDS = [
  "provider",
  "repository",
  "commitSha",
  "branch",
  "ref",
  "defaultBranch",
  "baseBranch",
  "pullRequest",
  "workflow",
  "job",
  "jobKey",
  "runId",
  "runAttempt",
  "runUrl",
];

const DAEMON_DOWN: AttemptEvidence = evidence({
  exitCode: 125,
  outputTail: [
    "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
  ],
});

/** Docker down on the first attempt; on the second one test passes and one fails. */
async function suiteRun(): Promise<SuiteRun> {
  const { result } = await runScripted([
    DAEMON_DOWN,
    evidence({
      exitCode: 1,
      junitFiles: [
        junit([
          test("adds tax", "passed"),
          test("ships orders", "failed", failure({ type: "AssertionError", message: "expected 3 to be 2" })),
        ]),
      ],
    }),
  ]);
  return {
    result,
    durationMs: 7_250,
    command: "npm test",
    startedAt: "2026-11-02T09:00:00.000Z",
    cancelled: false,
    asideDir: "/tmp/seamwatch-run-x",
  };
}

function report(run: SuiteRun, ci: CiContext): Record<string, unknown> {
  return JSON.parse([...runReportPieces(run, ci)].join(""));
}

describe("the run report file's head", () => {
  it("is version 2, with the ci block right after the version and the rest as version 1 had it", async () => {
    const run = await suiteRun();
    const ci = detectCi(GITLAB_MERGE_REQUEST_JOB);

    const written = report(run, ci);

    expect(RUN_REPORT_VERSION).toBe(2);
    expect(Object.keys(written)).toEqual([
      "version",
      "ci",
      "command",
      "startedAt",
      "durationMs",
      "cancelled",
      "outcome",
      "totals",
      "attemptFailures",
      "attempts",
      "tests",
    ]);
    expect(written).toMatchObject({
      version: 2,
      command: "npm test",
      startedAt: "2026-11-02T09:00:00.000Z",
      durationMs: 7_250,
      cancelled: false,
      outcome: "test-failures",
      totals: { tests: 2, passed: 1, failed: 1 },
    });
    // Each attempt's test cases are counted, not repeated: the tests carry their per-attempt results.
    expect(written.attempts).toEqual(
      run.result.attempts.map(({ testCases, ...attempt }) =>
        JSON.parse(JSON.stringify({ ...attempt, testCases: testCases.length })),
      ),
    );
    expect(written.attempts).toMatchObject([
      { number: 1, retried: true, testCases: 0 },
      { number: 2, retried: false, testCases: 2 },
    ]);
    expect(written.tests).toEqual(JSON.parse(JSON.stringify(run.result.tests)));
    expect(written.attemptFailures).toEqual(JSON.parse(JSON.stringify(run.result.attemptFailures)));
  });

  it("carries where a GitLab merge request job ran, the job's own id as the run id", async () => {
    const written = report(await suiteRun(), detectCi(GITLAB_MERGE_REQUEST_JOB));

    expect(written.ci).toEqual({
      provider: "gitlab",
      repository: "acme/shop",
      commitSha: HEAD,
      branch: "feature/cart",
      ref: "refs/merge-requests/7/head",
      defaultBranch: "main",
      baseBranch: "main",
      pullRequest: 7,
      workflow: "MR pipeline",
      job: "integration",
      jobKey: null,
      runId: "98765",
      runAttempt: null,
      runUrl: "https://gitlab.example.com/acme/shop/-/pipelines/1234",
    });
    expect(Object.keys(written.ci as object)).toEqual(CI_FIELDS);
  });

  it("writes every field of a local run, unknown ones as null rather than left out", async () => {
    const written = report(await suiteRun(), detectCi({}, { overrides: { branch: "main" } }));

    expect(Object.keys(written.ci as object)).toEqual(CI_FIELDS);
    expect(written.ci).toMatchObject({ provider: "local", branch: "main", runId: null, pullRequest: null });
    expect(Object.values(written.ci as object).filter((value) => value === null)).toHaveLength(
      CI_FIELDS.length - 2,
    );
  });
});
