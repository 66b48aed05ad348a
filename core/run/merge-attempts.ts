// Combines the attempts of one run into the final per-test view and the run's outcome.
import type { ClassifiedFailure } from "../classify/index.ts";
import { type SetupPlaceholder, standsFor, type TestCase } from "../junit/index.ts";
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
 * Outcome: the last attempt decides. When it passed, the run passed. Otherwise `test-failures` when a test
 * failed genuinely and never passed, or the last attempt failed for a reason of its own that is not
 * infrastructure (a command failure); otherwise `infra-failure` when the last attempt still hit
 * infrastructure; otherwise `passed`.
 * Decision: flaky tests do not fail the run. They passed in this run and are reported as flaky (the action's
 * `fail-on: any-failure` can still fail the step on them).
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
  const infra = last.classification.infraFailures.length > 0;
  const outcome: RunOutcome =
    last.classification.outcome === "passed"
      ? "passed"
      : genuine
        ? "test-failures"
        : infra
          ? "infra-failure"
          : "passed";

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
  /** Set when any appearance was a placeholder for setup rather than a test. */
  placeholder: SetupPlaceholder | null;
  /** Index (into the attempts) of the last attempt the entry appeared in. */
  lastSeen: number;
}

function mergeTests(attempts: readonly AttemptRecord[]): readonly MergedTest[] {
  // A Map keeps first-appearance order without sorting anything.
  const byId = new Map<string, Appearances>();
  for (const [index, attempt] of attempts.entries()) {
    const classified = classifiedByTest(attempt);
    for (const test of attempt.testCases) {
      let entry = byId.get(test.id);
      if (!entry) {
        entry = { identity: test, results: [], placeholder: null, lastSeen: index };
        byId.set(test.id, entry);
      }
      entry.results.push(resultOf(attempt.number, test, classified.get(test.id)));
      entry.placeholder ??= test.placeholder ?? null;
      entry.lastSeen = index;
    }
  }
  // Real tests first: a placeholder's verdict depends on how the tests it stands for ended.
  const verdicts = new Map<Appearances, TestVerdict>();
  for (const entry of byId.values()) {
    if (!entry.placeholder) verdicts.set(entry, verdictOf(entry.results));
  }
  for (const entry of byId.values()) {
    if (entry.placeholder) verdicts.set(entry, placeholderVerdict(entry, attempts, byId, verdicts));
  }
  return Object.freeze(
    [...byId.values()].map((entry) => mergeTest(entry, verdicts.get(entry) ?? verdictOf(entry.results))),
  );
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

function mergeTest(entry: Appearances, verdict: TestVerdict): MergedTest {
  const { identity, results } = entry;
  const shown = shownResult(verdict, results);
  return Object.freeze({
    id: identity.id,
    suitePath: identity.suitePath,
    classname: identity.classname,
    name: identity.name,
    file: identity.file,
    placeholder: entry.placeholder,
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

/**
 * A placeholder still there in the last attempt is judged on its own results, like a test. One that vanished
 * is judged by what came after it: the tests it stands for (same class, file, module or suite) in the later
 * attempts supersede it when one of them ended failed, and make it recovered when one passed and none
 * failed. When the report does not tell which tests those are (jest-junit names the file only with
 * `addFileAttribute`), the later attempts decide: one that failed genuinely supersedes it, one that ran tests
 * and passed recovers it.
 */
function placeholderVerdict(
  entry: Appearances,
  attempts: readonly AttemptRecord[],
  byId: ReadonlyMap<string, Appearances>,
  verdicts: ReadonlyMap<Appearances, TestVerdict>,
): TestVerdict {
  const own = verdictOf(entry.results);
  const failedOnly = own === "failed" || own === "infra-failure";
  if (entry.lastSeen === attempts.length - 1 || !failedOnly) return own;
  // A genuine failure is never retried by the engine; should one come before a pass, it is a flake.
  const cleared: TestVerdict = own === "failed" ? "flaky" : "recovered-after-infra-retry";
  const placeholder = { ...entry.identity, placeholder: entry.placeholder };
  const later = attempts.slice(entry.lastSeen + 1);
  let ran = false;
  let passed = false;
  for (const attempt of later) {
    for (const test of attempt.testCases) {
      if (test.placeholder || !standsFor(placeholder, test)) continue;
      const found = byId.get(test.id);
      const verdict = found ? verdicts.get(found) : undefined;
      if (verdict === undefined) continue;
      ran = true;
      if (verdict === "failed" || verdict === "infra-failure") return "superseded";
      if (verdict !== "skipped") passed = true;
    }
  }
  if (ran) return passed ? cleared : own;
  if (later.some((attempt) => attempt.classification.testFailures.length > 0)) return "superseded";
  const ranAndPassed = later.some(
    (attempt) => attempt.classification.outcome === "passed" && attempt.classification.testsRan,
  );
  return ranAndPassed ? cleared : own;
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
    case "superseded":
      return results.findLast((result) => result.kind !== null);
    default:
      return undefined;
  }
}

/** Placeholders that recovered or were superseded are not tests: the tests they stood for are counted. */
function countsAsTest(test: MergedTest): boolean {
  return (
    !test.placeholder || (test.verdict !== "recovered-after-infra-retry" && test.verdict !== "superseded")
  );
}

function totalsOf(tests: readonly MergedTest[], attempts: readonly AttemptRecord[]): RunTotals {
  const counted = tests.filter(countsAsTest);
  const count = (...verdicts: TestVerdict[]) =>
    counted.filter((test) => verdicts.includes(test.verdict)).length;
  return Object.freeze({
    tests: counted.length,
    passed: count("passed", "recovered-after-infra-retry"),
    failed: count("failed"),
    skipped: count("skipped"),
    flaky: count("flaky"),
    recovered: tests.filter((test) => test.verdict === "recovered-after-infra-retry").length,
    infraFailed: count("infra-failure"),
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
  });
}
