// The attempt-level decision table and the retry rule: what a user notices is whether the attempt is
// retried (`infra-failure`) or reported (`test-failures`), and which line is shown as the reason.
import { describe, expect, it } from "vitest";
import { buildRules, classifyAttempt, compilePatterns } from "../../core/classify/index.ts";
import type { FailurePhase, JunitFile } from "../../core/junit/model.ts";
import { evidence, failure, junit, test } from "../support/model-builders.ts";

const REFUSED_IN_FIXTURE = failure({
  message:
    'failed on setup with "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused."',
  phase: "setup",
});
const ASSERTION = failure({ type: "AssertionError", message: "expected 3 to equal 4" });

describe("classifyAttempt: command outcome without JUnit failures", () => {
  it("passes a command that succeeded, whatever it logged", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 0,
        outputTail: ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock."],
      }),
    );
    expect(result).toMatchObject({ outcome: "passed", infraFailures: [], testFailures: [] });
  });

  it("treats a failed command with no JUnit and no signature as a command failure, not infra", () => {
    const result = classifyAttempt(evidence({ exitCode: 1, outputTail: ["Error: No JUnit files matched"] }));
    expect(result.outcome).toBe("test-failures");
    expect(result.junitFound).toBe(false);
    expect(result.testFailures[0]?.evidence).toMatchObject({
      rule: "command-failed",
      line: "exit code 1",
      source: "exit",
    });
  });

  it("retries a command with no JUnit when the output shows why (No JUnit files matched + daemon down)", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: [
          "> vitest run",
          "Error: Could not find a working container runtime strategy",
          "Error: No JUnit files matched",
        ],
      }),
    );
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures[0]?.evidence).toEqual({
      rule: "testcontainers-no-docker",
      kind: "infra",
      description: "Testcontainers found no usable Docker environment",
      source: "output",
      line: "Error: Could not find a working container runtime strategy",
      lineNumber: 2,
    });
  });

  it("uses network signatures in the output only while no test has run", () => {
    const tail = ["Error: connect ECONNREFUSED 127.0.0.1:5432"];
    expect(classifyAttempt(evidence({ exitCode: 1, outputTail: tail })).outcome).toBe("infra-failure");

    const allPassing = junit([test("a", "passed"), test("b", "passed")]);
    const afterTests = classifyAttempt(evidence({ exitCode: 1, outputTail: tail, junitFiles: [allPassing] }));
    expect(afterTests.testsRan).toBe(true);
    expect(afterTests.outcome).toBe("test-failures");
    expect(afterTests.testFailures[0]?.evidence.rule).toBe("command-failed");

    const summary = [...tail, "Tests:       5 passed, 5 total"];
    expect(classifyAttempt(evidence({ exitCode: 1, outputTail: summary })).outcome).toBe("test-failures");
  });

  it("still uses strong signatures after tests ran: all JUnit passing, exit 1, disk full", () => {
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: ["Error: ENOSPC: no space left on device, write"],
        junitFiles: [junit([test("a", "passed")])],
      }),
    );
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures[0]?.evidence.rule).toBe("disk-full");
  });

  it("counts a kill (exit 137 or SIGKILL) as infra, and an outside SIGTERM too", () => {
    for (const stop of [{ exitCode: 137 }, { exitCode: null, signal: "SIGKILL" }]) {
      const result = classifyAttempt(evidence({ ...stop, outputTail: ["building…"] }));
      expect(result.outcome).toBe("infra-failure");
      expect(result.infraFailures[0]?.evidence.rule).toBe("killed");
    }
    const terminated = classifyAttempt(evidence({ exitCode: null, signal: "SIGTERM" }));
    expect(terminated.infraFailures[0]?.evidence).toMatchObject({
      rule: "terminated",
      line: "signal SIGTERM",
    });
  });

  it("does not retry a timeout on its own, but does when the output shows a container never got ready", () => {
    const bare = classifyAttempt(evidence({ exitCode: null, signal: "SIGKILL", timedOut: true }));
    expect(bare.outcome).toBe("test-failures");
    expect(bare.testFailures[0]?.evidence.rule).toBe("attempt-timed-out");

    const explained = classifyAttempt(
      evidence({
        exitCode: null,
        signal: "SIGKILL",
        timedOut: true,
        outputTail: [
          "org.testcontainers.containers.ContainerLaunchException: Timed out waiting for container port to open",
        ],
      }),
    );
    expect(explained.outcome).toBe("infra-failure");
    expect(explained.infraFailures[0]?.evidence.rule).toBe("container-never-ready");
  });

  it("calls a timed-out infrastructure command (a docker pull) infrastructure, unless its output says otherwise", () => {
    const pull = classifyAttempt(evidence({ exitCode: 143, timedOut: true, runsUserCode: false }));
    expect(pull.outcome).toBe("infra-failure");
    expect(pull.infraFailures[0]?.evidence.rule).toBe("infra-command-timed-out");
    // A signature in the output still decides first, whatever kind it is.
    const rules = buildRules({ testPatterns: compilePatterns("test-patterns", ["manifest unknown"]) });
    const named = classifyAttempt(
      evidence({ exitCode: 1, timedOut: true, runsUserCode: false, outputTail: ["manifest unknown"] }),
      rules,
    );
    expect(named.outcome).toBe("test-failures");
  });

  it("strips terminal colours before matching", () => {
    const esc = String.fromCharCode(27);
    const result = classifyAttempt(
      evidence({
        exitCode: 1,
        outputTail: [`${esc}[31mCannot connect to the ${esc}[1mDocker${esc}[22m daemon${esc}[39m`],
      }),
    );
    expect(result.infraFailures[0]?.evidence.line).toBe("Cannot connect to the Docker daemon");
  });
});

