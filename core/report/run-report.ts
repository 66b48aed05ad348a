// The Markdown report of one run, for the job summary and the pull-request comment. Pure: every section is
// a builder that returns lines, and `fitSections` decides how much of each fits the target's limit.
import type { Evidence } from "../classify/index.ts";
import type { AttemptRecord, MergedTest, RunResult } from "../run/index.ts";
import { type Cuts, fitSections, type Section, type SectionPlan } from "./fit-sections.ts";
import { codeSpan, escapeMarkdown, formatCount, plural, truncateText, utf8Length } from "./markdown.ts";
import {
  attemptHistory,
  failureHeadline,
  formatDuration,
  formatLocation,
  testDurationMs,
  testLocation,
  testTitle,
} from "./test-text.ts";

/**
 * GitHub's limits: a comment body is capped in characters, a step's job summary in bytes (UTF-8). Comment
 * sizes are measured in UTF-16 code units, never fewer than the characters GitHub counts.
 */
export const MARKDOWN_LIMITS = { comment: 65_535, summary: 1_048_576 } as const;

export type ReportTarget = keyof typeof MARKDOWN_LIMITS;

export interface RunReportOptions {
  readonly target: ReportTarget;
  /** Tests that took at least this long are listed; null lists none. */
  readonly slowTestSeconds: number | null;
  /** Heading of the report (default `seamwatch`); tells reports of several jobs apart. */
  readonly title?: string;
  /** Identifies the comment to update on later runs; only used for the `comment` target. */
  readonly commentKey?: string;
  /** One line shown under the outcome: "Could not post the PR comment: …". */
  readonly notice?: string | null;
  /** How many of the slowest tests to list (default 10). */
  readonly slowestCount?: number;
}

/** Per-field caps for untrusted text, tried in order while the report is too big. */
const TEXT_CAPS = [500, 200, 80] as const;
const TITLE_CAP = 200;
const NOTICE_CAP = 1_000;
const COMMENT_KEY_CAP = 100;
const DEFAULT_SLOWEST_COUNT = 10;
/** Distinct evidence rules shown per attempt; the rest are counted. */
const EVIDENCE_PER_ATTEMPT = 3;
/** Replaced setup failures named under the attempts table; the rest are counted. */
const REPLACED_SHOWN = 3;

/**
 * The hidden first line of a report comment, which finds the comment again on the next run. The key is
 * reduced to `[A-Za-z0-9_.:/-]` with no `--`, so it cannot end the HTML comment early.
 */
export function commentMarker(commentKey = "default"): string {
  const key =
    commentKey
      .slice(0, COMMENT_KEY_CAP)
      .replace(/[^A-Za-z0-9_.:/-]/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-|-$/g, "") || "default";
  return `<!-- seamwatch:report:${key} -->`;
}

/** Renders the run as GitHub-flavoured Markdown that fits `MARKDOWN_LIMITS[options.target]`. */
export function renderRunReport(run: RunResult, options: RunReportOptions): string {
  const { target } = options;
  const sections = [
    headerSection(run, options),
    totalsSection(run),
    attemptsSection(run),
    failedSection(run.tests),
    infraFailedSection(run.tests),
    flakySection(run.tests),
    recoveredSection(run.tests),
    slowestSection(run.tests, options.slowestCount ?? DEFAULT_SLOWEST_COUNT),
    slowSection(run.tests, options.slowTestSeconds),
  ].filter((section): section is Section => section !== null);
  return fitSections(sections, {
    limit: MARKDOWN_LIMITS[target],
    measure: target === "summary" ? utf8Length : (text) => text.length,
    textCaps: TEXT_CAPS,
    cutNote: (cuts) => cutNote(target, cuts),
  });
}

// --- sections ---------------------------------------------------------------------------------------

function headerSection(run: RunResult, options: RunReportOptions): Section {
  return fixedSection("outcome", true, () => {
    const lines: string[] = [];
    if (options.target === "comment") lines.push(commentMarker(options.commentKey));
    lines.push(`## ${escapeMarkdown(truncateText(options.title?.trim() || "seamwatch", TITLE_CAP))}`, "");
    lines.push(`**${outcomeLine(run)}**`);
    if (options.notice) lines.push("", `> ℹ️ ${escapeMarkdown(truncateText(options.notice, NOTICE_CAP))}`);
    return lines;
  });
}

