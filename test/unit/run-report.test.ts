// The run report as a reader sees it in the job summary and the pull-request comment, built from the real
// pipeline: JUnit text -> parseJunit -> the attempt loop (classify, retry, merge) -> renderRunReport.
import { describe, expect, it } from "vitest";
import { parseJunit } from "../../core/junit/index.ts";
import {
  annotationCommand,
  annotationsFor,
  codeSpan,
  commentMarker,
  escapeAnnotation,
  escapeAnnotationProperty,
  escapeMarkdown,
  MARKDOWN_LIMITS,
  type RunReportOptions,
  renderRunReport,
  utf8Length,
} from "../../core/report/index.ts";
import type { RunResult } from "../../core/run/index.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const ZWSP = "\u200b";
const DOCKER_DOWN =
  "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
const HOSTILE_NAME = "@octocat fixes #1 <img src=x> | col ` backtick";
const SUMMARY: RunReportOptions = { target: "summary", slowTestSeconds: null };

describe("renderRunReport", () => {
  it("shows a failing run: outcome, totals, the attempt and its evidence, each failed test", async () => {
    const run = await runOf(
      attempt({
        durationMs: 12_300,
        cases: [
          {
            name: "creates an order",
            time: 1.2,
            file: "test/orders.test.ts",
            failure: {
              type: "AssertionError",
              message: "expected 200 to equal 201\nsecond line is not shown",
              text: "AssertionError: expected 200 to equal 201\n    at test/orders.test.ts:42:5",
            },
          },
          { name: "cancels an order", time: 0.4, failure: { message: "timeout of 2000ms exceeded" } },
          { name: "lists orders", time: 0.2 },
          { name: "archives orders", skipped: true },
        ],
      }),
    );
    const report = renderRunReport(run, SUMMARY);
    const lines = report.split("\n");

    expect(lines[0]).toBe("## seamwatch");
    expect(report).toContain("\n**❌ 2 tests failed**\n");
    expect(tableRow(lines, "| Tests |")).toEqual({
      Tests: "4",
      Passed: "1",
      Failed: "2",
      Skipped: "1",
      Flaky: "0",
      "Recovered after infra retry": "0",
      Attempts: "1",
      Time: "12.3 s",
    });
    expect(tableRow(lines, "| Attempt |")).toEqual({
      Attempt: "1",
      Duration: "12.3 s",
      Outcome: "exit code 1, 4 tests, 2 failed",
      Classification: "❌ test failures",
      Evidence: "`assertion-error` `AssertionError: expected 200 to equal 201`<br>`unrecognised-failure`",
    });
    expect(section(report, "### ❌ Failed tests (2)")).toEqual([
      "- **orders › creates an order** · `test/orders.test.ts:42`\\",
      "  `AssertionError: expected 200 to equal 201`",
      "- **orders › cancels an order**\\",
      "  `timeout of 2000ms exceeded`",
    ]);
    expect(report).not.toContain("second line is not shown");
    expect(report).not.toContain("Flaky tests");
    expect(report).not.toContain("✂️");
  });

  it("tells a test that recovered after an infra retry from a flaky one, with the evidence for each", async () => {
    const run = await runOf(
      attempt({
        cases: [
          { name: "checkout", time: 1 },
          { name: "search", time: 2, error: { message: DOCKER_DOWN } },
        ],
      }),
      checkoutFailsSearchPasses(),
    );
    const report = renderRunReport(run, SUMMARY);
    const lines = report.split("\n");

    expect(report).toContain(
      "**✅ All 2 tests passed · 1 flaky · 1 recovered after an infrastructure retry**",
    );
    expect(tableRows(lines, "| Attempt |").map((row) => [row.Attempt, row.Classification])).toEqual([
      ["1", "⚠️ infrastructure, retried"],
      ["2", "❌ test failures"],
    ]);
    expect(tableRows(lines, "| Attempt |")[0]?.Evidence).toBe(
      `\`docker-daemon-unreachable\` ${codeSpan(DOCKER_DOWN, { table: true })}`,
    );
    expect(section(report, "### 🔁 Flaky tests (1)")).toEqual([
      "Failed, then passed: they did not fail the run.",
      "",
      "- **orders › checkout** · passed in attempt 1, failed in attempt 2\\",
      "  `AssertionError: expected 1 to be 2`",
    ]);
    expect(section(report, "### 🛠️ Recovered after an infrastructure retry (1)")).toEqual([
      "Failed for infrastructure, then passed on a retry: not flaky.",
      "",
      "- **orders › search** · errored in attempt 1, passed in attempt 2\\",
      `  \`docker-daemon-unreachable\` \`${DOCKER_DOWN}\``,
    ]);
  });

  it("reports an infrastructure failure once the attempts run out, naming the cause", async () => {
    const broken = () => attempt({ cases: [{ name: "search", time: 2, error: { message: DOCKER_DOWN } }] });
    const run = await runOf(broken(), broken(), broken());
    const report = renderRunReport(run, SUMMARY);
    const lines = report.split("\n");

    expect(report).toContain(
      "**⚠️ Infrastructure failure after 3 attempts: the Docker daemon could not be reached**",
    );
    expect(tableRows(lines, "| Attempt |").map((row) => row.Classification)).toEqual([
      "⚠️ infrastructure, retried",
      "⚠️ infrastructure, retried",
      "⚠️ infrastructure",
    ]);
    expect(section(report, "### ⚠️ Failed on infrastructure (1)")).toContain(
      `  \`docker-daemon-unreachable\` \`${DOCKER_DOWN}\``,
    );
  });

  it("explains a failed command that left no failing test, and a killed one", async () => {
    const coverageGate = await runOf(
      attempt({
        exitCode: 1,
        outputTail: ["ERROR: Coverage for lines (71%) does not meet global threshold (80%)"],
        cases: [{ name: "lists orders", time: 0.2 }],
      }),
    );
    expect(renderRunReport(coverageGate, SUMMARY)).toContain(
      "**❌ The test command failed: `command-failed` `exit code 1`**",
    );

    const killed = await runOf(attempt({ exitCode: 137, cases: null }));
    const report = renderRunReport(killed, SUMMARY);
    expect(report).toContain("**⚠️ Infrastructure failure after 1 attempt: the command was killed");
    expect(tableRow(report.split("\n"), "| Attempt |")).toMatchObject({
      Outcome: "exit code 137, no JUnit report",
      Evidence: "`killed` `exit code 137`",
    });
  });

  it("lists the ten slowest tests, slowest first, and every test at or over the threshold", async () => {
    const seconds = [3, 14, 1, 9, 7, 12, 2, 5, 11, 4, 13, 6, 8, 10, 0.5];
    const run = await runOf(
      attempt({
        exitCode: 0,
        cases: [
          ...seconds.map((time) => ({ name: `takes ${time} s`, time })),
          { name: "skipped but slow", time: 99, skipped: true },
        ],
      }),
    );
    const report = renderRunReport(run, { target: "summary", slowTestSeconds: 10 });
    const rows = tableRows(report.split("\n"), "| # |");

    expect(rows.map((row) => [row["#"], row.Test, row.Time])).toEqual(
      [14, 13, 12, 11, 10, 9, 8, 7, 6, 5].map((time, index) => [
        String(index + 1),
        `orders › takes ${time} s`,
        `${time < 10 ? time.toFixed(2) : time.toFixed(1)} s`,
      ]),
    );
    expect(section(report, "### 🐌 Tests that took 10 s or more (5)")).toEqual(
      [14, 13, 12, 11, 10].map((time) => `- **orders › takes ${time} s** · ${time.toFixed(1)} s`),
    );
    expect(report).toContain("**✅ 15 tests passed, 1 skipped**");
    // The input order is untouched: the report sorts copies.
    expect(run.tests.map((test) => test.name).slice(0, 3)).toEqual(["takes 3 s", "takes 14 s", "takes 1 s"]);
  });

  it("renders a hostile test name and message inert", async () => {
    const message =
      "</details> ``` @admin GH-12 [x](https://evil.example) ![i](x) closes #7 www.evil.example";
    const run = await runOf(
      attempt({
        cases: [{ name: HOSTILE_NAME, time: 20, failure: { message: `${message}\nsecond` } }],
      }),
    );
    const report = renderRunReport(run, { target: "comment", slowTestSeconds: 1, commentKey: "it" });
    const lines = report.split("\n");

    expect(section(report, "### ❌ Failed tests (1)")).toEqual([
      `- **orders › @${ZWSP}octocat fixes #${ZWSP}1 &lt;img src=x&gt; \\| col \\\` backtick**\\`,
      `  \`\`\`\`${message}\`\`\`\``,
    ]);
    expect(tableRows(lines, "| # |")[0]?.Test).toBe(
      `orders › @${ZWSP}octocat fixes #${ZWSP}1 &lt;img src=x&gt; \\| col \\\` backtick`,
    );
    let tableHeader = "";
    for (const line of lines) {
      const text = outsideCodeSpans(line);
      expect(text, line).not.toBeNull();
      // Outside code spans: no HTML, no mention, no issue reference, no link or image.
      expect(text).not.toMatch(/<(?!!-- seamwatch:report:it -->)|@[A-Za-z0-9]|#\d|GH-\d|\]\(|https?:\/\//);
      // Every row has as many cell borders as its table's header.
      if (!line.startsWith("|")) tableHeader = "";
      else if (tableHeader === "") tableHeader = line;
      else expect(unescapedPipes(line), line).toBe(unescapedPipes(tableHeader));
    }
  });

  // A deliberately big run through the whole pipeline: seconds, not milliseconds.
  it("stays within the comment and summary limits for 20,000 failing tests, and says what it cut", {
    timeout: 30_000,
  }, async () => {
    const run = await runOf(
      attempt({
        cases: Array.from({ length: 20_000 }, (_, i) => ({
          name: `handles ${"é".repeat(60)} ${"`".repeat(i % 5)} case ${i}`,
          time: (i % 97) / 10,
          failure: { type: "AssertionError", message: `expected ${"ü".repeat(120)} ${i}` },
        })),
      }),
    );

    const comment = renderRunReport(run, { target: "comment", slowTestSeconds: 5, commentKey: "big" });
    expect(comment.length).toBeLessThanOrEqual(MARKDOWN_LIMITS.comment);
    expect(comment.length).toBeGreaterThan(MARKDOWN_LIMITS.comment * 0.9);
    expect(comment.split("\n")[0]).toBe("<!-- seamwatch:report:big -->");

    const summary = renderRunReport(run, { target: "summary", slowTestSeconds: 5 });
    expect(utf8Length(summary)).toBe(new TextEncoder().encode(summary).length);
    expect(utf8Length(summary)).toBeLessThanOrEqual(MARKDOWN_LIMITS.summary);
    expect(utf8Length(summary)).toBeGreaterThan(MARKDOWN_LIMITS.summary * 0.9);

    for (const report of [comment, summary]) {
      const lines = report.split("\n");
      for (const line of lines) expect(outsideCodeSpans(line), line).not.toBeNull();
      const listed = section(report, "### ❌ Failed tests (20,000)").filter((line) =>
        line.startsWith("- **"),
      );
      const more = report.match(/\n…and ([\d,]+) more failed tests\.\n/)?.[1];
      expect(listed.length).toBeGreaterThan(100);
      expect(listed.length + Number(more?.replace(/,/g, ""))).toBe(20_000);
      expect(report).toContain(`Not listed: ${more} of 20,000 failed tests`);
      expect(report).toMatch(
        /\n> ✂️ \*\*Shortened to fit GitHub's limit of .*\*\* Names and messages are cut to \d+ characters\./,
      );
      expect(tableRows(lines, "| # |")).toHaveLength(10);
    }
  });

  it("shows the notice under the outcome and puts the hidden marker first in comments only", async () => {
    const run = await runOf(attempt({ exitCode: 0, cases: [{ name: "lists orders", time: 0.2 }] }));
    const notice = "Could not post the PR comment: this is a fork PR <b>";
    const comment = renderRunReport(run, {
      target: "comment",
      slowTestSeconds: null,
      commentKey: "api",
      notice,
    });
    expect(comment.split("\n").slice(0, 6)).toEqual([
      "<!-- seamwatch:report:api -->",
      "## seamwatch",
      "",
      "**✅ 1 test passed**",
      "",
      "> ℹ️ Could not post the PR comment: this is a fork PR &lt;b&gt;",
    ]);
    const summary = renderRunReport(run, { ...SUMMARY, title: "Integration [tests]" });
    expect(summary.split("\n")[0]).toBe("## Integration \\[tests\\]");
    expect(summary).not.toContain("<!--");
  });
});

// JUnit's own name for a class that could not run: seamwatch reads it as a placeholder for the class's setup.
const CLASS_SETUP = "initializationError";
const SETUP_NOTE = "not counted as a test";

describe("renderRunReport, around placeholders for setup", () => {
  const setupFailed = (...classnames: string[]) =>
    attempt({
      cases: classnames.map((classname) => ({
        classname,
        name: CLASS_SETUP,
        time: 30,
        error: { message: DOCKER_DOWN },
      })),
    });

  it("lists a recovered placeholder with its evidence, and counts the attempt as setup failed", async () => {
    const run = await runOf(
      setupFailed("orders"),
      attempt({
        cases: [
          { name: "checkout", time: 1 },
          { name: "search", time: 2 },
        ],
      }),
    );
    const report = renderRunReport(run, SUMMARY);
    const lines = report.split("\n");

    expect(report).toContain("**✅ All 2 tests passed · 1 recovered after an infrastructure retry**");
    expect(tableRows(lines, "| Attempt |").map((row) => row.Outcome)).toEqual([
      "exit code 1, setup failed",
      "exit code 0, 2 tests, 0 failed",
    ]);
    expect(section(report, "### 🛠️ Recovered after an infrastructure retry (1)")).toEqual([
      "Failed for infrastructure, then passed on a retry: not flaky.",
      "",
      `- **orders › ${CLASS_SETUP}** · errored in attempt 1\\`,
      `  \`docker-daemon-unreachable\` \`${DOCKER_DOWN}\``,
    ]);
    expect(report).not.toContain(SETUP_NOTE);
  });

  it("keeps placeholders out of the slowest tests and the slow tests: they are not tests", async () => {
    const run = await runOf(
      setupFailed("orders"),
      attempt({
        cases: [
          { name: "checkout", time: 1 },
          { name: "search", time: 12 },
        ],
      }),
    );
    const report = renderRunReport(run, { target: "summary", slowTestSeconds: 1 });

    expect(tableRows(report.split("\n"), "| # |").map((row) => row.Test)).toEqual([
      "orders › search",
      "orders › checkout",
    ]);
    expect(section(report, "### 🐌 Tests that took 1 s or more (2)")).toEqual([
      "- **orders › search** · 12.0 s",
      "- **orders › checkout** · 1.00 s",
    ]);
  });

  it("lists a superseded placeholder nowhere, and says in one line which setup failure its tests replaced", async () => {
    const run = await runOf(setupFailed("orders"), checkoutFailsSearchPasses());
    const report = renderRunReport(run, SUMMARY);
    const lines = report.split("\n");

    expect(report).toContain("\n**❌ 1 test failed**\n");
    expect(tableRow(lines, "| Tests |")).toMatchObject({ Tests: "2", Passed: "1", Failed: "1" });
    expect(section(report, "### ❌ Failed tests (1)")).toEqual([
      "- **orders › checkout**\\",
      "  `AssertionError: expected 1 to be 2`",
    ]);
    // Right under the attempts table, which shows the attempt it failed in.
    expect(section(report, "### Attempts").slice(-2)).toEqual([
      "",
      "The class setup of `orders` that failed in attempt 1 is not counted as a test: its tests ran in a later attempt, and their own results count instead.",
    ]);
    expect(report).not.toContain(CLASS_SETUP);
  });

  it("names each replaced setup failure in the one line, and counts several in one attempt", async () => {
    const run = await runOf(
      setupFailed("orders", "payments"),
      attempt({
        cases: [
          { classname: "orders", name: "checkout", failure: { message: "expected 1 to be 2" } },
          { classname: "payments", name: "refunds", failure: { message: "expected 3 to be 4" } },
        ],
      }),
    );
    const report = renderRunReport(run, SUMMARY);

    expect(tableRows(report.split("\n"), "| Attempt |").map((row) => row.Outcome)).toEqual([
      "exit code 1, 2 setup failures",
      "exit code 1, 2 tests, 2 failed",
    ]);
    expect(section(report, "### Attempts").at(-1)).toBe(
      "Setup failures not counted as tests, because their tests ran in a later attempt and their own results count instead: class setup of `orders` (attempt 1); class setup of `payments` (attempt 1).",
    );
  });

  it("counts the real tests of an attempt apart from its setup failures", async () => {
    const run = await runOf(
      attempt({
        cases: [
          { classname: "orders", name: CLASS_SETUP, error: { message: DOCKER_DOWN } },
          { classname: "payments", name: "refunds", time: 1 },
          { classname: "payments", name: "charges", time: 1 },
        ],
      }),
      attempt({ cases: [{ classname: "orders", name: "checkout" }] }),
    );
    const report = renderRunReport(run, SUMMARY);

    expect(tableRows(report.split("\n"), "| Attempt |")[0]?.Outcome).toBe(
      "exit code 1, 2 tests, 0 failed, 1 setup failure",
    );
  });
});

describe("commentMarker", () => {
  it("keeps a plain key and cannot be closed early by a hostile one", () => {
    expect(commentMarker("integration-tests")).toBe("<!-- seamwatch:report:integration-tests -->");
    expect(commentMarker()).toBe("<!-- seamwatch:report:default -->");
    expect(commentMarker("a--b --> <script>")).toBe("<!-- seamwatch:report:a-b-script -->");
    expect(commentMarker("-->")).toBe("<!-- seamwatch:report:default -->");
    const marker = commentMarker("x--!>y-->z");
    expect(marker.indexOf("--")).toBe(2);
    expect(marker.indexOf("-->")).toBe(marker.length - 3);
  });
});

describe("escapeMarkdown and codeSpan", () => {
  it("escapes what would render as Markdown, HTML, a mention or a reference", () => {
    expect(escapeMarkdown("*bold* _it_ ~~s~~ [l](u) ![i](u) `c` a|b $x$ \\")).toBe(
      "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\[l\\]\\(u\\) \\!\\[i\\]\\(u\\) \\`c\\` a\\|b \\$x\\$ \\\\",
    );
    expect(escapeMarkdown("<script>&amp;")).toBe("&lt;script&gt;&amp;amp;");
    expect(escapeMarkdown("@team/core fixes #12 and GH-3 via https://x.io or www.x.io")).toBe(
      `@${ZWSP}team/core fixes #${ZWSP}12 and GH${ZWSP}-3 via https:${ZWSP}//x.io or www${ZWSP}.x.io`,
    );
    expect(escapeMarkdown("# heading")).toBe("\\# heading");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("line one\r\nline two\tend\u0007\u202e")).toBe("line one ⏎ line two end");
    expect(escapeMarkdown("a.b-c#d")).toBe("a.b-c#d");
  });

  it("fences a code span past any backticks inside, padding when the text starts or ends with one", () => {
    expect(codeSpan("plain")).toBe("`plain`");
    expect(codeSpan("a ``` b")).toBe("````a ``` b````");
    expect(codeSpan("`tick`")).toBe("`` `tick` ``");
    expect(codeSpan(" spaced ")).toBe("`  spaced  `");
    expect(codeSpan("")).toBe("` `");
    expect(codeSpan("two\nlines")).toBe("`two ⏎ lines`");
    expect(codeSpan("a|b", { table: true })).toBe("`a\\|b`");
    expect(codeSpan("a\\|b", { table: true })).toBe(`\`a\\${ZWSP}\\|b\``);
    expect(codeSpan("a|b")).toBe("`a|b`");
  });
});

