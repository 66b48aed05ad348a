// The run report as the server accepts it (versions 1 and 2), checked at the edge. The schema follows the
// type in core/history/run-report.ts, so a report that passes is what the store's planning expects.
import { z } from "zod";
import { ciProviders } from "../../core/ci/index.ts";
import type { RunReport } from "../../core/history/index.ts";

const text = z.string();
const nullableText = z.string().nullable();
const count = z.number().int().nonnegative();
const milliseconds = z.number().nonnegative().finite();

/** `org/repo`, or deeper for GitLab groups: no blanks, no empty or dot-only parts. */
export const projectSlug = z
  .string()
  .max(200)
  .regex(/^(?!.*\/\.{1,2}(?:\/|$))[^\s/.][^\s/]*(?:\/[^\s/]+)+$/, "expected a repository like org/repo");

const ciContext = z.object({
  provider: z.enum(ciProviders),
  repository: projectSlug.nullable(),
  commitSha: z.string().max(100).nullable(),
  branch: z.string().max(500).nullable(),
  ref: z.string().max(500).nullable(),
  defaultBranch: z.string().max(500).nullable(),
  baseBranch: z.string().max(500).nullable(),
  pullRequest: z.number().int().positive().nullable(),
  workflow: z.string().max(500).nullable(),
  job: z.string().max(500).nullable(),
  jobKey: z.string().max(500).nullable(),
  runId: z.string().max(200).nullable(),
  runAttempt: z.number().int().positive().nullable(),
  runUrl: z.url().max(2000).nullable(),
});

const failure = z.object({
  type: nullableText,
  message: nullableText,
  details: nullableText,
  file: nullableText.default(null),
  line: z.number().int().nullable().default(null),
  phase: z.enum(["setup", "call", "teardown"]).nullable().default(null),
});

const evidence = z.object({
  rule: text.max(200),
  kind: z.enum(["infra", "test"]),
  description: text,
  source: z.enum(["output", "junit", "exit"]),
  line: nullableText,
  lineNumber: z.number().int().nullable(),
});

const failureRef = z.object({
  kind: z.enum(["infra", "test"]),
  test: z.object({ id: text.min(1).max(200) }).nullable(),
  evidence,
});

const attempt = z.object({
  number: z.number().int().positive(),
  durationMs: milliseconds,
  exitCode: z.number().int().nullable(),
  signal: nullableText,
  timedOut: z.boolean(),
  junit: z.object({
    files: count,
    incompleteFiles: count,
    unreadableFiles: count,
    counts: z.object({ tests: count, failed: count, errored: count }),
  }),
  classification: z.object({
    outcome: z.enum(["passed", "infra-failure", "test-failures"]),
    infraFailures: z.array(failureRef),
    testFailures: z.array(failureRef),
  }),
  retried: z.boolean(),
});

const testStatus = z.enum(["passed", "failed", "errored", "skipped"]);

const test = z.object({
  id: text.min(1).max(200),
  suitePath: z.array(text),
  classname: text,
  name: text,
  file: nullableText,
  verdict: z.enum([
    "passed",
    "failed",
    "skipped",
    "flaky",
    "recovered-after-infra-retry",
    "infra-failure",
    "superseded",
  ]),
  placeholder: z.object({ kind: z.string() }).nullable().optional(),
  attempts: z.array(
    z.object({
      attempt: z.number().int().positive(),
      status: testStatus,
      flaky: z.boolean(),
      durationMs: milliseconds,
      failure: failure.nullable(),
      kind: z.enum(["infra", "test"]).nullable(),
      evidence: evidence.nullable(),
    }),
  ),
  failure: failure.nullable(),
  evidence: evidence.nullable(),
  durationMs: milliseconds,
});

const common = {
  command: text,
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: milliseconds,
  cancelled: z.boolean(),
  outcome: z.enum(["passed", "test-failures", "infra-failure"]),
  attemptFailures: z.array(failureRef),
  attempts: z.array(attempt).min(1),
  tests: z.array(test),
};

export const runReportSchema = z.discriminatedUnion("version", [
  z.object({ version: z.literal(1), ...common }),
  z.object({ version: z.literal(2), ci: ciContext, ...common }),
]);

// The schema's output must be a RunReport: a change on either side that breaks the other fails typecheck.
type Parsed = z.output<typeof runReportSchema>;
export const acceptsRunReport: (report: Parsed) => RunReport = (report) => report;
