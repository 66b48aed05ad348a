// Runs the committed action bundle the way a GitHub runner does: on Node 24, with the inputs as INPUT_*
// variables (action.yml defaults applied, expressions evaluated), file commands for outputs, state and the
// job summary, the event payload on disk, and then the post step with the state the main step saved.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pullRequestJson } from "./github-api/resources.ts";
import type { GitHubApiStandIn } from "./github-api/stand-in.ts";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

// ---------------------------------------------------------------------------------------------------
// action.yml

export interface ActionMetadata {
  readonly inputs: Readonly<Record<string, { required: boolean; default: string | undefined }>>;
  readonly outputs: Readonly<Record<string, { description: string }>>;
  readonly runs: Readonly<Record<string, string>>;
  readonly branding: Readonly<Record<string, string>>;
}

/**
 * Reads action.yml. A YAML library is not among the dependencies, so this reads the subset action.yml
 * uses (maps nested by indentation, plain and quoted scalars, `|` and `>-` block scalars) and throws on
 * anything else rather than guessing.
 */
export function readActionMetadata(path = join(repoRoot, "action.yml")): ActionMetadata {
  const tree = parseYamlSubset(readFileSync(path, "utf8"));
  const section = (name: string) => (tree[name] ?? {}) as Record<string, Record<string, unknown>>;
  const inputs: Record<string, { required: boolean; default: string | undefined }> = {};
  for (const [name, input] of Object.entries(section("inputs"))) {
    inputs[name] = {
      required: input.required === "true",
      default: typeof input.default === "string" ? input.default : undefined,
    };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [name, output] of Object.entries(section("outputs"))) {
    outputs[name] = { description: String(output.description ?? "") };
  }
  return {
    inputs,
    outputs,
    runs: tree.runs as Record<string, string>,
    branding: tree.branding as Record<string, string>,
  };
}

type YamlMap = { [key: string]: string | YamlMap };

function parseYamlSubset(text: string): YamlMap {
  const lines = text.split("\n");
  const root: YamlMap = {};
  const stack: { indent: number; map: YamlMap }[] = [{ indent: -1, map: root }];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const match = /^([\w-]+):(?:\s+(.*))?$/.exec(line.trim());
    if (!match) throw new Error(`action.yml line ${index + 1}: not a "key: value" line: ${line}`);
    const [, key = "", rawValue = ""] = match;
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const parent = stack.at(-1)?.map ?? root;
    if (rawValue === "") {
      const child: YamlMap = {};
      parent[key] = child;
      stack.push({ indent, map: child });
    } else if (rawValue === "|" || rawValue === ">-") {
      const block: string[] = [];
      let blockIndent: number | undefined;
      while (index + 1 < lines.length) {
        const next = lines[index + 1] ?? "";
        const nextIndent = next.length - next.trimStart().length;
        if (next.trim() !== "" && nextIndent <= indent) break;
        blockIndent ??= next.trim() === "" ? undefined : nextIndent;
        block.push(next.slice(blockIndent ?? 0));
        index++;
      }
      while (block.at(-1) === "") block.pop();
      parent[key] = rawValue === "|" ? `${block.join("\n")}\n` : block.join(" ").replace(/\s+/g, " ").trim();
    } else {
      parent[key] = unquote(rawValue, index + 1);
    }
  }
  return root;
}