/** The run's outcome in one line of Markdown. */
function outcomeLine(run: RunResult): string {
  const { totals } = run;
  const last = run.attempts.at(-1);
  const attemptsText = plural(run.attempts.length, "attempt");
  if (run.outcome === "infra-failure") {
    const cause = last?.classification.infraFailures[0]?.evidence.description;
    return `⚠️ Infrastructure failure after ${attemptsText}${cause ? `: ${escapeMarkdown(cause)}` : ""}`;
  }
  if (run.outcome === "test-failures") {
    const parts: string[] = [];
    if (totals.failed > 0) parts.push(`❌ ${plural(totals.failed, "test")} failed`);
    else {
      const commandFailure = run.attemptFailures.find((failure) => failure.kind === "test");
      const cause = commandFailure ? `: ${evidenceText(commandFailure.evidence, TEXT_CAPS[0])}` : "";
      parts.push(`❌ The test command failed${cause}`);
    }
    if (totals.infraFailed > 0) parts.push(`${formatCount(totals.infraFailed)} failed on infrastructure`);
    if (totals.flaky > 0) parts.push(`${formatCount(totals.flaky)} flaky`);
    return parts.join(" · ");
  }
  if (totals.tests === 0) return "✅ The test command passed, but no tests were reported";
  const ran = totals.passed + totals.flaky;
  const parts = [
    totals.skipped > 0
      ? `✅ ${plural(ran, "test")} passed, ${formatCount(totals.skipped)} skipped`
      : `✅ ${ran === 1 ? "1 test" : `All ${formatCount(ran)} tests`} passed`,
  ];
  if (totals.flaky > 0) parts.push(`${formatCount(totals.flaky)} flaky`);
  if (totals.recovered > 0) {
    parts.push(`${formatCount(totals.recovered)} recovered after an infrastructure retry`);
  }
  return parts.join(" · ");
}

function totalsSection(run: RunResult): Section {
  return fixedSection("totals", true, () => {
    const { totals } = run;
    const columns: [string, string][] = [
      ["Tests", formatCount(totals.tests)],
      ["Passed", formatCount(totals.passed)],
      ["Failed", formatCount(totals.failed)],
      ["Skipped", formatCount(totals.skipped)],
      ["Flaky", formatCount(totals.flaky)],
      ["Recovered after infra retry", formatCount(totals.recovered)],
    ];
    if (totals.infraFailed > 0) columns.push(["Failed on infrastructure", formatCount(totals.infraFailed)]);
    columns.push(["Attempts", formatCount(run.attempts.length)], ["Time", formatDuration(totals.durationMs)]);
    return [
      `| ${columns.map(([name]) => name).join(" | ")} |`,
      `| ${columns.map(() => "---:").join(" | ")} |`,
      `| ${columns.map(([, value]) => value).join(" | ")} |`,
    ];
  });
}

function attemptsSection(run: RunResult): Section {
  return listSection({
    name: "attempts",
    priority: 90,
    minItems: 1,
    entries: run.attempts,
    head: () => [
      "### Attempts",
      "",
      "| Attempt | Duration | Outcome | Classification | Evidence |",
      "| ---: | ---: | --- | --- | --- |",
    ],
    item: (attempt, cap) => [
      `| ${attempt.number} | ${formatDuration(attempt.durationMs)} | ${escapeMarkdown(attemptOutcome(attempt))} | ${attemptClassification(attempt)} | ${attemptEvidence(attempt, cap)} |`,
    ],
    noun: "attempts",
    tail: (cap) => replacedSetupNote(run.tests, cap),
  });
}

/**
 * What the command left: the real tests and how many failed, and apart from them the placeholders for setup
 * (a class or file that failed before its tests ran is not a test, though the report counts it as one).
 */
