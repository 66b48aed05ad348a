// `seamwatch run --fail-on` as users call it: the built CLI in a child process running real Node suites
// (test/fixtures/suites/, test/fixtures/action/history-suite) that write real JUnit. Without a dashboard:
// never, any-failure and the fall-back of new-failures. With one (the standalone build on a free port, fresh
// SQLite, behind the proxy that checks every request against web/openapi.json): quarantine of a known-flaky
// test after a history built through `seamwatch run --upload`, and the fall-back when the dashboard is down.
import { existsSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { copySuite, freePort, nodeTest } from "../support/fixture-suites.ts";
import { repoRoot, runCli } from "../support/run-cli.ts";
import { type ContractProxy, startContractProxy } from "../support/web/dashboard-contract.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";

/** The CLI with no CI of this machine's leaking in (this suite also runs on GitHub Actions). */
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return runCli(args, {
    cwd,
    env: { GITHUB_ACTIONS: "", GITLAB_CI: "", BUILDKITE: "", CIRCLECI: "", JENKINS_URL: "", ...env },
  });
}

const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real HTTP service on the port, started once the suite's marker file says it was refused. */
function startServiceWhen(marker: string, port: number): void {
  const timer = setInterval(() => {
    if (!existsSync(marker)) return;
    clearInterval(timer);
    const server = createServer((_request, response) => response.end("ok"));
    servers.push(server);
    server.listen(port, "127.0.0.1");
  }, 20);
  timers.push(timer);
}

const FELL_BACK_WITHOUT_DASHBOARD =
  "fail-on: new-failures fell back to test-failures: no dashboard to compare with (--upload, with --server or SEAMWATCH_SERVER_URL).";

describe("seamwatch run --fail-on without a dashboard", () => {
  it("exits 0 on a genuine test failure with never, 1 by default, and reports the failure either way", async () => {
    const dir = copySuite("assertion");
    const args = ["run", "--junit", "junit.xml", "--", nodeTest("cart.test.mjs")];
    const never = await cli(["run", "--fail-on", "never", ...args.slice(1)], dir);
    expect(never.code, never.stderr).toBe(0);
    expect(never.stdout).toContain("8% tax expected");
    expect(never.stderr).not.toContain("seamwatch: 1 test failed.");
    const byDefault = await cli(args, dir);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain("seamwatch: 1 test failed.\n");
  });

  it("falls back to test-failures with new-failures, and says so on stderr and in the report", async () => {
    const dir = copySuite("assertion");
    const result = await cli(
      ["run", "--fail-on", "new-failures", "--junit", "junit.xml", "--", nodeTest("cart.test.mjs")],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`seamwatch: notice: ${FELL_BACK_WITHOUT_DASHBOARD}\n`);
    expect(result.stderr).toContain(
      "seamwatch: 1 test failed (no baseline: fail-on new-failures fell back to test-failures).\n",
    );
    // The report escapes what Markdown would read as a link or a mention; the words are the same.
    expect(result.stdout).toContain(
      "> ℹ️ fail-on: new-failures fell back to test-failures: no dashboard to compare with",
    );
  });

  it("exits 1 under any-failure when the suite passed only after an infrastructure retry, 0 otherwise", async () => {
    const run = async (failOn: string) => {
      const dir = copySuite("service-not-up");
      const port = await freePort();
      const marker = join(dir, "service-wanted");
      startServiceWhen(marker, port);
      return cli(
        [
          "run",
          "--fail-on",
          failOn,
          "--retry-delay-seconds",
          "0",
          "--",
          `SERVICE_PORT=${port} SERVICE_WANTED_MARKER=${marker} ${nodeTest("orders.test.mjs")}`,
        ],
        dir,
      );
    };
    const anyFailure = await run("any-failure");
    expect(anyFailure.stderr).toMatch(/attempt 2 of 3 passed/);
    expect(anyFailure.code).toBe(1);
    expect(anyFailure.stderr).toContain(
      "seamwatch: The suite passed only after 1 infrastructure retry (fail-on: any-failure).\n",
    );
    const testFailures = await run("test-failures");
    expect(testFailures.stderr).toMatch(/attempt 2 of 3 passed/);
    expect(testFailures.code).toBe(0);
  });

  it("exits 3 when infrastructure failed on every attempt, 0 with never", async () => {
    const run = async (failOn: string) => {
      const dir = copySuite("service-not-up");
      const port = await freePort();
      return cli(
        [
          "run",
          "--fail-on",
          failOn,
          "--max-attempts",
          "2",
          "--retry-delay-seconds",
          "0",
          "--",
          `SERVICE_PORT=${port} ${nodeTest("orders.test.mjs")}`,
        ],
        dir,
      );
    };
    const quarantine = await run("new-failures");
    expect(quarantine.code).toBe(3);
    expect(quarantine.stderr).toContain(
      "seamwatch: Infrastructure failed on every attempt: the tests did not run to the end.\n",
    );
    const never = await run("never");
    expect(never.stderr).toMatch(/attempt 2 of 2 failed for infrastructure/);
    expect(never.code).toBe(0);
  });

  it("refuses an unknown policy naming the flag, exit 64, before running anything", async () => {
    const dir = copySuite("passing");
    const result = await cli(["run", "--fail-on", "flaky", "--", "touch ran"], dir);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      64,
      'seamwatch run: --fail-on must be one of test-failures, new-failures, any-failure, never, got "flaky"',
    ]);
    expect(existsSync(join(dir, "ran"))).toBe(false);
  });
});