describe("annotations", () => {
  it("returns at most 10 errors and 10 warnings as plain data, and one notice counting the rest", async () => {
    const run = await runOf(
      attempt({
        cases: [
          ...Array.from({ length: 12 }, (_, i) => ({
            name: `fails ${i}`,
            time: 0.1,
            file: "/work/repo/test/orders.test.ts",
            failure: {
              type: "AssertionError",
              message: `expected 100% of 1, got 2`,
              text: `AssertionError: expected 100% of 1, got 2\n    at /work/repo/test/orders.test.ts:${10 + i}:5`,
            },
          })),
          ...Array.from({ length: 11 }, (_, i) => ({ name: `flaky ${i}`, time: 0.1, flakyFailure: "boom" })),
        ],
      }),
    );
    const annotations = annotationsFor(run, { max: 10 });
    const levels = annotations.map((annotation) => annotation.level);
    expect(levels.filter((level) => level === "error")).toHaveLength(10);
    expect(levels.filter((level) => level === "warning")).toHaveLength(10);
    expect(annotations.at(-1)).toMatchObject({
      level: "notice",
      message: expect.stringContaining("2 more failures and 1 more flaky test not annotated"),
    });
    expect(annotations[0]).toEqual({
      level: "error",
      title: "Failed: orders › fails 0",
      message: expect.stringMatching(/^AssertionError: expected 100% of 1, got 2\n/),
      file: "/work/repo/test/orders.test.ts",
      line: 10,
    });
    expect(annotations.find((annotation) => annotation.level === "warning")).toMatchObject({
      title: "Flaky: orders › flaky 0",
      message: expect.stringContaining("passed after a re-run in attempt 1"),
    });
    // Asking for more than GitHub shows changes nothing.
    expect(annotationsFor(run, { max: 50 })).toHaveLength(21);
  });

  it("states the headline once when the stack trace starts with it", async () => {
    const run = await runOf(
      attempt({
        cases: [
          {
            name: "creates an order",
            failure: {
              type: "AssertionError",
              message: "expected 200 to equal 201",
              text: "AssertionError: expected 200 to equal 201\n    at Context.<anonymous> (test/orders.test.ts:12:5)",
            },
          },
        ],
      }),
    );
    const [annotation] = annotationsFor(run);
    expect(annotation?.message.split("\n")).toEqual([
      "AssertionError: expected 200 to equal 201",
      "    at Context.<anonymous> (test/orders.test.ts:12:5)",
    ]);
  });

  it("keeps a first line of the details that only begins like the headline", async () => {
    const run = await runOf(
      attempt({
        cases: [
          {
            name: "creates an order",
            failure: {
              message: "expected 200",
              text: "expected 200 to equal 201\n    at orders.test.ts:12:5",
            },
          },
        ],
      }),
    );
    const [annotation] = annotationsFor(run);
    expect(annotation?.message.split("\n")).toEqual([
      "expected 200",
      "expected 200 to equal 201",
      "    at orders.test.ts:12:5",
    ]);
  });

  it("escapes workflow commands the way @actions/core does", () => {
    expect(escapeAnnotation("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeAnnotationProperty("a: b, 50%\n")).toBe("a%3A b%2C 50%25%0A");
    expect(
      annotationCommand({
        level: "error",
        title: "Failed: a, b",
        message: "line 1\nline 2",
        file: "test/a.ts",
        line: 3,
      }),
    ).toBe("::error title=Failed%3A a%2C b,file=test/a.ts,line=3::line 1%0Aline 2");
    expect(annotationCommand({ level: "notice", title: "", message: "x" })).toBe("::notice::x");
  });
});

// --- the real pipeline ----------------------------------------------------------------------------

interface CaseSpec {
  /** `orders` unless given. */
  readonly classname?: string;
  readonly name: string;
  readonly time?: number;
  readonly file?: string;
  readonly skipped?: boolean;
  readonly failure?: { readonly type?: string; readonly message: string; readonly text?: string };
  readonly error?: { readonly type?: string; readonly message: string; readonly text?: string };
  /** A surefire re-run that failed before the test passed: flaky within one report. */
  readonly flakyFailure?: string;
}

interface AttemptSpec {
  /** Test cases of the attempt's one report; null when the attempt left no report. */
  readonly cases: readonly CaseSpec[] | null;
  readonly exitCode?: number;
  readonly outputTail?: readonly string[];
  readonly durationMs?: number;
}

function attempt(spec: AttemptSpec): AttemptSpec {
  return spec;
}

/** An attempt whose `checkout` fails an assertion while `search` passes. */
function checkoutFailsSearchPasses(): AttemptSpec {
  return attempt({
    cases: [
      { name: "checkout", time: 1, failure: { type: "AssertionError", message: "expected 1 to be 2" } },
      { name: "search", time: 2 },
    ],
  });
}

/** Runs the real attempt loop over the attempts, each leaving one report (or none). */
async function runOf(...specs: AttemptSpec[]): Promise<RunResult> {
  const script = specs.map((spec) => {
    const failing = spec.cases?.some((c) => c.failure || c.error) ?? false;
    return {
      durationMs: spec.durationMs ?? 1000,
      evidence: {
        exitCode: spec.exitCode ?? (failing ? 1 : 0),
        signal: null,
        timedOut: false,
        outputTail: spec.outputTail ?? [],
        junitFiles: spec.cases ? [parseJunit(junitXml(spec.cases), { path: "report.xml" })] : [],
      },
    };
  });
  return (await runScripted(script)).result;
}

function junitXml(cases: readonly CaseSpec[]): string {
  const body = cases.map((c) => {
    const attributes = [
      `classname="${xml(c.classname ?? "orders")}"`,
      `name="${xml(c.name)}"`,
      `time="${c.time ?? 0}"`,
    ];
    if (c.file) attributes.push(`file="${xml(c.file)}"`);
    const result = c.skipped
      ? "<skipped/>"
      : c.failure
        ? outcome("failure", c.failure)
        : c.error
          ? outcome("error", c.error)
          : c.flakyFailure
            ? `<flakyFailure message="${xml(c.flakyFailure)}">${xml(c.flakyFailure)}</flakyFailure>`
            : "";
    return `<testcase ${attributes.join(" ")}>${result}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="orders" tests="${cases.length}">\n${body.join("\n")}\n</testsuite></testsuites>`;
}

function outcome(element: string, spec: { type?: string; message: string; text?: string }): string {
  const type = spec.type ? ` type="${xml(spec.type)}"` : "";
  return `<${element} message="${xml(spec.message)}"${type}>${xml(spec.text ?? spec.message)}</${element}>`;
}

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}

// --- reading the Markdown -------------------------------------------------------------------------

/** The lines under a heading, up to the next heading or the cut note, without surrounding blank lines. */
function section(report: string, heading: string): string[] {
  const lines = report.split("\n");
  const start = lines.indexOf(heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("#") || line.startsWith("> ✂️"));
  const body = end === -1 ? rest : rest.slice(0, end);
  while (body[0] === "") body.shift();
  while (body.at(-1) === "") body.pop();
  return body;
}

/** Rows of the table whose header line starts with `header`, as records keyed by column name. */
function tableRows(lines: readonly string[], header: string): Record<string, string>[] {
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start === -1) return [];
  const names = cells(lines[start] ?? "");
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(Object.fromEntries(cells(line).map((cell, index) => [names[index] ?? String(index), cell])));
  }
  return rows;
}

function tableRow(lines: readonly string[], header: string): Record<string, string> {
  const [row] = tableRows(lines, header);
  expect(row, `a row under ${header}`).toBeDefined();
  return row ?? {};
}

/** Cells split on pipes GFM treats as borders (any pipe not preceded by a backslash). */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function unescapedPipes(line: string): number {
  return line.match(/(?<!\\)\|/g)?.length ?? 0;
}

/**
 * The line with its code spans blanked out, read as CommonMark does (a run of N backticks closes only on
 * the next run of exactly N; backslash escapes apply outside spans); null when a span never closes.
 */
function outsideCodeSpans(line: string): string | null {
  let text = "";
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === "\\") {
      text += line.slice(i, i + 2);
      i += 2;
    } else if (char === "`") {
      const run = /^`+/.exec(line.slice(i))?.[0].length ?? 1;
      const closing = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, "g");
      closing.lastIndex = i + run;
      const close = closing.exec(line);
      if (!close) return null;
      text += " ";
      i = close.index + run;
    } else {
      text += char;
      i += 1;
    }
  }
  return text;
}
