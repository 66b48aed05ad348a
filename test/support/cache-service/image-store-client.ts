// Drives the action's `ImageStore` on @actions/cache (action/image-cache-store.ts) in a child process per
// call, on the Node the action runs on, with only the environment a runner gives a job step: the same
// isolation cache-client.ts gives the bare client.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { actionNodeBinary, repoRoot } from "../run-action.ts";
import { parseWorkflowLog } from "./cache-client.ts";

const CALL_VARIABLE = "SEAMWATCH_IMAGE_STORE_CALL";
const CALL_TIMEOUT_MS = 60_000;
const INHERITED_PREFIXES = ["ACTIONS_", "GITHUB_", "RUNNER_", "CACHE_", "SEGMENT_DOWNLOAD_"];
const INHERITED_NAMES = new Set(["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "NODE_OPTIONS", "NODE_DEBUG"]);

// One call, then an explicit exit: the client's keep-alive sockets would hold the process open.
const DRIVER = `
import { actionsCacheImageStore } from "./action/image-cache-store.ts";
const call = JSON.parse(process.env.${CALL_VARIABLE});
const store = actionsCacheImageStore();
let outcome;
try {
  const value = call.operation === "save" ? await store.save(call.key, call.dir) : await store.restore(call.key, call.dir);
  outcome = { kind: "returned", value };
} catch (error) {
  outcome = { kind: "threw", name: error.name, message: error.message };
}
process.send(outcome, () => process.exit(0));
`;

export interface ImageStoreCall {
  operation: "restore" | "save";
  key: string;
  dir: string;
}

export interface ImageStoreRun {
  value?: boolean | "saved" | "exists";
  thrown?: { name: string; message: string };
  warnings: string[];
  info: string[];
  stderr: string;
}

export interface ImageStoreClient {
  call(env: Record<string, string>, call: ImageStoreCall): Promise<ImageStoreRun>;
  dispose(): Promise<void>;
}

/** Bundles the store (with @actions/cache) once, as the action's bundle does; each call is a process. */
export async function imageStoreClient(): Promise<ImageStoreClient> {
  const outDir = await mkdtemp(join(tmpdir(), "seamwatch-image-store-"));
  const entry = join(outDir, "driver.mjs");
  await build({
    stdin: { contents: DRIVER, resolveDir: repoRoot, loader: "ts", sourcefile: "driver.ts" },
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
  return {
    call: (env, call) => runCall(entry, env, call),
    dispose: () => rm(outDir, { recursive: true, force: true }),
  };
}

function runCall(
  entry: string,
  extraEnv: Record<string, string>,
  call: ImageStoreCall,
): Promise<ImageStoreRun> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const upper = name.toUpperCase();
    if (value === undefined || INHERITED_NAMES.has(upper)) continue;
    if (INHERITED_PREFIXES.some((prefix) => upper.startsWith(prefix))) continue;
    env[name] = value;
  }
  Object.assign(env, extraEnv, { [CALL_VARIABLE]: JSON.stringify(call) });
  const child = spawn(actionNodeBinary(), [entry], {
    cwd: env.GITHUB_WORKSPACE ?? tmpdir(),
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let outcome:
      | { kind: "returned"; value: ImageStoreRun["value"] }
      | { kind: "threw"; name: string; message: string };
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("message", (message) => {
      outcome = message as typeof outcome;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `image store ${call.operation} did not finish in ${CALL_TIMEOUT_MS} ms\n${stdout}${stderr}`,
        ),
      );
    }, CALL_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (!outcome) {
        reject(
          new Error(`image store ${call.operation} crashed (exit ${code ?? signal}):\n${stdout}${stderr}`),
        );
        return;
      }
      const log = parseWorkflowLog(stdout);
      resolve({
        ...(outcome.kind === "returned"
          ? { value: outcome.value }
          : { thrown: { name: outcome.name, message: outcome.message } }),
        warnings: log.warnings,
        info: log.info,
        stderr,
      });
    });
  });
}
