// The one way seamwatch starts a program: with a time limit, a way to stop it (SIGTERM, then SIGKILL after a
// grace period), and a bound on how long its output pipes may outlive it. The test command, every `docker`
// call and the programs that unpack a cache entry all go through `startProcess`.
import { type ChildProcess, spawn } from "node:child_process";
import type { Writable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";

export type OutputStream = "stdout" | "stderr";

export interface StartOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** `ignore` (the default), or `pipe`: the caller writes to `child.stdin`. */
  readonly stdin?: "ignore" | "pipe";
  /** `pipe` (the default): read here and handed to `onOutput`; or a stream the program writes to directly. */
  readonly stdout?: "pipe" | Writable;
  readonly onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  /**
   * Runs the program in a process group of its own (spawned detached): stopping it stops everything it
   * started, and whatever it leaves running in the group when it exits is stopped then too.
   */
  readonly ownGroup?: boolean;
  /** Past this, the program is stopped and its end says `timedOut`. Null or absent: no limit. */
  readonly timeoutMs?: number | null;
  /** Between SIGTERM and SIGKILL when the program is stopped. */
  readonly killGraceMs: number;
  /** Aborting stops the program; its end then says `cancelled`. */
  readonly signal?: AbortSignal;
  /**
   * Once the program has exited, how long its output pipes may stay open (held by a process it started)
   * before they are closed here. Absent: until the time limit, or `killGraceMs` after a stop at the limit.
   */
  readonly pipesAfterExitMs?: number;
}

export interface ProcessEnd {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** It ran past `timeoutMs` (and was stopped, or its pipes closed, there). */
  readonly timedOut: boolean;
  /** It was stopped through `signal`. */
  readonly cancelled: boolean;
}

export interface StartedProcess {
  readonly child: ChildProcess;
  /** Settles once the program has exited and its output pipes are closed; rejects with `ProcessStartError`. */
  readonly ended: Promise<ProcessEnd>;
  /** Stops the program (its group with `ownGroup`); resolves once it is gone. */
  stop(): Promise<void>;
}

/** The program could not be started (no such file, no permission, no such directory). */
export class ProcessStartError extends Error {
  readonly command: string;
  constructor(command: string, cause: Error) {
    super(cause.message, { cause });
    this.name = "ProcessStartError";
    this.command = command;
  }
}

const GROUP_POLL_MS = 25;

export function startProcess(
  command: string,
  args: readonly string[],
  options: StartOptions,
): StartedProcess {
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: [options.stdin ?? "ignore", options.stdout ?? "pipe", "pipe"],
    detached: options.ownGroup === true,
  });
  const pipes = [child.stdout, child.stderr].filter((pipe) => pipe !== null);
  let timedOut = false;
  let cancelled = false;
  let exited = false;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= options.ownGroup
      ? stopGroup(child, options.killGraceMs)
      : stopChild(child, options.killGraceMs);
    return stopping;
  };

  const closePipes = () => {
    for (const pipe of pipes) pipe.destroy();
  };
  const pipesClosed = Promise.all(
    pipes.map(
      (pipe) =>
        new Promise<void>((resolve) => {
          pipe.once("close", resolve);
          pipe.once("error", () => resolve());
        }),
    ),
  );
  if (child.stdout) child.stdout.on("data", (chunk: Buffer) => options.onOutput?.(chunk, "stdout"));
  child.stderr?.on("data", (chunk: Buffer) => options.onOutput?.(chunk, "stderr"));

  const timers = new Set<NodeJS.Timeout>();
  const after = (ms: number, then: () => void) => {
    const timer = setTimeout(then, ms);
    timers.add(timer);
  };
  if (options.timeoutMs !== undefined && options.timeoutMs !== null) {
    after(options.timeoutMs, () => {
      timedOut = true;
      // Exited, but something it started still holds the pipes: nothing more is waited for.
      if (exited) closePipes();
      else void stop();
    });
  }
  const onAbort = () => {
    cancelled = true;
    void stop();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  const ended = new Promise<ProcessEnd>((resolve, reject) => {
    child.once("error", (cause) => reject(new ProcessStartError(command, cause)));
    child.once("exit", (exitCode, signal) => {
      exited = true;
      void (async () => {
        // Leftovers of the program (background jobs, workers) go with it.
        if (options.ownGroup) await stop();
        const drainMs = options.pipesAfterExitMs ?? (timedOut ? options.killGraceMs : null);
        if (drainMs !== null) after(drainMs, closePipes);
        await pipesClosed;
        closePipes();
        resolve({ exitCode, signal, timedOut, cancelled });
      })();
    });
  });
  const cleanUp = () => {
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  };
  ended.then(cleanUp, cleanUp);
  return { child, ended, stop };
}

/** SIGTERM, then SIGKILL if it is still there after the grace period. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(killTimer);
}

/** SIGTERM to the whole group, then SIGKILL to whatever is still there after the grace period. */
async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined || !signalGroup(pgid, "SIGTERM")) return;
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
