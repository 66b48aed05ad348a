// Classifies one attempt of the test command from its evidence: exit code or signal, the output tail, and
// the JUnit reports it left behind. Pure: no I/O, no clock.
//
// Decision table (first matching row decides; "sig" = a rule from the table in rules.ts, user rules first):
//
// | command   | JUnit failures                | what decides                                               |
// |-----------|-------------------------------|------------------------------------------------------------|
// | succeeded | none                          | passed. The output is not read: a command that succeeded   |
// |           |                               | did not fail, whatever it logged.                          |
// | any       | some                          | each failing test on its own text: first rule that matches |
// |           |                               | wins, no match = test failure. Network rules count only in |
// |           |                               | setup/teardown. A kill (137/SIGKILL) or outside            |
// |           |                               | termination adds an attempt-level infra failure, which can |
// |           |                               | never hide the real failures next to it.                   |
// | any       | counted but not collected     | attempt-level test failure: without the texts nothing      |
// |           | (no test cases in the model)  | proves infrastructure.                                     |
// | failed    | none, tests ran               | output sig (network rules off: tests reached their bodies);|
// |           |                               | else killed/terminated -> infra; timed out -> test; else   |
// |           |                               | command failure -> test (coverage gate, lint, crash...).   |
// | failed    | none, no test ran or no JUnit | output sig (all rules); else killed/terminated -> infra;   |
// |           |                               | timed out -> test; else command failure -> test. "No JUnit |
// |           |                               | files matched" is infra only through an output signature.  |
//
// "failed" = non-zero exit, a signal, or seamwatch's own timeout. The attempt is `infra-failure` only when
// it has failures and every one of them is infra; one genuine failure makes it `test-failures` (reported,
// never retried), with the infra failures still listed beside it.
//
// Decision: a timeout alone is not infrastructure. A hang is as often a deadlock in the code under test;
// it becomes infra only when the output shows why (a container that never became ready, a pull...). The
// exception is a command that runs none of the user's code (`runsUserCode: false`, the image cache's
// `docker pull`): its timeout is the engine or the registry being stuck, so infra.
import {
  type Failure,
  type FailurePhase,
  type JunitFile,
  type TestCase,
  testCasesOf,
} from "../junit/index.ts";
import {
  builtinRules,
  connectionRuleIds,
  type FailureKind,
  hookName,
  mochaFailureEntry,
  type Rule,
  setupMarkers,
  teardownMarkers,
  testsRanMarkers,
} from "./rules.ts";

/** Everything known about one finished attempt of the test command. */
export interface AttemptEvidence {
  readonly exitCode: number | null;
  /** Name of the signal that ended the command (`SIGKILL`), if one did. */
  readonly signal: string | null;
  /** True when seamwatch stopped the command because it ran past the attempt timeout. */
  readonly timedOut: boolean;
  /**
   * False for seamwatch's own infrastructure commands (`docker pull` of the image cache), which run none of
   * the user's code: a timeout there means the engine or the registry is stuck. True (the default) for the
   * test command, where a timeout is as often a deadlock in the code under test.
   */
  readonly runsUserCode?: boolean;
  /** The last lines of the command's combined stdout/stderr, oldest first. */
  readonly outputTail: readonly string[];
  /** Reports matched for this attempt, parsed with test cases collected. Empty when none matched. */
  readonly junitFiles: readonly JunitFile[];
}

export type EvidenceSource = "output" | "junit" | "exit";

/** Why a failure got its kind: the rule that matched and the line it matched on. */
export interface Evidence {
  /** Rule id from the table (`docker-daemon-unreachable`, `infra-patterns:2`) or an attempt-level verdict. */
  readonly rule: string;
  readonly kind: FailureKind;
  readonly description: string;
  readonly source: EvidenceSource;
  /** The matching line, trimmed and capped; for exit evidence, `exit code 137` or `signal SIGKILL`. */
  readonly line: string | null;
  /** 1-based line in the output tail, or in the failure text (type and message first, then details). */
  readonly lineNumber: number | null;
}

export interface TestRef {
  readonly id: string;
  readonly suitePath: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
}

export interface ClassifiedFailure {
  readonly kind: FailureKind;
  /** The test that failed; null for attempt-level failures (no JUnit, a killed or failed command). */
  readonly test: TestRef | null;
  readonly failure: Failure | null;
  /** Where the failure happened, from the report or inferred from hooks and lifecycle frames. */
  readonly phase: FailurePhase | null;
  readonly evidence: Evidence;
}

export type AttemptOutcome = "passed" | "infra-failure" | "test-failures";

