// `seamwatch upload` from any CI: a run report file, or raw JUnit by glob, sent by the built CLI to the real
// dashboard (standalone build, fresh SQLite) through a proxy that checks each request and answer against
// web/openapi.json; and the failure policy: a warning and exit 0, or exit 4 with --fail-on-upload-error.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/fixture-suites.ts";
import { runCli } from "../support/run-cli.ts";
import { type ContractProxy, startContractProxy } from "../support/web/dashboard-contract.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

let dashboard: DashboardServer;
let proxy: ContractProxy;
let token: string;
let dir: string;

beforeAll(async () => {
  dashboard = await startDashboard();
  proxy = await startContractProxy(dashboard.url);
  token = await dashboard.createToken("acme/shop");
  dir = await mkdtemp(join(tmpdir(), "seamwatch-upload-cli-"));
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await dashboard?.stop();
});

/** The CLI with no CI of this machine's leaking in. */
function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, {
    cwd: dir,
    env: { GITHUB_ACTIONS: "", GITLAB_CI: "", BUILDKITE: "", CIRCLECI: "", JENKINS_URL: "", ...env },
  });
}

describe("seamwatch upload", () => {
  it("sends a run report file, prints the run's page, and sending it again stores it once", async () => {
    const path = join(dir, "report.json");
    await writeFile(path, JSON.stringify(makeRunReport({ ci: { runId: "cli-1" } })));
    const first = await cli(["upload", "--server", proxy.url, "report.json"], { SEAMWATCH_TOKEN: token });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toMatch(new RegExp(`^${proxy.url}/acme/shop/runs/\\d+$`));
    expect(first.stderr).toContain("uploaded to the dashboard");
    const again = await cli(["upload", "--server", proxy.url, "--token", token, path]);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toContain("already on the dashboard");
    expect(proxy.problems()).toEqual([]);
  });

  it("sends raw JUnit by glob with where it came from", async () => {
    await writeFile(
      join(dir, "junit-a.xml"),
      '<testsuite name="a"><testcase classname="A" name="one"/></testsuite>',
    );
    await writeFile(
      join(dir, "junit-b.xml"),
      '<testsuite name="b"><testcase classname="B" name="two"><failure message="no">no</failure></testcase></testsuite>',
    );
    const result = await cli(
      [
        "upload",
        "--server",
        proxy.url,
        "--junit",
        "junit-*.xml",
        "--repository",
        "acme/shop",
        "--commit",
        "ab".repeat(20),
        "--branch",
        "main",
        "--run-id",
        "junit-cli-1",
      ],
      { SEAMWATCH_TOKEN: token },
    );
    expect(result.code, result.stderr).toBe(0);
    const runUrl = result.stdout.trim();
    const runId = runUrl.split("/").at(-1);
    const stored = await fetch(`${dashboard.url}/api/v1/projects/acme/shop/runs/${runId}`);
    expect(await stored.json()).toMatchObject({
      run: { tests: 2, failed: 1, branch: "main", ciRunId: "junit-cli-1", source: "junit" },
    });
    expect(proxy.requests.at(-1)).toMatchObject({ operationId: "uploadJunit", status: 201, problems: [] });
  });

  it("says what is missing: the server, the token, where JUnit came from", async () => {
    const noServer = await cli(["upload", "report.json"], { SEAMWATCH_TOKEN: token });
    expect([noServer.code, noServer.stderr.split("\n")[0]]).toEqual([
      64,
      "seamwatch upload: give the dashboard with --server <url> (or SEAMWATCH_SERVER_URL)",
    ]);
    const noToken = await cli(["upload", "--server", proxy.url, "report.json"]);
    expect(noToken.stderr).toContain("give the project's upload token with --token or SEAMWATCH_TOKEN");
    const noCommit = await cli(["upload", "--server", proxy.url, "--junit", "junit-*.xml"], {
      SEAMWATCH_TOKEN: token,
    });
    expect(noCommit.code).toBe(64);
    expect(noCommit.stderr).toContain("--junit needs to know --repository, --commit, --branch");
  });

  it("lets a project take GitHub OIDC tokens: seamwatch oidc allow, show, deny", async () => {
    const db = ["--db", dashboard.database.url];
    const allow = await cli([
      "oidc",
      "allow",
      "--project",
      "acme/shop",
      "--ref",
      "refs/heads/main",
      "--workflow",
      "CI",
      ...db,
    ]);
    expect(allow.stdout).toBe("seamwatch: acme/shop takes GitHub OIDC tokens from refs/heads/main, in CI\n");
    const show = await cli(["oidc", "show", "--project", "acme/shop", ...db]);
    expect(show.stdout).toBe("acme/shop takes GitHub OIDC tokens from refs/heads/main, in CI\n");
    const deny = await cli(["oidc", "deny", "--project", "acme/shop", ...db]);
    expect(deny.stdout).toBe("seamwatch: acme/shop no longer takes GitHub OIDC tokens\n");
    const missing = await cli(["oidc", "allow", ...db]);
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([
      64,
      "seamwatch: oidc allow needs the repository: --project org/repo",
    ]);
  });

  it("warns when the dashboard refuses or is down, and exits 4 only with --fail-on-upload-error", async () => {
    const refused = await cli(["upload", "--server", proxy.url, "--token", "swu_unknown", "report.json"]);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toContain(
      "warning: not uploaded to the dashboard: the dashboard answered 401 (unauthorized): the upload token is not known here",
    );
    const port = await freePort();
    const down = await cli(
      ["upload", "--server", `http://127.0.0.1:${port}`, "--fail-on-upload-error", "report.json"],
      { SEAMWATCH_TOKEN: token },
    );
    expect(down.code).toBe(4);
    expect(down.stderr).toContain(`could not reach the dashboard at http://127.0.0.1:${port}: ECONNREFUSED`);
  }, 30_000);
});
