// The action's source run by GitHub's @github/local-action, the way a user debugs an action before pushing
// it: the tool imports action/main.ts and action/post.ts, calls their exported `run()`, and hands the
// inputs over without evaluating action.yml's `${{ … }}` defaults.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../support/run-action.ts";

/** The tool as a devDependency installs it; SEAMWATCH_LOCAL_ACTION points at another install. */
const localAction = process.env.SEAMWATCH_LOCAL_ACTION ?? join(repoRoot, "node_modules/.bin/local-action");

function run(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(localAction, [...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The outputs the run set, from the workflow commands the tool prints. */
function outputs(output: string): Record<string, string> {
  return Object.fromEntries(
    [...output.matchAll(/^::set-output name=([\w-]+)::(.*)$/gm)].map((match) => [match[1], match[2]]),
  );
}

it("runs the main and the post step from source, with action.yml's expressions left unset", {
  timeout: 120_000,
}, async () => {
  expect(
    existsSync(localAction),
    `@github/local-action is not installed at ${localAction}: npm install --save-dev @github/local-action`,
  ).toBe(true);
  const dir = await mkdtemp(join(tmpdir(), "seamwatch-local-action-"));
  const workspace = join(dir, "workspace");
  await mkdir(join(dir, "temp"), { recursive: true });
  await mkdir(workspace);
  await writeFile(
    join(workspace, "tests.sh"),
    `printf '<testsuite name="orders" tests="1"><testcase classname="orders" name="lists orders" time="0.1"/></testsuite>' > junit.xml\n`,
  );
  const summary = join(dir, "summary.md");
  await writeFile(summary, "");
  const dotenv = join(dir, ".env");
  await writeFile(
    dotenv,
    [
      "ACTIONS_STEP_DEBUG=true",
      `GITHUB_WORKSPACE=${workspace}`,
      `RUNNER_TEMP=${join(dir, "temp")}`,
      `GITHUB_STEP_SUMMARY=${summary}`,
      "GITHUB_EVENT_NAME=push",
      "GITHUB_WORKFLOW=CI",
      "GITHUB_JOB=test",
      "INPUT_RUN=sh tests.sh",
      "INPUT_JUNIT=junit.xml",
      "",
    ].join("\n"),
  );

  const { code, output } = await run([".", "action/main.ts", dotenv, "--post", "action/post.ts"]);

  expect(code, output).toBe(0);
  expect(outputs(output)).toMatchObject({ outcome: "passed", attempts: "1", tests: "1", passed: "1" });
  // local-action passes `${{ toJSON(matrix) }}` as it is written: unset, with a debug line, not a failure.
  expect(output).toMatch(
    /^::debug::Input "matrix" is the unevaluated expression \$\{\{ toJSON\(matrix\) \}\}/m,
  );
  expect(output).not.toMatch(/^::error::/m);
  expect(output).toMatch(/^::info::seamwatch: the suite finished with outcome passed/m);
  expect(await readFile(summary, "utf8")).toMatch(/^## seamwatch: CI \/ test$/m);
});
