// The engine against a real Docker engine that is stopped: a dockerd of the test's own (its own socket
// and data root), the real docker CLI in the suite, Node's test runner writing real JUnit.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRules } from "../../core/classify/index.ts";
import { exponentialBackoff } from "../../process/retry.ts";
import { runSuite } from "../../runner/run-suite.ts";
import { type DockerEngine, dockerEngine } from "../support/docker-engine.ts";
import { runCli } from "../support/run-cli.ts";

const suite = new URL("../fixtures/suites/docker-engine/", import.meta.url).pathname;
const NODE = JSON.stringify(process.execPath);
const command = `${NODE} --test --test-reporter=junit --test-reporter-destination=junit.xml --test-reporter=spec --test-reporter-destination=stdout containers.test.mjs`;

let engine: DockerEngine;
beforeAll(() => {
  engine = dockerEngine();
});
afterAll(async () => {
  await engine.dispose();
});

function copySuite(): string {
  const dir = mkdtempSync(join(tmpdir(), "seamwatch-docker-suite-"));
  cpSync(suite, dir, { recursive: true });
  return dir;
}

describe("a Docker engine that is down", () => {
  it("is infrastructure: retried, and the suite passes once the engine is up", async () => {
    await engine.stop();
    const delays: number[] = [];
    const run = await runSuite({
      command,
      shell: "bash",
      cwd: copySuite(),
      env: { ...process.env, DOCKER_HOST: engine.host },
      junitPatterns: ["junit.xml"],
      maxAttempts: 3,
      retryDelayMs: exponentialBackoff(5000),
      attemptTimeoutMs: null,
      rules: buildRules(),
      onOutput: () => {},
      log: () => {},
      // The engine comes back during the retry delay, as a restarted daemon or a healed runner would.
      sleep: async (ms) => {
        delays.push(ms);
        await engine.start();
      },
    });

    expect(run.result.outcome).toBe("passed");
    expect(run.result.attempts.map((a) => a.classification.outcome)).toEqual(["infra-failure", "passed"]);
    const [infra] = run.result.attempts[0]?.classification.infraFailures ?? [];
    expect(infra?.evidence.rule).toBe("docker-daemon-unreachable");
    expect(infra?.evidence.line).toContain(`Cannot connect to the Docker daemon at ${engine.host}`);
    expect(run.result.tests.map((t) => [t.name, t.verdict])).toEqual([
      ["talks to the engine", "recovered-after-infra-retry"],
      ["knows the engine's version", "recovered-after-infra-retry"],
    ]);
    expect(delays).toEqual([5000]);
  }, 120_000);

  it("ends as an infrastructure failure, exit 3, when the engine never comes back", async () => {
    await engine.stop();
    const dir = copySuite();
    const result = await runCli(
      ["run", "--junit", "junit.xml", "--max-attempts", "2", "--retry-delay-seconds", "0", "--", command],
      { cwd: dir, env: { DOCKER_HOST: engine.host } },
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("docker-daemon-unreachable");
    expect(result.stdout).toContain("Cannot connect to the Docker daemon");
  }, 120_000);
});
