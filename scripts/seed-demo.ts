// The demo project `npm start` seeds into an empty database: five weeks of a team's CI, made from the
// repository's JUnit fixtures (test/fixtures/junit/) and sent through the real ingest path. Each simulated run
// writes JUnit XML, which the action's own engine parses, classifies, retries (infrastructure only) and merges
// into a run report posted to /api/v1/runs; one job sends its raw XML to /api/v1/junit as a GitLab job would.
// A seeded random generator and an injected clock make it the same history every time, ending at `now`.
//
// What the history holds, so that every chart has something to say:
// - flaky tests: genuine failures now and then, some passed by a re-run of the same commit, some by the
//   framework's own re-run (surefire's flakyFailure);
// - a regression: one test broken on main for two days, then fixed;
// - tests and a job that got slower two weeks ago;
// - infrastructure: Testcontainers failing to start a container (retried, recovered), a registry rate
//   limit on two days, one run that never got past it;
// - pull requests on feature branches.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AttemptEvidence, classifyAttempt } from "../core/classify/index.ts";
import { type CiContext, runReportFromResult } from "../core/history/index.ts";
import { type Failure, type JunitFile, JunitParser, type TestCase } from "../core/junit/index.ts";
import { type AttemptRecord, mergeAttempts, recordAttempt } from "../core/run/index.ts";

export const DEMO_PROJECT = "demo/webshop";
const FIXTURES = fileURLToPath(new URL("../test/fixtures/junit/", import.meta.url));
const DAY = 86_400_000;
const MINUTE = 60_000;

export interface SeedOptions {
  /** The running dashboard. */
  readonly url: string;
  /** An upload token of `project`. */
  readonly token: string;
  readonly project?: string;
  /** The end of the history (epoch ms); runs go back `days` from it. */
  readonly now: number;
  readonly days?: number;
  readonly log?: (line: string) => void;
}

export interface SeedSummary {
  readonly uploads: number;
  readonly tests: number;
}

// --- the catalogue: fixture reports grouped into CI jobs ------------------------------------------------

interface CatalogueTest {
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly skipped: boolean;
  readonly baseMs: number;
  /** The failure the fixture recorded for it, shown when the simulation fails it. */
  readonly failure: Failure | null;
  /** A stable key for the simulation's choices. */
  readonly key: string;
}

interface Job {
  readonly name: string;
  /** Set-up the job spends outside its tests: containers, browsers, compilers. */
  readonly overheadMs: number;
  readonly files: readonly { readonly name: string; readonly tests: readonly CatalogueTest[] }[];
  /** Sent as raw XML to /api/v1/junit, as a GitLab job with curl would. */
  readonly rawJunit: boolean;
}

const JOBS: readonly { name: string; overheadMs: number; rawJunit?: boolean; fixtures: readonly string[] }[] =
  [
    {
      name: "unit",
      overheadMs: 18_000,
      fixtures: ["node/report.xml", "mocha/report.xml", "jest/report.xml", "vitest/report.xml"],
    },
    {
      name: "backend",
      overheadMs: 42_000,
      fixtures: [
        "surefire/TEST-com.example.CalculatorTest.xml",
        "gradle/TEST-com.example.CalculatorTest.xml",
        "go/report.xml",
        "nextest/junit.xml",
      ],
    },
    {
      name: "integration",
      overheadMs: 85_000,
      fixtures: [
        "surefire/TEST-com.example.CheckoutIT.xml",
        "pytest/report-xunit2.xml",
        "rspec/report.xml",
        "phpunit/report.xml",
      ],
    },
    {
      name: "e2e",
      overheadMs: 64_000,
      fixtures: ["playwright/report.xml", "cypress/results-4f1c2b9e7d0a8e35c6b1f2d3a4e5f607.xml"],
    },
    {
      name: "native",
      overheadMs: 31_000,
      rawJunit: true,
      fixtures: ["googletest/report.xml", "catch2/report.xml", "ctest/report.xml"],
    },
  ];