function unquote(value: string, line: number): string {
  if (value.startsWith('"')) {
    if (!value.endsWith('"')) throw new Error(`action.yml line ${line}: unterminated string ${value}`);
    return JSON.parse(value) as string;
  }
  if (value.startsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

// ---------------------------------------------------------------------------------------------------
// The runtime

/** Where `npm ci --prefix tools/node24` (run by .ci/run) puts Node 24, out of the way of npm's own Node. */
export const NODE24 = join(repoRoot, "tools/node24/node_modules/.bin/node");

/**
 * GitHub runs the action on Node 24, so the end-to-end tests do too: the npm package `node@24`, installed
 * in tools/node24 so that its `node` never shadows the Node 20 that runs npm, vitest and native addons.
 * SEAMWATCH_ACTION_NODE overrides it. Running on another Node would test something GitHub never runs.
 */
export function actionNodeBinary(): string {
  const explicit = process.env.SEAMWATCH_ACTION_NODE;
  if (explicit) return explicit;
  if (existsSync(NODE24)) return NODE24;
  throw new Error(`Node 24 is missing at ${NODE24}: run \`npm ci --prefix tools/node24\` (.ci/run does).`);
}

// ---------------------------------------------------------------------------------------------------
// Events

/** A `pull_request` event payload as GitHub delivers it, for a pull request the stand-in serves. */
export function pullRequestEvent(
  server: GitHubApiStandIn,
  pull: { number: number; headRepoFullName?: string; action?: string },
): Record<string, unknown> {
  const repository = { apiUrl: server.url, owner: server.owner, repo: server.repo };
  const pullRequest = pullRequestJson(
    server.api,
    repository,
    {
      number: pull.number,
      id: 1_900_000_000 + pull.number,
      title: `Pull request #${pull.number}`,
      body: null,
      state: "open",
      author: { login: "octocat", id: 583231, type: "User" },
      headSha: "6dcb09b5b57875f334f61aebed695e2e4193db5e",
      headRef: `feature-${pull.number}`,
      baseRef: "main",
      headRepoFullName: pull.headRepoFullName ?? `${server.owner}/${server.repo}`,
      createdAt: new Date("2026-11-02T09:00:00Z"),
    },
    0,
  );
  const base = pullRequest.base as { repo: unknown };
  return {
    action: pull.action ?? "synchronize",
    number: pull.number,
    pull_request: pullRequest,
    repository: base.repo,
    sender: pullRequest.user,
  };
}

// ---------------------------------------------------------------------------------------------------
// Running the steps

export interface ActionRunOptions {
  /** The step's `with:` values. Inputs not given get action.yml's defaults, as on a runner. */
  readonly inputs: Readonly<Record<string, string>>;
  /** GITHUB_WORKSPACE, where the command runs by default. */
  readonly workspace: string;
  readonly eventName?: string;
  readonly event?: unknown;
  /** GITHUB_API_URL, and the token `${{ github.token }}` evaluates to. */
  readonly api?: { url: string; token: string };
  readonly repository?: string;
  readonly workflow?: string;
  readonly job?: string;
  /** The job's matrix; null for a job without one. */
  readonly matrix?: Record<string, unknown> | null;
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Steps of other actions of this repository between main and post, e.g. `{ action: "save/action.yml" }`:
   * run as the runner runs a `uses:` step (own inputs and outputs, no access to this action's state).
   */
  readonly between?: readonly { readonly action: string; readonly inputs?: Record<string, string> }[];
}

export interface StepResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly summary: string;
  readonly wallMs: number;
}

export interface ActionRun {
  readonly main: StepResult;
  /** The `between` steps, in order. */
  readonly between: readonly StepResult[];
  readonly post: StepResult;
  /** RUNNER_TEMP of the job. */
  readonly runnerTemp: string;
}

const STEP_TIMEOUT_MS = 60_000;

/** Runs the main step and then the post step (always, as `post-if: always()` says). */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const metadata = readActionMetadata();
  const runnerDir = await mkdtemp(join(tmpdir(), "seamwatch-runner-"));
  const runnerTemp = join(runnerDir, "temp");
  await mkdir(runnerTemp);
  const eventPath = join(runnerDir, "event.json");
  await writeFile(eventPath, JSON.stringify(options.event ?? {}, null, 2));

  const baseEnv: Record<string, string> = {
    // Only what a runner gives: nothing of this process's GITHUB_* may leak in when the tests run on CI.
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? runnerDir,
    LANG: "C.UTF-8",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? "seamwatch-org/seamwatch-demo",
    GITHUB_WORKFLOW: options.workflow ?? "CI",
    GITHUB_JOB: options.job ?? "test",
    GITHUB_ACTION: "__seamwatch_run",
    GITHUB_RUN_ID: "1658821493",
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: "Linux",
    ...(options.api ? { GITHUB_API_URL: options.api.url } : {}),
    ...inputVariables(metadata, options),
    ...options.env,
  };
  const bundle = join(repoRoot, metadata.runs.main ?? "");
  const postBundle = join(repoRoot, metadata.runs.post ?? "");

  const main = await runStep(bundle, baseEnv, runnerDir, "main");
  const between: StepResult[] = [];
  for (const [index, step] of (options.between ?? []).entries()) {
    const path = join(repoRoot, step.action);
    const other = readActionMetadata(path);
    const env = Object.fromEntries(Object.entries(baseEnv).filter(([name]) => !name.startsWith("INPUT_")));
    const inputs = inputVariables(other, { ...options, inputs: step.inputs ?? {} });
    // `runs.main` is relative to the action's own directory (save/action.yml runs ../dist-action/save.js).
    const entry = join(dirname(path), other.runs.main ?? "");
    between.push(await runStep(entry, { ...env, ...inputs }, runnerDir, `between-${index}`));
  }
  // The runner hands the post step everything the main step saved, as STATE_<name>.
  const stateVariables = Object.fromEntries(
    Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]),
  );
  const post = await runStep(postBundle, { ...baseEnv, ...stateVariables }, runnerDir, "post");
  return { main, between, post, runnerTemp };
}

