// Attempt-level rules of issue 10: the service that died mid-run (§3), the runner summaries that prove
// tests ran so network lines in the output stop counting (§4), containers that exited on their own (§4),
// and evidence that does not repeat the exception type (§5). Each rule is tested on both sides.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type AttemptEvidence,
  buildRules,
  classifyAttempt,
  compilePatterns,
} from "../../core/classify/index.ts";
import type { Failure, FailurePhase } from "../../core/junit/model.ts";
import { parseJunit } from "../../core/junit/parse-junit.ts";
import { evidence, failure, junit, test } from "../support/model-builders.ts";

// Texts the clients print when the server behind them went away (node net, psycopg2, pgJDBC).
const refused = (endpoint: string, phase: FailurePhase | null = "call"): Failure =>
  failure({ type: "Error", message: `connect ECONNREFUSED ${endpoint}`, phase });
const reset = (phase: FailurePhase | null = "call"): Failure =>
  failure({ type: "Error", message: "read ECONNRESET", phase });
const psycopgRefused = failure({
  message:
    'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
  phase: "call",
});
const pgjdbcRefused = failure({
  type: "org.postgresql.util.PSQLException",
  message:
    "Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
  details:
    "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)",
  phase: "call",
});
const assertionOn5432 = failure({
  type: "AssertionError",
  message: "expected 'connect ECONNREFUSED 127.0.0.1:5432' to equal 'ok'",
  phase: "call",
});

function attempt(failures: Failure[], passed = 3): AttemptEvidence {
  const cases = [
    ...failures.map((f, i) => test(`failing ${i + 1}`, "errored", f)),
    ...Array.from({ length: passed }, (_, i) => test(`passing ${i + 1}`, "passed")),
  ];
  return evidence({ exitCode: 1, junitFiles: [junit(cases)] });
}

describe("service died: every failed test lost the same endpoint", () => {
  it("retries when two or more tests failed in their bodies on a connection to one endpoint", () => {
    const result = classifyAttempt(attempt([refused("127.0.0.1:5432"), refused("127.0.0.1:5432")]));
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures).toHaveLength(2);
    expect(result.infraFailures[0]?.evidence).toMatchObject({
      rule: "service-died",
      kind: "infra",
      source: "junit",
      line: "Error: connect ECONNREFUSED 127.0.0.1:5432",
      lineNumber: 1,
    });
    expect(result.infraFailures[0]?.evidence.description).toContain("localhost:5432");
    expect(result.infraFailures[0]?.evidence.description).toContain("2 failed tests");
  });

  it("folds the loopback names and reads the endpoint in each client's wording", () => {
    const result = classifyAttempt(
      attempt([refused("127.0.0.1:5432"), psycopgRefused, pgjdbcRefused, refused("[::1]:5432")]),
    );
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures.map((f) => f.evidence.rule)).toEqual(Array(4).fill("service-died"));
  });

  it("counts setup failures on the same endpoint with the body failures", () => {
    const result = classifyAttempt(attempt([refused("localhost:6379", "setup"), refused("localhost:6379")]));
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures.map((f) => f.evidence.rule)).toEqual([
      "service-connection-refused",
      "service-died",
    ]);
  });

  it("keeps a single provoked connection error a test failure", () => {
    const result = classifyAttempt(attempt([refused("127.0.0.1:5432")]));
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("unrecognised-failure");
  });

  it("keeps failures on two different endpoints test failures", () => {
    const result = classifyAttempt(attempt([refused("127.0.0.1:5432"), refused("127.0.0.1:6379")]));
    expect(result.outcome).toBe("test-failures");
    expect(result.infraFailures).toHaveLength(0);
  });

  it("keeps them all test failures when one failed on an assertion, even one quoting the same endpoint", () => {
    const result = classifyAttempt(
      attempt([refused("127.0.0.1:5432"), refused("127.0.0.1:5432"), assertionOn5432]),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures.map((f) => f.evidence.rule)).toEqual([
      "unrecognised-failure",
      "unrecognised-failure",
      "assertion-error",
    ]);
  });

  it("keeps them test failures when another failure is not a connection error at all", () => {
    const typeError = failure({ type: "TypeError", message: "x is undefined", phase: "call" });
    const result = classifyAttempt(
      attempt([refused("127.0.0.1:5432"), refused("127.0.0.1:5432"), typeError]),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.infraFailures).toHaveLength(0);
  });

  it("does not guess when the errors name no endpoint", () => {
    const result = classifyAttempt(attempt([reset(), reset()]));
    expect(result.outcome).toBe("test-failures");
  });

  it("lets a user test-pattern keep them genuine", () => {
    const rules = buildRules({
      testPatterns: compilePatterns("test-patterns", ["ECONNREFUSED 127.0.0.1:5432"]),
    });
    const result = classifyAttempt(attempt([refused("127.0.0.1:5432"), refused("127.0.0.1:5432")]), rules);
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("test-patterns:1");
  });
});