function attemptOutcome(attempt: AttemptRecord): string {
  const ended = attempt.timedOut
    ? "timed out"
    : attempt.signal
      ? `killed by ${attempt.signal}`
      : attempt.exitCode === null
        ? "no exit code"
        : `exit code ${attempt.exitCode}`;
  const { junit } = attempt;
  if (junit.files === 0) return `${ended}, no JUnit report`;
  const placeholders = attempt.testCases.filter((test) => test.placeholder);
  const setupFailures = placeholders.filter((test) => test.status === "failed" || test.status === "errored");
  const tests = junit.counts.tests - placeholders.length;
  const failed = junit.counts.failed + junit.counts.errored - setupFailures.length;
  const unreadable = junit.unreadableFiles + junit.incompleteFiles;
  const broken = unreadable > 0 ? `, ${plural(unreadable, "report")} unreadable or cut short` : "";
  if (tests === 0 && setupFailures.length === 1) return `${ended}, setup failed${broken}`;
  const counts =
    tests === 0 && setupFailures.length > 0
      ? `${plural(setupFailures.length, "setup failure")}`
      : `${plural(tests, "test")}, ${formatCount(failed)} failed${setupFailures.length > 0 ? `, ${plural(setupFailures.length, "setup failure")}` : ""}`;
  return `${ended}, ${counts}${broken}`;
}

/**
 * A placeholder superseded by the real failures of its tests is listed nowhere (its tests are), yet the table
 * above shows the attempt it failed in: one line says what became of it. Nothing when there is none.
 */
function replacedSetupNote(tests: readonly MergedTest[], cap: number): string[] {
  const superseded = tests.filter((test) => test.verdict === "superseded" && test.placeholder);
  if (superseded.length === 0) return [];
  const named = superseded.slice(0, REPLACED_SHOWN).map((test) => {
    const attempts = test.attempts.map((result) => result.attempt);
    const where = `${attempts.length === 1 ? "attempt" : "attempts"} ${attempts.join(", ")}`;
    const subject = codeSpan(truncateText(placeholderSubject(test), cap));
    return { what: `${test.placeholder?.kind} of ${subject}`, where };
  });
  const [only] = named;
  if (only && superseded.length === 1) {
    return [
      "",
      `The ${only.what} that failed in ${only.where} is not counted as a test: its tests ran in a later attempt, and their own results count instead.`,
    ];
  }
  const listed = named.map(({ what, where }) => `${what} (${where})`);
  const rest = superseded.length - named.length;
  if (rest > 0) listed.push(`${formatCount(rest)} more`);
  return [
    "",
    `Setup failures not counted as tests, because their tests ran in a later attempt and their own results count instead: ${listed.join("; ")}.`,
  ];
}

/** What a placeholder stands for, in its scope's terms: the class, the file, the module or the suite. */
function placeholderSubject(test: MergedTest): string {
  switch (test.placeholder?.scope) {
    case "class":
      return test.classname || testTitle(test);
    case "file":
      return test.file || test.name || testTitle(test);
    case "module":
      return test.name || testTitle(test);
    default:
      return testTitle(test);
  }
}

function attemptClassification(attempt: AttemptRecord): string {
  switch (attempt.classification.outcome) {
    case "passed":
      return "✅ passed";
    case "test-failures":
      return "❌ test failures";
    case "infra-failure":
      return attempt.retried ? "⚠️ infrastructure, retried" : "⚠️ infrastructure";
  }
}

/** Distinct rules (infrastructure first), each with how often it matched and its first matched line. */
function attemptEvidence(attempt: AttemptRecord, cap: number): string {
  const { infraFailures, testFailures } = attempt.classification;
  const groups = new Map<string, { evidence: Evidence; count: number }>();
  for (const failure of [...infraFailures, ...testFailures]) {
    const group = groups.get(failure.evidence.rule);
    if (group) group.count += 1;
    else groups.set(failure.evidence.rule, { evidence: failure.evidence, count: 1 });
  }
  if (groups.size === 0) return "—";
  const shown = [...groups.values()].slice(0, EVIDENCE_PER_ATTEMPT).map(({ evidence, count }) => {
    const times = count > 1 ? ` ×${formatCount(count)}` : "";
    const line = evidence.line ? ` ${codeSpan(truncateText(evidence.line, cap), { table: true })}` : "";
    return `${codeSpan(truncateText(evidence.rule, cap), { table: true })}${times}${line}`;
  });
  const rest = groups.size - shown.length;
  if (rest > 0) shown.push(`+${plural(rest, "more rule")}`);
  return shown.join("<br>");
}

function failedSection(tests: readonly MergedTest[]): Section | null {
  const failed = tests.filter((test) => test.verdict === "failed");
  return testListSection({
    name: "failed tests",
    priority: 80,
    tests: failed,
    heading: `### ❌ Failed tests (${formatCount(failed.length)})`,
    intro: null,
    detail: (test, cap) => headlineSpan(test, cap),
  });
}