/** INPUT_<NAME> as the runner names them: upper case, spaces to `_`, hyphens kept (INPUT_MAX-ATTEMPTS). */
function inputVariables(metadata: ActionMetadata, options: ActionRunOptions): Record<string, string> {
  for (const name of Object.keys(options.inputs)) {
    if (!(name in metadata.inputs)) throw new Error(`action.yml declares no input "${name}"`);
  }
  const variables: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) {
    const value = options.inputs[name] ?? (input.default === undefined ? undefined : evaluate(input.default));
    if (value !== undefined) variables[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  return variables;

  function evaluate(text: string): string {
    return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      if (expression === "github.token") return options.api?.token ?? "";
      // The runner's toJSON pretty-prints with two spaces; a job without a matrix has a null context.
      if (/^toJSON\(matrix\)$/i.test(expression)) return JSON.stringify(options.matrix ?? null, null, 2);
      throw new Error(`run-action: no evaluation for \${{ ${expression} }} in action.yml`);
    });
  }
}

async function runStep(
  bundle: string,
  env: Record<string, string>,
  runnerDir: string,
  step: string,
): Promise<StepResult> {
  const files = {
    GITHUB_OUTPUT: join(runnerDir, `${step}-output.txt`),
    GITHUB_STATE: join(runnerDir, `${step}-state.txt`),
    GITHUB_STEP_SUMMARY: join(runnerDir, `${step}-summary.md`),
    GITHUB_ENV: join(runnerDir, `${step}-env.txt`),
    GITHUB_PATH: join(runnerDir, `${step}-path.txt`),
  };
  for (const path of Object.values(files)) await writeFile(path, "");
  const started = performance.now();
  const { code, signal, stdout, stderr } = await spawnCollect(actionNodeBinary(), [bundle], {
    cwd: env.GITHUB_WORKSPACE ?? runnerDir,
    env: { ...env, ...files },
  });
  const wallMs = performance.now() - started;
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommand(await readFile(files.GITHUB_OUTPUT, "utf8")),
    state: parseFileCommand(await readFile(files.GITHUB_STATE, "utf8")),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, "utf8"),
    wallMs,
  };
}

function spawnCollect(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    // A step that does not exit on its own is a bug this harness must show, not wait out.
    const timer = setTimeout(() => child.kill("SIGKILL"), STEP_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

/** Reads GITHUB_OUTPUT / GITHUB_STATE: `name<<DELIMITER` blocks (what @actions/core writes) or `name=value`. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = "", delimiter] = heredoc;
      const value: string[] = [];
      for (index++; index < lines.length && lines[index] !== delimiter; index++)
        value.push(lines[index] ?? "");
      if (index >= lines.length) throw new Error(`file command "${name}" has no closing ${delimiter}`);
      values[name] = value.join("\n");
      continue;
    }
    const equals = line.indexOf("=");
    if (equals < 0) throw new Error(`file command line is neither name=value nor a heredoc: ${line}`);
    values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
  /** The line as written to stdout. */
  readonly raw: string;
}

/** Workflow commands (`::error file=a,line=1::message`) in a step's stdout, unescaped as the runner does. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const raw of stdout.split("\n")) {
    const match = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(raw);
    if (!match) continue;
    const [, command = "", propertyText = "", message = ""] = match;
    const properties: Record<string, string> = {};
    for (const pair of propertyText ? propertyText.split(",") : []) {
      const equals = pair.indexOf("=");
      properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
    }
    commands.push({ command, properties, message: unescapeData(message), raw });
  }
  return commands;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ":").replace(/%2C/g, ","));
}