// One summary or result-list line per runner, in the runner's own format. Each is paired with a network
// error that, before any test ran, would be retried as infrastructure.
const SUMMARIES: readonly (readonly [string, readonly string[]])[] = [
  ["TAP counts", ["# tests 5", "# pass  4", "# fail  1"]],
  ["TAP `# failed N of M`", ["# failed 1 of 5 tests"]],
  ["TAP result line", ["not ok 3 - creates an order"]],
  ["Test::More", ["# Looks like you failed 1 test of 5."]],
  ["mocha counts", ["  4 passing (2s)", "  1 failing"]],
  ["mocha failure list", ["  1) orders", "       creates an order:", "     Error: socket hang up"]],
  ["jest", ["Tests:       1 failed, 4 passed, 5 total"]],
  ["vitest", [" Tests  1 failed | 4 passed (5)"]],
  ["pytest", ["========= 1 failed, 4 passed in 0.52s ========="]],
  ["pytest short summary", ["FAILED tests/test_orders.py::test_create - ConnectionResetError: [Errno 104]"]],
  ["go test", ["--- FAIL: TestCreateOrder (0.02s)"]],
  ["go test package", ["ok  \tgithub.com/acme/shop/store\t0.412s"]],
  ["RSpec", ["5 examples, 1 failure"]],
  ["PHPUnit", ["Tests: 5, Assertions: 9, Failures: 1."]],
  ["PHPUnit OK", ["OK (5 tests, 9 assertions)"]],
  ["surefire", ["Tests run: 5, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1.2 s <<< FAILURE!"]],
  ["surefire, errors beside a passing test", ["Tests run: 5, Failures: 0, Errors: 4, Skipped: 0"]],
  ["cargo test", ["test result: FAILED. 4 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out"]],
  ["cargo test line", ["test orders::creates ... FAILED"]],
  ["dotnet test", ["Failed!  - Failed:     1, Passed:     4, Skipped:     0, Total:     5"]],
];

// Lines that look like summaries but prove nothing ran: errors raised before any test body.
const SETUP_ONLY: readonly (readonly [string, readonly string[]])[] = [
  ["surefire class-level error", ["Tests run: 1, Failures: 0, Errors: 1, Skipped: 0"]],
  [
    "pytest setup errors",
    ["============================== 3 errors in 1.02s ==============================="],
  ],
  ["RSpec error outside examples", ["0 examples, 0 failures, 1 error occurred outside of examples"]],
  ["PHPUnit errors without assertions", ["Tests: 3, Assertions: 0, Errors: 3."]],
  [
    "mocha before all hook",
    ["  0 passing (3s)", "  1 failing", '  1) "before all" hook for "creates an order":'],
  ],
  ["mocha hook in a suite", ["  1) orders", '       "before all" hook for "creates an order":']],
  ["TAP zero counts", ["# pass 0", "# fail 0"]],
  ["go test TestMain", ["FAIL\tgithub.com/acme/shop/store\t0.012s"]],
];

