// The signature table: every way seamwatch recognises a failure as infrastructure or as a genuine test
// failure is one row here. The classifier walks the rows in order and the first row that matches wins, so
// the order is the policy: user rules, then built-in test rules, then built-in infra rules (a test match
// always beats an infra match, because retrying a real failure hides it).

/** What kind of failure a piece of evidence points to. Only `infra` failures are retried. */
export type FailureKind = "infra" | "test";

/** Where a rule looks: the command's output tail, the JUnit failure texts, or both. */
export type RuleScope = "output" | "failure" | "both";

/**
 * `outside-test-body`: the match counts only when it happened before a test body ran. For the output tail
 * that means no test ran at all in the attempt; for a JUnit failure it means the failure happened in setup
 * or teardown (fixtures, `before all` hooks, class initialisation), never in the test body. Network errors
 * need this: a body that hits `ECONNREFUSED` is as likely a bug in the code under test as a missing service.
 */
export type RuleCondition = "outside-test-body";

export type RuleSource = "builtin" | "infra-patterns" | "test-patterns";

export interface Rule {
  readonly id: string;
  readonly kind: FailureKind;
  /** Tested against one line at a time (ANSI colours stripped). */
  readonly pattern: RegExp;
  readonly appliesTo: RuleScope;
  readonly condition: RuleCondition | null;
  /** Shown to the user next to the evidence line. */
  readonly description: string;
  readonly source: RuleSource;
}

type RuleRow = Omit<Rule, "source" | "condition"> & { readonly condition?: RuleCondition };

function rows(list: readonly RuleRow[]): readonly Rule[] {
  return Object.freeze(
    list.map((row) =>
      Object.freeze({ ...row, condition: row.condition ?? null, source: "builtin" as const }),
    ),
  );
}

