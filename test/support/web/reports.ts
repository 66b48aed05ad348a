// Run reports for the API tests: version 2, with as many tests as a test needs, shaped exactly as
// `writeRunReport` writes them (checked by the schema on the server).
import type { CiContext, ReportTest, RunReport } from "../../../core/history/index.ts";
import { ciContext } from "./ci.ts";

export interface ReportOptions {
  readonly tests?: number;
  readonly ci?: Partial<CiContext>;
  readonly startedAt?: string;
  /** Test index → verdict; the rest pass. */
  readonly verdicts?: Record<number, "failed" | "flaky" | "skipped">;
  /** Name of test i (default `handles order i`). */
  readonly name?: (index: number) => string;
}

export function makeRunReport(options: ReportOptions = {}): RunReport {
  const count = options.tests ?? 3;
  const tests: ReportTest[] = [];
  for (let index = 0; index < count; index++) {
    const verdict = options.verdicts?.[index] ?? "passed";
    const failure =
      verdict === "failed" || verdict === "flaky"
        ? {
            type: "AssertionError",
            message: `expected ${index} to equal ${index + 1}`,
            details: null,
            file: "orders.test.ts",
            line: 12,
            phase: "call" as const,
          }
        : null;
    tests.push({
      id: (index + 1).toString(16).padStart(16, "0"),
      suitePath: ["orders"],
      classname: "Orders",
      name: options.name?.(index) ?? `handles order ${index}`,
      file: "orders.test.ts",
      verdict,
      attempts: [
        {
          attempt: 1,
          status: verdict === "failed" ? "failed" : verdict === "skipped" ? "skipped" : "passed",
          flaky: verdict === "flaky",
          durationMs: 40 + (index % 17),
          failure,
          kind: failure ? "test" : null,
          evidence: null,
        },
      ],
      failure,
      evidence: null,
      durationMs: 40 + (index % 17),
    });
  }
  const failed = tests.filter((test) => test.verdict === "failed").length;
  return {
    version: 2,
    ci: ciContext(options.ci),
    command: "npm test",
    startedAt: options.startedAt ?? "2026-03-02T10:00:00.000Z",
    durationMs: 61_500,
    cancelled: false,
    outcome: failed > 0 ? "test-failures" : "passed",
    attemptFailures: [],
    attempts: [
      {
        number: 1,
        durationMs: 61_500,
        exitCode: failed > 0 ? 1 : 0,
        signal: null,
        timedOut: false,
        junit: {
          files: 1,
          incompleteFiles: 0,
          unreadableFiles: 0,
          counts: { tests: count, failed, errored: 0 },
        },
        classification: {
          outcome: failed > 0 ? "test-failures" : "passed",
          infraFailures: [],
          testFailures: [],
        },
        retried: false,
      },
    ],
    tests,
  };
}
