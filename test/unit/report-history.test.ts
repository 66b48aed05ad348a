// The report against the base branch's history, built from the real pipeline (JUnit text -> the attempt loop
// -> buildRunHistory over a baseline as the API answers it -> renderRunReport): failures told apart, timing
// regressions against the thresholds, links to the tests' pages, nothing shown that history does not say.
import { describe, expect, it } from "vitest";
import { parseJunit } from "../../core/junit/index.ts";
import { type RunReportOptions, renderRunReport } from "../../core/report/index.ts";
import type { RunResult } from "../../core/run/index.ts";
import type { Baseline, BaselineEntry } from "../../upload/dashboard-client.ts";
import { baselineBranch, buildRunHistory } from "../../upload/history.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const COMMENT: RunReportOptions = { target: "comment", slowTestSeconds: null };
const TEMPLATE = "https://seamwatch.example.com/acme/shop/tests/{testId}";

/** One attempt whose report holds these test cases: name → seconds, or a failure message. */
async function runOf(cases: Record<string, number | { fails: string }>): Promise<RunResult> {
  const body = Object.entries(cases)
    .map(([name, value]) =>
      typeof value === "number"
        ? `<testcase classname="Shop" name="${name}" time="${value}"/>`
        : `<testcase classname="Shop" name="${name}" time="0.1"><failure message="${value.fails}">${value.fails}</failure></testcase>`,
    )
    .join("");
  const junitFiles = [parseJunit(`<testsuite name="shop">${body}</testsuite>`, { path: "report.xml" })];
  const failing = Object.values(cases).some((value) => typeof value !== "number");
  const { result } = await runScripted([
    {
      durationMs: 90_000,
      evidence: { exitCode: failing ? 1 : 0, signal: null, timedOut: false, outputTail: [], junitFiles },
    },
  ]);
  return result;
}

function baseline(
  run: RunResult,
  entries: Record<string, Partial<BaselineEntry>>,
  over: Partial<Baseline> = {},
): Baseline {
  const idOf = (name: string) => run.tests.find((test) => test.name === name)?.id ?? name;
  return {
    project: "acme/shop",
    branch: "main",
    runs: 12,
    healthKnown: true,
    wallTime: { p50Ms: 60_000, samples: 12 },
    testUrlTemplate: TEMPLATE,
    tests: Object.fromEntries(
      Object.entries(entries).map(([name, entry]) => [
        idOf(name),
        { health: "healthy", flakeRate: 0, p50Ms: null, samples: 0, ...entry } as BaselineEntry,
      ]),
    ),
    ...over,
  };
}

const history = (run: RunResult, base: Baseline, quarantine = false) =>
  buildRunHistory(run, 90_000, base, { regressionPercent: 20, regressionMinSeconds: 1, quarantine });