// Genuine failures that merely mention infrastructure words. Checked before every built-in infra rule.
// Each pattern is anchored on the *shape* of an assertion or of an application error, not on the words
// it quotes, so `expected 'connection refused' to equal 'retrying'` is caught here whatever it quotes.
export const builtinTestRules: readonly Rule[] = rows([
  {
    id: "assertion-error",
    kind: "test",
    // AssertionError (chai, node:assert, Python, JUnit 4, Hamcrest), opentest4j/JUnit 5 AssertionFailedError,
    // ComparisonFailure, MultipleFailuresError; pytest prefixes its lines with `E`.
    pattern:
      /^\s*(?:E\s+|Caused by:\s+)?(?:[\w$]+\.)*(?:AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError)\b/,
    appliesTo: "both",
    description: "an assertion failed in the test",
  },
  {
    id: "pytest-assert",
    kind: "test",
    pattern: /^\s*E\s+(?:assert\s|Failed: DID NOT RAISE\b)|\bFailed: DID NOT RAISE\b/,
    appliesTo: "both",
    description: "a pytest assertion failed",
  },
  {
    id: "jest-matcher",
    kind: "test",
    // jest's matcher hint: `expect(received).rejects.toThrow(expected)`, `expect(jest.fn()).toHaveBeenCalled()`.
    pattern:
      /\bexpect\((?:received|jest\.fn\(\)|spy|function|value)\)\.(?:(?:not|resolves|rejects)\.)*to[A-Z]\w*\(/,
    appliesTo: "both",
    description: "a jest/vitest expectation failed",
  },
  {
    id: "chai-expectation",
    kind: "test",
    pattern:
      /\bexpected .+ to (?:(?:not|deeply|strictly|be|have|deep|own|nested|include|contain)\s)*(?:equal|eql|be|include|contain|have|match|throw|satisfy|exist|deep)\b/,
    appliesTo: "both",
    description: "a chai/vitest expectation failed",
  },
  {
    id: "expected-but-was",
    kind: "test",
    // JUnit 4/5 `expected: <a> but was: <b>`; Hamcrest `Expected: ... but: was`; AssertJ `Expecting actual:`.
    pattern:
      /\bexpected:\s*<.*>\s*but was:\s*<|^\s*but: was\b|^\s*Expecting (?:actual|value|empty|map|code)\b/,
    appliesTo: "both",
    description: "an assertion compared an expected value with the actual one",
  },
  {
    id: "testify-comparison",
    kind: "test",
    // testify assertions that compare values. `Received unexpected error:` is deliberately absent: that is
    // `require.NoError` carrying whatever error happened, and the carried error decides.
    pattern:
      /^\s*Error:\s+(?:Not equal:|Should (?:be|not be|contain|have|NOT)\b|"[^"]*" does not contain\b|Expected nil, but got:|An error is expected but got nil|Error message not equal:|Elements should be the same)/,
    appliesTo: "both",
    description: "a testify assertion failed",
  },
  {
    id: "go-got-want",
    kind: "test",
    pattern: /\bgot\b.*\bwant(?:ed)?\b/,
    appliesTo: "failure",
    description: "a Go test reported got/want",
  },
  {
    id: "missing-table",
    kind: "test",
    // Postgres, SQLite, MySQL, SQL Server, Oracle: the schema the test expects is not there, which is a
    // migration or fixture bug in the project, not a flaky environment.
    pattern:
      /\brelation "[^"]+" does not exist|\bno such table: |\bTable '[^']+' doesn't exist|\bER_NO_SUCH_TABLE\b|\bInvalid object name '|\bORA-00942\b/,
    appliesTo: "both",
    description: "a table the test uses does not exist (migration not applied?)",
  },
  {
    id: "missing-column",
    kind: "test",
    pattern:
      /\bcolumn "[^"]+"(?: of relation "[^"]+")? does not exist|\bno such column: |\bUnknown column '[^']+'/,
    appliesTo: "both",
    description: "a column the test uses does not exist",
  },
  {
    id: "constraint-violation",
    kind: "test",
    pattern:
      /\bduplicate key value violates unique constraint\b|\bUNIQUE constraint failed\b|\bviolates (?:foreign key|not-null|check) constraint\b|\bDuplicate entry '.*' for key\b/,
    appliesTo: "both",
    description: "the data the test wrote broke a database constraint",
  },
  {
    id: "sql-syntax-error",
    kind: "test",
    pattern: /\bsyntax error at or near\b|\bYou have an error in your SQL syntax\b/,
    appliesTo: "both",
    description: "a SQL statement has a syntax error",
  },
  {
    // Decision: a heap limit hit inside the test process is the program's own memory budget (V8's
    // --max-old-space-size, the JVM's -Xmx), not the machine running out. The same code hits it again on a
    // retry, so it is reported, never retried. The kernel OOM killer (exit 137) is the machine: see infra.
    id: "heap-out-of-memory",
    kind: "test",
    pattern:
      /\bJavaScript heap out of memory\b|\bjava\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded|Metaspace)\b/,
    appliesTo: "both",
    description: "the test process exceeded its own heap limit (not retried: it will happen again)",
  },
]);