const HISTORY_SUITE = join(repoRoot, "test/fixtures/action/history-suite");
const NODE_TEST = "node --test --test-reporter=junit --test-reporter-destination=junit.xml shop.test.mjs";
const PROJECT = "acme/shop";
const JOB_KEY = "test (24)";

describe("seamwatch run --fail-on new-failures with a dashboard", () => {
  let dashboard: DashboardServer;
  let proxy: ContractProxy;
  let token: string;

  async function workspace(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "seamwatch-fail-on-"));
    await cp(HISTORY_SUITE, dir, { recursive: true });
    return dir;
  }

  /** `seamwatch run --upload` as a GitLab merge request pipeline would run it. */
  async function mergeRequestRun(extra: string[], env: Record<string, string>, server = proxy.url) {
    return cli(
      [
        "run",
        "--junit",
        "junit.xml",
        "--max-attempts",
        "1",
        "--upload",
        "--server",
        server,
        "--ci-provider",
        "gitlab",
        "--repository",
        PROJECT,
        "--branch",
        "fix-cart",
        "--base-branch",
        "main",
        "--default-branch",
        "main",
        "--pull-request",
        "7",
        "--commit",
        "ab".repeat(20),
        "--job-key",
        JOB_KEY,
        ...extra,
        "--",
        NODE_TEST,
      ],
      await workspace(),
      { SEAMWATCH_TOKEN: token, HISTORY_MODE: "pull-request", ...env },
    );
  }

  beforeAll(async () => {
    dashboard = await startDashboard();
    proxy = await startContractProxy(dashboard.url);
    token = await dashboard.createToken(PROJECT);
    // Seven runs of main through the real ingest path: "charges the card" fails every other one (flaky).
    for (let n = 1; n <= 7; n++) {
      const seeded = await cli(
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
          "gitlab",
          "--repository",
          PROJECT,
          "--branch",
          "main",
          "--default-branch",
          "main",
          "--base-branch",
          "",
          "--pull-request",
          "",
          "--commit",
          String(n).padStart(2, "0").repeat(20),
          "--run-id",
          `base-${n}`,
          "--job-key",
          JOB_KEY,
          "--fail-on",
          "never",
          "--",
          NODE_TEST,
        ],
        await workspace(),
        { SEAMWATCH_TOKEN: token, HISTORY_MODE: "base", CARD_DECLINED: n % 2 === 0 ? "1" : "0" },
      );
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stderr).toMatch(/uploaded to the dashboard: http/);
    }
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await dashboard?.stop();
  });

  it("exits 0 when the only failure is a known flaky test, with the not-blocking notice", async () => {
    const result = await mergeRequestRun(["--fail-on", "new-failures", "--run-id", "mr-flaky"], {
      CARD_DECLINED: "1",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "seamwatch: notice: 1 known flaky test failed: not blocking (fail-on: new-failures).\n",
    );
    expect(result.stdout).toContain("### 🎲 Known flaky (1)");
    expect(result.stdout).toContain("**not blocking** (fail-on: new-failures)");
    expect(result.stdout).not.toContain("New failures");
    expect(proxy.problems()).toEqual([]);

    // The same run without quarantine fails on the flaky test, as before.
    const byDefault = await mergeRequestRun(["--run-id", "mr-flaky-default"], { CARD_DECLINED: "1" });
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain("seamwatch: 1 test failed.\n");
    expect(byDefault.stdout).not.toContain("not blocking");
  });

  it("exits 1 on a new failure beside the known flaky one", async () => {
    const result = await mergeRequestRun(["--fail-on", "new-failures", "--run-id", "mr-new"], {
      CARD_DECLINED: "1",
      NEW_FAILURE: "1",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("seamwatch: 1 new failure (fail-on: new-failures).\n");
    expect(result.stdout).toContain("### ❌ New failures (1)");
    expect(proxy.problems()).toEqual([]);
  });

  it("falls back to test-failures when the baseline cannot be fetched: never green by accident", async () => {
    const port = await freePort();
    const result = await mergeRequestRun(
      ["--fail-on", "new-failures", "--run-id", "mr-down"],
      { CARD_DECLINED: "1" },
      `http://127.0.0.1:${port}`,
    );
    expect(result.code).toBe(1);
    const fellBack = `fail-on: new-failures fell back to test-failures: the baseline of main could not be fetched: could not reach the dashboard at http://127.0.0.1:${port}: ECONNREFUSED.`;
    expect(result.stderr).toContain(`seamwatch: notice: ${fellBack}\n`);
    expect(result.stdout).toContain(
      "> ℹ️ fail-on: new-failures fell back to test-failures: the baseline of main could not be fetched: could not reach the dashboard at http:",
    );
    expect(result.stderr).toContain("warning: not uploaded to the dashboard");
  }, 60_000);
});
