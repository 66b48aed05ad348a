// The engine against real failures: Node's own test runner runs the fixture suites in
// test/fixtures/suites/ (copied into a temp dir per test) and writes real JUnit; connections are really
// refused, processes really killed, process groups really stopped. Only the retry delay is injected, so
// nothing waits between attempts: the recorded delays are asserted instead.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { detectCi } from "../../core/ci/index.ts";
import { buildRules, compilePatterns } from "../../core/classify/index.ts";
import type { MergedTest } from "../../core/run/index.ts";
import { exponentialBackoff } from "../../process/retry.ts";
import { writeRunReport } from "../../runner/run-report-file.ts";
import { type RunSuiteOptions, runSuite, type SuiteRun } from "../../runner/run-suite.ts";
import { copySuite, freePort, isAlive, NODE, nodeTest, REPORTERS } from "../support/fixture-suites.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function startService(port: number): Promise<void> {
  const server = createHttpServer((_request, response) => response.end("ok"));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
}

interface Harness {
  readonly options: RunSuiteOptions;
  readonly delays: number[];
  readonly logLines: string[];
  output: () => string;
}

function harness(dir: string, overrides: Partial<RunSuiteOptions> & { command: string }): Harness {
  const delays: number[] = [];
  const logLines: string[] = [];
  const chunks: Buffer[] = [];
  return {
    delays,
    logLines,
    output: () => Buffer.concat(chunks).toString("utf8"),
    options: {
      shell: "bash",
      cwd: dir,
      junitPatterns: ["**/junit*.xml"],
      maxAttempts: 3,
      retryDelayMs: exponentialBackoff(5000),
      attemptTimeoutMs: null,
      rules: buildRules(),
      onOutput: (chunk) => chunks.push(chunk),
      log: (line) => logLines.push(line),
      sleep: async (ms) => {
        delays.push(ms);
      },
      asideDir: mkdtempSync(join(tmpdir(), "seamwatch-aside-")),
      killGraceMs: 1000,
      ...overrides,
    },
  };
}

