// The retry decision and the attempt record, driven through the real classifier, and the real attempt loop
// that strings them together: classify -> shouldRetry -> recordAttempt, until no retry is due.
import { describe, expect, it } from "vitest";
import { type AttemptEvidence, classifyAttempt } from "../../core/classify/index.ts";
import type { Failure, JunitFile } from "../../core/junit/index.ts";
import { recordAttempt, shouldRetry } from "../../core/run/index.ts";
import { evidence, failure, junit, test } from "../support/model-builders.ts";
import { runScripted } from "../support/scripted-attempts.ts";

const DAEMON_DOWN: AttemptEvidence = evidence({
  exitCode: 1,
  outputTail: [
    "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
  ],
});
const ASSERTION: Failure = failure({
  type: "AssertionError",
  message: "expected 'connection refused' to equal 'retrying'",
  phase: "call",
});
const FIXTURE_REFUSED: Failure = failure({
  message: 'failed on setup with "Error: connect ECONNREFUSED 127.0.0.1:5432"',
  phase: "setup",
});

describe("shouldRetry", () => {
  it("retries an all-infra attempt while attempts remain, and stops at the limit", () => {
    const classification = classifyAttempt(DAEMON_DOWN);
    expect(shouldRetry({ number: 1, classification }, { maxAttempts: 3 })).toBe(true);
    expect(shouldRetry({ number: 2, classification }, { maxAttempts: 3 })).toBe(true);
    expect(shouldRetry({ number: 3, classification }, { maxAttempts: 3 })).toBe(false);
    expect(shouldRetry({ number: 1, classification }, { maxAttempts: 1 })).toBe(false);
  });

  it("never retries a genuine test failure", () => {
    const classification = classifyAttempt(
      evidence({ junitFiles: [junit([test("a", "failed", ASSERTION)])] }),
    );
    expect(shouldRetry({ number: 1, classification }, { maxAttempts: 5 })).toBe(false);
  });

  it("does not retry a mixed attempt", () => {
    const mixed = junit([test("a", "errored", FIXTURE_REFUSED), test("b", "failed", ASSERTION)]);
    const classification = classifyAttempt(evidence({ junitFiles: [mixed] }));
    expect(classification.infraFailures).toHaveLength(1);
    expect(shouldRetry({ number: 1, classification }, { maxAttempts: 5 })).toBe(false);
  });

  it("does not retry a passed attempt", () => {
    const classification = classifyAttempt(
      evidence({ exitCode: 0, junitFiles: [junit([test("a", "passed")])] }),
    );
    expect(shouldRetry({ number: 1, classification }, { maxAttempts: 5 })).toBe(false);
  });
});

describe("recordAttempt", () => {
  it("keeps what the attempt did: exit, JUnit summary, test cases, classification and the retry decision", () => {
    const files: JunitFile[] = [
      junit([test("a", "errored", FIXTURE_REFUSED), test("b", "skipped")]),
      {
        ...junit([]),
        path: "broken.xml",
        incomplete: true,
        error: { message: "unexpected end", line: 3, column: 1 },
      },
      { ...junit([]), path: "empty.xml", error: { message: "empty file", line: null, column: null } },
    ];
    const attemptEvidence = evidence({ exitCode: 1, junitFiles: files });
    const classification = classifyAttempt(attemptEvidence);
    const record = recordAttempt({
      number: 1,
      durationMs: 42_000,
      evidence: attemptEvidence,
      classification,
      retried: shouldRetry({ number: 1, classification }, { maxAttempts: 2 }),
    });
    expect(record).toMatchObject({
      number: 1,
      durationMs: 42_000,
      exitCode: 1,
      signal: null,
      timedOut: false,
      retried: true,
      junit: {
        files: 3,
        incompleteFiles: 1,
        unreadableFiles: 1,
        counts: { tests: 2, errored: 1, skipped: 1 },
      },
    });
    expect(record.testCases.map((t) => t.name)).toEqual(["a", "b"]);
    expect(record.classification.infraFailures[0]?.evidence.rule).toBe("service-connection-refused");
    expect(Object.isFrozen(record)).toBe(true);
  });

  it("runs the engine loop: daemon down twice, then green, three records, the last not retried", async () => {
    const { result: run } = await runScripted(
      [DAEMON_DOWN, DAEMON_DOWN, evidence({ exitCode: 0, junitFiles: [junit([test("a", "passed")])] })],
      { maxAttempts: 5 },
    );
    expect(run.attempts.map((r) => [r.number, r.classification.outcome, r.retried])).toEqual([
      [1, "infra-failure", true],
      [2, "infra-failure", true],
      [3, "passed", false],
    ]);
  });
});
