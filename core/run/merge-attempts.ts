// Combines the attempts of one run into the final per-test view and the run's outcome.
import type { ClassifiedFailure } from "../classify/classify-attempt.ts";
import type { TestCase } from "../junit/model.ts";
import type {
  AttemptRecord,
  MergedTest,
  RunOutcome,
  RunResult,
  RunTotals,
  TestAttemptResult,
  TestVerdict,
} from "./model.ts";

/**
 * Merges attempts (in order) into one result.
 *
 * Outcome: `test-failures` when a test failed genuinely and never passed, or the last attempt failed for a
 * reason of its own that is not infrastructure (a command failure); otherwise `infra-failure` when a test
 * never got past infrastructure or the last attempt still hit infrastructure; otherwise `passed`.
 * Decision: flaky tests do not fail the run. They passed in this run and are reported as flaky.
 */
export function mergeAttempts(attempts: readonly AttemptRecord[]): RunResult {
  const last = attempts.at(-1);
  if (!last) throw new RangeError("mergeAttempts needs at least one attempt");

  const tests = mergeTests(attempts);
  const attemptFailures = [...last.classification.testFailures, ...last.classification.infraFailures].filter(
    (failure) => failure.test === null,
  );
  const genuine =
    tests.some((test) => test.verdict === "failed") ||
    attemptFailures.some((failure) => failure.kind === "test");
  const infra =
    tests.some((test) => test.verdict === "infra-failure") || last.classification.infraFailures.length > 0;
  const outcome: RunOutcome = genuine ? "test-failures" : infra ? "infra-failure" : "passed";

  return Object.freeze({
    outcome,
    tests,
    totals: totalsOf(tests, attempts),
    attempts,
    attemptFailures: Object.freeze(attemptFailures),
  });
}

interface Appearances {
  readonly identity: TestCase;
  readonly results: TestAttemptResult[];
}

function mergeTests(attempts: readonly AttemptRecord[]): readonly MergedTest[] {
  // A Map keeps first-appearance order without sorting anything.
  const byId = new Map<string, Appearances>();
  for (const attempt of attempts) {
    const classified = classifiedByTest(attempt);
    for (const test of attempt.testCases) {
      const entry = byId.get(test.id) ?? { identity: test, results: [] };
      byId.set(test.id, entry);
      entry.results.push(resultOf(attempt.number, test, classified.get(test.id)));
    }
  }
  return Object.freeze([...byId.values()].map(mergeTest));
}

function classifiedByTest(attempt: AttemptRecord): Map<string, ClassifiedFailure> {
  const map = new Map<string, ClassifiedFailure>();
  for (const failure of [...attempt.classification.testFailures, ...attempt.classification.infraFailures]) {
    if (failure.test && !map.has(failure.test.id)) map.set(failure.test.id, failure);
  }
  return map;
}

function resultOf(
  attempt: number,
  test: TestCase,
  classified: ClassifiedFailure | undefined,
): TestAttemptResult {
  const failing = test.status === "failed" || test.status === "errored";
  return Object.freeze({
    attempt,
    status: test.status,
    flaky: test.flaky,
    durationMs: test.durationMs,
    // A within-report flaky pass keeps the failure of its failed re-run, so the flake can be shown.
    failure: failing ? (classified?.failure ?? test.failure) : test.flaky ? test.failure : null,
    // Unclassified failures are genuine: nothing proved them infrastructure.
    kind: failing ? (classified?.kind ?? "test") : null,
    evidence: failing ? (classified?.evidence ?? null) : null,
  });
}

function mergeTest({ identity, results }: Appearances): MergedTest {
  const verdict = verdictOf(results);
  const shown = shownResult(verdict, results);
  return Object.freeze({
    id: identity.id,
    suitePath: identity.suitePath,
    classname: identity.classname,
    name: identity.name,
    file: identity.file,
    verdict,
    attempts: Object.freeze(results),
    failure: shown?.failure ?? null,
    evidence: shown?.evidence ?? null,
    durationMs: results.reduce((sum, result) => sum + result.durationMs, 0),
  });
}

function verdictOf(results: readonly TestAttemptResult[]): TestVerdict {
  const passedAt = results.flatMap((result, index) => (result.status === "passed" ? [index] : []));
  const genuineFailure = results.some((result) => result.kind === "test");
  const firstInfra = results.findIndex((result) => result.kind === "infra");
  if (passedAt.length > 0) {
    if (genuineFailure || results.some((result) => result.flaky)) return "flaky";
    // Only a pass *after* an infra failure is a recovery; an infra failure after the last pass is not the
    // test's doing and leaves it passed.
    if (firstInfra >= 0 && passedAt.some((index) => index > firstInfra)) return "recovered-after-infra-retry";
    return "passed";
  }
  if (genuineFailure) return "failed";
  if (firstInfra >= 0) return "infra-failure";
  return "skipped";
}

function shownResult(
  verdict: TestVerdict,
  results: readonly TestAttemptResult[],
): TestAttemptResult | undefined {
  switch (verdict) {
    case "failed":
      return results.findLast((result) => result.kind === "test");
    case "flaky":
      return results.find((result) => result.kind === "test") ?? results.find((result) => result.flaky);
    case "infra-failure":
      return results.findLast((result) => result.kind === "infra");
    case "recovered-after-infra-retry":
      return results.find((result) => result.kind === "infra");
    default:
      return undefined;
  }
}

function totalsOf(tests: readonly MergedTest[], attempts: readonly AttemptRecord[]): RunTotals {
  const count = (...verdicts: TestVerdict[]) =>
    tests.filter((test) => verdicts.includes(test.verdict)).length;
  return Object.freeze({
    tests: tests.length,
    passed: count("passed", "recovered-after-infra-retry"),
    failed: count("failed"),
    skipped: count("skipped"),
    flaky: count("flaky"),
    recovered: count("recovered-after-infra-retry"),
    infraFailed: count("infra-failure"),
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
  });
}
