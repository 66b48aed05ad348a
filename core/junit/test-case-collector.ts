// Receives each test case as its suite element closes, merges re-runs of the same test anywhere in the file
// into one test case, and keeps the counts. With collection off it keeps no test case at all: a re-run found
// later only updates the counts, through a compact table of identity hashes and status bits.

import { roundMs } from "./duration.ts";
import { formatId, type IdentityHash, IdentityTable } from "./identity.ts";
import type { Attempt, Failure, Property, SetupPlaceholder, Suite, TestCase, TestStatus } from "./model.ts";

export interface CollectedSuite {
  readonly path: readonly string[];
  readonly name: string;
  readonly file: string | null;
  readonly durationMs: number | null;
  readonly properties: readonly Property[];
  readonly testCases: TestCase[];
}

/** A test as read from one suite element, its re-runs there already merged into attempts. */
export interface MergedTestCase {
  readonly hash: IdentityHash;
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly attempts: Attempt[];
  readonly properties: Property[];
  systemOut: string | null;
  systemErr: string | null;
  /** Set when any of its elements was a placeholder for setup rather than a test. */
  placeholder: SetupPlaceholder | null;
}

export interface Outcome {
  readonly status: TestStatus;
  readonly flaky: boolean;
  readonly failure: Failure | null;
}

/**
 * A test's final status from all of its attempts, whatever their order (TestNG's retry analyzer writes the
 * retried runs as skipped test cases before or after the one that decided): a pass and a failure make it
 * flaky and passed; otherwise any failure makes it failed, an assertion failure outranking an error;
 * otherwise any pass makes it passed; skipped only when every attempt was skipped. The failure kept is the
 * first one of the deciding kind (for a flaky test, the first failure of any kind).
 */
export function outcomeOf(attempts: readonly Attempt[]): Outcome {
  let passed = false;
  let firstFailing: Attempt | undefined;
  let firstFailed: Attempt | undefined;
  let firstErrored: Attempt | undefined;
  for (const attempt of attempts) {
    if (attempt.status === "passed") passed = true;
    else if (attempt.status === "failed") {
      firstFailing ??= attempt;
      firstFailed ??= attempt;
    } else if (attempt.status === "errored") {
      firstFailing ??= attempt;
      firstErrored ??= attempt;
    }
  }
  if (passed && firstFailing) return { status: "passed", flaky: true, failure: firstFailing.failure };
  const deciding = firstFailed ?? firstErrored;
  if (deciding) return { status: deciding.status, flaky: false, failure: deciding.failure };
  return { status: passed ? "passed" : "skipped", flaky: false, failure: null };
}

// Status bits for counting without keeping test cases: which statuses the attempts had, in any order.
const PASSED = 1;
const FAILED = 2;
const ERRORED = 4;

export function statusBit(status: TestStatus): number {
  return status === "passed" ? PASSED : status === "failed" ? FAILED : status === "errored" ? ERRORED : 0;
}

function bitsOf(attempts: readonly Attempt[]): number {
  let bits = 0;
  for (const attempt of attempts) bits |= statusBit(attempt.status);
  return bits;
}

/** The same rule as `outcomeOf`, on status bits. */
function statusOfBits(bits: number): { status: TestStatus; flaky: boolean } {
  const failing = (bits & (FAILED | ERRORED)) !== 0;
  if (failing && bits & PASSED) return { status: "passed", flaky: true };
  if (bits & FAILED) return { status: "failed", flaky: false };
  if (bits & ERRORED) return { status: "errored", flaky: false };
  return { status: bits & PASSED ? "passed" : "skipped", flaky: false };
}

