// Drives the real @actions/cache client in a child process per call, with only the environment a
// runner would give a job step, and reports what a workflow log would show.
import { readFile } from "node:fs/promises";
import type { DownloadOptions, UploadOptions } from "@actions/cache";
import { transform } from "esbuild";
import { runChildCall } from "./child-call.ts";
import { CALL_VARIABLE, type ClientCall, type ClientOutcome } from "./client-process.ts";

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
  // Source text rather than a file: the client is imported by URL, so nothing needs to sit on disk.
  const { outcome, stdout, stderr } = await runChildCall<ClientOutcome>({
    label: `@actions/cache ${call.operation}`,
    command: process.execPath,
    args: ["--input-type=module", "-e", code],
    cwd: context.workspace,
    env: { ...context.env, GITHUB_WORKSPACE: context.workspace, [CALL_VARIABLE]: JSON.stringify(fullCall) },
  });
  return {
    ...(outcome.kind === "returned"
      ? { value: (outcome.value ?? undefined) as T }
      : { thrown: { name: outcome.name, message: outcome.message } }),
    ...parseWorkflowLog(stdout),
    stderr,
  };
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
