// Drives the action's `ImageStore` on @actions/cache (action/image-cache-store.ts) in a child process per
// call, on the Node the action runs on, with only the environment a runner gives a job step: the same
// isolation cache-client.ts gives the bare client.
import { tmpdir } from "node:os";
import { actionNodeBinary, repoRoot } from "../run-action.ts";
import { parseWorkflowLog } from "./cache-client.ts";
import { bundleChildEntry, runChildCall } from "./child-call.ts";

const CALL_VARIABLE = "SEAMWATCH_IMAGE_STORE_CALL";

// One call, then an explicit exit: the client's keep-alive sockets would hold the process open. A stream
// is read the way `docker load` reads it, by another process: `cat` writing it to call.out.
const DRIVER = `
import { spawn } from "node:child_process";
import { actionsCacheImageStore } from "./action/image-cache-store.ts";
const call = JSON.parse(process.env.${CALL_VARIABLE});
const store = actionsCacheImageStore();
async function streamed() {
  const stream = await store.stream(call.key, call.dir, call.file);
  if (stream === null) return null;
  const reader = spawn("sh", ["-c", 'exec cat > "$0"', call.out], { stdio: ["pipe", "inherit", "inherit"] });
  const readerEnded = new Promise((resolve) => reader.once("close", resolve));
  stream.pipeTo(reader.stdin);
  const readerCode = await readerEnded;
  const done = await stream.done.then(() => "resolved", (error) => "rejected: " + error.message);
  return { readerCode, done };
}
let outcome;
try {
  const value =
    call.operation === "save" ? await store.save(call.key, call.dir)
    : call.operation === "stream" ? await streamed()
    : await store.restore(call.key, call.dir);
  outcome = { kind: "returned", value };
} catch (error) {
  outcome = { kind: "threw", name: error.name, message: error.message };
}
process.send(outcome, () => process.exit(0));
`;

export type ImageStoreCall =
  | { operation: "restore" | "save"; key: string; dir: string }
  /** `store.stream(key, dir, file)`, read by `cat` into `out`. */
  | { operation: "stream"; key: string; dir: string; file: string; out: string };

/** What a stream call returned: null for no entry, else how its reader exited and how `done` settled. */
export type StreamOutcome = { readerCode: number | null; done: "resolved" | `rejected: ${string}` } | null;

export interface ImageStoreRun {
  value?: boolean | "saved" | "exists" | StreamOutcome;
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
  const { entry, dispose } = await bundleChildEntry({ contents: DRIVER, resolveDir: repoRoot });
  return { call: (env, call) => runCall(entry, env, call), dispose };
}

async function runCall(
  entry: string,
  extraEnv: Record<string, string>,
  call: ImageStoreCall,
): Promise<ImageStoreRun> {
  const { outcome, stdout, stderr } = await runChildCall<
    { kind: "returned"; value: ImageStoreRun["value"] } | { kind: "threw"; name: string; message: string }
  >({
    label: `image store ${call.operation}`,
    command: actionNodeBinary(),
    args: [entry],
    cwd: extraEnv.GITHUB_WORKSPACE ?? tmpdir(),
    env: { ...extraEnv, [CALL_VARIABLE]: JSON.stringify(call) },
  });
  const log = parseWorkflowLog(stdout);
  return {
    ...(outcome.kind === "returned"
      ? { value: outcome.value }
      : { thrown: { name: outcome.name, message: outcome.message } }),
    warnings: log.warnings,
    info: log.info,
    stderr,
  };
}
