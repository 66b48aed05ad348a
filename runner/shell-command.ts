// Runs the test command once, through a shell, the way a workflow `run:` step does: output streams through
// live, the tail is kept for classification, and the whole process tree can be stopped.
//
// The command runs in its own process group, so a timeout or a cancellation stops the test runner *and*
// everything it started: workers, servers put in the background, `docker compose` CLIs. Decision: whatever
// the command leaves running in its group when it exits is stopped too, so the next attempt never meets the
// last one's leftovers (a port still bound, a lock still held).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type OutputStream, ProcessStartError, startProcess } from "../process/spawn.ts";
import { OutputTail } from "./output-tail.ts";

export interface ShellCommandOptions {
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

export interface ShellCommandResult {
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

async function shellArgv(options: ShellCommandOptions): Promise<{ file: string; args: string[] }> {
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

export async function runShellCommand(options: ShellCommandOptions): Promise<ShellCommandResult> {
  const { file, args } = await shellArgv(options);
  const tail = new OutputTail();
  const started = startProcess(file, args, {
    cwd: options.cwd,
    env: options.env,
    ownGroup: true,
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs,
    pipesAfterExitMs: PIPE_DRAIN_MS,
    onOutput: (chunk, stream) => {
      tail.write(chunk, stream);
      options.onOutput(chunk, stream);
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const end = await started.ended;
    return Object.freeze({
      exitCode: end.exitCode,
      signal: end.signal,
      timedOut: end.timedOut,
      cancelled: end.cancelled,
      outputTail: Object.freeze(tail.end()),
      pid: started.child.pid ?? -1,
    });
  } catch (error) {
    if (!(error instanceof ProcessStartError)) throw error;
    throw new CommandStartError(
      `could not start ${JSON.stringify(file)} in ${options.cwd}: ${error.message}`,
      { cause: error.cause },
    );
  }
}
