// The action's inputs: one reader that validates everything, and action.yml agreeing with the code on
// names and defaults.
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULTS,
  deriveCommentKey,
  getInputs,
  INPUT,
  InputError,
  type InputName,
} from "../../action/inputs.ts";
import { OUTPUT, SAVE_STEP_OUTPUT } from "../../action/outputs.ts";
import { PatternError } from "../../core/classify/index.ts";
import { readActionMetadata, repoRoot } from "../support/run-action.ts";

const metadata = readActionMetadata();

/** `${{ text }}`, a GitHub expression as action.yml writes one. */
const expression = (text: string) => `\${{ ${text} }}`;

/** Reads inputs as a runner would give them: the step's values over action.yml's defaults. */
function reader(values: Partial<Record<InputName, string>>) {
  return (name: InputName) => {
    const given = values[name] ?? metadata.inputs[name]?.default ?? "";
    return given.includes("${{") ? "" : given.trim();
  };
}

function inputs(values: Partial<Record<InputName, string>>, env: NodeJS.ProcessEnv = {}) {
  return getInputs({
    read: reader({ run: "npm test", ...values }),
    env: { GITHUB_WORKSPACE: tmpdir(), ...env },
  });
}

function inputError(values: Partial<Record<InputName, string>>): InputError | PatternError {
  try {
    inputs(values);
  } catch (error) {
    if (error instanceof InputError || error instanceof PatternError) return error;
    throw error;
  }
  throw new Error("getInputs accepted the inputs");
}

describe("action.yml", () => {
  it("declares exactly the inputs and outputs the code reads and writes", () => {
    expect(Object.keys(metadata.inputs).sort()).toEqual(Object.values(INPUT).sort());
    expect(Object.keys(metadata.outputs).sort()).toEqual(Object.values(OUTPUT).sort());
    for (const [name, output] of Object.entries(metadata.outputs)) {
      expect(output.description, `output ${name}`).not.toBe("");
    }
  });

  it("save/action.yml declares the save step's outputs and runs the committed save bundle", () => {
    const save = readActionMetadata(join(repoRoot, "save/action.yml"));
    expect(Object.keys(save.inputs)).toEqual([]);
    expect(Object.keys(save.outputs).sort()).toEqual(Object.values(SAVE_STEP_OUTPUT).sort());
    expect(save.runs).toEqual({ using: metadata.runs.using, main: "../dist-action/save.js" });
    expect(existsSync(join(repoRoot, "save", save.runs.main ?? ""))).toBe(true);
  });

  it("has the same defaults as the code", () => {
    expect(metadata.inputs[INPUT.shell]?.default).toBe(DEFAULTS.shell);
    expect(metadata.inputs[INPUT.maxAttempts]?.default).toBe(String(DEFAULTS.maxAttempts));
    expect(metadata.inputs[INPUT.slowTestSeconds]?.default).toBe(String(DEFAULTS.slowTestSeconds));
    expect(metadata.inputs[INPUT.comment]?.default).toBe(DEFAULTS.comment);
    expect(metadata.inputs[INPUT.failOn]?.default).toBe(DEFAULTS.failOn);
    expect(metadata.inputs[INPUT.cacheImages]?.default).toBe(DEFAULTS.cacheImages);
    expect(metadata.inputs[INPUT.cacheReadOnly]?.default).toBe(String(DEFAULTS.cacheReadOnly));
    expect(metadata.inputs[INPUT.cacheMaxGb]?.default).toBe(String(DEFAULTS.cacheMaxGb));
    expect(metadata.inputs[INPUT.failOnUploadError]?.default).toBe(String(DEFAULTS.failOnUploadError));
    expect(metadata.inputs[INPUT.regressionPercent]?.default).toBe(String(DEFAULTS.regressionPercent));
    expect(metadata.inputs[INPUT.regressionMinSeconds]?.default).toBe(String(DEFAULTS.regressionMinSeconds));
    expect(metadata.inputs[INPUT.serverUrl]?.default).toBe("");
    expect(metadata.inputs[INPUT.serverToken]?.default).toBe("");
    expect(metadata.inputs[INPUT.imageFreshness]?.default).toBe(DEFAULTS.imageFreshness);
    expect(metadata.inputs[INPUT.images]?.default).toBe("");
    expect(metadata.inputs[INPUT.cacheKeyPrefix]?.default).toBe("");
    expect(metadata.inputs[INPUT.junit]?.default?.trim().split("\n")).toEqual([...DEFAULTS.junit]);
    // GitHub expressions, evaluated by the runner.
    expect(metadata.inputs[INPUT.githubToken]?.default).toBe(expression("github.token"));
    expect(metadata.inputs[INPUT.matrix]?.default).toBe(expression("toJSON(matrix)"));
    expect(metadata.inputs[INPUT.run]?.required).toBe(true);
  });

  it("runs on node24 with a post step that always runs", () => {
    expect(metadata.runs).toMatchObject({
      using: "node24",
      main: "dist-action/index.js",
      post: "dist-action/index.js",
      "post-if": "always()",
    });
    expect(metadata.branding.icon).toBeTruthy();
  });
});