export interface AttemptClassification {
  readonly outcome: AttemptOutcome;
  readonly infraFailures: readonly ClassifiedFailure[];
  /** Genuine failures. Any of them makes the attempt `test-failures`. */
  readonly testFailures: readonly ClassifiedFailure[];
  /** At least one JUnit file matched (readable or not). */
  readonly junitFound: boolean;
  /** At least one test body ran, by the reports or, without them, by the runner's summary in the output. */
  readonly testsRan: boolean;
}

/** Verdicts that come from the attempt itself rather than from a signature. Declared once. */
export const attemptVerdicts = {
  killed: {
    rule: "killed",
    kind: "infra",
    description: "the command was killed (SIGKILL, exit 137): out of memory or stopped by the runner",
  },
  terminated: {
    rule: "terminated",
    kind: "infra",
    description:
      "the command was terminated from outside (SIGTERM, SIGHUP, SIGINT), not by seamwatch's timeout",
  },
  timedOut: {
    rule: "attempt-timed-out",
    kind: "test",
    description: "the command ran past the attempt timeout with no infrastructure signature in its output",
  },
  infraCommandTimedOut: {
    rule: "infra-command-timed-out",
    kind: "infra",
    description:
      "an infrastructure command (a docker pull) ran past its timeout: the engine or the registry is stuck",
  },
  commandFailed: {
    rule: "command-failed",
    kind: "test",
    description: "the command failed with no infrastructure signature in its output",
  },
  unrecognisedFailure: {
    rule: "unrecognised-failure",
    kind: "test",
    description: "no signature matched: treated as a genuine test failure",
  },
  failuresWithoutDetails: {
    rule: "junit-failures-without-details",
    kind: "test",
    description: "the report counts failures but carries no test cases to classify",
  },
  serviceDied: {
    rule: "service-died",
    kind: "infra",
    description:
      "every failed test lost its connection to the same service and none failed an assertion: the service stopped during the run",
  },
} as const satisfies Record<string, { rule: string; kind: FailureKind; description: string }>;

type AttemptVerdict = (typeof attemptVerdicts)[keyof typeof attemptVerdicts];

const KILL_SIGNALS = new Set(["SIGKILL"]);
const TERMINATION_SIGNALS = new Set(["SIGTERM", "SIGHUP", "SIGINT"]);
// Shells report a child's death by signal N as exit 128+N.
const KILL_EXIT_CODES = new Set([137]);
const TERMINATION_EXIT_CODES = new Set([129, 130, 143]);

const MAX_MATCHED_LINE = 10_000;
const MAX_EVIDENCE_LINE = 500;
// Lifecycle frames sit near the top of a stack trace; scanning further only risks quoting other frames.
const PHASE_SCAN_LINES = 80;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, "g");
// CI systems prefix every line with a time (GitHub Actions' ISO stamp, Jenkins' clock); runners' own lines
// (`not ok 3`, `AssertionError: ...`, `Tests run:`) are recognised from the start of the line, so it goes.
const LEADING_TIMESTAMP =
  /^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?|\[?\d\d:\d\d:\d\d(?:[.,]\d+)?\]?) /;

export function classifyAttempt(
  evidence: AttemptEvidence,
  rules: readonly Rule[] = builtinRules,
): AttemptClassification {
  const output = evidence.outputTail.map(cleanLine);
  const testCases = evidence.junitFiles.flatMap(testCasesOf);
  const failing = testCases.filter(isFailing);
  const testsRan = testBodiesRan(evidence.junitFiles, testCases, output);
  const failures: ClassifiedFailure[] = reclassifyServiceDeath(
    failing.map((test) => classifyTestFailure(test, rules, output)),
    rules,
  );

  const uncollected =
    failing.length === 0 && evidence.junitFiles.some((file) => file.counts.failed + file.counts.errored > 0);
  if (failing.length > 0 || uncollected) {
    if (uncollected) failures.push(attemptFailure(attemptVerdicts.failuresWithoutDetails, "junit", null));
    const stopped = stoppedFromOutside(evidence);
    if (stopped) failures.push(stopped);
  } else if (commandFailed(evidence)) {
    failures.push(classifyCommandFailure(evidence, output, testsRan, rules));
  }

  const infraFailures = failures.filter((failure) => failure.kind === "infra");
  const testFailures = failures.filter((failure) => failure.kind === "test");
  const outcome: AttemptOutcome =
    failures.length === 0 ? "passed" : testFailures.length > 0 ? "test-failures" : "infra-failure";
  return Object.freeze({
    outcome,
    infraFailures: Object.freeze(infraFailures),
    testFailures: Object.freeze(testFailures),
    junitFound: evidence.junitFiles.length > 0,
    testsRan,
  });
}