// Infrastructure signatures. Most-specific first, so the evidence names the real cause (a registry timeout
// rather than a generic TLS timeout).
export const builtinInfraRules: readonly Rule[] = rows([
  {
    id: "docker-daemon-unreachable",
    kind: "infra",
    pattern:
      /\bCannot connect to the Docker daemon\b|\bIs the docker daemon running\?|\berror during connect:|\bpermission denied while trying to connect to the Docker daemon socket\b|\bError while fetching server API version\b/i,
    appliesTo: "both",
    description: "the Docker daemon could not be reached",
  },
  {
    id: "testcontainers-no-docker",
    kind: "infra",
    // Java, Node, Go (rootless probe / provider) phrasings.
    pattern:
      /\bCould not find a valid Docker environment\b|\bCould not find a working container runtime strategy\b|\brootless Docker not found\b|\bfailed to create Docker provider\b/,
    appliesTo: "both",
    description: "Testcontainers found no usable Docker environment",
  },
  {
    id: "registry-rate-limit",
    kind: "infra",
    // Docker's containerd image store checks a manifest with HEAD, which has no body to say
    // `toomanyrequests`: only the status line names the limit.
    pattern:
      /\btoomanyrequests\b|\bYou have reached your pull rate limit\b|\bunexpected status from (?:HEAD|GET) request to \S+: 429 Too Many Requests\b/i,
    appliesTo: "both",
    description: "the image registry rate-limited the pull",
  },
  {
    id: "registry-unreachable",
    kind: "infra",
    // Any call to a registry's /v2/ API that failed on the network, as printed by the Docker CLI, compose,
    // docker-java and Kitematic-style wrappers, quoted or not.
    pattern:
      /\bhttps?:\/\/[^\s"\\]*\/v2\/[^\s"\\]*\\?"?: (?:net\/http|dial tcp|read tcp|EOF\b|context deadline exceeded|proxyconnect|remote error|x509|i\/o timeout)|\bError response from daemon: .*\brequest canceled\b/,
    appliesTo: "both",
    description: "the image registry could not be reached",
  },
  {
    id: "image-not-found",
    kind: "infra",
    // Listed as infrastructure by the spec: a registry glitch and a typo look the same from here. A typo
    // is retried up to the limit and then reported as an infra failure naming this line.
    pattern:
      /\bmanifest unknown\b|\bmanifest for \S+ not found\b|\bfailed to resolve reference "[^"]+": \S+: not found\b|\bpull access denied for\b|\brepository does not exist or may require 'docker login'|\bContainerFetchException\b|\bCan't get Docker image\b|\bFailed to pull image\b/i,
    appliesTo: "both",
    description: "the image could not be pulled",
  },
  {
    id: "container-never-ready",
    kind: "infra",
    // A container whose port, log line or health check never showed up: Java, Node, Python, Go phrasings.
    pattern:
      /\bTimed out waiting for container port to open\b|\bPort \d+ not bound after \d+ ?ms\b|\bwhile waiting for container ports to be bound\b|\bTimed out waiting for log output matching\b|\bLog message .* not received after \d+ ?ms\b|\bHealth check not healthy after \d+ ?ms\b|\bContainer did not emit logs satisfying predicate\b|\bWait time \(\d+(?:\.\d+)?s\) exceeded for\b|\bhost port waiting failed\b|\bwait until ready:|\bdependency failed to start: container \S+ (?:is unhealthy|exited)/,
    appliesTo: "both",
    description: "a container never became ready (its port never opened)",
  },
  {
    id: "container-startup-failed",
    kind: "infra",
    pattern:
      /\bContainer startup failed\b|\bCould not (?:create\/)?start container\b|\bWait strategy failed\b|\bContainerLaunchException\b|\bfailed to start container\b|\bcreating reaper failed\b|\bCan not connect to Ryuk\b/i,
    appliesTo: "both",
    description: "a Testcontainers container failed to start",
  },
  {
    id: "docker-port-allocated",
    kind: "infra",
    pattern:
      /\bport is already allocated\b|\bError starting userland proxy\b|\bfailed to bind port \S+ .*address already in use/,
    appliesTo: "both",
    description: "Docker could not publish a port another process already holds",
  },
  {
    id: "docker-daemon-error",
    kind: "infra",
    pattern:
      /\bError response from daemon: .*(?:failed to create shim|OCI runtime (?:create|exec) failed|driver failed programming external connectivity|No such container|failed to set up container networking|Internal Server Error)/,
    appliesTo: "both",
    description: "the Docker daemon failed an operation",
  },
  {
    id: "disk-full",
    kind: "infra",
    pattern: /\bno space left on device\b|\bENOSPC\b|\bThere is not enough space on the disk\b/i,
    appliesTo: "both",
    description: "the runner's disk is full",
  },
  {
    id: "oom-killed",
    kind: "infra",
    pattern:
      /\bOOMKilled\b|\bOut of memory: Killed process\b|\bexit(?:ed with)? code:? 137\b|\bsignal:? '?SIGKILL\b/i,
    appliesTo: "both",
    description: "a process was killed for lack of memory (exit 137)",
  },
  {
    id: "process-killed",
    kind: "infra",
    // `Killed` as bash and make print it when a child dies of SIGKILL, never the word inside a sentence.
    pattern: /(?:^|\s)Killed(?:\s*$|\s{2,}\S)|\bError 137\b/,
    appliesTo: "output",
    description: "the command was killed (usually the kernel OOM killer)",
  },
  {
    id: "runner-lost",
    kind: "infra",
    pattern: /\bThe runner has received a shutdown signal\b|\blost communication with the server\b/,
    appliesTo: "both",
    description: "the CI runner shut down or lost its connection",
  },
  {
    id: "service-connection-refused",
    kind: "infra",
    // Client-specific wordings for "the service was not there": node net, Go net, psycopg2/psycopg 3,
    // redis-py, kafkajs, node-postgres, JDBC (Postgres, MySQL), Mongo, Windows.
    pattern:
      /\bECONNREFUSED\b|\bconnection refused\b|\bConnection to \S+ refused\b|\bcould not connect to server\b|\bredis\.exceptions\.ConnectionError\b|\bError \d+ connecting to \S+\b|\bKafkaJSConnectionError\b|\bFailed to connect to seed broker\b|\bMongoServerSelectionError\b|\bactively refused\b|\bCommunications link failure\b|\bCould not open JDBC Connection\b|\bUnable to acquire JDBC Connection\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service refused the connection before any test ran",
  },
  {
    id: "service-connection-reset",
    kind: "infra",
    pattern:
      /\bECONNRESET\b|\bconnection reset by peer\b|\bsocket hang up\b|\bConnection terminated unexpectedly\b|\bserver closed the connection unexpectedly\b|\bEPIPE\b|\bbroken pipe\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service dropped the connection before any test ran",
  },
  {
    id: "service-connection-timeout",
    kind: "infra",
    pattern:
      /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bconnection timed out\b|\bi\/o timeout\b|\bConnectTimeoutException\b|\bSocketTimeoutException: connect timed out\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a connection to a service timed out before any test ran",
  },
  {
    id: "dns-failure",
    kind: "infra",
    pattern:
      /\bENOTFOUND\b|\bEAI_AGAIN\b|\bTemporary failure in name resolution\b|\bName or service not known\b|\bno such host\b|\bnodename nor servname provided\b|\bUnknownHostException\b|\bCould not resolve host\b|\bcould not translate host name\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a host name could not be resolved before any test ran",
  },
  {
    id: "tls-handshake-timeout",
    kind: "infra",
    pattern: /\bTLS handshake timeout\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a TLS handshake timed out before any test ran",
  },
  {
    id: "port-in-use",
    kind: "infra",
    pattern: /\bEADDRINUSE\b|\baddress already in use\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a port was already taken when the fixtures started",
  },
]);

