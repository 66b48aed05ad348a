// Runs one @actions/cache call in a process of its own (started by cache-client.ts), so each call
// sees exactly the environment a runner would give it. @actions/cache reads its environment when a
// call is made, not when it is imported, but process.env and stdout are process-wide.
// Only node: builtins are imported statically: this file is run from source text, not from disk,
// so the client is loaded from the URL the parent resolved.
import type * as ActionsCache from "@actions/cache";

export interface ClientCall {
  moduleUrl: string;
  operation: "save" | "restore";
  paths: string[];
  key: string;
  restoreKeys?: string[];
  uploadOptions?: ActionsCache.UploadOptions;
  downloadOptions?: ActionsCache.DownloadOptions;
}

export type ClientOutcome =
  | { kind: "returned"; value: number | string | null }
  | { kind: "threw"; name: string; message: string };

export const CALL_VARIABLE = "SEAMWATCH_CACHE_CLIENT_CALL";

async function main(): Promise<void> {
  const call = JSON.parse(process.env[CALL_VARIABLE] ?? "{}") as ClientCall;
  delete process.env[CALL_VARIABLE];
  const cache = (await import(call.moduleUrl)) as typeof ActionsCache;
  let outcome: ClientOutcome;
  try {
    const value =
      call.operation === "save"
        ? await cache.saveCache(call.paths, call.key, call.uploadOptions)
        : await cache.restoreCache(call.paths, call.key, call.restoreKeys, call.downloadOptions);
    outcome = { kind: "returned", value: value ?? null };
  } catch (error) {
    const typed = error instanceof Error ? error : new Error(String(error));
    outcome = { kind: "threw", name: typed.name, message: typed.message };
  }
  // Exit explicitly: the client's keep-alive sockets would otherwise hold the process open.
  process.send?.(outcome, () => process.exit(0));
}

if (process.env[CALL_VARIABLE]) await main();