function test(run: SuiteRun, name: string): MergedTest {
  const found = run.result.tests.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no test "${name}" in ${run.result.tests.map((t) => t.name).join(", ")}`);
  return found;
}

describe("runSuite: a service that is not up on the first attempt", () => {
  it("retries on the real ECONNREFUSED, then passes once the service is up: recovered, not flaky", async () => {
    const dir = copySuite("service-not-up");
    const port = await freePort();
    const h = harness(dir, {
      command: nodeTest("orders.test.mjs"),
      env: { ...process.env, SERVICE_PORT: String(port) },
      // The service comes up during the retry delay.
      sleep: async (ms) => {
        h.delays.push(ms);
        await startService(port);
      },
    });

    const run = await runSuite(h.options);

    expect(run.result.outcome).toBe("passed");
    expect(
      run.result.attempts.map((a) => [a.number, a.classification.outcome, a.exitCode, a.retried]),
    ).toEqual([
      [1, "infra-failure", 1, true],
      [2, "passed", 0, false],
    ]);
    const [infra] = run.result.attempts[0]?.classification.infraFailures ?? [];
    expect(infra?.evidence.rule).toBe("service-connection-refused");
    expect(infra?.evidence.line).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    for (const name of ["lists orders", "creates an order"]) {
      const orders = test(run, name);
      expect(orders.verdict).toBe("recovered-after-infra-retry");
      expect(orders.evidence?.rule).toBe("service-connection-refused");
      expect(orders.attempts.map((a) => a.status)).toEqual(["failed", "passed"]);
    }
    expect(run.result.totals).toMatchObject({ tests: 2, passed: 2, recovered: 2, flaky: 0, failed: 0 });
    expect(h.delays).toEqual([5000]);
    expect(h.logLines).toHaveLength(2);
    expect(h.logLines[0]).toMatch(
      /^attempt 1 of 3 failed for infrastructure: .*ECONNREFUSED.*retrying in 5\.0 s$/,
    );
    expect(h.logLines[1]).toMatch(/^attempt 2 of 3 passed/);
    // Output streamed through, both attempts.
    expect(h.output()).toContain("ECONNREFUSED");
    expect(h.output()).toContain("✔ lists orders");
    // Attempt 1's report was moved aside before attempt 2; the report left in place is attempt 2's.
    expect(readFileSync(join(run.asideDir, "attempt-1", "junit.xml"), "utf8")).toContain("ECONNREFUSED");
    expect(readFileSync(join(dir, "junit.xml"), "utf8")).not.toContain("<failure");
  });
});

describe("runSuite: a real kill", () => {
  it("treats a SIGKILLed test process as infrastructure, retries it, and leaves no orphan behind", async () => {
    const dir = copySuite("killed");
    // In-process runner: the test process is the command itself.
    const h = harness(dir, { command: `${NODE} ${REPORTERS} worker.test.mjs` });

    const run = await runSuite(h.options);

    const [first, second] = run.result.attempts;
    expect(first?.signal ?? `exit ${first?.exitCode}`).toMatch(/^(SIGKILL|exit 137)$/);
    expect(first?.classification.outcome).toBe("infra-failure");
    expect(first?.classification.infraFailures[0]?.evidence.rule).toBe("killed");
    expect(first?.junit.files).toBe(0);
    expect(second?.classification.outcome).toBe("passed");
    expect(run.result.outcome).toBe("passed");
    expect(h.delays).toEqual([5000]);
    // The grandchild the killed process started was stopped with the rest of its process group.
    const grandchild = Number(readFileSync(join(dir, "grandchild.pid"), "utf8"));
    expect(grandchild).toBeGreaterThan(0);
    expect(isAlive(grandchild)).toBe(false);
  });
});

describe("runSuite: genuine failures are never retried", () => {
  it("reports an assertion failure after one attempt", async () => {
    const dir = copySuite("assertion");
    const h = harness(dir, { command: nodeTest("cart.test.mjs") });

    const run = await runSuite(h.options);

    expect(run.result.outcome).toBe("test-failures");
    expect(run.result.attempts).toHaveLength(1);
    expect(h.delays).toEqual([]);
    const tax = test(run, "adds tax");
    expect(tax.verdict).toBe("failed");
    expect(tax.failure?.message).toContain("8% tax expected");
    expect(test(run, "counts items").verdict).toBe("passed");
    expect(h.logLines).toEqual([
      expect.stringMatching(/^attempt 1 of 3 failed: 1 genuine failure, first cart › adds tax: \[/),
    ]);
    expect(h.logLines[0]).toContain("not retried");
  });

  it("does not retry a mixed attempt: the real failure is reported, the infra failure listed beside it", async () => {
    const dir = copySuite("mixed");
    const port = await freePort();
    const h = harness(dir, {
      command: nodeTest("cart.test.mjs orders.test.mjs"),
      env: { ...process.env, SERVICE_PORT: String(port) },
    });

    const run = await runSuite(h.options);

    expect(run.result.outcome).toBe("test-failures");
    expect(run.result.attempts).toHaveLength(1);
    expect(h.delays).toEqual([]);
    const { classification } = run.result.attempts[0] ?? {};
    expect(classification?.outcome).toBe("test-failures");
    expect(classification?.infraFailures.map((f) => [f.test?.name, f.evidence.rule])).toEqual([
      ["lists orders", "service-connection-refused"],
    ]);
    expect(classification?.testFailures.map((f) => f.test?.name)).toEqual(["adds tax"]);
    expect(test(run, "adds tax").verdict).toBe("failed");
    expect(test(run, "lists orders").verdict).toBe("infra-failure");
  });
});

describe("runSuite: a test that flips between attempts", () => {
  it("is flaky when infrastructure elsewhere forced the retry that showed it failing", async () => {
    const dir = copySuite("flip");
    const port = await freePort();
    const h = harness(dir, {
      command: nodeTest("orders.test.mjs totals.test.mjs"),
      env: { ...process.env, SERVICE_PORT: String(port) },
      sleep: async (ms) => {
        h.delays.push(ms);
        await startService(port);
      },
    });

    const run = await runSuite(h.options);

    expect(run.result.attempts.map((a) => a.classification.outcome)).toEqual([
      "infra-failure",
      "test-failures",
    ]);
    const totals = test(run, "rounds half up");
    expect(totals.verdict).toBe("flaky");
    expect(totals.attempts.map((a) => [a.attempt, a.status, a.kind])).toEqual([
      [1, "passed", null],
      [2, "failed", "test"],
    ]);
    expect(test(run, "lists orders").verdict).toBe("recovered-after-infra-retry");
    // Decision of the merge: a flaky test passed in this run, so it does not fail it; it is reported.
    expect(run.result.outcome).toBe("passed");
    expect(run.result.totals).toMatchObject({ flaky: 1, recovered: 2 });
  });
});

describe("runSuite: attempt timeout", () => {
  it("stops the whole process group; a timeout alone is not infrastructure, so it is not retried", async () => {
    const dir = copySuite("hang");
    const h = harness(dir, { command: nodeTest("stuck.test.mjs"), attemptTimeoutMs: 1500 });

    const run = await runSuite(h.options);

    const [attempt] = run.result.attempts;
    expect(attempt?.timedOut).toBe(true);
    expect(run.result.attempts).toHaveLength(1);
    expect(run.result.outcome).toBe("test-failures");
    expect(run.result.attemptFailures.map((f) => f.evidence.rule)).toEqual(["attempt-timed-out"]);
    const grandchild = Number(readFileSync(join(dir, "grandchild.pid"), "utf8"));
    expect(isAlive(grandchild)).toBe(false);
    expect(h.logLines[0]).toContain("timed out, process group stopped");
  });

  it("retries a timed-out attempt when an infra pattern explains the hang", async () => {
    const dir = copySuite("hang");
    const h = harness(dir, {
      command: nodeTest("stuck.test.mjs"),
      attemptTimeoutMs: 1500,
      maxAttempts: 2,
      rules: buildRules({ infraPatterns: compilePatterns("infra-patterns", "waiting for the queue") }),
    });

    const run = await runSuite(h.options);

    expect(run.result.attempts.map((a) => [a.timedOut, a.classification.outcome])).toEqual([
      [true, "infra-failure"],
      [true, "infra-failure"],
    ]);
    expect(run.result.attemptFailures[0]?.evidence).toMatchObject({
      rule: "infra-patterns:1",
      line: expect.stringContaining("waiting for the queue"),
    });
    expect(run.result.outcome).toBe("infra-failure");
    expect(h.delays).toEqual([5000]);
    expect(h.logLines[1]).toMatch(/no attempts left$/);
  });
});

describe("runSuite: stale JUnit", () => {
  it("moves a report left by an earlier run aside before the first attempt and never reads it", async () => {
    const dir = copySuite("passing");
    // A real earlier run of another suite, failing, with its report in the same place.
    const earlier = copySuite("assertion");
    try {
      execFileSync(
        process.execPath,
        [
          "--test",
          "--test-reporter=junit",
          `--test-reporter-destination=${join(dir, "junit-cart.xml")}`,
          "cart.test.mjs",
        ],
        { cwd: earlier, stdio: "ignore" },
      );
    } catch {
      // It fails on purpose.
    }
    expect(readFileSync(join(dir, "junit-cart.xml"), "utf8")).toContain("adds tax");
    const h = harness(dir, { command: nodeTest("inventory.test.mjs") });

    const run = await runSuite(h.options);

    expect(run.result.outcome).toBe("passed");
    expect(run.result.tests.map((t) => t.name)).toEqual(["counts stock"]);
    expect(existsSync(join(dir, "junit-cart.xml"))).toBe(false);
    expect(readFileSync(join(run.asideDir, "before-run", "junit-cart.xml"), "utf8")).toContain("adds tax");
    expect(h.logLines[0]).toMatch(/^moved 1 JUnit file left from an earlier run to /);
  });
});

describe("writeRunReport", () => {
  it("writes the run as one JSON document: metadata, the outcome, attempts and per-test verdicts", async () => {
    const dir = copySuite("assertion");
    const h = harness(dir, { command: nodeTest("cart.test.mjs") });
    const run = await runSuite(h.options);
    const path = join(dir, "out", "seamwatch.json");

    const ci = detectCi({});
    await writeRunReport(path, run, ci);

    const report = JSON.parse(readFileSync(path, "utf8"));
    expect(report).toMatchObject({
      version: 2,
      ci,
      command: h.options.command,
      cancelled: false,
      outcome: "test-failures",
      totals: { tests: 2, passed: 1, failed: 1 },
      attempts: [{ number: 1, exitCode: 1, testCases: 2, classification: { outcome: "test-failures" } }],
    });
    expect(report.tests.map((t: MergedTest) => [t.name, t.verdict])).toEqual([
      ["counts items", "passed"],
      ["adds tax", "failed"],
    ]);
    expect(new Date(report.startedAt).getTime()).not.toBeNaN();
  });
});
