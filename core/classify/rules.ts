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
 *
 * `before-tests-in-output`: a failure text always counts, the output tail only while no test ran. For
 * wordings that clients also log as warnings while they probe and then succeed (Testcontainers trying one
 * Docker socket after another): once tests ran, such a line in the output proves nothing.
 */
export type RuleCondition = "outside-test-body" | "before-tests-in-output";

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
      /^\s*(?:E\s+|Caused by:\s+|Uncaught\s+(?:Error:\s+)?)?(?:[\w$]+\.)*(?:AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError)\b/,
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
    // migration or fixture bug in the project, not a flaky environment. Quotes may arrive JSON-escaped.
    pattern:
      /\brelation \\?"[^"\\]+\\?" does not exist|\bno such table: |\bTable '[^']+' doesn't exist|\bER_NO_SUCH_TABLE\b|\bInvalid object name '|\bORA-00942\b/,
    appliesTo: "both",
    description: "a table the test uses does not exist (migration not applied?)",
  },
  {
    id: "missing-database",
    kind: "test",
    // Postgres `database "x" does not exist`, MySQL `Unknown database 'x'`: the suite's own set-up never
    // created it, and a retry will not either.
    pattern: /\bdatabase \\?"[^"\\]+\\?" does not exist\b|\bUnknown database '[^']+'|\bER_BAD_DB_ERROR\b/,
    appliesTo: "both",
    description: "a database the test uses does not exist (created by the suite's set-up?)",
  },
  {
    id: "missing-column",
    kind: "test",
    pattern:
      /\bcolumn \\?"[^"\\]+\\?"(?: of relation \\?"[^"\\]+\\?")? does not exist|\bno such column: |\bUnknown column '[^']+'/,
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
    // Decision (issue 10, §4): a container that exited on its own while a wait strategy or compose waited
    // for it will never become ready; the cause is its image, command or settings, and a retry only wastes
    // minutes. 137 (SIGKILL, usually the OOM killer) and 143 (SIGTERM, stopped from outside) are not the
    // container's own doing and are left to the infra rules.
    id: "container-exited",
    kind: "test",
    pattern:
      /\b[Cc]ontainer (?:\S+ )?exited with code (?!13[07]\b|143\b)\d+|^\s*(?!(?:[Pp]rocess|[Cc]ommand|[Pp]rogram|[Ss]cript|[Tt]ask|[Jj]ob|[Ss]tep)\b)[\w.-]+ exited with code (?!0\b|13[07]\b|143\b)\d+|\bdependency failed to start: container \S+ exited \((?!0\)|13[07]\)|143\))\d+\)/,
    appliesTo: "both",
    description:
      "the container exited on its own before it was ready (see the exit code): it will never become ready, so a retry only wastes time; its log says why",
  },
  {
    // The official images refuse to start without their required settings and say so in their log, which
    // Testcontainers and compose print. Retrying cannot supply a missing environment variable.
    id: "container-misconfigured",
    kind: "test",
    pattern:
      /\bDatabase is uninitialized and (?:superuser )?password(?: option)? is not specified\b|\bdatabase is uninitialized and MYSQL_ROOT_PASSWORD not set\b|\bYou must specify POSTGRES_PASSWORD\b|\bYou need to specify one of (?:the following|MYSQL_ROOT_PASSWORD)\b|\bEnd-User License Agreement \(EULA\) must be accepted\b|\bACCEPT_EULA\b.*\b(?:must|required|not set)\b/i,
    appliesTo: "both",
    description:
      "the container's log shows a configuration error (a required setting such as a password is missing): it will never become ready, so it is not retried",
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
    // The Docker socket missing or refusing, as the Docker CLI, docker-compose, docker-py (its unix/npipe
    // transport's `connect` frame, where Python's FileNotFoundError is raised) and docker-java (its
    // domain-socket frames) word it when they give up.
    pattern:
      /\bCannot connect to the Docker daemon\b|\bIs (?:the|your) docker daemon (?:up and )?running\?|\bCouldn't connect to Docker daemon\b|\berror during connect:|\bpermission denied while trying to connect to the Docker daemon socket\b|\bError while fetching server API version\b|[/\\]?\bdocker[/\\]transport[/\\](?:unixconn|npipeconn|npipesocket|sshconn)\.py(?:", line \d+, in |:\d+: in )connect\b|\bat (?:com\.github\.dockerjava\.transport\.(?:DomainSocket|LinuxDomainSocket|UnixSocket)\b|org\.testcontainers\.shaded\.org\.scalasbt\.ipcsocket\.UnixDomainSocket\b|org\.testcontainers\.dockerclient\.transport\.okhttp\.UnixSocketFactory\b)|\bAFUNIXSocketException: (?:No such file or directory|Connection refused)\b/i,
    appliesTo: "both",
    description: "the Docker daemon could not be reached",
  },
  {
    id: "testcontainers-no-docker",
    kind: "infra",
    // Java, Node, Go (rootless probe / provider) phrasings.
    pattern:
      /\bCould not find a valid Docker environment\b|\bCould not find a working container runtime strategy\b|\bNo Docker client strategy found\b|\bDocker is either not running or misconfigured\b|\brootless Docker not found\b|\bfailed to create Docker provider\b/,
    appliesTo: "both",
    description: "Testcontainers found no usable Docker environment",
  },
  {
    id: "docker-socket-unreachable",
    kind: "infra",
    // The socket itself refusing or missing, as dockerode/testcontainers-node (`connect ENOENT
    // /var/run/docker.sock`), the Go client (`dial unix ... connect:`) and Testcontainers' strategy probes
    // word it. Testcontainers logs these while it tries one socket after another and may then succeed.
    pattern:
      /\bdial unix \S*docker\.sock: connect: |\bconnect (?:ENOENT|EACCES|ECONNREFUSED) \S*docker\.sock\b|\bDocker daemon is not reachable\b|\bDOCKER_HOST \S+ is not listening\b|\bCould not find unix domain socket\b/,
    appliesTo: "both",
    condition: "before-tests-in-output",
    description: "the Docker socket is missing or refused the connection",
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
    id: "registry-auth-failed",
    kind: "infra",
    // Registry credentials missing or expired: ECR's `no basic auth credentials`, its expired token, GHCR's
    // `denied: denied` for a stale login, Docker Hub's expired access token, docker-java's 500 carrying the
    // registry's `unauthorized`. Always on a registry path (`/v2/`) or in a registry's own words.
    pattern:
      /\bno basic auth credentials\b|\/v2\/\S*"?: (?:unauthorized|denied)\b|\bunauthorized: (?:authentication required|incorrect username or password|unauthenticated\b|personal access token is expired)|\bauthorization token has expired\b|\berror from registry: unauthorized\b|\bPull failed due to an unauthenticated request\b|\bfailed to (?:authorize: failed to )?fetch (?:oauth|anonymous) token\b|\berror getting credentials - err\b/i,
    appliesTo: "both",
    description: "the image registry refused the credentials (missing or expired login)",
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
    pattern:
      /\bno space left on device\b|\bENOSPC\b|\bThere is not enough space on the disk\b|\bYou are running out of disk space\b/i,
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
    id: "github-rate-limit",
    kind: "infra",
    // GitHub's primary limit (`API rate limit exceeded for <ip | installation ID n | user ID n>`) and its
    // secondary, anti-abuse limits, as octokit, PyGithub and the REST body word them. The service's words,
    // not a generic `rate limit` that a test of the project's own limiter would print.
    pattern:
      /\bAPI rate limit exceeded for\b|\bexceeded a secondary rate limit\b|\babuse detection mechanism\b|\bRateLimitExceededException\b/i,
    appliesTo: "both",
    description: "the GitHub API rate-limited the run (primary or secondary limit)",
  },
  {
    id: "service-starting-up",
    kind: "infra",
    // The server answered, but is not ready yet: PostgreSQL (libpq, asyncpg, pg, JDBC), Oracle, Redis
    // loading its dataset. Outside a test's body only: a test that restarts a server provokes the same.
    pattern:
      /\bthe database system is (?:starting up|not yet accepting connections)\b|\bCannotConnectNowError\b|\bORA-01033\b|\bLOADING Redis is loading the dataset in memory\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service was still starting up when the fixtures connected to it",
  },
  {
    id: "broker-unavailable",
    kind: "infra",
    // Kafka brokers not reachable or without partition leaders yet (Java client, kafkajs, kafka-node,
    // ruby-kafka, pykafka). The Java client logs these as warnings while it retries, so only before any
    // test ran, like every network rule.
    pattern:
      /\bBroker may not be available\b|\bBootstrap broker \S+ \(id: -?\d+ rack: \S+\) disconnected\b|\bLEADER_NOT_AVAILABLE\b|\bLeaderNotAvailable(?:Exception|Error)?\b|\bThere is no leader for this topic-partition\b|\bBrokerNotAvailableError\b|\bKafkaJSNumberOfRetriesExceeded\b|\bTimeout expired while fetching topic metadata\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "the message broker was not available (still starting, or no partition leader yet)",
  },
  {
    id: "service-retries-exhausted",
    kind: "infra",
    // A client that gave up after its own retries (ioredis) never reached its server.
    pattern: /\bMaxRetriesPerRequestError\b|\bReached the max retries per request limit\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a client gave up reaching its service after its retries, before any test ran",
  },
  {
    id: "dependency-download-failed",
    kind: "infra",
    // A package download inside the test command that failed on the network or on the repository's side
    // (5xx, 429): Maven, Gradle, npm, yarn, pnpm, pip, Go modules, cargo, apt. A 401/403/404 is a
    // configuration or a missing version and is left alone. Also printed on retries that later succeed,
    // hence only before any test ran.
    pattern:
      /^(?!.*\b(?:401|403|404|Unauthorized|Not authorized|Forbidden|Not Found|offline mode)\b).*\bCould not transfer (?:artifact|metadata)\b|\bCould not (?:GET|HEAD) '[^']+'\.(?: Received status code (?:429|5\d\d)\b|\s*$)|\bnpm (?:ERR!|error) (?:network\b|code (?:ECONNRESET|ETIMEDOUT|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ESOCKETTIMEDOUT|EPIPE|E429|E50[0234])\b|fetch failed https?:)|^\s*\d+ error network\b|\bnpm WARN retry will retry\b|\bThere appears to be trouble with your network connection\b|\bERR_PNPM_META_FETCH_FAIL\b|^\s*WARNING: Retrying \(Retry\(total=\d+|\bpip\._vendor\.urllib3\.exceptions\.(?:ReadTimeoutError|ProtocolError|NewConnectionError|MaxRetryError)\b|\bCould not install packages due to an (?:OSError|EnvironmentError): HTTPSConnectionPool\b|^\s*go: .*\b(?:Get|reading) "?https?:\/\/\S+"?: (?:dial tcp|read tcp|net\/http|EOF\b|unexpected EOF|TLS handshake timeout|(?:429|50[0234]) )|\bunrecognized import path "[^"]+" \(https fetch: Get \S+: dial tcp\b|\bwarning: spurious network error\b|\berror: failed to download from `https?:|^E: Failed to fetch https?:\/\/\S+ .*(?:Could not connect|Connection failed|Temporary failure resolving|Connection timed out|50[0234]\b)/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a dependency download failed on the network or at the package repository",
  },
  {
    id: "service-connection-refused",
    kind: "infra",
    // Client-specific wordings for "the service was not there": node net, Go net, psycopg2/psycopg 3,
    // redis-py, Jedis, Lettuce, node-redis, kafkajs, node-postgres, JDBC (Postgres, MySQL Connector/J's
    // communications link failure), the mysql CLI, urllib3, Mongo, Windows, unreachable hosts/networks.
    pattern:
      /\bECONNREFUSED\b|\bconnection refused\b|\bConnection to \S+ refused\b|\bcould not connect to server\b|\bredis\.exceptions\.ConnectionError\b|\bError \d+ connecting to \S+\b|\bKafkaJSConnectionError\b|\bFailed to connect to seed broker\b|\bMongoServerSelectionError\b|\bactively refused\b|\bCommunications link failure\b|\bCould not open JDBC Connection\b|\bUnable to acquire JDBC Connection\b|\bCan't connect to MySQL server on\b|\bLost connection to MySQL server at 'reading initial communication packet'|\bJedisConnectionException: (?:Failed to connect|Could not get a resource)\b|\bRedisConnectionException: Unable to connect to\b|\bUnable to connect to Redis\b|\bRedis connection to \S+ failed\b|\bFailed to establish a new connection\b|\bEHOSTUNREACH\b|\bENETUNREACH\b|\bNo route to host\b|\bNetwork is unreachable\b/i,
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

// Connection-level signatures: the ones that name a service the suite talks to. A test body that fails
// with one of these stays a test failure, unless every failed test of the attempt lost the same endpoint
// (see `serviceDied` in classify-attempt.ts).
export const connectionRuleIds: ReadonlySet<string> = new Set([
  "service-connection-refused",
  "service-connection-reset",
  "service-connection-timeout",
  "service-starting-up",
  "broker-unavailable",
  "service-retries-exhausted",
]);

/**
 * A line of a test runner's output that proves test bodies ran. `ran` reads the counts the line carries
 * (absent: the line alone is the proof).
 */
export interface TestsRanMarker {
  readonly runner: string;
  readonly pattern: RegExp;
  readonly ran?: (match: RegExpExecArray) => boolean;
}

const count = (match: RegExpExecArray, group: number): number => Number(match[group] ?? 0);

// Summary and result-list lines, for attempts that left no JUnit behind. Errors raised before any test
// body (setup-only `3 errors`, surefire's `Errors: 1` with no failure, PHPUnit errors with no assertion,
// RSpec's `0 examples`) deliberately prove nothing. mocha's `N failing` is read with its failure list,
// where hooks are told apart (see classify-attempt.ts). When in doubt a line counts: a run judged to have
// reached its tests can only lose a retry, never hide a real bug.
export const testsRanMarkers: readonly TestsRanMarker[] = Object.freeze([
  // jest `Tests:       1 failed, 4 passed, 5 total`, vitest `Tests  1 failed | 4 passed (5)`
  { runner: "jest/vitest", pattern: /^\s*Tests:?\s+.*\b[1-9]\d* (?:passed|failed)\b/ },
  // jest/vitest/mocha spec reporters list passing tests with a check mark
  { runner: "jest/vitest/mocha", pattern: /^\s*(?:✓|✔|√)\s+\S/ },
  // pytest `1 failed, 2 passed in 0.50s` and its short summary `FAILED tests/x.py::test_a - ...`
  { runner: "pytest", pattern: /\b[1-9]\d* (?:passed|failed)(?:, \d+ \w+)* in [\d.]+s\b/ },
  { runner: "pytest", pattern: /^FAILED \S+::\S+/ },
  { runner: "mocha", pattern: /^\s*[1-9]\d* passing\b/ },
  // TAP (node:test, tape, Perl's Test::More): results and counts
  { runner: "TAP", pattern: /^\s*(?:not )?ok \d+\b/ },
  { runner: "TAP", pattern: /^#\s*(?:pass|fail)\s+[1-9]\d*\s*$/ },
  { runner: "TAP", pattern: /^#\s*failed \d+ of \d+/ },
  { runner: "TAP", pattern: /^#\s*Looks like you failed \d+ tests? of \d+/ },
  // surefire/failsafe `Tests run: 5, Failures: 1, Errors: 0, Skipped: 0`: a failure, or a test that
  // neither errored nor was skipped
  {
    runner: "surefire",
    pattern: /\bTests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/,
    ran: (m) => count(m, 2) > 0 || count(m, 1) - count(m, 2) - count(m, 3) - count(m, 4) > 0,
  },
  { runner: "Gradle", pattern: /\b[1-9]\d* tests? completed\b/ },
  // go test -v results, and a package that passed
  { runner: "go test", pattern: /^\s*--- (?:PASS|FAIL): / },
  { runner: "go test", pattern: /^ok\s+\S+\s+(?:[\d.]+s|\(cached\))/ },
  // RSpec `5 examples, 1 failure` and its rerun list `rspec ./spec/x_spec.rb:12 # ...`
  { runner: "RSpec", pattern: /^\s*[1-9]\d* examples?, \d+ failures?/ },
  { runner: "RSpec", pattern: /^rspec \.\/\S+:\d+ # / },
  // PHPUnit `OK (5 tests, 9 assertions)`, `Tests: 5, Assertions: 3, Failures: 1.`
  { runner: "PHPUnit", pattern: /^OK \([1-9]\d* tests?, \d+ assertions?\)/ },
  {
    runner: "PHPUnit",
    pattern: /^Tests: \d+, Assertions: (\d+)(?:.*\bFailures: (\d+))?/,
    ran: (m) => count(m, 1) > 0 || count(m, 2) > 0,
  },
  { runner: "PHPUnit", pattern: /^There (?:was|were) \d+ failures?:/ },
  // cargo test `test result: FAILED. 3 passed; 1 failed; ...` and `test foo ... ok`
  {
    runner: "cargo test",
    pattern: /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed/,
    ran: (m) => count(m, 1) + count(m, 2) > 0,
  },
  { runner: "cargo test", pattern: /^test \S+ \.\.\. (?:ok|FAILED)\s*$/ },
  // dotnet test `Failed!  - Failed:     1, Passed:     4, ...`
  {
    runner: "dotnet test",
    pattern: /\b(?:Failed|Passed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+)/,
    ran: (m) => count(m, 1) + count(m, 2) > 0,
  },
]);

// The numbered entries of mocha's failure list (`  1) suite` then the test or `"before all" hook for ...`).
export const mochaFailureEntry = /^\s*\d+\) \S/;
export const hookName = /"(?:before|after) (?:all|each)" hook\b|\b(?:before|after)(?:All|Each)\b hook\b/;

// Failure texts and test names that place a failure outside the test body when the report itself did not
// say (JUnit 5 lifecycle frames, Spring context loading, jest module and global setup, unittest/JUnit
// class-level entries). The report's own `phase` always takes precedence.
export const setupMarkers: readonly RegExp[] = Object.freeze([
  /"before (?:all|each)" hook/,
  /\binvokeBefore(?:All|Each)(?:Methods|Callbacks)\b/,
  // JUnit 4 @Before/@BeforeClass and Testcontainers' @ClassRule/@Rule
  /\bRunBefores\.(?:evaluate|invokeMethod)\b/,
  /\bFailureDetectingExternalResource\b/,
  // pytest's JUnit message for a fixture error, unittest's setUp frames, RSpec's context hooks
  /\bfailed on setup with\b/,
  /, in setUp(?:Class|Module)?\s*$/,
  /\bAn error occurred in a `before\(:(?:context|all)\)` hook\b/,
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