function loadCatalogue(): Job[] {
  return JOBS.map((job) => ({
    name: job.name,
    overheadMs: job.overheadMs,
    rawJunit: job.rawJunit ?? false,
    files: job.fixtures.map((path) => {
      const parser = new JunitParser({ path, collectTestCases: true });
      parser.write(readFileSync(`${FIXTURES}${path}`));
      const report = parser.end();
      const tests = report.suites
        .flatMap((suite) => suite.testCases)
        .map((test) => catalogueTest(job.name, test));
      return { name: path.replace(/\W+/g, "-"), tests };
    }),
  }));
}

function catalogueTest(job: string, test: TestCase): CatalogueTest {
  const key = `${job}|${test.suitePath.join("/")}|${test.classname}|${test.name}`;
  const failure = test.failure ?? test.executions.find((execution) => execution.failure)?.failure ?? null;
  // Fixture timings are mostly a few milliseconds; a stable spread makes the charts look like a real suite.
  const spread = 25 + (hash(key) % 1000) ** 2 / 400;
  return {
    suitePath: test.suitePath,
    classname: test.classname,
    name: test.name,
    file: test.file,
    skipped: test.status === "skipped",
    baseMs: Math.round(Math.max(test.durationMs, spread)),
    failure,
    key,
  };
}

// --- the story ------------------------------------------------------------------------------------------

/** Tests that fail now and then on any commit (the fixture's own "fails an assertion" texts). */
const FLAKY = [
  { job: "unit", name: " fails an assertion", rate: 0.12 },
  { job: "e2e", name: "flaky: fails first, passes on retry", rate: 0.15 },
  { job: "integration", name: "test_fails_an_assertion", rate: 0.08 },
  { job: "backend", name: "fails_an_assertion", rate: 0.06 },
];
/** Flaky inside the framework: surefire re-runs it and it passes on the re-run. */
const RERUN_FLAKY = { job: "backend", name: "flakyFailsFirstPassesOnRerun", rate: 0.25 };
/** Broken on main for a few days two weeks ago, then fixed. */
const BROKEN = { job: "backend", name: "failsAnAssertion()", from: 13, until: 9 };
/** Broken on main since two days ago, and still broken. */
const STILL_BROKEN = { job: "backend", name: "always_fails_even_with_retries", from: 2 };
/** Got slower from SLOWER_FROM days before now. */
const SLOWER = {
  from: 14,
  tests: ["placesOrder", "login page rejects a bad password", "test_adds_numbers"],
  factor: 1.8,
};
const SLOWER_JOB = { job: "integration", extraMs: 40_000 };
/** Days (before now) a registry rate limit hit the jobs that pull images; moved to the weekday before. */
const RATE_LIMIT_DAYS = [22, 6];
const PULLING_JOBS = new Set(["integration", "e2e"]);

interface RunPlan {
  readonly job: Job;
  readonly at: number;
  readonly commit: string;
  readonly branch: string;
  readonly pullRequest: number | null;
  readonly runId: number;
  readonly runAttempt: number;
  readonly dayIndex: number;
  /** The registry rate limit hits this day (and on the first of them, one run never recovers). */
  readonly rateLimitDay: "first" | "later" | null;
}

export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const project = options.project ?? DEMO_PROJECT;
  const days = options.days ?? 35;
  const log = options.log ?? (() => {});
  const random = seededRandom(20_261_102);
  const jobs = loadCatalogue();
  const plans = planRuns(jobs, options.now, days, random);
  let uploads = 0;
  for (const plan of plans) {
    const outcome = await sendRun(plan, options, project, random);
    uploads++;
    // A failure on main is re-run once in a while: the same commit passing shows the test is flaky.
    if (outcome === "test-failures" && plan.branch === "main" && random() < 0.45) {
      await sendRun({ ...plan, runAttempt: 2, at: plan.at + 25 * MINUTE }, options, project, random);
      uploads++;
    }
    if (uploads % 50 === 0) log(`seeded ${uploads} runs…`);
  }
  const tests = jobs.reduce((sum, job) => sum + job.files.reduce((n, file) => n + file.tests.length, 0), 0);
  return { uploads, tests };
}

