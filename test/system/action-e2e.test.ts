// The committed action bundle, run the way a GitHub runner runs it (Node 24, INPUT_* variables, file
// commands, a pull_request event, then the post step), on a real Node test suite writing real JUnit, with
// the pull request comment going to the GitHub REST stand-in that checks every request against GitHub's
// OpenAPI description.
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commentMarker } from "../../core/report/run-report.ts";
import {
  type GitHubApiStandIn,
  type GitHubApiStandInOptions,
  startGitHubApiStandIn,
} from "../support/github-api/stand-in.ts";
import {
  type ActionRunOptions,
  pullRequestEvent,
  repoRoot,
  runAction,
  type StepResult,
  workflowCommands,
} from "../support/run-action.ts";

const FIXTURE = join(repoRoot, "test/fixtures/action/node-test-suite");
const NODE_TEST =
  "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=junit.xml";
const PASSING = `${NODE_TEST} passing.test.mjs`;
const FAILING = `${NODE_TEST} passing.test.mjs failing.test.mjs`;
const PULL = 7;
const MATRIX = { node: 24, os: "ubuntu-latest" };
/** What the action derives from GITHUB_WORKFLOW, GITHUB_JOB and the matrix. */
const COMMENT_KEY = "CI / test (24, ubuntu-latest)";
const FORK = "contributor/seamwatch-demo";

