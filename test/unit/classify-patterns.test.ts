// User `infra-patterns` and `test-patterns`: compiled once, checked before the built-in table, and an
// invalid line is an input error that names the input and the pattern.
import { describe, expect, it } from "vitest";
import {
  type AttemptEvidence,
  buildRules,
  classifyAttempt,
  compilePatterns,
  PatternError,
} from "../../core/classify/index.ts";

describe("compilePatterns", () => {
  it("compiles one pattern a line, skips blank lines and keeps line numbers", () => {
    const patterns = compilePatterns(
      "infra-patterns",
      "FlywayException: Unable to obtain connection\n\n  /vault sealed/i  \n",
    );
    expect(patterns.map((p) => [p.line, p.source])).toEqual([
      [1, "FlywayException: Unable to obtain connection"],
      [3, "/vault sealed/i"],
    ]);
    expect(patterns[1]?.regex.test("Error: Vault Sealed")).toBe(true);
  });

  it("drops the stateful g and y flags so every line is tested from its start", () => {
    const [pattern] = compilePatterns("infra-patterns", ["/ECONNREFUSED/g"]);
    expect(pattern?.regex.flags).toBe("");
    expect([
      pattern?.regex.test("connect ECONNREFUSED"),
      pattern?.regex.test("connect ECONNREFUSED"),
    ]).toEqual([true, true]);
  });

  it("throws a PatternError naming the input, the line and the pattern", () => {
    let thrown: unknown;
    try {
      compilePatterns("test-patterns", ["AssertionError", 'relation ("users" does not exist']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PatternError);
    const error = thrown as PatternError;
    expect(error.name).toBe("PatternError");
    expect({ input: error.inputName, line: error.line, pattern: error.pattern }).toEqual({
      input: "test-patterns",
      line: 2,
      pattern: 'relation ("users" does not exist',
    });
    expect(error.message).toContain('Input "test-patterns" line 2');
    expect(error.message).toContain('relation (\\"users\\" does not exist');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("rejects invalid flags in the slashed form", () => {
    expect(() => compilePatterns("infra-patterns", "/boom/q")).toThrow(PatternError);
  });
});

describe("user patterns in classification", () => {
  const migrationFailure = evidence(
    "org.flywaydb.core.api.FlywayException: Unable to obtain connection from database",
  );

  it("extends the built-in table: an infra pattern makes an unknown failure retryable", () => {
    expect(classifyAttempt(migrationFailure).outcome).toBe("test-failures");

    const rules = buildRules({
      infraPatterns: compilePatterns("infra-patterns", "Unable to obtain connection"),
    });
    const result = classifyAttempt(migrationFailure, rules);
    expect(result.outcome).toBe("infra-failure");
    expect(result.infraFailures[0]?.evidence).toMatchObject({
      rule: "infra-patterns:1",
      description: "matches infra-patterns line 1: Unable to obtain connection",
    });
  });

  it("overrides the built-in infra rules: a test pattern keeps a Docker-looking line a test failure", () => {
    const stubDown = evidence(
      "docker: Cannot connect to the Docker daemon at tcp://stub-daemon:2375. Is the docker daemon running?",
    );
    expect(classifyAttempt(stubDown).outcome).toBe("infra-failure");

    const rules = buildRules({ testPatterns: compilePatterns("test-patterns", "stub-daemon") });
    const result = classifyAttempt(stubDown, rules);
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("test-patterns:1");
  });

  it("overrides the built-in test rules: a user infra pattern is checked before them", () => {
    const extensionMissing = evidence('ERROR:  relation "pg_stat_statements" does not exist');
    expect(classifyAttempt(extensionMissing).testFailures[0]?.evidence.rule).toBe("missing-table");

    const rules = buildRules({ infraPatterns: compilePatterns("infra-patterns", "pg_stat_statements") });
    expect(classifyAttempt(extensionMissing, rules).outcome).toBe("infra-failure");
  });

  it("lets a test pattern win over an infra pattern matching the same text", () => {
    const rules = buildRules({
      infraPatterns: compilePatterns("infra-patterns", "ECONNREFUSED"),
      testPatterns: compilePatterns("test-patterns", "127\\.0\\.0\\.1:8081"),
    });
    const result = classifyAttempt(evidence("Error: connect ECONNREFUSED 127.0.0.1:8081"), rules);
    expect(result.outcome).toBe("test-failures");
    expect(result.testFailures[0]?.evidence.rule).toBe("test-patterns:1");
  });
});

function evidence(line: string): AttemptEvidence {
  return { exitCode: 1, signal: null, timedOut: false, outputTail: ["> npm test", line], junitFiles: [] };
}