describe("network lines in the output count only before any test ran", () => {
  for (const network of ["Error: read ECONNRESET", "Error: socket hang up"]) {
    it.each(SUMMARIES.map(([runner, lines]) => [runner, lines] as const))(
      `${network} after tests ran (%s) is the suite's own failure`,
      (_runner, lines) => {
        const result = classifyAttempt(evidence({ exitCode: 1, outputTail: [network, ...lines] }));
        expect(result.testsRan).toBe(true);
        expect(result.outcome).toBe("test-failures");
        expect(result.testFailures[0]?.evidence.rule).toBe("command-failed");
      },
    );
  }

  it.each(SETUP_ONLY.map(([runner, lines]) => [runner, lines] as const))(
    "ECONNREFUSED before any test body (%s) is still infrastructure",
    (_runner, lines) => {
      const result = classifyAttempt(
        evidence({ exitCode: 1, outputTail: ["Error: connect ECONNREFUSED 127.0.0.1:5432", ...lines] }),
      );
      expect(result.testsRan).toBe(false);
      expect(result.outcome).toBe("infra-failure");
      expect(result.infraFailures[0]?.evidence.rule).toBe("service-connection-refused");
    },
  );

  it("reads runner lines behind a CI timestamp", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: [
          "2024-05-02T10:01:12.1234567Z Error: read ECONNRESET",
          "2024-05-02T10:01:13.0000000Z Tests run: 5, Failures: 1, Errors: 0, Skipped: 0",
        ],
      }),
    );
    expect(result.testsRan).toBe(true);
    expect(result.outcome).toBe("test-failures");
  });

  it("ignores Testcontainers' socket probes once tests ran: it tried one socket, then used another", () => {
    // testcontainers-node logs the failed probe (issue 407's wording), then finds another strategy.
    const probe =
      "testcontainers WARN  Docker daemon is not reachable: Error: connect ENOENT /var/run/docker.sock +4ms";
    const ran = classifyAttempt(
      evidence({ exitCode: 1, outputTail: [probe, "Tests:       1 failed, 4 passed, 5 total"] }),
    );
    expect(ran.outcome).toBe("test-failures");
    expect(ran.testFailures[0]?.evidence.rule).toBe("command-failed");
    const none = classifyAttempt(evidence({ exitCode: 1, outputTail: [probe] }));
    expect(none.infraFailures[0]?.evidence.rule).toBe("docker-socket-unreachable");
    // In a failure's own text the same wording is the error that ended it, whatever the phase.
    const inBody = classifyAttempt(
      evidence({
        junitFiles: [
          junit([
            test(
              "a",
              "errored",
              failure({ message: "Error: connect ENOENT /var/run/docker.sock", phase: "call" }),
            ),
          ]),
        ],
      }),
    );
    expect(inBody.outcome).toBe("infra-failure");
  });

  it("keeps strong signatures after tests ran: a rate-limited pull stays infrastructure", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: [
          "Tests:       1 failed, 4 passed, 5 total",
          "Error response from daemon: toomanyrequests: x",
        ],
      }),
    );
    expect(result.outcome).toBe("infra-failure");
  });
});

describe("setup recognised from the failure's own text when the report gives no phase", () => {
  // The frames and messages each runner leaves when a failure happened before the test body.
  const SETUP_TEXTS: readonly (readonly [string, string])[] = [
    [
      "pytest fixture error",
      'failed on setup with "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379."',
    ],
    ["unittest setUp", '  File "/usr/src/app/project/tests/base.py", line 17, in setUp'],
    [
      "JUnit 4 @BeforeClass",
      "\tat org.junit.internal.runners.statements.RunBefores.evaluate(RunBefores.java:24)",
    ],
    [
      "Testcontainers @ClassRule",
      "\tat org.testcontainers.containers.FailureDetectingExternalResource$1.evaluate(FailureDetectingExternalResource.java:29)",
    ],
    [
      "JUnit 5 extension",
      "\tat org.junit.jupiter.engine.descriptor.ClassBasedTestDescriptor.invokeBeforeAllCallbacks(ClassBasedTestDescriptor.java:459)",
    ],
    ["RSpec before(:context)", "An error occurred in a `before(:context)` hook."],
  ];

  it.each(SETUP_TEXTS.map(([runner, text]) => [runner, text] as const))("%s", (_runner, text) => {
    const refusedWith = (details: string | null) =>
      classifyAttempt(
        evidence({
          junitFiles: [
            junit([
              test("a", "errored", failure({ message: "connect ECONNREFUSED 127.0.0.1:5432", details })),
            ]),
          ],
        }),
      );
    expect(refusedWith(text).outcome).toBe("infra-failure");
    expect(refusedWith(text).infraFailures[0]?.phase).toBe("setup");
    expect(refusedWith(null).outcome).toBe("test-failures");
  });
});