describe("classifyAttempt: JUnit failures", () => {
  it("retries an attempt whose every failure is infrastructure", () => {
    const result = classifyAttempt(
      evidence({ junitFiles: [junit([test("a", "errored", REFUSED_IN_FIXTURE), test("b", "passed")])] }),
    );
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures).toHaveLength(1);
    expect(result.infraFailures[0]).toMatchObject({
      kind: "infra",
      phase: "setup",
      test: { id: "id-a", name: "a" },
      evidence: { rule: "service-connection-refused", source: "junit", lineNumber: 1 },
    });
  });

  it("never retries a genuine failure, even when the command exited 0", () => {
    const result = classifyAttempt(
      evidence({ exitCode: 0, junitFiles: [junit([test("a", "failed", ASSERTION)])] }),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence).toMatchObject({
      rule: "assertion-error",
      line: "AssertionError: expected 3 to equal 4",
    });
  });

  it("reports the real failures of a mixed attempt and keeps the infra ones beside them", () => {
    const result = classifyAttempt(
      evidence({
        junitFiles: [junit([test("a", "errored", REFUSED_IN_FIXTURE), test("b", "failed", ASSERTION)])],
      }),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures.map((f) => f.test?.name)).toEqual(["b"]);
    expect(result.infraFailures.map((f) => f.test?.name)).toEqual(["a"]);
  });

  it("treats a failure with no matching signature as genuine", () => {
    const result = classifyAttempt(
      evidence({
        junitFiles: [
          junit([test("a", "errored", failure({ type: "TypeError", message: "x is undefined" }))]),
        ],
      }),
    );
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence).toMatchObject({
      rule: "unrecognised-failure",
      source: "junit",
      line: null,
    });
  });

  it("applies network rules in setup and teardown, never in the test body", () => {
    const reset = (phase: FailurePhase) => failure({ message: "Error: read ECONNRESET", phase });
    const outcome = (phase: FailurePhase) =>
      classifyAttempt(evidence({ junitFiles: [junit([test("a", "errored", reset(phase))])] })).outcome;
    expect(outcome("setup")).toBe("infra-failure");
    expect(outcome("teardown")).toBe("infra-failure");
    expect(outcome("call")).toBe("test-failures");
  });

  it("infers setup from a suite-level hook or class-level entry when the report gives no phase", () => {
    const refused = failure({
      type: "org.postgresql.util.PSQLException",
      message: "Connection to localhost:5432 refused.",
    });
    for (const name of ["classMethod", "initializationError", '"before all" hook for "creates a user"']) {
      const result = classifyAttempt(evidence({ junitFiles: [junit([test(name, "errored", refused)])] }));
      expect(result.infraFailures[0]?.phase).toBe("setup");
      expect(result.outcome).toBe("infra-failure");
    }
    // The report's own phase wins over anything inferred.
    const inBody = failure({ ...refused, phase: "call" });
    expect(
      classifyAttempt(evidence({ junitFiles: [junit([test("classMethod", "errored", inBody)])] })).outcome,
    ).toBe("test-failures");
  });

  it("does not count setup errors as tests having run", () => {
    const result = classifyAttempt(
      evidence({ junitFiles: [junit([test("a", "errored", REFUSED_IN_FIXTURE), test("b", "skipped")])] }),
    );
    expect(result.testsRan).toBe(false);
    expect(result.junitFound).toBe(true);
  });

  it("adds a kill beside the JUnit failures: all-infra stays retried, a real failure stays reported", () => {
    const allInfra = classifyAttempt(
      evidence({ exitCode: 137, junitFiles: [junit([test("a", "errored", REFUSED_IN_FIXTURE)])] }),
    );
    expect(allInfra.outcome).toBe("infra-failure");
    expect(allInfra.infraFailures.map((f) => f.evidence.rule)).toEqual([
      "service-connection-refused",
      "killed",
    ]);

    const withReal = classifyAttempt(
      evidence({ exitCode: 137, junitFiles: [junit([test("b", "failed", ASSERTION)])] }),
    );
    expect(withReal.outcome).toBe("test-failures");
    expect(withReal.infraFailures.map((f) => f.evidence.rule)).toEqual(["killed"]);
  });

  it("does not guess when a report counts failures but carries no test cases", () => {
    const counted: JunitFile = {
      ...junit([]),
      counts: { ...junit([]).counts, tests: 2, failed: 1, passed: 1 },
    };
    const result = classifyAttempt(evidence({ junitFiles: [counted], outputTail: ["Connection refused"] }));
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("junit-failures-without-details");
    expect(result.testsRan).toBe(true);
  });
});