/**
 * Classifies one failed or errored test case from its own failure text. A setup failure whose own text
 * names no cause (Node's runner reports tests under a failed `before` hook only as "cancelled by parent")
 * takes its evidence from the attempt's output, where the hook's error was printed.
 */
export function classifyTestFailure(
  test: TestCase,
  rules: readonly Rule[] = builtinRules,
  output: readonly string[] = [],
): ClassifiedFailure {
  const failure = decisiveFailure(test);
  const ref = testRef(test);
  const lines = failure ? failureLines(failure) : [];
  const phase = failure ? effectivePhase(test, failure, lines) : null;
  const outsideBody = phase === "setup" || phase === "teardown";
  const hit = firstMatch(rules, lines, "failure", outsideBody);
  const fromOutput = !hit && phase === "setup" ? firstMatch(rules, output, "output", true) : null;
  const evidence = hit
    ? toEvidence(hit.rule, "junit", hit.line, hit.lineNumber)
    : fromOutput
      ? toEvidence(fromOutput.rule, "output", fromOutput.line, fromOutput.lineNumber)
      : verdictEvidence(attemptVerdicts.unrecognisedFailure, "junit", null);
  return Object.freeze({ kind: evidence.kind, test: ref, failure, phase, evidence });
}

function classifyCommandFailure(
  evidence: AttemptEvidence,
  output: readonly string[],
  testsRan: boolean,
  rules: readonly Rule[],
): ClassifiedFailure {
  const hit = firstMatch(rules, output, "output", !testsRan);
  if (hit) {
    const found = toEvidence(hit.rule, "output", hit.line, hit.lineNumber);
    return Object.freeze({ kind: found.kind, test: null, failure: null, phase: null, evidence: found });
  }
  const stopped = stoppedFromOutside(evidence);
  if (stopped) return stopped;
  if (evidence.timedOut && evidence.runsUserCode === false) {
    return attemptFailure(
      attemptVerdicts.infraCommandTimedOut,
      "exit",
      `stopped at its timeout (${exitLine(evidence)})`,
    );
  }
  if (evidence.timedOut) return attemptFailure(attemptVerdicts.timedOut, "exit", exitLine(evidence));
  return attemptFailure(attemptVerdicts.commandFailed, "exit", exitLine(evidence));
}

// A kill or an outside termination is infra evidence on its own; seamwatch's own timeout is not.
function stoppedFromOutside(evidence: AttemptEvidence): ClassifiedFailure | null {
  if (evidence.timedOut) return null;
  const { signal, exitCode } = evidence;
  if ((signal && KILL_SIGNALS.has(signal)) || (exitCode !== null && KILL_EXIT_CODES.has(exitCode))) {
    return attemptFailure(attemptVerdicts.killed, "exit", exitLine(evidence));
  }
  if (
    (signal && TERMINATION_SIGNALS.has(signal)) ||
    (exitCode !== null && TERMINATION_EXIT_CODES.has(exitCode))
  ) {
    return attemptFailure(attemptVerdicts.terminated, "exit", exitLine(evidence));
  }
  return null;
}

function commandFailed(evidence: AttemptEvidence): boolean {
  return evidence.timedOut || evidence.signal !== null || evidence.exitCode !== 0;
}

function exitLine(evidence: AttemptEvidence): string {
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}

interface Hit {
  readonly rule: Rule;
  readonly line: string;
  readonly lineNumber: number;
}

// Rules are tried in table order and the first rule that matches any line wins: the table's order is the
// precedence, not the position of the line.
function firstMatch(
  rules: readonly Rule[],
  lines: readonly string[],
  scope: "output" | "failure",
  outsideBody: boolean,
): Hit | null {
  for (const rule of rules) {
    if (rule.appliesTo !== "both" && rule.appliesTo !== scope) continue;
    if (rule.condition === "outside-test-body" && !outsideBody) continue;
    if (rule.condition === "before-tests-in-output" && scope === "output" && !outsideBody) continue;
    const index = lines.findIndex((line) => rule.pattern.test(line));
    const line = lines[index];
    if (line !== undefined) return { rule, line, lineNumber: index + 1 };
  }
  return null;
}

