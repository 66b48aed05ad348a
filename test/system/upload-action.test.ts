// The bundled action (Node 24, as a runner runs it) against a real dashboard: the standalone production
// build on a free port with a fresh SQLite file, behind a proxy that checks every request the action sends
// and every answer the server gives against web/openapi.json. A real Node suite (test/fixtures/action/
// history-suite) first builds a history on the base branch through `seamwatch run --upload`; then the action
// plays pull requests against it, commenting through the GitHub REST stand-in.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/fixture-suites.ts";
import { type GitHubApiStandIn, startGitHubApiStandIn } from "../support/github-api/stand-in.ts";
import {
  pullRequestEvent,
  repoRoot,
  runAction,
  type StepResult,
  workflowCommands,
} from "../support/run-action.ts";
import { runCli } from "../support/run-cli.ts";
import { type ContractProxy, startContractProxy } from "../support/web/dashboard-contract.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { type LocalIssuer, startLocalIssuer } from "../support/web/oidc-issuer.ts";

const FIXTURE = join(repoRoot, "test/fixtures/action/history-suite");
const NODE_TEST = "node --test --test-reporter=junit --test-reporter-destination=junit.xml shop.test.mjs";
const PULL = 7;
const MATRIX = { node: 24, os: "ubuntu-latest" };
const JOB_KEY = "CI / test (24, ubuntu-latest)";

let dashboard: DashboardServer;
let proxy: ContractProxy;
let github: GitHubApiStandIn;
let issuer: LocalIssuer;
let token: string;
let project: string;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  github = await startGitHubApiStandIn({ pullRequests: [{ number: PULL }], validateResponses: true });
  project = `${github.owner}/${github.repo}`;
  dashboard = await startDashboard({ env: { SEAMWATCH_OIDC_ISSUER: issuer.url } });
  proxy = await startContractProxy(dashboard.url);
  token = await dashboard.createToken(project);
  await seedHistory();
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await dashboard?.stop();
  await github?.close();
  await issuer?.close();
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "seamwatch-history-"));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

/**
 * Seven runs on main through the real ingest path (the CLI's `run --upload`), each its own commit: "charges
 * the card" fails every other run (flaky), the rest pass fast.
 */
async function seedHistory(): Promise<void> {
  for (let n = 1; n <= 7; n++) {
    const result = await runCli(
      [
        "run",
        "--junit",
        "junit.xml",
        "--max-attempts",
        "1",
        "--upload",
        "--server",
        proxy.url,
        "--ci-provider",
        "github-actions",
        "--repository",
        project,
        "--branch",
        "main",
        "--default-branch",
        "main",
        "--commit",
        String(n).padStart(2, "0").repeat(20),
        "--run-id",
        `base-${n}`,
        "--run-attempt",
        "1",
        "--job-key",
        JOB_KEY,
        "--pull-request",
        "",
        "--base-branch",
        "",
        "--",
        NODE_TEST,
      ],
      {
        cwd: await workspace(),
        env: { SEAMWATCH_TOKEN: token, HISTORY_MODE: "base", CARD_DECLINED: n % 2 === 0 ? "1" : "0" },
      },
    );
    expect(result.stderr, result.stderr).toMatch(/uploaded to the dashboard: http/);
  }
}

function log(step: StepResult): string {
  return `--- stdout\n${step.stdout}\n--- stderr\n${step.stderr}`;
}

/** The pull request event; its repository's default branch is main, as the history's (GitHub's example says master). */
function pullRequestPayload(): Record<string, unknown> {
  const event = pullRequestEvent(github, { number: PULL });
  (event.repository as Record<string, unknown>).default_branch = "main";
  return event;
}

async function pullRequestRun(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    inputs: { junit: "junit.xml", "max-attempts": "1", "server-url": proxy.url, ...inputs },
    workspace: await workspace(),
    eventName: "pull_request",
    event: pullRequestPayload(),
    repository: project,
    api: { url: github.url, token: github.token },
    matrix: MATRIX,
    env,
  });
}