function infraFailedSection(tests: readonly MergedTest[]): Section | null {
  const infra = tests.filter((test) => test.verdict === "infra-failure");
  return testListSection({
    name: "tests that failed on infrastructure",
    priority: 75,
    tests: infra,
    heading: `### ⚠️ Failed on infrastructure (${formatCount(infra.length)})`,
    intro: "Never passed, and every failure matched an infrastructure signature.",
    detail: (test, cap) => (test.evidence ? evidenceText(test.evidence, cap) : headlineSpan(test, cap)),
  });
}

function flakySection(tests: readonly MergedTest[]): Section | null {
  const flaky = tests.filter((test) => test.verdict === "flaky");
  return testListSection({
    name: "flaky tests",
    priority: 60,
    tests: flaky,
    heading: `### 🔁 Flaky tests (${formatCount(flaky.length)})`,
    intro: "Failed, then passed: they did not fail the run.",
    summary: (test) => attemptHistory(test),
    detail: (test, cap) => headlineSpan(test, cap),
  });
}

function recoveredSection(tests: readonly MergedTest[]): Section | null {
  const recovered = tests.filter((test) => test.verdict === "recovered-after-infra-retry");
  return testListSection({
    name: "tests recovered after an infrastructure retry",
    priority: 50,
    tests: recovered,
    heading: `### 🛠️ Recovered after an infrastructure retry (${formatCount(recovered.length)})`,
    intro: "Failed for infrastructure, then passed on a retry: not flaky.",
    summary: (test) => attemptHistory(test),
    detail: (test, cap) => (test.evidence ? evidenceText(test.evidence, cap) : headlineSpan(test, cap)),
  });
}

function slowestSection(tests: readonly MergedTest[], count: number): Section | null {
  const slowest = slowestTests(tests, count);
  if (slowest.length === 0) return null;
  return listSection({
    name: "slowest tests",
    priority: 30,
    // A top ten cut to three misleads: the table is shown whole or not at all.
    minItems: slowest.length,
    entries: slowest,
    head: () => [
      `### 🐢 Slowest ${plural(slowest.length, "test")}`,
      "",
      "| # | Test | Time |",
      "| ---: | --- | ---: |",
    ],
    item: (test, cap, index) => [
      `| ${index + 1} | ${escapeMarkdown(truncateText(testTitle(test), cap))} | ${formatDuration(testDurationMs(test))} |`,
    ],
    noun: "slow tests",
  });
}

function slowSection(tests: readonly MergedTest[], slowTestSeconds: number | null): Section | null {
  if (slowTestSeconds === null) return null;
  const thresholdMs = slowTestSeconds * 1000;
  const slow = tests
    .filter((test) => ranAsTest(test) && testDurationMs(test) >= thresholdMs)
    .toSorted((a, b) => testDurationMs(b) - testDurationMs(a));
  return testListSection({
    name: "tests over the slow-test threshold",
    priority: 35,
    tests: slow,
    heading: `### 🐌 Tests that took ${slowTestSeconds} s or more (${formatCount(slow.length)})`,
    intro: null,
    summary: (test) => formatDuration(testDurationMs(test)),
    detail: () => null,
  });
}

// --- builders -----------------------------------------------------------------------------------------

function fixedSection(
  name: string,
  required: boolean,
  lines: (cap: number) => readonly string[],
  priority = Number.POSITIVE_INFINITY,
): Section {
  return {
    name,
    priority,
    required,
    minItems: 0,
    plan: (cap) => ({ head: lines(cap), itemCount: 0, item: () => [], more: () => [], tail: [] }),
  };
}