// The "service died" rule. A connection error in a test body stays a test failure on its own: a test may
// provoke one on purpose. But when at least two tests failed, every one of them with a connection-level
// error (in setup or in the body) to one and the same endpoint, and none on an assertion or any other
// error, the service behind that endpoint stopped: the body failures become infrastructure. One provoked
// error, two different endpoints, an endpoint that cannot be read, or one genuine failure beside them
// leave every verdict as it was.
function reclassifyServiceDeath(
  failures: readonly ClassifiedFailure[],
  rules: readonly Rule[],
): ClassifiedFailure[] {
  if (failures.length < 2) return [...failures];
  const connectionRules = rules.filter((rule) => connectionRuleIds.has(rule.id));
  const lost = failures.map((failure) => lostConnection(failure, connectionRules));
  const endpoints = new Set(lost.map((hit) => hit?.endpoint ?? null));
  const [endpoint] = endpoints;
  if (endpoints.size !== 1 || !endpoint) return [...failures];
  return failures.map((failure, index) => {
    const hit = lost[index];
    if (failure.kind === "infra" || !hit) return failure;
    const evidence: Evidence = Object.freeze({
      ...toEvidence(hit.rule, "junit", hit.line, hit.lineNumber),
      rule: attemptVerdicts.serviceDied.rule,
      kind: attemptVerdicts.serviceDied.kind,
      description: `every one of the ${failures.length} failed tests lost its connection to ${endpoint} and none failed an assertion: the service stopped during the run`,
    });
    return Object.freeze({ ...failure, kind: "infra" as const, evidence });
  });
}

interface LostConnection extends Hit {
  readonly endpoint: string | null;
}

// The connection error a failure carries: for an infra verdict, the connection rule that decided it; for
// a body failure, only when no rule matched at all (an assertion or a user test-pattern keeps it genuine).
function lostConnection(failure: ClassifiedFailure, connectionRules: readonly Rule[]): LostConnection | null {
  if (!failure.failure) return null;
  const decidedBy = failure.evidence.rule;
  const eligible =
    (failure.kind === "infra" && connectionRuleIds.has(decidedBy)) ||
    (failure.kind === "test" && decidedBy === attemptVerdicts.unrecognisedFailure.rule);
  if (!eligible || failure.evidence.source !== "junit") return null;
  const lines = failureLines(failure.failure);
  const hit = firstMatch(connectionRules, lines, "failure", true);
  if (!hit) return null;
  const candidates = [hit.line, ...lines.filter((line) => connectionRules.some((r) => r.pattern.test(line)))];
  const endpoint = candidates.map(endpointIn).find((found) => found !== null) ?? null;
  return { ...hit, endpoint };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"]);
const NOT_A_HOST =
  /^(?:node|net|internal|file|https?|jdbc|tcp|udp|unix|redis|rediss|mongodb|mysql|postgres(?:ql)?)$/i;
// libpq `server at "db" (172.19.0.3), port 5432`, then any `host:port`, `[v6]:port` or `host/ip:port`.
const LIBPQ_ENDPOINT = /\bserver at "([^"]+)"(?: \([^)]*\))?, port (\d+)/;
const HOST_PORT = /(?:\[([0-9a-fA-F:]+)\]|\b([A-Za-z0-9][\w.-]*))(?:\/[\d.]+)?:(\d{2,5})\b/g;

/** The `host:port` a connection error names, loopback names folded together; null when it names none. */
export function endpointIn(line: string): string | null {
  const libpq = LIBPQ_ENDPOINT.exec(line);
  if (libpq) return endpointName(libpq[1] ?? "", libpq[2] ?? "");
  for (const match of line.matchAll(HOST_PORT)) {
    const host = match[1] ?? match[2] ?? "";
    // Not a scheme or a stack frame's file, nor a clock or a date read as `host:port`.
    if (NOT_A_HOST.test(host) || /^\d+$|^\d{4}-\d\d-\d\d/.test(host)) continue;
    return endpointName(host, match[3] ?? "");
  }
  return null;
}

function endpointName(host: string, port: string): string {
  const name = host.toLowerCase();
  return `${LOOPBACK.has(name) ? "localhost" : name}:${port}`;
}

function isFailing(test: TestCase): boolean {
  return test.status === "failed" || test.status === "errored";
}

// The model's `failure` is the deciding one; fall back to the last failed execution for test cases that only
// filled their executions.
function decisiveFailure(test: TestCase): Failure | null {
  if (test.failure) return test.failure;
  for (let i = test.executions.length - 1; i >= 0; i--) {
    const failure = test.executions[i]?.failure;
    if (failure) return failure;
  }
  return null;
}

/**
 * The lines a failure is matched on: `type: message` first, then the details (usually the stack trace).
 * A message that already starts with its type (Gradle writes `org.opentest4j.AssertionFailedError:
 * expected ...` as the message too) is not prefixed again, so the evidence line does not repeat it.
 */