function planRuns(jobs: readonly Job[], now: number, days: number, random: () => number): RunPlan[] {
  const plans: RunPlan[] = [];
  let runId = 7_100_000_000;
  const today = Math.floor(now / DAY) * DAY;
  // A weekday on or before the day, so the story happens on a day with pushes whatever today is.
  const weekdayOnOrBefore = (ago: number) => {
    let day = ago;
    while ([0, 6].includes(new Date(today - day * DAY).getUTCDay())) day++;
    return day;
  };
  const [firstLimit, laterLimit] = RATE_LIMIT_DAYS.map(weekdayOnOrBefore);
  const rateLimitDay = (ago: number) => (ago === firstLimit ? "first" : ago === laterLimit ? "later" : null);
  const commit = () => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join("");
  for (let ago = days - 1; ago >= 0; ago--) {
    const dayStart = today - ago * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const pushes = weekend ? (random() < 0.3 ? 1 : 0) : 2 + (random() < 0.4 ? 1 : 0);
    for (let push = 0; push < pushes; push++) {
      const at = dayStart + (8 * 60 + push * 190 + Math.floor(random() * 90)) * MINUTE;
      if (at > now) continue;
      const sha = commit();
      runId += 1 + Math.floor(random() * 40);
      for (const job of jobs) {
        plans.push({
          job,
          at: at + Math.floor(random() * 3) * MINUTE,
          commit: sha,
          branch: "main",
          pullRequest: null,
          runId,
          runAttempt: 1,
          dayIndex: ago,
          rateLimitDay: rateLimitDay(ago),
        });
      }
    }
  }
  // Pull requests: a few feature branches, two or three pushes each, with the jobs that run on PRs.
  const branches = [
    { name: "feature/saved-carts", pr: 412, ago: 27 },
    { name: "fix/refund-timeout", pr: 431, ago: 16 },
    { name: "feature/gift-cards", pr: 447, ago: 8 },
    { name: "chore/upgrade-jest", pr: 452, ago: 3 },
  ];
  for (const branch of branches) {
    for (let push = 0; push < 3; push++) {
      const ago = branch.ago - push;
      if (ago < 0) break;
      const at = today - ago * DAY + (11 * 60 + push * 37) * MINUTE;
      if (at > now) continue;
      const sha = commit();
      runId += 3;
      for (const job of jobs.filter((candidate) => candidate.name !== "native")) {
        plans.push({
          job,
          at,
          commit: sha,
          branch: branch.name,
          pullRequest: branch.pr,
          runId,
          runAttempt: 1,
          dayIndex: ago,
          rateLimitDay: null,
        });
      }
    }
  }
  return plans.sort((a, b) => a.at - b.at || a.runId - b.runId);
}

// --- one run --------------------------------------------------------------------------------------------

interface AttemptDraft {
  readonly files: JunitFile[];
  readonly outputTail: string[];
  readonly exitCode: number;
  readonly durationMs: number;
}