const warnings = (step: StepResult) =>
  workflowCommands(step.stdout)
    .filter((command) => command.command === "warning")
    .map((command) => command.message);

describe("the action with a dashboard", () => {
  it("comments what history knows: a new failure, a known flaky test with its flake rate, a timing regression", async () => {
    const run = await pullRequestRun(
      {
        run: `HISTORY_MODE=pull-request CARD_DECLINED=1 NEW_FAILURE=1 ${NODE_TEST}`,
        "server-token": token,
        "fail-on": "new-failures",
      },
      { GITHUB_RUN_ID: "pr-1" },
    );
    expect(run.main.code, log(run.main)).toBe(1);
    expect(run.main.stdout).toContain("::error::1 new failure (fail-on: new-failures).");
    const reportUrl = run.main.outputs["report-url"] ?? "";
    expect(reportUrl).toMatch(new RegExp(`^${proxy.url}/${project}/runs/\\d+$`));

    const comment = github.comments.at(-1)?.body ?? "";
    const testLink = (name: string) => {
      const match = new RegExp(`\\[${name}\\]\\((${proxy.url}/${project}/tests/[0-9a-f]+)\\)`).exec(comment);
      return match?.[1] ?? null;
    };
    expect(comment).toContain(`🔗 [This run on the dashboard](${reportUrl})`);
    expect(comment).toContain("### ❌ New failures (1)");
    expect(testLink("test › adds to cart")).not.toBeNull();
    expect(comment).toContain("### 🎲 Known flaky (1)");
    expect(comment).toMatch(/\*\*\[test › charges the card\]\([^)]+\)\*\* · flake rate 43 % on `main`/);
    expect(comment).toContain("**not blocking** (fail-on: new-failures)");
    expect(comment).toMatch(/### 🐢 Slower than on `main` \(1\)/);
    expect(comment).toMatch(/\| \[test › checks out\]\([^)]+\) \| 1\.\d\d s \| \d+ ms \| \+1\.\d\d s/);
    expect(comment).toMatch(
      /⏱️ Suite wall time .* against .* on `main` \(p50 of 7 runs\).*: 🐢 \*\*slower\*\*/,
    );
    expect(comment).not.toContain("### ❌ Failed tests");
    // The links lead to the tests' real pages.
    const page = await fetch(testLink("test › adds to cart") ?? "");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("adds to cart");
    expect(run.main.summary).toContain("### ❌ New failures (1)");
    expect(proxy.problems()).toEqual([]);
  });

  it("passes fail-on: new-failures when the only failure is a known flaky test", async () => {
    const run = await pullRequestRun(
      {
        run: `HISTORY_MODE=pull-request CARD_DECLINED=1 ${NODE_TEST}`,
        "server-token": token,
        "fail-on": "new-failures",
      },
      { GITHUB_RUN_ID: "pr-2" },
    );
    expect(run.main.code, log(run.main)).toBe(0);
    expect(run.main.outputs.outcome).toBe("test-failures");
    expect(run.main.stdout).toContain(
      "::notice::1 known flaky test failed: not blocking (fail-on: new-failures).",
    );
    const comment = github.comments.at(-1)?.body ?? "";
    expect(comment).toContain("### 🎲 Known flaky (1)");
    expect(comment).not.toContain("New failures");
    expect(proxy.problems()).toEqual([]);
  });

  it("uploads with GitHub's OIDC token when there is no server-token", async () => {
    await (await dashboard.openStore()).setOidcPolicy({
      projectSlug: project,
      refs: ["refs/pull/*"],
      workflows: [],
    });
    issuer.jobClaims = { repository: project, ref: `refs/pull/${PULL}/merge`, workflow: "CI" };
    const before = proxy.requests.length;
    const run = await pullRequestRun(
      { run: `HISTORY_MODE=base ${NODE_TEST}`, comment: "off" },
      {
        GITHUB_RUN_ID: "pr-oidc",
        ACTIONS_ID_TOKEN_REQUEST_URL: issuer.tokenRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken,
      },
    );
    expect(run.main.code, log(run.main)).toBe(0);
    expect(warnings(run.main)).toEqual([]);
    expect(run.main.outputs["report-url"]).toMatch(/\/runs\/\d+$/);
    expect(issuer.audiencesRequested).toContain(proxy.url);
    expect(proxy.requests.slice(before).map((request) => `${request.operationId} ${request.status}`)).toEqual(
      ["queryBaseline 200", "uploadRunReport 201"],
    );
    expect(proxy.problems()).toEqual([]);
  });

  it("retries a refused attempt, and stores the same upload once however often it is sent", async () => {
    proxy.failNext("POST", "/api/v1/runs", 2, 503);
    const inputs = { run: `HISTORY_MODE=base ${NODE_TEST}`, "server-token": token, comment: "off" };
    const first = await pullRequestRun(inputs, { GITHUB_RUN_ID: "pr-twice" });
    expect(first.main.code, log(first.main)).toBe(0);
    expect(first.main.stdout).toContain(
      "dashboard upload of the run report, attempt 1 of 4: HTTP 503; retrying in 1.0 s",
    );
    expect(first.main.stdout).toContain("attempt 2 of 4: HTTP 503; retrying in 2.0 s");
    expect(first.main.stdout).toMatch(/seamwatch: uploaded to the dashboard: http/);
    const runsAfterFirst = await countRuns();

    const second = await pullRequestRun(inputs, { GITHUB_RUN_ID: "pr-twice" });
    expect(second.main.code, log(second.main)).toBe(0);
    expect(second.main.stdout).toMatch(/seamwatch: already on the dashboard: http/);
    expect(second.main.outputs["report-url"]).toBe(first.main.outputs["report-url"]);
    expect(await countRuns()).toBe(runsAfterFirst);
    expect(proxy.problems()).toEqual([]);
  });
});

