// Drives the real @actions/cache client in a child process per call, with only the environment a
// runner would give a job step, and reports what a workflow log would show.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { DownloadOptions, UploadOptions } from "@actions/cache";
import { transform } from "esbuild";
import { CALL_VARIABLE, type ClientCall, type ClientOutcome } from "./client-process.ts";

const CALL_TIMEOUT_MS = 60_000;
// Variables a runner (or the machine running these tests) may have that would point the client
// somewhere else: a real cache service, GHES, a proxy, another preload.
const INHERITED_PREFIXES = ["ACTIONS_", "GITHUB_", "RUNNER_", "CACHE_", "SEGMENT_DOWNLOAD_"];
const INHERITED_NAMES = new Set(["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "NODE_OPTIONS", "NODE_DEBUG"]);

export interface CacheClientContext {
  /** The stand-in's env, plus anything extra (e.g. CACHE_UPLOAD_CHUNK_SIZE, RUNNER_DEBUG). */
  env: Record<string, string>;
  /** The job's working directory: the client's cwd and GITHUB_WORKSPACE (tar paths are relative to it). */
  workspace: string;
}

/** One call of the client, as a workflow log would show it. */
export interface CacheClientRun<T> {
  /** What the call returned; undefined when it threw. */
  value?: T;
  /** Set when the call threw instead of returning (the client only throws ValidationError). */
  thrown?: { name: string; message: string };
  warnings: string[];
  errors: string[];
  /** Plain log lines (core.info). */
  info: string[];
  debug: string[];
  stderr: string;
}

export function saveCacheWithClient(
  context: CacheClientContext,
  call: { paths: string[]; key: string; options?: UploadOptions },
): Promise<CacheClientRun<number>> {
  return runClient<number>(context, {
    operation: "save",
    paths: call.paths,
    key: call.key,
    uploadOptions: call.options,
  });
}

export async function restoreCacheWithClient(
  context: CacheClientContext,
  call: { paths: string[]; primaryKey: string; restoreKeys?: string[]; options?: DownloadOptions },
): Promise<CacheClientRun<string | undefined>> {
  return runClient<string | undefined>(context, {
    operation: "restore",
    paths: call.paths,
    key: call.primaryKey,
    restoreKeys: call.restoreKeys,
    downloadOptions: call.options,
  });
}

let clientSource: Promise<string> | undefined;

/** client-process.ts as plain JS; esbuild strips types in milliseconds, tsx would cost ~1.5 s a call. */
function loadClientSource(): Promise<string> {
  clientSource ??= readFile(new URL("./client-process.ts", import.meta.url), "utf8").then(
    async (source) => (await transform(source, { loader: "ts", format: "esm", target: "node20" })).code,
  );
  return clientSource;
}

async function runClient<T>(
  context: CacheClientContext,
  call: Omit<ClientCall, "moduleUrl">,
): Promise<CacheClientRun<T>> {
  const code = await loadClientSource();
  const fullCall: ClientCall = { ...call, moduleUrl: import.meta.resolve("@actions/cache") };
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const upper = name.toUpperCase();
    if (value === undefined || INHERITED_NAMES.has(upper)) continue;
    if (INHERITED_PREFIXES.some((prefix) => upper.startsWith(prefix))) continue;
    env[name] = value;
  }
  Object.assign(env, context.env, {
    GITHUB_WORKSPACE: context.workspace,
    [CALL_VARIABLE]: JSON.stringify(fullCall),
  });

  // Source text rather than a file: the client is imported by URL, so nothing needs to sit on disk.
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
    cwd: context.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let outcome: ClientOutcome | undefined;
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("message", (message) => {
      outcome = message as ClientOutcome;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `@actions/cache ${call.operation} did not finish in ${CALL_TIMEOUT_MS} ms\n${stdout}${stderr}`,
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
          new Error(
            `@actions/cache ${call.operation} crashed the process (exit ${code ?? signal}):\n${stdout}${stderr}`,
          ),
        );
        return;
      }
      const log = parseWorkflowLog(stdout);
      resolve({
        ...(outcome.kind === "returned"
          ? { value: (outcome.value ?? undefined) as T }
          : { thrown: { name: outcome.name, message: outcome.message } }),
        ...log,
        stderr,
      });
    });
  });
}

/** Splits @actions/core output into workflow commands (`::warning::...`) and plain info lines. */
export function parseWorkflowLog(
  stdout: string,
): Pick<CacheClientRun<unknown>, "warnings" | "errors" | "info" | "debug"> {
  const log = {
    warnings: [] as string[],
    errors: [] as string[],
    info: [] as string[],
    debug: [] as string[],
  };
  for (const line of stdout.split(/\r?\n/)) {
    if (line === "") continue;
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) {
      log.info.push(line);
      continue;
    }
    const message = unescapeCommandData(command[2] ?? "");
    if (command[1] === "warning") log.warnings.push(message);
    else if (command[1] === "error") log.errors.push(message);
    else if (command[1] === "debug") log.debug.push(message);
  }
  return log;
}

function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}