export function failureLines(failure: Failure): string[] {
  const head = headLine(failure.type, failure.message);
  return [head, failure.details ?? ""]
    .filter((text) => text.length > 0)
    .flatMap((text) => text.split(/\r?\n/))
    .map(cleanLine);
}

function headLine(type: string | null, message: string | null): string {
  if (!type) return message ?? "";
  if (!message) return type;
  const simpleName = type.slice(type.lastIndexOf(".") + 1);
  const startsWithType = [type, simpleName].some(
    (name) => message === name || message.startsWith(`${name}:`) || message.startsWith(`${name} `),
  );
  return startsWithType ? message : `${type}: ${message}`;
}

function effectivePhase(test: TestCase, failure: Failure, lines: readonly string[]): FailurePhase | null {
  if (failure.phase) return failure.phase;
  const scanned = [test.name, ...lines.slice(0, PHASE_SCAN_LINES)];
  if (scanned.some((line) => setupMarkers.some((marker) => marker.test(line)))) return "setup";
  if (scanned.some((line) => teardownMarkers.some((marker) => marker.test(line)))) return "teardown";
  return null;
}

// A failure in setup did not reach the body, so it does not count as a test having run.
function testBodiesRan(
  files: readonly JunitFile[],
  testCases: readonly TestCase[],
  output: readonly string[],
): boolean {
  const ranInReport = testCases.some((test) => {
    if (test.status === "passed") return true;
    if (!isFailing(test)) return false;
    const failure = decisiveFailure(test);
    return !failure || effectivePhase(test, failure, failureLines(failure)) !== "setup";
  });
  if (ranInReport) return true;
  // Counts alone (test cases not collected): passes and assertion failures prove a body ran, errors do not.
  const ranByCounts = files.some(
    (file) => file.suites.length === 0 && file.counts.passed + file.counts.failed > 0,
  );
  if (ranByCounts) return true;
  return outputShowsTestsRan(output);
}

/** True when a runner's summary or result list in the output proves that at least one test body ran. */
export function outputShowsTestsRan(output: readonly string[]): boolean {
  const byMarker = output.some((line) =>
    testsRanMarkers.some((marker) => {
      const match = marker.pattern.exec(line);
      return match !== null && (marker.ran ? marker.ran(match) : true);
    }),
  );
  return byMarker || mochaFailuresIncludeATest(output);
}

// mocha lists each failure as `  1) suite` with the test's title, ending in `:`, on that line or the next;
// a failed `before all` hook is listed the same way under the hook's name, so an entry proves a test ran
// only when it is not a hook. The `N failing` count alone cannot tell the two apart.
function mochaFailuresIncludeATest(output: readonly string[]): boolean {
  return output.some((line, index) => {
    if (!mochaFailureEntry.test(line)) return false;
    const entry = output.slice(index, index + 3);
    return (
      entry.some((title) => title.trimEnd().endsWith(":")) && !entry.some((title) => hookName.test(title))
    );
  });
}

function testRef(test: TestCase): TestRef {
  return Object.freeze({
    id: test.id,
    suitePath: test.suitePath,
    classname: test.classname,
    name: test.name,
    file: test.file,
  });
}

function attemptFailure(
  verdict: AttemptVerdict,
  source: EvidenceSource,
  line: string | null,
): ClassifiedFailure {
  const evidence = verdictEvidence(verdict, source, line);
  return Object.freeze({ kind: evidence.kind, test: null, failure: null, phase: null, evidence });
}

function verdictEvidence(verdict: AttemptVerdict, source: EvidenceSource, line: string | null): Evidence {
  return Object.freeze({
    rule: verdict.rule,
    kind: verdict.kind,
    description: verdict.description,
    source,
    line,
    lineNumber: null,
  });
}

function toEvidence(rule: Rule, source: EvidenceSource, line: string, lineNumber: number): Evidence {
  const trimmed = line.trim();
  return Object.freeze({
    rule: rule.id,
    kind: rule.kind,
    description: rule.description,
    source,
    line: trimmed.length > MAX_EVIDENCE_LINE ? `${trimmed.slice(0, MAX_EVIDENCE_LINE)}…` : trimmed,
    lineNumber,
  });
}

// Colours would split signatures (`Cannot connect to the \e[1mDocker\e[0m daemon`) and a CI timestamp would
// hide a line's start; very long lines are capped so a pathological line cannot make every rule scan
// megabytes.
function cleanLine(line: string): string {
  const plain = line.replace(ANSI, "").replace(LEADING_TIMESTAMP, "");
  return plain.length > MAX_MATCHED_LINE ? plain.slice(0, MAX_MATCHED_LINE) : plain;
}