describe("the action when the dashboard is down", () => {
  it("warns with the reason and goes on: the job passes and the report file is written", async () => {
    const port = await freePort();
    const run = await runAction({
      inputs: {
        run: `HISTORY_MODE=base ${NODE_TEST}`,
        junit: "junit.xml",
        "server-url": `http://127.0.0.1:${port}`,
        "server-token": token,
        "fail-on": "new-failures",
      },
      workspace: await workspace(),
      eventName: "push",
      repository: project,
    });
    expect(run.main.code, log(run.main)).toBe(0);
    expect(warnings(run.main)).toEqual([
      `Not uploaded to the dashboard: could not reach the dashboard at http://127.0.0.1:${port}: ECONNREFUSED`,
    ]);
    expect(run.main.stdout).toContain("attempt 4 of 4: no answer from");
    expect(run.main.outputs["report-url"]).toBeUndefined();
    const reportPath = run.main.outputs["report-path"] ?? "";
    expect(existsSync(reportPath)).toBe(true);
    expect(JSON.parse(await readFile(reportPath, "utf8"))).toMatchObject({ outcome: "passed" });
    expect(run.main.summary).toContain("fail-on: new-failures fell back to test-failures");
    expect(run.main.summary).toContain("Not uploaded to the dashboard");
  }, 60_000);

  it("fails the step only with fail-on-upload-error: true", async () => {
    const port = await freePort();
    const run = await runAction({
      inputs: {
        run: `HISTORY_MODE=base ${NODE_TEST}`,
        junit: "junit.xml",
        "server-url": `http://127.0.0.1:${port}`,
        "server-token": "swu_not-a-token",
        "fail-on-upload-error": "true",
      },
      workspace: await workspace(),
      eventName: "push",
      repository: project,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toMatch(
      /::error::Not uploaded to the dashboard: .*\(fail-on-upload-error: true\)\./,
    );
  }, 60_000);
});

async function countRuns(): Promise<number> {
  const response = await fetch(`${dashboard.url}/api/v1/health`);
  return ((await response.json()) as { runs: number }).runs;
}
