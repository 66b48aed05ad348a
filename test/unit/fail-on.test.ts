// `fail-on`, decided once in the engine (runner/fail-on.ts) for the action and `seamwatch run`: each policy
// over runs made by the real attempt loop from JUnit text, and `new-failures` over the history that
// buildRunHistory makes of a baseline as the API answers it. The action's input and the CLI's flag come
// from the one settings table.
import { describe, expect, it } from "vitest";
import { DEFAULTS, INPUT } from "../../action/inputs.ts";
import { RUN_USAGE } from "../../cli/run-command.ts";
import { parseJunit } from "../../core/junit/index.ts";
import type { RunResult } from "../../core/run/index.ts";
import { decideFailOn, FAIL_ON, type FailOn } from "../../runner/fail-on.ts";
import { RUN_SETTINGS } from "../../runner/settings.ts";
import type { Baseline, BaselineEntry } from "../../upload/dashboard-client.ts";
import { buildRunHistory } from "../../upload/history.ts";
import { evidence } from "../support/model-builders.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const DAEMON_DOWN = [
  "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
];

function report(cases: string) {
  return [parseJunit(`<testsuite name="shop">${cases}</testsuite>`, { path: "report.xml" })];
}
const passing = (name: string) => `<testcase classname="Shop" name="${name}" time="0.1"/>`;
const failing = (name: string) =>
  `<testcase classname="Shop" name="${name}" time="0.1"><failure message="expected 2 items">expected 2 items</failure></testcase>`;
// Surefire's re-run inside one report: failed first, then passed.
const flaky = (name: string) =>
  `<testcase classname="Shop" name="${name}" time="0.1"><flakyFailure message="card declined" type="AssertionError"><stackTrace>card declined</stackTrace></flakyFailure></testcase>`;

/** Runs of each kind, through the real attempt loop. */
const RUNS = {
  passed: async () =>
    (await runScripted([evidence({ exitCode: 0, junitFiles: report(passing("adds to cart")) })])).result,
  failed: async () =>
    (
      await runScripted([
        evidence({ exitCode: 1, junitFiles: report(passing("lists products") + failing("adds to cart")) }),
      ])
    ).result,
  "was flaky": async () =>
    (
      await runScripted([
        evidence({ exitCode: 0, junitFiles: report(passing("lists products") + flaky("charges the card")) }),
      ])
    ).result,
  "was retried": async () =>
    (
      await runScripted([
        evidence({ exitCode: 1, outputTail: DAEMON_DOWN }),
        evidence({ exitCode: 0, junitFiles: report(passing("adds to cart")) }),
      ])
    ).result,
  "failed for infrastructure": async () =>
    (
      await runScripted([
        evidence({ exitCode: 1, outputTail: DAEMON_DOWN }),
        evidence({ exitCode: 1, outputTail: DAEMON_DOWN }),
      ])
    ).result,
  "failed without a failing test": async () =>
    (await runScripted([evidence({ exitCode: 2, junitFiles: report(passing("adds to cart")) })])).result,
} as const;

const decide = (run: RunResult, failOn: FailOn) =>
  decideFailOn({ run, failOn, history: null, noHistoryReason: "no server-url is set" });