export const builtinRules: readonly Rule[] = Object.freeze([...builtinTestRules, ...builtinInfraRules]);

// Lines that prove test bodies ran, for attempts that left no JUnit behind: jest, vitest, pytest, mocha,
// surefire, Gradle and `go test -v` summaries. Setup-only errors (`3 errors`, `Tests run: 1, ... Errors: 1`)
// are deliberately not here.
export const testsRanMarkers: readonly RegExp[] = Object.freeze([
  /^\s*Tests:?\s+.*\b[1-9]\d* (?:passed|failed)\b/, // jest `Tests:  1 failed, 4 passed`, vitest `Tests  1 failed | 4 passed`
  /\b[1-9]\d* (?:passed|failed)(?:, \d+ \w+)* in [\d.]+s\b/, // pytest `1 failed, 2 passed in 0.50s`
  /^\s*[1-9]\d* (?:passing|failing)\b/, // mocha
  /\bTests run: \d+, Failures: [1-9]/,
  /\b[1-9]\d* tests? completed\b/,
  /^\s*--- (?:PASS|FAIL): /,
]);

// Failure texts and test names that place a failure outside the test body when the report itself did not
// say (JUnit 5 lifecycle frames, Spring context loading, jest module and global setup, unittest/JUnit
// class-level entries). The report's own `phase` always takes precedence.
export const setupMarkers: readonly RegExp[] = Object.freeze([
  /"before (?:all|each)" hook/,
  /\binvokeBefore(?:All|Each)Methods\b/,
  /\bFailed to load ApplicationContext\b/,
  /\bTest suite failed to run\b/,
  /\bGot error running globalSetup\b/,
  /^\s*(?:initializationError|classMethod|executionError|setUpClass|setUpModule)\b/,
  /^ERROR at setup of /,
]);

export const teardownMarkers: readonly RegExp[] = Object.freeze([
  /"after (?:all|each)" hook/,
  /\binvokeAfter(?:All|Each)Methods\b/,
  /\bGot error running globalTeardown\b/,
  /^\s*(?:tearDownClass|tearDownModule)\b/,
  /^ERROR at teardown of /,
]);
