// `seamwatch run` as users call it: the built CLI in a child process, running the fixture suites of
// test/fixtures/suites/ (copied to a temp dir per test) with Node's own test runner writing real JUnit.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copySuite, freePort, isAlive, nodeTest } from "../support/fixture-suites.ts";
import { cliPath, runCli } from "../support/run-cli.ts";

const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Starts a real HTTP service on the port as soon as the marker file appears. */
function startServiceWhen(marker: string, port: number): void {
  const timer = setInterval(() => {
    if (!existsSync(marker)) return;
    clearInterval(timer);
    const server = createHttpServer((_request, response) => response.end("ok"));
    servers.push(server);
    server.listen(port, "127.0.0.1");
  }, 20);
  timers.push(timer);
}

describe("seamwatch run", () => {
  it("retries a service that was not up, exits 0, and writes the JSON and Markdown reports", async () => {
    const dir = copySuite("service-not-up");
    const port = await freePort();
    const marker = join(dir, "service-wanted");
    startServiceWhen(marker, port);

    // Default --junit patterns find ./junit.xml.
    const result = await runCli(
      [
        "run",
        "--retry-delay-seconds",
        "0",
        "--json",
        "out/run.json",
        "--",
        `SERVICE_PORT=${port} SERVICE_WANTED_MARKER=${marker} ${nodeTest("orders.test.mjs")}`,
      ],
      { cwd: dir },
    );

    expect(result.code).toBe(0);
    // The command's own output streamed through, from both attempts.
    expect(result.stdout).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(result.stdout).toContain("✔ lists orders");
    expect(result.stderr).toMatch(/seamwatch: attempt 1 of 3 failed for infrastructure: .*ECONNREFUSED/);
    expect(result.stderr).toMatch(/seamwatch: attempt 2 of 3 passed/);
    const report = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8"));
    expect(report.outcome).toBe("passed");
    expect(report.attempts).toHaveLength(2);
    expect(report.tests.map((t: { verdict: string }) => t.verdict)).toEqual([
      "recovered-after-infra-retry",
      "recovered-after-infra-retry",
    ]);
    expect(report.tests[0].evidence).toMatchObject({
      rule: "service-connection-refused",
      line: expect.stringContaining(`ECONNREFUSED 127.0.0.1:${port}`),
    });
    // The Markdown report follows the command's output.
    expect(result.stdout).toContain("## seamwatch");
    expect(result.stdout).toContain("All 2 tests passed · 2 recovered after an infrastructure retry");
  });

  it("exits 1 after one attempt on a genuine assertion failure", async () => {
    const dir = copySuite("assertion");
    const result = await runCli(["run", "--junit", "junit.xml", "--", nodeTest("cart.test.mjs")], {
      cwd: dir,
    });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain("8% tax expected");
    expect(result.stderr.match(/seamwatch: attempt \d/g)).toEqual(["seamwatch: attempt 1"]);
    expect(result.stderr).toContain("not retried");
    expect(result.stdout).toContain("adds tax");
  });

  it("exits 3 when every attempt failed for infrastructure, and stops each hung process tree", async () => {
    const dir = copySuite("hang");
    const result = await runCli(
      [
        "run",
        "--attempt-timeout-minutes",
        "0.02",
        "--max-attempts",
        "2",
        "--retry-delay-seconds",
        "0",
        "--infra-pattern",
        "waiting for the queue",
        "--summary",
        "summary.md",
        "--",
        nodeTest("stuck.test.mjs"),
      ],
      { cwd: dir },
    );

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/attempt 1 of 2 failed for infrastructure: \[infra-patterns:1\]/);
    expect(result.stderr).toMatch(/attempt 2 of 2 failed for infrastructure: .*no attempts left/);
    const grandchild = Number(readFileSync(join(dir, "grandchild.pid"), "utf8"));
    expect(isAlive(grandchild)).toBe(false);
    // With --summary the Markdown goes to the file, not the terminal.
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toMatch(
      /^## seamwatch\n\n\*\*⚠️ Infrastructure failure after 2 attempts/,
    );
    expect(result.stdout).not.toContain("## seamwatch");
  });

  it("exits 1 on a timeout that no pattern explains, without retrying", async () => {
    const dir = copySuite("hang");
    const result = await runCli(
      ["run", "--attempt-timeout-minutes", "0.02", "--", nodeTest("stuck.test.mjs")],
      { cwd: dir },
    );

    expect(result.code).toBe(1);
    expect(result.stderr.match(/seamwatch: attempt \d/g)).toEqual(["seamwatch: attempt 1"]);
    expect(result.stderr).toContain("timed out, process group stopped");
    expect(isAlive(Number(readFileSync(join(dir, "grandchild.pid"), "utf8")))).toBe(false);
  });

  it("runs several words after -- as one command, exactly as given", async () => {
    const dir = copySuite("passing");
    const result = await runCli(
      ["run", "--", process.execPath, "-e", 'console.log("it\'s", process.argv.length)', "a b"],
      { cwd: dir },
    );

    expect(result.stdout).toContain("it's 2");
    // It passed, found no JUnit, and says so.
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no JUnit file matched");
  });
});

describe("seamwatch run: cancelled", () => {
  it("on SIGINT (a cancelled job) stops the command's process tree, starts no retry, and exits 130", async () => {
    const dir = copySuite("hang");
    const child = spawn(process.execPath, [cliPath, "run", "--", nodeTest("stuck.test.mjs")], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const pidFile = join(dir, "grandchild.pid");
    while (!existsSync(pidFile) || readFileSync(pidFile, "utf8") === "") {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    expect(isAlive(grandchild)).toBe(true);

    child.kill("SIGINT");

    expect(await exited).toBe(130);
    expect(isAlive(grandchild)).toBe(false);
    expect(stderr.match(/seamwatch: attempt \d/g)).toEqual(["seamwatch: attempt 1"]);
    expect(stderr).toContain("attempt 1 of 3 cancelled");
  });
});

describe("seamwatch run: bad usage exits 64", () => {
  it.each([
    [
      ["--infra-pattern", "(unclosed", "--", "true"],
      /--infra-pattern "\(unclosed" is not a valid regular expression/,
    ],
    [
      ["--test-pattern", "ok", "--test-pattern", "[z-a]", "--", "true"],
      /--test-pattern "\[z-a\]" is not a valid/,
    ],
    [["--retry-delay-seconds", "-5", "--", "true"], /--retry-delay-seconds must not be negative, got "-5"/],
    [["--max-attempts", "0", "--", "true"], /--max-attempts must be more than 0/],
    [["--max-attempts", "2.5", "--", "true"], /--max-attempts must be a whole number/],
    [["--attempt-timeout-minutes", "-1", "--", "true"], /--attempt-timeout-minutes must not be negative/],
    [["--slow-test-seconds", "abc", "--", "true"], /--slow-test-seconds must be a number, got "abc"/],
    [["--shell", "python", "--", "true"], /--shell: .*\{0\}/],
    [["--junit", "x.xml"], /give the test command after "--"/],
    [["npm", "test"], /put the command after "--"/],
    [["--nope", "--", "true"], /Unknown option '--nope'/],
  ])("%j", async (args, message) => {
    const result = await runCli(["run", ...args]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: seamwatch run");
    expect(result.stdout).toBe("");
  });

  it("prints its help with --help", async () => {
    const result = await runCli(["run", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: seamwatch run [options] -- <command...>");
  });
});
