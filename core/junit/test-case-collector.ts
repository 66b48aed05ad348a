// Receives each test case as its suite element closes, merges re-runs of the same test anywhere in the file
// into one test case, and keeps the counts. With collection off it keeps no test case at all: a re-run found
// later only updates the counts, through a compact table of identity hashes and status bits.

import { roundMs } from "./duration.ts";
import { formatId, type IdentityHash, IdentityTable } from "./identity.ts";
import type { Execution, Failure, Property, SetupPlaceholder, Suite, TestCase, TestStatus } from "./model.ts";

/** A suite while its file is read: its test cases are replaced in place when a re-run turns up later. */
export interface CollectedSuite extends Omit<Suite, "testCases"> {
  readonly testCases: TestCase[];
}

/** A test as read from one suite element, its re-runs there already merged into executions. */
export interface CollectedTestCase
  extends Pick<TestCase, "suitePath" | "classname" | "name" | "file" | "line"> {
  readonly hash: IdentityHash;
  readonly executions: Execution[];
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
 * A test's final status from all of its executions, whatever their order (TestNG's retry analyzer writes the
 * retried runs as skipped test cases before or after the one that decided): a pass and a failure make it
 * flaky and passed; otherwise any failure makes it failed, an assertion failure outranking an error;
 * otherwise any pass makes it passed; skipped only when every execution was skipped. The failure kept is the
 * first one of the deciding kind (for a flaky test, the first failure of any kind).
 */
export function outcomeOf(executions: readonly Execution[]): Outcome {
  let passed = false;
  let firstFailing: Execution | undefined;
  let firstFailed: Execution | undefined;
  let firstErrored: Execution | undefined;
  for (const execution of executions) {
    if (execution.status === "passed") passed = true;
    else if (execution.status === "failed") {
      firstFailing ??= execution;
      firstFailed ??= execution;
    } else if (execution.status === "errored") {
      firstFailing ??= execution;
      firstErrored ??= execution;
    }
  }
  if (passed && firstFailing) return { status: "passed", flaky: true, failure: firstFailing.failure };
  const deciding = firstFailed ?? firstErrored;
  if (deciding) return { status: deciding.status, flaky: false, failure: deciding.failure };
  return { status: passed ? "passed" : "skipped", flaky: false, failure: null };
}

// Status bits for counting without keeping test cases: which statuses the executions had, in any order.
const PASSED = 1;
const FAILED = 2;
const ERRORED = 4;

export function statusBit(status: TestStatus): number {
  return status === "passed" ? PASSED : status === "failed" ? FAILED : status === "errored" ? ERRORED : 0;
}

function bitsOf(executions: readonly Execution[]): number {
  let bits = 0;
  for (const execution of executions) bits |= statusBit(execution.status);
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
  /** Time of every execution of every test case. */
  testCaseMs = 0;
  private readonly identities: IdentityTable;
  private readonly locations: { suite: CollectedSuite; index: number }[] = [];
  private readonly suites: CollectedSuite[] = [];

  constructor(private readonly collect: boolean) {
    // Counting keeps status bits (one byte); collecting keeps an index into the collected test cases.
    this.identities = new IdentityTable(collect ? 0xfffffffe : 0x3f);
  }

  /** A suite element closed; `testCases` are its test cases, already merged within the element. */
  addSuite(suite: Omit<CollectedSuite, "testCases">, testCases: Iterable<CollectedTestCase>): void {
    if (this.collect) this.collectSuite(suite, testCases);
    else for (const entry of testCases) this.countOnly(entry);
  }

  /** Keeps no test case: a later re-run only updates the counts, through the status bits. */
  private countOnly(entry: CollectedTestCase): void {
    const executions = entry.executions;
    const durationMs =
      executions.length === 1 ? (executions[0] as Execution).durationMs : sumDurations(executions);
    this.countBits(entry.hash, bitsOf(executions), durationMs);
  }

  /**
   * One test case element, counted without building it (see JunitParser's counting mode); `bits` are the
   * `statusBit`s of its executions.
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

  private collectSuite(
    suite: Omit<CollectedSuite, "testCases">,
    testCases: Iterable<CollectedTestCase>,
  ): void {
    const collected: CollectedSuite = { ...suite, testCases: [] };
    for (const entry of testCases) {
      const testCase = finishTestCase(entry);
      this.testCaseMs += testCase.durationMs;
      const slot = this.identities.find(entry.hash);
      if (slot === -1) {
        this.tally(testCase.status, testCase.flaky, 1);
        this.counts.tests++;
        collected.testCases.push(testCase);
        this.identities.insert(entry.hash, this.locations.length);
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
  const executions = [...earlier.executions, ...later.executions];
  return {
    ...earlier,
    ...outcomeOf(executions),
    durationMs: Math.round((earlier.durationMs + later.durationMs) * 1000) / 1000,
    executions,
    properties: [...earlier.properties, ...later.properties],
    systemOut: later.systemOut ?? earlier.systemOut,
    systemErr: later.systemErr ?? earlier.systemErr,
    placeholder: earlier.placeholder ?? later.placeholder ?? null,
  };
}

function sumDurations(executions: readonly Execution[]): number {
  let total = 0;
  for (const execution of executions) total += execution.durationMs;
  return roundMs(total);
}

/** A test case from its executions within one suite element. */
export function finishTestCase(entry: CollectedTestCase): TestCase {
  const executions = entry.executions;
  const only = executions.length === 1 ? executions[0] : undefined;
  const outcome = only
    ? { status: only.status, flaky: false, failure: only.status === "skipped" ? null : only.failure }
    : outcomeOf(executions);
  return {
    id: formatId(entry.hash),
    suitePath: entry.suitePath,
    classname: entry.classname,
    name: entry.name,
    file: entry.file,
    line: entry.line,
    status: outcome.status,
    flaky: outcome.flaky,
    durationMs: only ? only.durationMs : sumDurations(executions),
    executions,
    failure: outcome.failure,
    properties: entry.properties,
    systemOut: entry.systemOut,
    systemErr: entry.systemErr,
    placeholder: entry.placeholder,
  };
}