export class TestCaseCollector {
  readonly counts = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0, flaky: 0 };
  /** Time of every attempt of every test case. */
  testCaseMs = 0;
  private readonly identities: IdentityTable;
  private readonly locations: { suite: CollectedSuite; index: number }[] = [];
  private readonly suites: CollectedSuite[] = [];

  constructor(private readonly collect: boolean) {
    // Counting keeps status bits (one byte); collecting keeps an index into the collected test cases.
    this.identities = new IdentityTable(collect ? 0xfffffffe : 0x3f);
  }

  /** A suite element closed; `testCases` are its test cases, already merged within the element. */
  addSuite(suite: Omit<CollectedSuite, "testCases">, testCases: Iterable<MergedTestCase>): void {
    if (this.collect) this.collectSuite(suite, testCases);
    else for (const merged of testCases) this.countOnly(merged);
  }

  /** Keeps no test case: a later re-run only updates the counts, through the status bits. */
  private countOnly(merged: MergedTestCase): void {
    const attempts = merged.attempts;
    const durationMs = attempts.length === 1 ? (attempts[0] as Attempt).durationMs : sumDurations(attempts);
    this.countBits(merged.hash, bitsOf(attempts), durationMs);
  }

  /**
   * One test case element, counted without building it (see JunitParser's counting mode); `bits` are the
   * `statusBit`s of its attempts.
   */
  countOne(hash: IdentityHash, bits: number, durationMs: number): void {
    this.countBits(hash, bits, durationMs);
  }

  private countBits(hash: IdentityHash, bits: number, durationMs: number): void {
    this.testCaseMs += durationMs;
    const slot = this.identities.findOrInsert(hash, bits);
    if (slot === -1) {
      const { status, flaky } = statusOfBits(bits);
      this.tally(status, flaky, 1);
      this.counts.tests++;
      return;
    }
    const earlier = this.identities.get(slot);
    const combined = earlier | bits;
    const before = statusOfBits(earlier);
    const after = statusOfBits(combined);
    this.tally(before.status, before.flaky, -1);
    this.tally(after.status, after.flaky, 1);
    this.identities.set(slot, combined);
  }

  private collectSuite(suite: Omit<CollectedSuite, "testCases">, testCases: Iterable<MergedTestCase>): void {
    const collected: CollectedSuite = { ...suite, testCases: [] };
    for (const merged of testCases) {
      const testCase = finishTestCase(merged);
      this.testCaseMs += testCase.durationMs;
      const slot = this.identities.find(merged.hash);
      if (slot === -1) {
        this.tally(testCase.status, testCase.flaky, 1);
        this.counts.tests++;
        collected.testCases.push(testCase);
        this.identities.insert(merged.hash, this.locations.length);
        this.locations.push({ suite: collected, index: collected.testCases.length - 1 });
        continue;
      }
      const location = this.locations[this.identities.get(slot)] as { suite: CollectedSuite; index: number };
      const earlier = location.suite.testCases[location.index] as TestCase;
      const combined = combineRuns(earlier, testCase);
      this.tally(earlier.status, earlier.flaky, -1);
      this.tally(combined.status, combined.flaky, 1);
      location.suite.testCases[location.index] = combined;
    }
    if (collected.testCases.length > 0 || suite.properties.length > 0) this.suites.push(collected);
  }

  finish(): readonly Suite[] {
    return Object.freeze(
      this.suites.map((suite) => Object.freeze({ ...suite, testCases: Object.freeze(suite.testCases) })),
    );
  }

  private tally(status: TestStatus, flaky: boolean, delta: number): void {
    this.counts[status] += delta;
    if (flaky) this.counts.flaky += delta;
  }
}

/** The same test seen again later in the file (PHPUnit --repeat, TestNG retries, a re-run appended). */
function combineRuns(earlier: TestCase, later: TestCase): TestCase {
  const attempts = [...earlier.attempts, ...later.attempts];
  return {
    ...earlier,
    ...outcomeOf(attempts),
    durationMs: Math.round((earlier.durationMs + later.durationMs) * 1000) / 1000,
    attempts,
    properties: [...earlier.properties, ...later.properties],
    systemOut: later.systemOut ?? earlier.systemOut,
    systemErr: later.systemErr ?? earlier.systemErr,
    placeholder: earlier.placeholder ?? later.placeholder ?? null,
  };
}

function sumDurations(attempts: readonly Attempt[]): number {
  let total = 0;
  for (const attempt of attempts) total += attempt.durationMs;
  return roundMs(total);
}

/** A test case from its attempts within one suite element. */
export function finishTestCase(merged: MergedTestCase): TestCase {
  const attempts = merged.attempts;
  const only = attempts.length === 1 ? attempts[0] : undefined;
  const outcome = only
    ? { status: only.status, flaky: false, failure: only.status === "skipped" ? null : only.failure }
    : outcomeOf(attempts);
  return {
    id: formatId(merged.hash),
    suitePath: merged.suitePath,
    classname: merged.classname,
    name: merged.name,
    file: merged.file,
    line: merged.line,
    status: outcome.status,
    flaky: outcome.flaky,
    durationMs: only ? only.durationMs : sumDurations(attempts),
    attempts,
    failure: outcome.failure,
    properties: merged.properties,
    systemOut: merged.systemOut,
    systemErr: merged.systemErr,
    placeholder: merged.placeholder,
  };
}