describe("fail-on without history", () => {
  it.each([
    ["passed", "test-failures", null],
    ["passed", "any-failure", null],
    ["passed", "never", null],
    ["failed", "test-failures", "1 test failed."],
    ["failed", "any-failure", "1 test failed."],
    ["failed", "never", null],
    ["was flaky", "test-failures", null],
    ["was flaky", "any-failure", "1 flaky test (fail-on: any-failure)."],
    ["was flaky", "never", null],
    ["was retried", "test-failures", null],
    [
      "was retried",
      "any-failure",
      "The suite passed only after 1 infrastructure retry (fail-on: any-failure).",
    ],
    ["was retried", "never", null],
    [
      "failed for infrastructure",
      "test-failures",
      "Infrastructure failed on every one of 2 attempts: the tests did not run to the end.",
    ],
    [
      "failed for infrastructure",
      "any-failure",
      "Infrastructure failed on every one of 2 attempts: the tests did not run to the end.",
    ],
    ["failed for infrastructure", "never", null],
    ["failed without a failing test", "test-failures", "0 tests failed (the command failed)."],
    ["failed without a failing test", "never", null],
  ] as const)("a run that %s, under fail-on: %s, fails with %j", async (kind, failOn, failure) => {
    const run = await RUNS[kind]();
    expect(decide(run, failOn)).toEqual({ failure, notice: null });
  });

  it("decides new-failures as test-failures and says why, passing or failing", async () => {
    const notice = "fail-on: new-failures fell back to test-failures: no server-url is set.";
    expect(decide(await RUNS.failed(), "new-failures")).toEqual({
      failure: "1 test failed (no baseline: fail-on new-failures fell back to test-failures).",
      notice,
    });
    expect(decide(await RUNS.passed(), "new-failures")).toEqual({ failure: null, notice });
    const why = decideFailOn({
      run: await RUNS["failed for infrastructure"](),
      failOn: "new-failures",
      history: null,
      noHistoryReason: "the baseline of main could not be fetched: ECONNREFUSED",
    });
    expect(why.failure).toBe("Infrastructure failed on every attempt: the tests did not run to the end.");
    expect(why.notice).toBe(
      "fail-on: new-failures fell back to test-failures: the baseline of main could not be fetched: ECONNREFUSED.",
    );
  });
});

describe("fail-on: new-failures with the base branch's history", () => {
  function baseline(run: RunResult, health: Record<string, BaselineEntry["health"]>): Baseline {
    const idOf = (name: string) => run.tests.find((test) => test.name === name)?.id ?? name;
    return {
      project: "acme/shop",
      branch: "main",
      runs: 12,
      healthKnown: true,
      wallTime: { p50Ms: null, samples: 0 },
      testUrlTemplate: "https://seamwatch.example.com/acme/shop/tests/{testId}",
      tests: Object.fromEntries(
        Object.entries(health).map(([name, state]) => [
          idOf(name),
          { health: state, flakeRate: state === "flaky" ? 0.25 : 0, p50Ms: null, samples: 0 },
        ]),
      ),
    };
  }
  const decideWith = (run: RunResult, health: Record<string, BaselineEntry["health"]>) =>
    decideFailOn({
      run,
      failOn: "new-failures",
      history: buildRunHistory(run, 1000, baseline(run, health), {
        regressionPercent: 20,
        regressionMinSeconds: 1,
        quarantine: true,
      }),
      noHistoryReason: "unused",
    });

  it("passes when the only failure is known flaky, and says it did not block", async () => {
    const run = await RUNS.failed();
    expect(run.outcome).toBe("test-failures");
    expect(decideWith(run, { "adds to cart": "flaky", "lists products": "healthy" })).toEqual({
      failure: null,
      notice: "1 known flaky test failed: not blocking (fail-on: new-failures).",
    });
  });

  it("fails on a new failure and on a test already broken that this change did not fix", async () => {
    const run = await RUNS.failed();
    expect(decideWith(run, { "adds to cart": "healthy" })).toEqual({
      failure: "1 new failure (fail-on: new-failures).",
      notice: null,
    });
    expect(decideWith(run, { "adds to cart": "broken" }).failure).toBe(
      "1 test already broken on the base branch and not fixed (fail-on: new-failures).",
    );
  });

  it("still fails when infrastructure failed on every attempt", async () => {
    const run = await RUNS["failed for infrastructure"]();
    expect(decideWith(run, {}).failure).toBe(
      "Infrastructure failed on every attempt: the tests did not run to the end.",
    );
  });
});

describe("the fail-on setting", () => {
  it("is one row of the settings table: the action's input and default, the CLI's flag and help", () => {
    expect(INPUT.failOn).toBe("fail-on");
    expect(RUN_SETTINGS.failOn.input).toBe(INPUT.failOn);
    expect(DEFAULTS.failOn).toBe(RUN_SETTINGS.failOn.default);
    expect(RUN_SETTINGS.failOn.default).toBe("test-failures");
    expect(RUN_SETTINGS.failOn.flag.startsWith("--fail-on ")).toBe(true);
    const help = RUN_SETTINGS.failOn.help.join(" ");
    for (const policy of FAIL_ON) expect(help).toContain(`${policy}:`);
    expect(RUN_USAGE).toContain(RUN_SETTINGS.failOn.help[0]);
  });
});