async function sendRun(
  plan: RunPlan,
  options: SeedOptions,
  project: string,
  random: () => number,
): Promise<string> {
  const { job } = plan;
  const rateLimited = plan.rateLimitDay !== null && PULLING_JOBS.has(job.name) && random() < 0.7;
  const containersFail = job.name === "integration" && random() < 0.1;
  // On the first rate-limited day the integration job never got its image: all three attempts failed.
  const neverRecovers = rateLimited && plan.rateLimitDay === "first" && job.name === "integration";
  const attempts: AttemptDraft[] = [];
  const xmlOfLastAttempt: { name: string; xml: string }[] = [];
  for (let number = 1; number <= 3; number++) {
    const pullFails = rateLimited && (number === 1 || neverRecovers);
    if (pullFails) {
      attempts.push({
        files: [],
        outputTail: [
          "Pulling postgres (postgres:16-alpine)...",
          "Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
        ],
        exitCode: 1,
        durationMs: 20_000 + Math.floor(random() * 15_000),
      });
    } else {
      const xmls = job.files.map((file) => ({
        name: `${file.name}.xml`,
        xml: renderSuiteXml(file.tests, plan, random, { containersFail: containersFail && number === 1 }),
      }));
      xmlOfLastAttempt.splice(0, xmlOfLastAttempt.length, ...xmls);
      const files = xmls.map(({ name, xml }) => parseXml(name, xml));
      const failed = files.some((file) => file.counts.failed + file.counts.errored > 0);
      const testMs = files.reduce((sum, file) => sum + file.counts.durationMs, 0);
      const slowerMs = job.name === SLOWER_JOB.job && plan.dayIndex < SLOWER.from ? SLOWER_JOB.extraMs : 0;
      attempts.push({
        files,
        outputTail: failed ? ["Tests failed. See the report above."] : ["All tests passed."],
        exitCode: failed ? 1 : 0,
        durationMs: Math.round(job.overheadMs * (0.9 + random() * 0.2) + testMs + slowerMs),
      });
    }
    const last = attempts.at(-1) as AttemptDraft;
    const evidence: AttemptEvidence = {
      exitCode: last.exitCode,
      signal: null,
      timedOut: false,
      outputTail: last.outputTail,
      junitFiles: last.files,
    };
    if (classifyAttempt(evidence).outcome !== "infra-failure" || job.rawJunit) break;
  }

  const ci: CiContext = {
    provider: job.rawJunit ? "gitlab" : "github-actions",
    repository: project,
    commitSha: plan.commit,
    branch: plan.branch,
    ref: `refs/heads/${plan.branch}`,
    defaultBranch: "main",
    baseBranch: plan.pullRequest ? "main" : null,
    pullRequest: plan.pullRequest,
    workflow: "CI",
    job: job.name,
    jobKey: null,
    runId: String(plan.runId),
    runAttempt: plan.runAttempt,
    runUrl: job.rawJunit
      ? `https://gitlab.example.com/${project}/-/pipelines/${plan.runId}`
      : `https://github.com/${project}/actions/runs/${plan.runId}/attempts/${plan.runAttempt}`,
  };

  if (job.rawJunit) {
    const form = new FormData();
    for (const { name, xml } of xmlOfLastAttempt) form.append("report", new Blob([xml]), name);
    const query = new URLSearchParams({
      project,
      commit: plan.commit,
      branch: plan.branch,
      run: String(plan.runId),
      attempt: String(plan.runAttempt),
      job: job.name,
      workflow: "CI",
      provider: "gitlab",
      url: ci.runUrl as string,
      default_branch: "main",
      started_at: new Date(plan.at).toISOString(),
    });
    const answer = await post(options, `/api/v1/junit?${query}`, form, {});
    return answer.run.outcome;
  }

  const records: AttemptRecord[] = attempts.map((draft, index) => {
    const evidence: AttemptEvidence = {
      exitCode: draft.exitCode,
      signal: null,
      timedOut: false,
      outputTail: draft.outputTail,
      junitFiles: draft.files,
    };
    return recordAttempt({
      number: index + 1,
      durationMs: draft.durationMs,
      evidence,
      classification: classifyAttempt(evidence),
      retried: index < attempts.length - 1,
    });
  });
  const retryDelaysMs = (records.length - 1) * 10_000;
  const report = runReportFromResult(mergeAttempts(records), {
    ci,
    command: commandOf(job.name),
    startedAt: new Date(plan.at),
    durationMs: records.reduce((sum, record) => sum + record.durationMs, 0) + retryDelaysMs,
  });
  const answer = await post(options, "/api/v1/runs", JSON.stringify(report), {
    "content-type": "application/json",
  });
  return answer.run.outcome;
}

function commandOf(job: string): string {
  switch (job) {
    case "unit":
      return "npm test";
    case "backend":
      return "./gradlew test && go test ./... && cargo nextest run";
    case "integration":
      return "docker compose up -d && ./mvnw verify -Pintegration && pytest && bundle exec rspec";
    default:
      return "npx playwright test && npx cypress run";
  }
}

async function post(
  options: SeedOptions,
  path: string,
  body: string | FormData,
  headers: Record<string, string>,
): Promise<{ run: { id: number; outcome: string } }> {
  const response = await fetch(`${options.url}${path}`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${options.token}`, ...headers },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the dashboard refused a demo upload (${response.status}): ${text}`);
  return JSON.parse(text);
}

// --- JUnit XML of one simulated attempt ----------------------------------------------------------------