describe("getInputs", () => {
  it("resolves defaults", () => {
    const resolved = inputs({}, { GITHUB_WORKFLOW: "CI", GITHUB_JOB: "test" });
    expect(resolved).toMatchObject({
      suite: {
        command: "npm test",
        cwd: tmpdir(),
        shell: "bash",
        junitPatterns: DEFAULTS.junit,
        maxAttempts: 3,
        attemptTimeoutMs: null,
      },
      slowTestSeconds: 60,
      comment: "auto",
      commentKey: "CI / test",
      failOn: "test-failures",
    });
    expect([1, 2, 3, 10].map(resolved.suite.retryDelayMs)).toEqual([5_000, 10_000, 20_000, 300_000]);
    expect(resolved.imageCache).toEqual({
      listed: [],
      mode: "auto",
      prefix: `seamwatch-images-${process.platform}-${process.arch}`,
      readOnly: false,
      maxBytes: 10e9,
      freshness: { kind: "check" },
    });
  });

  it("treats an input that is still an unevaluated expression as unset", () => {
    // Local tools (@github/local-action) hand action.yml's defaults over without evaluating them.
    const given: Partial<Record<InputName, string>> = {
      run: "npm test",
      matrix: expression("toJSON(matrix)"),
      "github-token": expression("github.token"),
      "max-attempts": expression("inputs.attempts"),
    };
    const resolved = getInputs({
      read: (name) => given[name] ?? "",
      env: { GITHUB_WORKSPACE: tmpdir(), GITHUB_WORKFLOW: "CI", GITHUB_JOB: "test" },
    });
    expect(resolved).toMatchObject({ commentKey: "CI / test", githubToken: "", suite: { maxAttempts: 3 } });
  });

  it("keeps a value that only contains an expression among other text", () => {
    const resolved = getInputs({
      read: (name) => (name === "run" ? `echo ${expression("github.sha")} built` : ""),
      env: { GITHUB_WORKSPACE: tmpdir() },
    });
    expect(resolved.suite.command).toBe(`echo ${expression("github.sha")} built`);
  });

  it("reads the image cache's inputs", () => {
    const resolved = inputs({
      images: "postgres:16\n\n  ghcr.io/acme/app@sha256:abc  \npostgres:16\n",
      "cache-images": "listed",
      "cache-key-prefix": "it-images",
      "cache-read-only": "True",
      "cache-max-gb": "2.5",
      "image-freshness": "7d",
    });
    expect(resolved.imageCache).toEqual({
      listed: ["postgres:16", "ghcr.io/acme/app@sha256:abc"],
      mode: "listed",
      prefix: "it-images",
      readOnly: true,
      maxBytes: 2.5e9,
      freshness: { kind: "check-after", ms: 7 * 86_400_000, text: "7d" },
    });
    expect(inputs({ "image-freshness": "trust-cache" }).imageCache.freshness).toEqual({
      kind: "trust-cache",
    });
  });

  it("reads every input", async () => {
    const workspace = await mkdtemp(join(tmpdir(), "seamwatch-inputs-"));
    const resolved = getInputs({
      read: reader({
        run: "make check",
        "working-directory": ".",
        shell: "sh",
        junit: "out/a.xml\n\n  out/b/**/*.xml  \n",
        "max-attempts": "1",
        "retry-delay-seconds": "2.5",
        "attempt-timeout-minutes": "0.5",
        "infra-patterns": "/pull access denied/i\nno space left",
        "test-patterns": "AssertionError",
        "slow-test-seconds": "0",
        comment: "always",
        "comment-key": "integration",
        "github-token": "ghs_x",
        "fail-on": "never",
        "server-url": "https://seamwatch.example.com/",
        "server-token": "swu_x",
        "fail-on-upload-error": "true",
        "regression-percent": "50",
        "regression-min-seconds": "2.5",
      }),
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(resolved).toMatchObject({
      suite: {
        cwd: workspace,
        shell: "sh",
        junitPatterns: ["out/a.xml", "out/b/**/*.xml"],
        maxAttempts: 1,
        attemptTimeoutMs: 30_000,
      },
      slowTestSeconds: 0,
      comment: "always",
      commentKey: "integration",
      githubToken: "ghs_x",
      failOn: "never",
      dashboard: {
        serverUrl: "https://seamwatch.example.com",
        serverToken: "swu_x",
        failOnUploadError: true,
        regressionPercent: 50,
        regressionMinSeconds: 2.5,
      },
    });
    expect(resolved.suite.retryDelayMs(1)).toBe(2_500);
    expect(resolved.suite.retryDelayMs(4)).toBe(2_500);
    const userRules = resolved.suite.rules.filter((rule) => rule.source !== "builtin");
    expect(userRules.map((rule) => [rule.source, rule.kind, String(rule.pattern)])).toEqual([
      ["test-patterns", "test", "/AssertionError/"],
      ["infra-patterns", "infra", "/pull access denied/i"],
      ["infra-patterns", "infra", "/no space left/"],
    ]);
  });

  it.each([
    [{ run: "" }, "run", 'Input "run" is required'],
    [
      { "max-attempts": "-1" },
      "max-attempts",
      'Input "max-attempts" must be a whole number, 1 or more, got "-1".',
    ],
    [{ "max-attempts": "0" }, "max-attempts", 'got "0"'],
    [{ "max-attempts": "2.5" }, "max-attempts", 'got "2.5"'],
    [{ "max-attempts": "three" }, "max-attempts", 'got "three"'],
    [{ "retry-delay-seconds": "-5" }, "retry-delay-seconds", 'must be a number, 0 or more, got "-5"'],
    [{ "attempt-timeout-minutes": "0" }, "attempt-timeout-minutes", "must be more than 0"],
    [{ "slow-test-seconds": "1e3" }, "slow-test-seconds", 'got "1e3"'],
    [{ comment: "sometimes" }, "comment", 'must be one of auto, always, off, got "sometimes"'],
    [
      { "fail-on": "flaky" },
      "fail-on",
      'must be one of test-failures, new-failures, any-failure, never, got "flaky"',
    ],
    [{ "server-url": "seamwatch.example.com" }, "server-url", "must be an http(s) URL"],
    [{ "server-url": "ftp://example.com" }, "server-url", "must be an http(s) URL"],
    [{ "server-url": "https://x.example?a=1" }, "server-url", "without ? or #"],
    [{ "fail-on-upload-error": "yes" }, "fail-on-upload-error", 'must be true or false, got "yes"'],
    [{ "regression-percent": "-5" }, "regression-percent", 'must be a number, 0 or more, got "-5"'],
    [{ "regression-min-seconds": "1s" }, "regression-min-seconds", 'got "1s"'],
    [{ shell: "fish" }, "shell", 'got "fish"'],
    [{ "working-directory": "no/such/dir" }, "working-directory", 'got "no/such/dir"'],
    [{ "comment-key": "a --> b" }, "comment-key", "without `-->`"],
    [{ matrix: "{not json" }, "matrix", 'got "{not json"'],
    [
      { "infra-patterns": "fine\n(unclosed" },
      "infra-patterns",
      'line 2: invalid regular expression "(unclosed"',
    ],
    [{ "test-patterns": "[z-a]" }, "test-patterns", 'invalid regular expression "[z-a]"'],
    [{ images: "postgres:16\nredis 7" }, "images", 'one per line, got "redis 7"'],
    [{ "cache-images": "all" }, "cache-images", 'must be one of auto, listed, off, got "all"'],
    [{ "cache-key-prefix": "a,b" }, "cache-key-prefix", "contains a comma"],
    [{ "cache-read-only": "yes" }, "cache-read-only", 'must be true or false, got "yes"'],
    [{ "cache-max-gb": "0" }, "cache-max-gb", "must be more than 0"],
    [{ "cache-max-gb": "-1" }, "cache-max-gb", 'got "-1"'],
    [
      { "image-freshness": "weekly" },
      "image-freshness",
      'a duration such as 7d, 12h or 30m (units m, h, d, w), got "weekly"',
    ],
  ] as const)("rejects %o, naming %s", (values, inputName, message) => {
    const error = inputError(values);
    expect(error.inputName).toBe(inputName);
    expect(error.message).toContain(`Input "${inputName}"`);
    expect(error.message).toContain(message);
  });
});

describe("deriveCommentKey", () => {
  it("is the check's name: workflow / job (matrix values)", () => {
    expect(deriveCommentKey({ workflow: "CI", job: "test", matrix: null })).toBe("CI / test");
    expect(deriveCommentKey({ workflow: "CI", job: "test", matrix: { node: 20, os: "ubuntu-latest" } })).toBe(
      "CI / test (20, ubuntu-latest)",
    );
    expect(deriveCommentKey({ workflow: "", job: "", matrix: {} })).toBe("seamwatch");
  });

  it("tells matrix jobs apart and keeps each one's key stable", () => {
    const key = (matrix: Record<string, unknown>) => deriveCommentKey({ workflow: "CI", job: "e2e", matrix });
    expect(key({ node: 20 })).not.toBe(key({ node: 22 }));
    const huge = { shard: 1, services: { postgres: "16".repeat(40), redis: "7" } };
    expect(key(huge)).toMatch(/^CI \/ e2e \(matrix [0-9a-f]{12}\)$/);
    // The same matrix in another key order is the same job.
    expect(key({ services: { redis: "7", postgres: "16".repeat(40) }, shard: 1 })).toBe(key(huge));
    expect(key({ ...huge, shard: 2 })).not.toBe(key(huge));
  });

  it("uses a hash where the comment marker would blur values together", () => {
    const key = (os: string) => deriveCommentKey({ workflow: "CI", job: "test", matrix: { os } });
    expect(key("ubuntu latest")).toMatch(/^CI \/ test \(matrix [0-9a-f]{12}\)$/);
    expect(key("ubuntu latest")).not.toBe(key("ubuntu-latest"));
  });

  it("never closes the HTML comment it is put in", () => {
    expect(deriveCommentKey({ workflow: "CI", job: "test", matrix: { arrow: "-->" } })).not.toContain("-->");
  });
});
