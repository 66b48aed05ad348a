// Runs one cache-client call in a child process with a clean environment: `process.env` and stdout are
// shared by a whole process, and a runner's own ACTIONS_*/GITHUB_* variables must never reach a test's client.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const CALL_TIMEOUT_MS = 60_000;
/** Variables of the surrounding runner that must not leak into the child (real cache URLs, tokens, proxies). */
const INHERITED_PREFIXES = ["ACTIONS_", "GITHUB_", "RUNNER_", "CACHE_", "SEGMENT_DOWNLOAD_"];
const INHERITED_NAMES = new Set(["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "NODE_OPTIONS", "NODE_DEBUG"]);

export interface ChildCallResult<Outcome> {
  readonly outcome: Outcome;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Spawns `command args` with this process's environment minus the runner's variables, plus `env`; the
 * child reports its outcome over IPC. Rejects on a crash (no outcome) or on timeout.
 */
export function runChildCall<Outcome>(options: {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** A minute by default. */
  readonly timeoutMs?: number;
}): Promise<ChildCallResult<Outcome>> {
  const timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const upper = name.toUpperCase();
    if (value === undefined || INHERITED_NAMES.has(upper)) continue;
    if (INHERITED_PREFIXES.some((prefix) => upper.startsWith(prefix))) continue;
    env[name] = value;
  }
  Object.assign(env, options.env);
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let outcome: Outcome | undefined;
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("message", (message) => {
      outcome = message as Outcome;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.label} did not finish in ${timeoutMs} ms\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (outcome === undefined) {
        reject(
          new Error(`${options.label} crashed the process (exit ${code ?? signal}):\n${stdout}${stderr}`),
        );
        return;
      }
      resolve({ outcome, stdout, stderr });
    });
  });
}

/**
 * Bundles a child's entry (a file, or source text resolved from `resolveDir`) into one ESM file, as the
 * action's bundle is built: dependencies inlined, CommonJS `require` available. `dispose` removes it.
 */
export async function bundleChildEntry(
  source: { file: string } | { contents: string; resolveDir: string },
): Promise<{ entry: string; dispose(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), "seamwatch-child-"));
  const entry = join(outDir, "entry.mjs");
  await build({
    ...("file" in source
      ? { entryPoints: [source.file] }
      : {
          stdin: {
            contents: source.contents,
            resolveDir: source.resolveDir,
            loader: "ts",
            sourcefile: "entry.ts",
          },
        }),
    outfile: entry,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "error",
  });
  return { entry, dispose: () => rm(outDir, { recursive: true, force: true }) };
}