const running: GitHubApiStandIn[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function standIn(options: GitHubApiStandInOptions = {}): Promise<GitHubApiStandIn> {
  const server = await startGitHubApiStandIn({
    pullRequests: [{ number: PULL }],
    validateResponses: true,
    ...options,
  });
  running.push(server);
  return server;
}

/** A fresh checkout of the fixture suite. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "seamwatch-workspace-"));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function runOnPullRequest(
  server: GitHubApiStandIn,
  inputs: Record<string, string>,
  options: Partial<ActionRunOptions> & { headRepoFullName?: string; token?: string } = {},
) {
  return runAction({
    inputs,
    workspace: options.workspace ?? (await workspace()),
    eventName: "pull_request",
    event: pullRequestEvent(server, {
      number: PULL,
      ...(options.headRepoFullName ? { headRepoFullName: options.headRepoFullName } : {}),
    }),
    repository: `${server.owner}/${server.repo}`,
    api: { url: server.url, token: options.token ?? server.token },
    matrix: MATRIX,
    ...options,
  });
}

const operations = (server: GitHubApiStandIn) =>
  server.requests.map((request) => `${request.method} ${request.status} ${request.operationId}`);

function log(step: StepResult): string {
  return `--- stdout\n${step.stdout}\n--- stderr\n${step.stderr}`;
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe("the action on a pull request", () => {
  it("reports a passing run, comments once, and updates that comment on the next run", async () => {
    const server = await standIn();

    const first = await runOnPullRequest(server, { run: PASSING });

    expect(first.main.code, log(first.main)).toBe(0);
    expect(first.main.outputs).toMatchObject({
      outcome: "passed",
      attempts: "1",
      "infra-retries": "0",
      tests: "2",
      passed: "2",
      failed: "0",
      skipped: "0",
      flaky: "0",
    });
    expect(Number(first.main.outputs["duration-ms"])).toBeGreaterThan(0);
    const reportPath = first.main.outputs["report-path"] ?? "";
    expect(reportPath.startsWith(first.runnerTemp)).toBe(true);
    const report = JSON.parse(await readFile(reportPath, "utf8"));
    expect(report).toMatchObject({ outcome: "passed", totals: { tests: 2, passed: 2 } });
    expect(report.tests.map((test: { name: string }) => test.name)).toEqual([
      "adds two numbers",
      "joins words",
    ]);
    expect(first.main.summary).toContain("2");
    expect(first.main.summary).not.toMatch(/fork|No pull request comment/);
    expect(first.main.stdout).toMatch(
      /Pull request comment created: https:\/\/github\.com\/.+#issuecomment-\d+/,
    );

    expect(operations(server)).toEqual(["GET 200 issues/list-comments", "POST 201 issues/create-comment"]);
    const [created] = server.comments;
    expect(server.comments).toHaveLength(1);
    expect(created?.body).toContain(commentMarker(COMMENT_KEY));
    expect(created?.author).toBe("github-actions[bot]");

    expect(first.post.code, log(first.post)).toBe(0);
    expect(first.post.stdout).toContain("outcome passed");

    const second = await runOnPullRequest(server, { run: FAILING });

    expect(second.main.code, log(second.main)).toBe(1);
    expect(second.main.outputs).toMatchObject({ outcome: "test-failures", tests: "3", failed: "1" });
    expect(operations(server).slice(2)).toEqual([
      "GET 200 issues/list-comments",
      "PATCH 200 issues/update-comment",
    ]);
    expect(server.requests.at(-1)?.path).toBe(
      `/repos/${server.owner}/${server.repo}/issues/comments/${created?.id}`,
    );
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.id).toBe(created?.id);
    expect(server.comments[0]?.body).not.toBe(created?.body);
    expect(server.comments[0]?.body).toContain("ships every order");
    expect(second.post.code, log(second.post)).toBe(0);
    expect(server.violations).toEqual([]);
  });

  it("fails the step on a test failure and annotates it with file and line, escaped", async () => {
    const server = await standIn();
    const checkout = await mkdtemp(join(tmpdir(), "seamwatch-workspace-"));
    await cp(FIXTURE, join(checkout, "packages/orders"), { recursive: true });

    const run = await runOnPullRequest(
      server,
      { run: FAILING, "working-directory": "packages/orders", comment: "off" },
      { workspace: checkout },
    );

    expect(run.main.code, log(run.main)).toBe(1);
    const commands = workflowCommands(run.main.stdout);
    const annotation = commands.find((command) => command.command === "error" && command.properties.file);
    expect(annotation, log(run.main)).toBeDefined();
    // Relative to the repository, where GitHub looks for it, not to the working directory.
    expect(annotation?.properties).toMatchObject({ file: "packages/orders/failing.test.mjs", line: "6" });
    expect(annotation?.message).toContain("100% of orders: paid, shipped\nbut not delivered");
    // One line per command: % and the newline are escaped, not written raw.
    expect(annotation?.raw).toContain("100%25 of orders");
    expect(annotation?.raw).toContain("%0A");
    expect(commands.at(-1)).toMatchObject({ command: "error", message: "1 test failed." });
    // The summary names the file as the repository has it, not by the runner's temporary path.
    expect(run.main.summary).toContain("packages/orders/failing.test.mjs:6");
    expect(run.main.summary).not.toContain(checkout);
    expect(server.requests).toEqual([]);
    expect(run.post.code).toBe(0);
  });

  it("reports without failing under fail-on: never", async () => {
    const server = await standIn();

    const run = await runOnPullRequest(server, { run: FAILING, comment: "off", "fail-on": "never" });

    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.main.outputs.outcome).toBe("test-failures");
    expect(workflowCommands(run.main.stdout).filter((command) => !command.properties.file)).toEqual([]);
  });

  it.each([
    ["test-failures", 0, undefined],
    ["any-failure", 1, "The suite passed only after 1 infrastructure retry (fail-on: any-failure)."],
  ])("retries an attempt that failed for infrastructure (fail-on: %s)", async (failOn, code, failure) => {
    const server = await standIn();
    const dockerDownOnce = [
      'if [ "$SEAMWATCH_ATTEMPT" = 1 ]; then',
      '  echo "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"',
      "  exit 125",
      "fi",
      PASSING,
    ].join("\n");

    const run = await runOnPullRequest(server, {
      run: dockerDownOnce,
      "retry-delay-seconds": "0",
      comment: "off",
      "fail-on": failOn,
    });

    expect(run.main.code, log(run.main)).toBe(code);
    expect(run.main.outputs).toMatchObject({
      outcome: "passed",
      attempts: "2",
      "infra-retries": "1",
      passed: "2",
    });
    expect(run.main.stdout).toContain("docker-daemon-unreachable");
    const stepFailure = workflowCommands(run.main.stdout).find((command) => command.command === "error");
    expect(stepFailure?.message).toBe(failure);
  });

  it("retries GitHub's passing trouble, and only warns when the comment cannot be written", async () => {
    const once = await standIn({ faults: [{ operationId: "issues/create-comment", kind: "server-error" }] });
    const recovered = await runOnPullRequest(once, { run: PASSING });
    expect(recovered.main.code, log(recovered.main)).toBe(0);
    expect(operations(once)).toEqual([
      "GET 200 issues/list-comments",
      "POST 502 issues/create-comment",
      "GET 200 issues/list-comments",
      "POST 201 issues/create-comment",
    ]);
    expect(once.comments).toHaveLength(1);

    const down = await standIn({
      faults: [{ operationId: "issues/list-comments", kind: "server-error", times: 3 }],
    });
    const run = await runOnPullRequest(down, { run: PASSING });
    expect(run.main.code, log(run.main)).toBe(0);
    expect(operations(down)).toEqual(Array(3).fill("GET 502 issues/list-comments"));
    const warnings = workflowCommands(run.main.stdout).filter((command) => command.command === "warning");
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining("Could not write the pull request comment"),
    ]);
    expect(run.main.summary).toContain("No pull request comment: writing it failed");
    expect(run.main.outputs.outcome).toBe("passed");
  });

  it("keeps the action's inputs, the token among them, away from the test command", async () => {
    const server = await standIn();
    const leakCheck = `if env | grep -q '^INPUT_\\|${server.token}'; then echo "the command sees the inputs"; exit 3; fi\n${PASSING}`;

    const run = await runOnPullRequest(server, { run: leakCheck, comment: "off" });

    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.main.outputs.outcome).toBe("passed");
  });
});

describe("the action on a fork's pull request", () => {
  it("does not try to comment under comment: auto and says why in the summary", async () => {
    const server = await standIn({ pullRequests: [{ number: PULL, headRepoFullName: FORK }] });

    const run = await runOnPullRequest(
      server,
      { run: PASSING },
      { headRepoFullName: FORK, token: server.readOnlyToken },
    );

    expect(run.main.code, log(run.main)).toBe(0);
    expect(server.requests).toEqual([]);
    expect(run.main.summary).toContain("comes from a fork");
    expect(workflowCommands(run.main.stdout).filter((command) => command.command !== "debug")).toEqual([]);
    expect(run.post.code).toBe(0);
  });

  it("takes GitHub's 403 under comment: always without failing the job", async () => {
    const server = await standIn({ pullRequests: [{ number: PULL, headRepoFullName: FORK }] });

    const run = await runOnPullRequest(
      server,
      { run: PASSING, comment: "always" },
      { headRepoFullName: FORK, token: server.readOnlyToken },
    );

    expect(run.main.code, log(run.main)).toBe(0);
    expect(operations(server)).toEqual(["GET 200 issues/list-comments", "POST 403 issues/create-comment"]);
    expect(server.comments).toEqual([]);
    expect(run.main.summary).toContain("comes from a fork");
    expect(workflowCommands(run.main.stdout).filter((command) => command.command === "error")).toEqual([]);
    expect(server.violations).toEqual([]);
  });
});

describe("a misconfigured step", () => {
  it.each([
    ["max-attempts", "-1", 'Input "max-attempts" must be a whole number, 1 or more, got "-1".'],
    ["comment", "sometimes", 'Input "comment" must be one of auto, always, off, got "sometimes".'],
    [
      "fail-on",
      "flakes",
      'Input "fail-on" must be one of test-failures, new-failures, any-failure, never, got "flakes".',
    ],
    [
      "infra-patterns",
      "ok\n(unclosed",
      'Input "infra-patterns" line 2: invalid regular expression "(unclosed"',
    ],
    ["run", "", 'Input "run" is required'],
  ])("fails when %s is %j, naming the input, without a stack trace", async (input, value, message) => {
    const run = await runAction({
      inputs: { run: PASSING, [input]: value },
      workspace: await workspace(),
      eventName: "push",
      event: { ref: "refs/heads/main" },
    });

    expect(run.main.code, log(run.main)).toBe(1);
    const errors = workflowCommands(run.main.stdout).filter((command) => command.command === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(message);
    expect(`${run.main.stdout}\n${run.main.stderr}`).not.toMatch(STACK_FRAME);
    expect(run.main.outputs).toEqual({});
    expect(run.post.code, log(run.post)).toBe(0);
    expect(run.post.stdout).toContain("did not run the suite");
  });
});
