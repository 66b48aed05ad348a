// `npx tsx bench/action-overhead.ts [--repetitions N]`: the GitHub Action's own cost. Runs the committed
// bundle as a runner would (Node 24 when node@24 is installed, INPUT_* variables, file commands, comment
// off) on the trivial command `true`, side by side with `true` run the way a `run:` step runs it, and
// reports the medians, the difference (the action's overhead, goal < 300 ms) and the ratio. Timings here are
// noisy: runs alternate so both sides see the same machine, and the median is what counts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const GOAL_MS = 300;
const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const bundle = join(repoRoot, "dist-action/index.js");

const { values } = parseArgs({ options: { repetitions: { type: "string", default: "9" } } });
const repetitions = Number(values.repetitions);
if (!Number.isInteger(repetitions) || repetitions < 1) {
  console.error(`--repetitions must be a whole number of at least 1, got ${values.repetitions}`);
  process.exit(2);
}
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run node scripts/build-action.mjs`);
  process.exit(2);
}

function nodeBinary(): { path: string; note: string } {
  const explicit = process.env.SEAMWATCH_ACTION_NODE;
  if (explicit) return { path: explicit, note: `SEAMWATCH_ACTION_NODE=${explicit}` };
  const node24 = join(repoRoot, "tools/node24/node_modules/.bin/node");
  if (existsSync(node24)) return { path: node24, note: "Node 24 from tools/node24" };
  return {
    path: process.execPath,
    note: `node@24 not installed: Node ${process.versions.node}, not the Node 24 GitHub uses`,
  };
}

function timeMs(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`,
    );
  }
  return elapsed;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const node = nodeBinary();
const work = mkdtempSync(join(tmpdir(), "seamwatch-action-bench-"));
const baseEnv = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? work,
  LANG: "C.UTF-8",
};

function actionEnv(run: number): NodeJS.ProcessEnv {
  const files = Object.fromEntries(
    ["GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH"].map((name) => {
      const path = join(work, `${run}-${name}`);
      writeFileSync(path, "");
      return [name, path];
    }),
  );
  return {
    ...baseEnv,
    ...files,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: work,
    GITHUB_EVENT_NAME: "push",
    GITHUB_REPOSITORY: "seamwatch-org/seamwatch-demo",
    GITHUB_WORKFLOW: "CI",
    GITHUB_JOB: "bench",
    GITHUB_ACTION: `bench_${run}`,
    RUNNER_TEMP: work,
    INPUT_RUN: "true",
    INPUT_SHELL: "bash",
    "INPUT_MAX-ATTEMPTS": "3",
    INPUT_COMMENT: "off",
    "INPUT_FAIL-ON": "test-failures",
  };
}

const alone: number[] = [];
const action: number[] = [];
const nodeStart: number[] = [];
const postStep: number[] = [];
try {
  // One unmeasured round of each, so file caches are warm for both sides.
  timeMs(node.path, [bundle], actionEnv(0), work);
  for (let run = 1; run <= repetitions; run++) {
    // What a `run: true` step costs: GitHub runs it with bash --noprofile --norc -eo pipefail.
    alone.push(timeMs("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", "true"], baseEnv, work));
    action.push(timeMs(node.path, [bundle], actionEnv(run), work));
    nodeStart.push(timeMs(node.path, ["-e", ""], baseEnv, work));
    // The post step only loads the bundle and reads state: what loading costs, apart from the run.
    postStep.push(timeMs(node.path, [bundle], { ...actionEnv(run), STATE_isPost: "true" }, work));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const aloneMs = median(alone);
const actionMs = median(action);
const nodeMs = median(nodeStart);
const postMs = median(postStep);
const overheadMs = actionMs - aloneMs;
const format = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
console.log(`Action overhead on \`true\`, ${repetitions} alternating runs, medians (${node.note})`);
console.log(`  command alone (bash -c true)   ${format(aloneMs)}`);
console.log(`  action (bundle, run: true)     ${format(actionMs)}`);
console.log(`    of which Node's own start    ${format(nodeMs)}`);
console.log(
  `  overhead (action - alone)      ${format(overheadMs)}   ratio ${(actionMs / aloneMs).toFixed(1)}×`,
);
console.log(`  bundle beyond Node's start     ${format(actionMs - nodeMs)}`);
console.log(`    loading it (post step)       ${format(postMs - nodeMs)}`);
console.log(`    running \`true\`, reporting   ${format(actionMs - postMs)}`);
console.log(
  `${overheadMs < GOAL_MS ? "PASS" : "MISS"}  overhead < ${GOAL_MS} ms (${format(overheadMs).trim()})`,
);