describe("containers that exited on their own are the suite's bug", () => {
  const waitTimeout = failure({
    type: "org.testcontainers.containers.ContainerLaunchException",
    message: "Container startup failed for image postgres:16",
    details: [
      "Caused by: org.testcontainers.containers.ContainerLaunchException: Timed out waiting for log output matching '.*ready.*'",
      "Caused by: java.lang.IllegalStateException: Wait strategy failed. Container exited with code 1",
    ].join("\n"),
    phase: "setup",
  });

  it("judges a wait-strategy timeout with an exit code a test failure and says why", () => {
    const result = classifyAttempt(
      evidence({ junitFiles: [junit([test("classMethod", "errored", waitTimeout)])] }),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence).toMatchObject({
      rule: "container-exited",
      line: "Caused by: java.lang.IllegalStateException: Wait strategy failed. Container exited with code 1",
    });
    expect(result.testFailures[0]?.evidence.description).toMatch(/exited on its own.*never become ready/);
  });

  it("still retries the same timeout when the container was killed (137) or simply never got ready", () => {
    const killed = failure({
      ...waitTimeout,
      details: waitTimeout.details?.replace("code 1", "code 137") ?? null,
    });
    const slow = failure({ ...waitTimeout, details: waitTimeout.details?.split("\n")[0] ?? null });
    for (const f of [killed, slow]) {
      const result = classifyAttempt(evidence({ junitFiles: [junit([test("classMethod", "errored", f)])] }));
      expect(result.outcome).toBe("infra-failure");
      expect(result.infraFailures[0]?.evidence.rule).toBe("container-never-ready");
    }
  });

  it("judges a timeout whose container log shows a missing setting a test failure", () => {
    const log = failure({
      ...waitTimeout,
      details: [
        "Caused by: org.testcontainers.containers.ContainerLaunchException: Timed out waiting for container port to open",
        "STDERR: Error: Database is uninitialized and superuser password is not specified.",
      ].join("\n"),
    });
    const result = classifyAttempt(evidence({ junitFiles: [junit([test("classMethod", "errored", log)])] }));
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("container-misconfigured");
    expect(result.testFailures[0]?.evidence.description).toMatch(/configuration error/);
  });

  it("does not take a process that exited for a container", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: ["Error: connect ECONNREFUSED 127.0.0.1:5432", "Process exited with code 1"],
      }),
    );
    expect(result.infraFailures[0]?.evidence.rule).toBe("service-connection-refused");
  });
});

describe("evidence does not repeat the exception type", () => {
  // Gradle writes `type="org.opentest4j.AssertionFailedError"` and a message that starts with the type.
  const xml = readFileSync(
    new URL("../fixtures/junit/gradle/TEST-com.example.CalculatorTest.xml", import.meta.url),
    "utf8",
  );
  const report = parseJunit(xml, { path: "TEST-com.example.CalculatorTest.xml", collectTestCases: true });

  it("quotes Gradle's message once", () => {
    const result = classifyAttempt(evidence({ exitCode: 1, junitFiles: [report] }));
    const lines = result.testFailures.map((f) => f.evidence.line ?? "");
    expect(lines).toContain("org.opentest4j.AssertionFailedError: expected: <3> but was: <2>");
    for (const line of lines) expect(line).not.toMatch(/(\S+Error): \1/);
  });

  it("keeps the type when the message does not start with it, and with its simple name", () => {
    const classify = (type: string, message: string) =>
      classifyAttempt(evidence({ junitFiles: [junit([test("a", "failed", failure({ type, message }))])] }))
        .testFailures[0]?.evidence.line;
    expect(classify("AssertionError", "AssertionError: expected 3 to equal 4")).toBe(
      "AssertionError: expected 3 to equal 4",
    );
    expect(classify("java.lang.AssertionError", "AssertionError: expected 3")).toBe(
      "AssertionError: expected 3",
    );
    expect(classify("AssertionError", "expected 3 to equal 4")).toBe("AssertionError: expected 3 to equal 4");
    // A type that merely shares a prefix with the message's first word is still shown.
    expect(classify("ExpectError", "ExpectErrors: expected 3 to equal 4")).toBe(
      "ExpectError: ExpectErrors: expected 3 to equal 4",
    );
  });
});
