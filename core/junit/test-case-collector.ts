// Receives each test case as its suite element closes, merges re-runs of the same test anywhere in the file
// into one test case, and keeps the counts. With collection off it keeps no test case at all: a re-run found
// later only updates the counts, through a compact table of identity hashes and status bits.

import { roundMs } from "./duration.ts";
import { formatId, type IdentityHash, IdentityTable } from "./identity.ts";
import type { Attempt, Failure, Property, Suite, TestCase, TestStatus } from "./model.ts";

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
  /** The latest element's own result: it decides the status (re-run elements only add attempts). */
  decisive: Attempt;
  readonly properties: Property[];
  systemOut: string | null;
  systemErr: string | null;
}

export interface Outcome {
  readonly status: TestStatus;
  readonly flaky: boolean;
  readonly failure: Failure | null;
}

/**
 * A test's final status from its attempts and the result that decides it: a test that both failed and
 * passed is flaky and passed overall, keeping the first failure; otherwise the decisive result stands.
 */
export function outcomeOf(attempts: readonly Attempt[], decisive: Outcome): Outcome {
  let passed = false;
  let firstFailure: Attempt | undefined;
  for (const attempt of attempts) {
    if (attempt.status === "passed") passed = true;
    else if (!firstFailure && (attempt.status === "failed" || attempt.status === "errored"))
      firstFailure = attempt;
  }
  if (passed && firstFailure) return { status: "passed", flaky: true, failure: firstFailure.failure };
  return {
    status: decisive.status,
    flaky: false,
    failure: decisive.status === "skipped" ? null : decisive.failure,
  };
}

// Status bits for counting without keeping test cases.
const PASSED = 1;
const FAILED = 2;
const STATUS_CODES: readonly TestStatus[] = ["passed", "failed", "errored", "skipped"];

function bitsOf(attempts: readonly Attempt[], decisive: TestStatus): number {
  let bits = STATUS_CODES.indexOf(decisive) << 2;
  for (const attempt of attempts) {
    if (attempt.status === "passed") bits |= PASSED;
    else if (attempt.status === "failed" || attempt.status === "errored") bits |= FAILED;
  }
  return bits;
}

function combineBits(earlier: number, later: number): number {
  return ((earlier | later) & (PASSED | FAILED)) | (later & 0b1100);
}

function statusOfBits(bits: number): { status: TestStatus; flaky: boolean } {
  const flaky = (bits & (PASSED | FAILED)) === (PASSED | FAILED);
  return { status: flaky ? "passed" : (STATUS_CODES[(bits >> 2) & 3] as TestStatus), flaky };
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
    const bits = bitsOf(attempts, merged.decisive.status);
    this.countBits(
      merged.hash,
      bits,
      attempts.length === 1 ? merged.decisive.durationMs : sumDurations(attempts),
    );
  }

  /** One test case element, counted without building it (see JunitParser's counting mode). */
  countOne(
    hash: IdentityHash,
    decisive: TestStatus,
    passed: boolean,
    failed: boolean,
    durationMs: number,
  ): void {
    const bits = (STATUS_CODES.indexOf(decisive) << 2) | (passed ? PASSED : 0) | (failed ? FAILED : 0);
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
    const combined = combineBits(earlier, bits);
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

/** The same test seen again later in the file (PHPUnit --repeat, a re-run appended to the report). */
function combineRuns(earlier: TestCase, later: TestCase): TestCase {
  const attempts = [...earlier.attempts, ...later.attempts];
  const decisive: Outcome = later.flaky
    ? { status: "passed", flaky: false, failure: null }
    : { status: later.status, flaky: false, failure: later.failure };
  return {
    ...earlier,
    ...outcomeOf(attempts, decisive),
    durationMs: Math.round((earlier.durationMs + later.durationMs) * 1000) / 1000,
    attempts,
    properties: [...earlier.properties, ...later.properties],
    systemOut: later.systemOut ?? earlier.systemOut,
    systemErr: later.systemErr ?? earlier.systemErr,
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
  const only = attempts.length === 1 ? merged.decisive : null;
  const outcome = only
    ? { status: only.status, flaky: false, failure: only.failure }
    : outcomeOf(attempts, { status: merged.decisive.status, flaky: false, failure: merged.decisive.failure });
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
  };
}