function renderSuiteXml(
  tests: readonly CatalogueTest[],
  plan: RunPlan,
  random: () => number,
  scenario: { containersFail: boolean },
): string {
  const cases = tests.map((test) => renderCase(test, plan, random, scenario));
  // Suites nest as the fixture's did, so every test keeps its identity (suite path, class, name, file).
  const byPath = new Map<string, { path: readonly string[]; cases: string[] }>();
  tests.forEach((test, index) => {
    const key = JSON.stringify(test.suitePath);
    const group = byPath.get(key) ?? { path: test.suitePath, cases: [] };
    group.cases.push(cases[index] as string);
    byPath.set(key, group);
  });
  const suites = [...byPath.values()].map(({ path, cases: body }) => {
    const open = path.map((name) => `<testsuite name="${xmlText(name)}">`).join("");
    const close = path.map(() => "</testsuite>").join("");
    return path.length === 0
      ? `<testsuite name="">${body.join("")}</testsuite>`
      : `${open}${body.join("")}${close}`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>${suites.join("")}</testsuites>\n`;
}

function renderCase(
  test: CatalogueTest,
  plan: RunPlan,
  random: () => number,
  scenario: { containersFail: boolean },
): string {
  const slower = SLOWER.tests.includes(test.name) && plan.dayIndex < SLOWER.from ? SLOWER.factor : 1;
  const ms = Math.round(test.baseMs * slower * (0.88 + random() * 0.24));
  const attributes = `classname="${xmlText(test.classname)}" name="${xmlText(test.name)}"${
    test.file ? ` file="${xmlText(test.file)}"` : ""
  } time="${(ms / 1000).toFixed(3)}"`;
  if (test.skipped) return `<testcase ${attributes}><skipped/></testcase>`;

  if (scenario.containersFail && test.classname === "com.example.CheckoutIT") {
    return `<testcase ${attributes}><error message="Could not start container" type="org.testcontainers.containers.ContainerLaunchException">org.testcontainers.containers.ContainerLaunchException: Could not start container
	at org.testcontainers.containers.GenericContainer.doStart(GenericContainer.java:359)
	at com.example.CheckoutIT.${xmlText(test.name)}(CheckoutIT.java:41)
Caused by: org.testcontainers.containers.ContainerLaunchException: Timed out waiting for container port to open (localhost ports: [${32_000 + Math.floor(random() * 999)}] should be listening)</error></testcase>`;
  }
  const flaky = FLAKY.find((entry) => entry.name === test.name && plan.job.name === entry.job);
  const broken =
    plan.branch === "main" &&
    ((plan.job.name === BROKEN.job &&
      test.name === BROKEN.name &&
      plan.dayIndex <= BROKEN.from &&
      plan.dayIndex > BROKEN.until) ||
      (plan.job.name === STILL_BROKEN.job &&
        test.name === STILL_BROKEN.name &&
        plan.dayIndex <= STILL_BROKEN.from));
  const fails = broken || (flaky !== undefined && random() < flaky.rate);
  if (fails) {
    const failure = test.failure ?? {
      type: "AssertionError",
      message: `expected ${Math.floor(random() * 500)} to equal 200`,
      details: null,
    };
    return `<testcase ${attributes}><failure message="${xmlText(failure.message ?? "failed")}" type="${xmlText(failure.type ?? "AssertionError")}">${xmlText(failure.details ?? failure.message ?? "")}</failure></testcase>`;
  }
  if (plan.job.name === RERUN_FLAKY.job && test.name === RERUN_FLAKY.name && random() < RERUN_FLAKY.rate) {
    return `<testcase ${attributes}><flakyFailure message="first attempt fails" type="org.opentest4j.AssertionFailedError"><stackTrace>org.opentest4j.AssertionFailedError: first attempt fails
	at com.example.CalculatorTest.flakyFailsFirstPassesOnRerun(CalculatorTest.java:61)</stackTrace></flakyFailure></testcase>`;
  }
  return `<testcase ${attributes}/>`;
}

function parseXml(path: string, xml: string): JunitFile {
  const parser = new JunitParser({ path, collectTestCases: true });
  parser.write(Buffer.from(xml));
  return parser.end();
}

function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// --- determinism ----------------------------------------------------------------------------------------

/** mulberry32: the same history on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
