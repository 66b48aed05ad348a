// `seamwatch run`'s flags for the report's `ci` block: one per field, each read and checked from one table
// that also writes the help. Bad values are refused with the flag's name (the CLI then exits 64: see
// test/system/ci-block-cli.test.ts).
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { CI_FLAGS, readCiOverrides } from "../../cli/ci-flags.ts";
import { UsageError } from "../../cli/exit-codes.ts";
import { RUN_USAGE } from "../../cli/run-command.ts";
import { detectCi } from "../../core/ci/index.ts";

const SHA = "0123456789ABCDEF0123456789ABCDEF01234567";

/** The flags as a shell hands them over, parsed the way `seamwatch run` parses them. */
function overridesOf(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: Object.fromEntries(CI_FLAGS.map((flag) => [flag.name, { type: "string" as const }])),
  });
  return readCiOverrides(values);
}

function refusal(args: string[]): string {
  try {
    overridesOf(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
}

describe("the ci flags", () => {
  it("have one flag for each field of the ci block", () => {
    expect(CI_FLAGS.map((flag) => flag.field)).toEqual(Object.keys(detectCi({})));
  });

  it("set every field, over what the environment says", () => {
    const overrides = overridesOf([
      "--ci-provider=buildkite",
      "--repository=acme/shop",
      `--commit=${SHA}`,
      "--branch=refs/heads/feature/cart",
      "--ref=refs/pull/42/head",
      "--default-branch=main",
      "--base-branch=release/1.x",
      "--pull-request=42",
      "--workflow=Nightly",
      "--job=integration",
      "--job-key=postgres 16",
      "--run-id=run-77",
      "--run-attempt=3",
      "--run-url=https://ci.example.com/runs/77",
    ]);
    const env = { GITLAB_CI: "true", CI_PROJECT_PATH: "other/repo", CI_JOB_ID: "5", BUILDKITE_BRANCH: "x" };

    expect(detectCi(env, { overrides })).toEqual({
      provider: "buildkite",
      repository: "acme/shop",
      commitSha: SHA.toLowerCase(),
      branch: "feature/cart",
      ref: "refs/pull/42/head",
      defaultBranch: "main",
      baseBranch: "release/1.x",
      pullRequest: 42,
      workflow: "Nightly",
      job: "integration",
      jobKey: "postgres 16",
      runId: "run-77",
      runAttempt: 3,
      runUrl: "https://ci.example.com/runs/77",
    });
  });

  it("leave out the flags not given, so the detected values stay", () => {
    expect(overridesOf(["--pull-request", "7"])).toEqual({ pullRequest: 7 });
    const env = { GITLAB_CI: "true", CI_PROJECT_PATH: "acme/shop", CI_JOB_ID: "5" };
    expect(detectCi(env, { overrides: overridesOf(["--job-key", "shard 1"]) })).toMatchObject({
      repository: "acme/shop",
      runId: "5",
      jobKey: "shard 1",
    });
  });

  it("clear a detected value when given empty", () => {
    const env = { GITLAB_CI: "true", CI_MERGE_REQUEST_IID: "7", CI_JOB_ID: "5" };
    expect(detectCi(env, { overrides: overridesOf(["--pull-request=", "--run-id", " "]) })).toMatchObject({
      pullRequest: null,
      runId: null,
    });
  });

  it.each([
    [["--pull-request", "abc"], '--pull-request must be a whole number from 1 up, got "abc"'],
    [["--pull-request", "0"], '--pull-request must be a whole number from 1 up, got "0"'],
    [["--run-attempt", "1.5"], '--run-attempt must be a whole number from 1 up, got "1.5"'],
    [["--run-attempt=-2"], '--run-attempt must be a whole number from 1 up, got "-2"'],
    [["--run-attempt", "99999999999999999999"], "--run-attempt must be a whole number from 1 up"],
    [["--commit", "abc1234"], '--commit must be the commit\'s full SHA (40 or 64 hex digits), got "abc1234"'],
    [
      ["--ci-provider", "travis"],
      '--ci-provider must be one of github-actions, gitlab, buildkite, circleci, jenkins, local, got "travis"',
    ],
    [["--ci-provider="], "--ci-provider must be one of github-actions"],
    [["--repository", "shop"], '--repository must name the repository as org/repo, got "shop"'],
    [["--run-url", "ci.example.com/runs/1"], '--run-url must be an http(s) URL, got "ci.example.com/runs/1"'],
    [["--run-url", "javascript:alert(1)"], '--run-url must be an http(s) URL, got "javascript:alert(1)"'],
  ])("refuse %j, naming the flag", (args, message) => {
    expect(refusal(args)).toContain(message);
  });

  it("are listed in `seamwatch run --help`, each with its help, from the same table", () => {
    const lines = RUN_USAGE.split("\n");
    for (const flag of CI_FLAGS) {
      const at = lines.findIndex((line) => line.trimStart().startsWith(`--${flag.name} ${flag.placeholder}`));
      expect(at, flag.name).toBeGreaterThan(0);
      const [first, ...rest] = flag.help;
      expect(lines[at]?.endsWith(first ?? ""), flag.name).toBe(true);
      expect(lines.slice(at + 1, at + 1 + rest.length).map((line) => line.trim())).toEqual(rest);
    }
  });
});