function listSection<T>(spec: {
  readonly name: string;
  readonly priority: number;
  readonly minItems: number;
  readonly entries: readonly T[];
  readonly head: (cap: number) => readonly string[];
  readonly item: (entry: T, cap: number, index: number) => readonly string[];
  /** What the items are, for "…and 12 more failed tests". */
  readonly noun: string;
  /** Lines after the list, shown with it. */
  readonly tail?: (cap: number) => readonly string[];
}): Section {
  return {
    name: spec.name,
    priority: spec.priority,
    required: false,
    minItems: spec.minItems,
    plan: (cap): SectionPlan => {
      const head = spec.head(cap);
      return {
        head,
        itemCount: spec.entries.length,
        item: (index) => {
          const entry = spec.entries[index];
          return entry === undefined ? [] : spec.item(entry, cap, index);
        },
        // A blank line ends the list or table, so the count cannot become one of its rows.
        more: (omitted, shown) => [
          ...(shown > 0 || head.at(-1) !== "" ? [""] : []),
          shown === 0
            ? `${formatCount(omitted)} ${spec.noun} not listed, to fit the size limit.`
            : `…and ${formatCount(omitted)} more ${spec.noun}.`,
        ],
        tail: spec.tail?.(cap) ?? [],
      };
    },
  };
}

/**
 * A list of tests, one item each: `- **title** · summary · location`, then on a second line (after a hard
 * line break) the detail, usually the failure's first line in a code span.
 */
function testListSection(spec: {
  readonly name: string;
  readonly priority: number;
  readonly tests: readonly MergedTest[];
  readonly heading: string;
  readonly intro: string | null;
  /** Trusted Markdown after the title: a duration, the attempt history. */
  readonly summary?: (test: MergedTest) => string;
  readonly detail: (test: MergedTest, cap: number) => string | null;
}): Section | null {
  if (spec.tests.length === 0) return null;
  return listSection({
    name: spec.name,
    priority: spec.priority,
    minItems: 0,
    entries: spec.tests,
    head: () => [spec.heading, "", ...(spec.intro ? [spec.intro, ""] : [])],
    item: (test, cap) => {
      const location = testLocation(test);
      const parts = [`**${escapeMarkdown(truncateText(testTitle(test), cap))}**`];
      if (spec.summary) parts.push(spec.summary(test));
      if (location) parts.push(codeSpan(truncateText(formatLocation(location), cap)));
      const detail = spec.detail(test, cap);
      return detail ? [`- ${parts.join(" · ")}\\`, `  ${detail}`] : [`- ${parts.join(" · ")}`];
    },
    noun: spec.name,
  });
}

// --- text pieces --------------------------------------------------------------------------------------

function headlineSpan(test: MergedTest, cap: number): string | null {
  const headline = failureHeadline(test.failure);
  return headline ? codeSpan(truncateText(headline, cap)) : null;
}

/** `rule` `matched line`, both in code spans. */
function evidenceText(evidence: Evidence, cap: number): string {
  const rule = codeSpan(truncateText(evidence.rule, cap));
  return evidence.line ? `${rule} ${codeSpan(truncateText(evidence.line, cap))}` : rule;
}

/** The `count` slowest tests that ran, slowest first, ties in order of appearance. Does not sort the run. */
function slowestTests(tests: readonly MergedTest[], count: number): MergedTest[] {
  const top: MergedTest[] = [];
  if (count <= 0) return top;
  for (const test of tests) {
    if (!ranAsTest(test)) continue;
    const duration = testDurationMs(test);
    if (top.length === count && duration <= testDurationMs(top[top.length - 1] as MergedTest)) continue;
    const index = top.findIndex((other) => duration > testDurationMs(other));
    top.splice(index === -1 ? top.length : index, 0, test);
    if (top.length > count) top.pop();
  }
  return top;
}

/** A test that ran: not skipped, and not a placeholder for setup (its time is not a test's). */
function ranAsTest(test: MergedTest): boolean {
  return test.verdict !== "skipped" && !test.placeholder;
}

function cutNote(target: ReportTarget, cuts: Cuts): string[] {
  const limit =
    target === "comment"
      ? `GitHub's limit of ${formatCount(MARKDOWN_LIMITS.comment)} characters for a comment`
      : "GitHub's limit of 1 MiB for a job summary";
  const parts = [`✂️ **Shortened to fit ${limit}.**`];
  if (cuts.textCap !== null) parts.push(`Names and messages are cut to ${cuts.textCap} characters.`);
  if (cuts.lists.length > 0) {
    const lists = cuts.lists.map(
      (cut) => `${formatCount(cut.omitted)} of ${formatCount(cut.total)} ${cut.name}`,
    );
    parts.push(`Not listed: ${lists.join(", ")}.`);
  }
  if (cuts.dropped.length > 0) parts.push(`Left out: ${cuts.dropped.join(", ")}.`);
  return [`> ${parts.join(" ")}`];
}