describe("the report with the base branch's history", () => {
  it("tells new failures, known flaky and already broken tests apart, each linked to its page", async () => {
    const run = await runOf({
      "adds to cart": { fails: "expected 2 items" },
      "charges the card": { fails: "card declined" },
      "ships the order": { fails: "no courier" },
      "lists products": 0.2,
    });
    const base = baseline(run, {
      "adds to cart": { health: "healthy" },
      "charges the card": { health: "flaky", flakeRate: 0.125 },
      "ships the order": { health: "broken" },
    });
    const report = renderRunReport(run, { ...COMMENT, history: history(run, base, true) });
    const link = (name: string) =>
      `[shop › Shop › ${name}](https://seamwatch.example.com/acme/shop/tests/${run.tests.find((t) => t.name === name)?.id})`;
    expect(report).toContain(
      `### ❌ New failures (1)\n\nFailed here; healthy on \`main\`, or new there.\n\n- **${link("adds to cart")}**`,
    );
    expect(report).toContain(
      `### 🎲 Known flaky (1)\n\nKnown flaky on \`main\`: **not blocking** (fail-on: new-failures). A retry is probably enough.\n\n- **${link("charges the card")}** · flake rate 13 % on \`main\``,
    );
    expect(report).toContain(`### 🧱 Already broken on \`main\` (1)`);
    expect(report).toContain(`- **${link("ships the order")}**`);
    expect(report).not.toContain("### ❌ Failed tests");
    // The suite: 90 s against a p50 of 60 s over 12 runs.
    expect(report).toContain(
      "⏱️ Suite wall time 1 min 30 s against 1 min 0 s on `main` (p50 of 12 runs) (+50 %): 🐢 **slower**.",
    );
  });

  it("counts a test the base branch has not seen as a new failure, and a test new there is not slower", async () => {
    const run = await runOf({ "brand new": { fails: "boom" }, "also new": 5 });
    const report = renderRunReport(run, { ...COMMENT, history: history(run, baseline(run, {})) });
    expect(report).toContain("### ❌ New failures (1)");
    expect(report).not.toContain("Slower than");
  });

  it("lists timing regressions only past both thresholds and with 5 durations on the base", async () => {
    const run = await runOf({
      "slow now": 3,
      "a bit slower": 1.1,
      "too few runs": 9,
      "small but doubled": 0.4,
    });
    const base = baseline(run, {
      "slow now": { p50Ms: 1_000, samples: 8 },
      "a bit slower": { p50Ms: 1_000, samples: 8 },
      "too few runs": { p50Ms: 1_000, samples: 4 },
      "small but doubled": { p50Ms: 200, samples: 8 },
    });
    const report = renderRunReport(run, { ...COMMENT, history: history(run, base) });
    expect(report).toContain("### 🐢 Slower than on `main` (1)");
    expect(report).toContain("At least 20 % and 1.00 s slower than the p50 on `main`.");
    expect(report).toMatch(
      /\| \[shop › Shop › slow now\]\([^)]+\) \| 3\.00 s \| 1\.00 s \| \+2\.00 s \(\+200 %\) \|/,
    );
    const slower = report.slice(report.indexOf("### 🐢 Slower than"), report.indexOf("### 🐢 Slowest"));
    expect(slower).toContain("slow now");
    expect(slower).not.toContain("a bit slower");
    expect(slower).not.toContain("too few runs");
    expect(slower).not.toContain("small but doubled");
  });

  it("says only what this run knows without a dashboard: no history sections, no empty ones", async () => {
    const run = await runOf({ "adds to cart": { fails: "expected 2 items" }, "lists products": 0.2 });
    const report = renderRunReport(run, COMMENT);
    expect(report).toContain("### ❌ Failed tests (1)");
    expect(report).not.toMatch(
      /New failures|Known flaky|Already broken|Slower than|Suite wall time|dashboard/,
    );
    const clean = await runOf({ "lists products": 0.2 });
    const quiet = renderRunReport(clean, { ...COMMENT, history: history(clean, baseline(clean, {})) });
    expect(quiet).not.toMatch(/New failures|Known flaky|Already broken|Slower than/);
  });

  it("links the run's page, and never makes a link of a URL that is not http(s)", async () => {
    const run = await runOf({ "adds to cart": { fails: "x" } });
    const linked = renderRunReport(run, {
      ...COMMENT,
      reportUrl: "https://seamwatch.example.com/acme/shop/runs/7",
    });
    expect(linked).toContain(
      "🔗 [This run on the dashboard](https://seamwatch.example.com/acme/shop/runs/7)",
    );
    const hostile = renderRunReport(run, {
      ...COMMENT,
      reportUrl: "javascript:alert(1)",
      history: history(
        run,
        baseline(run, {}, { testUrlTemplate: "https://x.example/t/{testId}) [evil](https://evil" }),
      ),
    });
    expect(hostile).not.toContain("javascript:");
    expect(hostile).not.toContain("[evil]");
    expect(hostile).toContain("🔗 This run on the dashboard");
  });

  it("escapes test names inside links", async () => {
    const run = await runOf({ "@octocat fixes #1 ](x) *bold*": { fails: "boom" } });
    const report = renderRunReport(run, { ...COMMENT, history: history(run, baseline(run, {})) });
    expect(report).toContain(
      "@\u200boctocat fixes #\u200b1 \\]\\(x\\) \\*bold\\*](https://seamwatch.example.com/",
    );
  });

  it("compares with the pull request's base, else with the default branch", () => {
    expect(baselineBranch({ baseBranch: "release", defaultBranch: "main" })).toBe("release");
    expect(baselineBranch({ baseBranch: null, defaultBranch: "main" })).toBe("main");
    expect(baselineBranch({ baseBranch: null, defaultBranch: null })).toBeNull();
  });
});
