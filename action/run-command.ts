// Runs the test command once, through a shell, the way a workflow `run:` step does: output streams through
// live, the tail is kept for classification, and the whole process tree can be stopped.
//
// The command runs in its own process group (spawned detached), so a timeout or a cancellation stops the
// test runner *and* everything it started: workers, servers put in the background, `docker compose` CLIs.
// Decision: whatever the command leaves running in its group when it exits is stopped too, so the next
// attempt never meets the last one's leftovers (a port still bound, a lock still held).
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputTail } from "./output-tail.ts";

export type OutputStream = "stdout" | "stderr";

export interface RunCommandOptions {
  readonly command: string;
  /** `bash`, `sh`, or a template with `{0}` (the path of a script file holding the command). */
  readonly shell: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number | null;
  /** Time between SIGTERM and SIGKILL when stopping the process group. */
  readonly killGraceMs: number;
  readonly onOutput: (chunk: Buffer, stream: OutputStream) => void;
  /** Where a custom shell template's script file is written. */
  readonly scriptDir: string;
  /** Aborting stops the process group; the result then says `cancelled`. */
  readonly signal?: AbortSignal;
}

export interface CommandResult {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly outputTail: readonly string[];
  readonly pid: number;
}

/** The command could not be started at all (the shell is missing, the directory does not exist). */
export class CommandStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CommandStartError";
  }
}

/** A `shell` value that is neither a known shell nor a template with `{0}`. */
export class ShellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShellError";
  }
}

// GitHub's own templates for `shell: bash` and `shell: sh`; the command is passed with -c instead of a file.
const KNOWN_SHELLS: Readonly<Record<string, readonly string[]>> = {
  bash: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"],
  sh: ["sh", "-e", "-c"],
};

const SCRIPT_PLACEHOLDER = "{0}";
// Once the command has exited, how long its output pipes may stay open (held by a process that left the
// group) before they are closed on our side.
const PIPE_DRAIN_MS = 2000;
const GROUP_POLL_MS = 25;

/** Throws `ShellError` unless `shell` can run a command. */
export function checkShell(shell: string): void {
  if (KNOWN_SHELLS[shell]) return;
  const words = shell.trim().split(/\s+/);
  if (words[0] === undefined || words[0] === "" || !shell.includes(SCRIPT_PLACEHOLDER)) {
    throw new ShellError(
      `shell must be "bash", "sh" or a command template containing {0} (the script file), got ${JSON.stringify(shell)}`,
    );
  }
}

async function shellArgv(options: RunCommandOptions): Promise<{ file: string; args: string[] }> {
  checkShell(options.shell);
  const known = KNOWN_SHELLS[options.shell];
  if (known) {
    const [file = "", ...args] = known;
    return { file, args: [...args, options.command] };
  }
  const script = join(options.scriptDir, "command");
  await writeFile(script, `${options.command}\n`, { mode: 0o700 });
  const [file = "", ...args] = options.shell
    .trim()
    .split(/\s+/)
    .map((word) => word.replaceAll(SCRIPT_PLACEHOLDER, script));
  return { file, args };
}

export async function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const { file, args } = await shellArgv(options);
  const tail = new OutputTail();
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });

  let timedOut = false;
  let cancelled = false;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    if (child.pid === undefined) return Promise.resolve();
    stopping ??= stopProcessGroup(child.pid, options.killGraceMs);
    return stopping;
  };

  const streamsClosed = Promise.all(
    (["stdout", "stderr"] as const).map(
      (name) =>
        new Promise<void>((resolve) => {
          const stream = child[name];
          stream.on("data", (chunk: Buffer) => {
            tail.write(chunk, name);
            options.onOutput(chunk, name);
          });
          stream.on("close", resolve);
          stream.on("error", () => resolve());
        }),
    ),
  );

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", (cause) =>
      reject(
        new CommandStartError(`could not start ${JSON.stringify(file)} in ${options.cwd}: ${cause.message}`, {
          cause,
        }),
      ),
    );
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });

  const timer =
    options.timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          void stop();
        }, options.timeoutMs);
  const onAbort = () => {
    cancelled = true;
    void stop();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  try {
    const { code, signal } = await exited;
    // Leftovers of the command (background jobs, workers) go with it.
    await stop();
    let drainTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      streamsClosed,
      new Promise((resolve) => {
        drainTimer = setTimeout(resolve, PIPE_DRAIN_MS);
      }),
    ]);
    clearTimeout(drainTimer);
    child.stdout.destroy();
    child.stderr.destroy();
    return Object.freeze({
      exitCode: code,
      signal,
      timedOut,
      cancelled,
      outputTail: Object.freeze(tail.end()),
      pid: child.pid ?? -1,
    });
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is still there after the grace period. */
export async function stopProcessGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, "SIGTERM")) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await delay(GROUP_POLL_MS);
    if (!signalGroup(pgid, 0)) return;
  }
  signalGroup(pgid, "SIGKILL");
}

/** False when the group no longer exists. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw cause;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
