// Annotations for a run: failed tests as errors, flaky tests as warnings, pointing at the test's file.
//
// Decision: `annotationsFor` returns plain, unescaped values. The action hands them to @actions/core's
// `error()`, `warning()` and `notice()`, which escape the message (`%`, CR, LF) and the properties (also
// `:` and `,`) themselves (escapeData/escapeProperty in @actions/core 3.0.1 lib/command.js, called for every
// annotation); escaping here as well would show `%25` to the reader. Code that writes workflow commands
// itself (the CLI, which has no @actions/core) uses `annotationCommand`, which escapes with the same rules.
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job (REST docs for
// check runs: "GitHub Actions are limited to 10 warning annotations and 10 error annotations per step";
// actions/toolkit docs/problem-matchers.md adds notices and the per-job 50). Annotations past the limit are
// dropped silently, so the rest are counted in one notice that points to the report.
import type { MergedTest, RunResult } from "../run/index.ts";
import { formatCount, plural, truncateText } from "./markdown.ts";
import { attemptHistory, failureHeadline, testLocation, testTitle } from "./test-text.ts";

export const ANNOTATION_LIMITS = { perLevelPerStep: 10, perJob: 50 } as const;

export type AnnotationLevel = "error" | "warning" | "notice";

/**
 * One annotation as plain data. `file` is as the report gave it (often absolute): the adapter makes it
 * relative to the repository, and passes `line` as @actions/core's `startLine`.
 */
export interface TestAnnotation {
  readonly level: AnnotationLevel;
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

const TITLE_CAP = 200;
const MESSAGE_CAP = 4_000;
const DETAIL_LINES = 20;

/**
 * Up to `max` (default and at most 10, GitHub's per-step limit) error annotations, failed tests first, then
 * tests that failed on infrastructure, then failures of the last attempt that belong to no test; up to
 * `max` warnings for flaky tests; and one notice counting whatever did not fit.
 */
export function annotationsFor(run: RunResult, options: { readonly max?: number } = {}): TestAnnotation[] {
  const max = Math.max(
    0,
    Math.min(options.max ?? ANNOTATION_LIMITS.perLevelPerStep, ANNOTATION_LIMITS.perLevelPerStep),
  );
  const errors = [
    ...run.tests
      .filter((test) => test.verdict === "failed")
      .map((test) => testAnnotation(test, "error", "Failed")),
    ...run.tests
      .filter((test) => test.verdict === "infra-failure")
      .map((test) => testAnnotation(test, "error", "Failed on infrastructure")),
    ...run.attemptFailures.map(
      (failure): TestAnnotation => ({
        level: "error",
        title:
          failure.kind === "infra" ? "The test command failed on infrastructure" : "The test command failed",
        message: truncateText(
          [failure.evidence.description, failure.evidence.line].filter((part) => part).join(": "),
          MESSAGE_CAP,
        ),
      }),
    ),
  ];
  const warnings = run.tests
    .filter((test) => test.verdict === "flaky")
    .map((test) => testAnnotation(test, "warning", "Flaky"));

  const annotations = [...errors.slice(0, max), ...warnings.slice(0, max)];
  const omittedErrors = Math.max(0, errors.length - max);
  const omittedWarnings = Math.max(0, warnings.length - max);
  if (omittedErrors + omittedWarnings > 0) {
    const omitted = [
      omittedErrors > 0 ? `${plural(omittedErrors, "more failure")}` : null,
      omittedWarnings > 0 ? `${plural(omittedWarnings, "more flaky test")}` : null,
    ].filter((part) => part !== null);
    annotations.push({
      level: "notice",
      title: "More test results than annotations",
      message: `${omitted.join(" and ")} not annotated: GitHub shows ${formatCount(ANNOTATION_LIMITS.perLevelPerStep)} annotations of each kind per step. The job summary lists them.`,
    });
  }
  return annotations;
}

function testAnnotation(test: MergedTest, level: AnnotationLevel, label: string): TestAnnotation {
  const location = testLocation(test);
  const lines: string[] = [];
  if (test.verdict === "infra-failure" && test.evidence) {
    lines.push(`${test.evidence.description} (${test.evidence.rule})`);
    if (test.evidence.line) lines.push(test.evidence.line);
  } else {
    if (test.verdict === "flaky") lines.push(attemptHistory(test));
    const headline = failureHeadline(test.failure);
    if (headline) lines.push(headline);
    const details = detailsAfter(test.failure?.details ?? null, headline);
    if (details) lines.push(details);
  }
  return {
    level,
    title: truncateText(`${label}: ${testTitle(test)}`, TITLE_CAP),
    message: truncateText(lines.join("\n") || label, MESSAGE_CAP),
    ...(location ? { file: location.file } : {}),
    ...(location?.line ? { line: location.line } : {}),
  };
}

/**
 * The first lines of a failure's details, without the headline when they start with it: a stack trace
 * usually opens with the very `Type: message` line the annotation already shows.
 */
function detailsAfter(details: string | null, headline: string | null): string | null {
  if (!details) return null;
  const start = details.trimStart();
  const after = headline && start.startsWith(headline) ? start.slice(headline.length) : null;
  // Only a whole first line counts: a longer line that merely begins like the headline is kept.
  const rest =
    after !== null && /^[ \t]*(\r\n|\r|\n|$)/.test(after)
      ? after.replace(/^[ \t]*(\r\n|\r|\n)?/, "")
      : details;
  const shown = rest
    .split(/\r\n|\r|\n/)
    .slice(0, DETAIL_LINES)
    .join("\n")
    .trimEnd();
  return shown === "" ? null : shown;
}

/** Workflow-command data escaping, as @actions/core does it: `%`, CR and LF. */
export function escapeAnnotation(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Workflow-command property escaping, as @actions/core does it: data escaping plus `:` and `,`. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotation(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The `::error title=…,file=…,line=…::message` line for writers without @actions/core. */
export function annotationCommand(annotation: TestAnnotation): string {
  const properties = [
    ["title", annotation.title],
    ["file", annotation.file],
    ["line", annotation.line === undefined ? undefined : String(annotation.line)],
  ]
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${escapeAnnotationProperty(value)}`);
  const head = properties.length > 0 ? `${annotation.level} ${properties.join(",")}` : annotation.level;
  return `::${head}::${escapeAnnotation(annotation.message)}`;
}
