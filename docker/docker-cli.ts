// The `docker` CLI: list, save, load and pull images. Which engine is used comes from the environment handed
// in (DOCKER_HOST, DOCKER_CONTEXT...), never from globals, so tests point it at an engine of their own.
import { stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { setTimeout as realSleep } from "node:timers/promises";
import {
  type AttemptClassification,
  buildRules,
  classifyAttempt,
  type Rule,
} from "../core/classify/index.ts";
import type { LocalImage } from "../core/images/index.ts";
import { messageOf } from "../process/errors.ts";
import { exponentialBackoff, retry } from "../process/retry.ts";
import { type ProcessEnd, ProcessStartError, startProcess } from "../process/spawn.ts";

export interface DockerCli {
  /** Environment of every `docker` call; DOCKER_HOST picks the engine. */
  readonly env: NodeJS.ProcessEnv;
  /** The CLI to run; `docker` from PATH by default. */
  readonly command?: string;
  /** How long a `docker` call may take before it is stopped; `defaultDockerTimeouts` for what is not set. */
  readonly timeouts?: Partial<DockerTimeouts>;
}

export interface DockerTimeouts {
  /** `image ls`, `image inspect`, `tag`, `image rm`: the engine answers these in well under a second. */
  readonly metadataMs: number;
  /** `load`, `save`, `pull`: they move whole images, gigabytes on a slow runner disk or network. */
  readonly transferMs: number;
}

// Without a limit a hung dockerd hangs the job until the runner kills it hours later, with nothing in the
// log to say why. The limits are far above a healthy engine's times so a slow runner is never cut short:
// a large image load on a busy runner takes minutes.
export const defaultDockerTimeouts: DockerTimeouts = {
  metadataMs: 60_000,
  transferMs: 15 * 60_000,
};

const TRANSFER_COMMANDS = new Set(["load", "save", "pull"]);

/**
 * `docker` could not be started, a command of it failed, or it ran past its timeout and was stopped. Keeps
 * the command's last output lines.
 */
export class DockerCommandError extends Error {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly outputTail: readonly string[];
  /** True when seamwatch stopped the command at its timeout (the engine did not answer in time). */
  readonly timedOut: boolean;
  constructor(
    message: string,
    details: {
      args: readonly string[];
      exitCode: number | null;
      outputTail: readonly string[];
      timedOut?: boolean;
    },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "DockerCommandError";
    this.args = details.args;
    this.exitCode = details.exitCode;
    this.outputTail = details.outputTail;
    this.timedOut = details.timedOut ?? false;
  }
}

/** An image file read as a stream (a cache entry as it downloads). */
export interface ImageFileStream {
  /**
   * Starts writing the file into `input` (the stdin of `docker load`) and takes it over: `input` is
   * closed at the end of the file. Called once.
   */
  pipeTo(input: Writable): void;
  /**
   * Settles when the stream has ended: rejects, naming the cause, when it failed on its own (a download
   * cut off, a bad archive); resolves when it was read to its end or the reader stopped it.
   */
  readonly done: Promise<void>;
  /** Stops it: the reader gave up. */
  stop(): void;
}

/** An image file that did not load as the image it should be; whatever it loaded was removed again. */
export class ImageLoadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ImageLoadError";
  }
}

interface DockerRun {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The limit the command ran past, in ms, when it was stopped for it; null when it ended by itself. */
  readonly timedOutAfterMs: number | null;
}

// Pull progress can run to thousands of lines; the classifier needs only the end.
const TAIL_LINES = 200;
// How long the CLI gets to end on SIGTERM (it cancels its request to the engine) before SIGKILL, and how
// long its output pipes then get to close.
const KILL_GRACE_MS = 2_000;
// How long a failed streamed load waits for the stream to say whether it broke first.
const SOURCE_GRACE_MS = 1_000;

function timeoutOf(cli: DockerCli, args: readonly string[]): number {
  const timeouts = { ...defaultDockerTimeouts, ...cli.timeouts };
  return TRANSFER_COMMANDS.has(args[0] ?? "") ? timeouts.transferMs : timeouts.metadataMs;
}

/** The command as people say it: `image ls`, `load`, `tag` (without its operands). */
function commandName(args: readonly string[]): string {
  return args.slice(0, args[0] === "image" ? 2 : 1).join(" ");
}

/**
 * Runs one `docker` command. Past its timeout the CLI is stopped (SIGTERM, then SIGKILL) and the run
 * resolves once the process is gone, so no `docker` process outlives the call. Never rejects for the
 * command's outcome, only when the CLI cannot be started.
 */
async function runDocker(
  cli: DockerCli,
  args: readonly string[],
  stdin?: Pick<ImageFileStream, "pipeTo">,
): Promise<DockerRun> {
  const limitMs = timeoutOf(cli, args);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  // A process the CLI started (a credential helper, a plugin) can keep the output pipes open after the CLI
  // is gone; past the timeout nothing more is waited for.
  const started = startProcess(cli.command ?? "docker", args, {
    env: cli.env,
    stdin: "pipe",
    timeoutMs: limitMs,
    killGraceMs: KILL_GRACE_MS,
    onOutput: (chunk, stream) => (stream === "stdout" ? stdout : stderr).push(chunk),
  });
  const input = started.child.stdin as Writable;
  // A CLI that ends early (a failed load) closes its input: the writer's broken pipe is no news then.
  input.on("error", () => {});
  if (stdin) stdin.pipeTo(input);
  else input.end();
  let end: ProcessEnd;
  try {
    end = await started.ended;
  } catch (cause) {
    if (!(cause instanceof ProcessStartError)) throw cause;
    throw new DockerCommandError(
      `could not run docker ${args[0] ?? ""}: ${cause.message}`,
      { args, exitCode: null, outputTail: [] },
      { cause: cause.cause },
    );
  }
  return {
    exitCode: end.exitCode,
    signal: end.signal,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
    timedOutAfterMs: end.timedOut ? limitMs : null,
  };
}

function secondsOf(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** `docker image ls timed out after 60 s (the Docker engine did not answer)`. */
function timeoutMessage(args: readonly string[], limitMs: number): string {
  // A transfer may have been under way (a slow disk or registry); a metadata call has no such excuse.
  const why = TRANSFER_COMMANDS.has(args[0] ?? "")
    ? "the Docker engine did not finish it"
    : "the Docker engine did not answer";
  return `docker ${commandName(args)} timed out after ${secondsOf(limitMs)} (${why})`;
}

function timeoutError(args: readonly string[], run: DockerRun & { timedOutAfterMs: number }) {
  return new DockerCommandError(timeoutMessage(args, run.timedOutAfterMs), {
    args,
    exitCode: run.exitCode,
    outputTail: tailOf(run),
    timedOut: true,
  });
}

function hasTimedOut(run: DockerRun): run is DockerRun & { timedOutAfterMs: number } {
  return run.timedOutAfterMs !== null;
}

function tailOf(run: DockerRun): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .slice(-TAIL_LINES);
}

/** Runs docker and returns its stdout; a non-zero exit or a timeout throws `DockerCommandError`. */
async function docker(cli: DockerCli, args: readonly string[]): Promise<string> {
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  if (run.exitCode === 0) return run.stdout;
  const tail = tailOf(run);
  throw new DockerCommandError(
    `docker ${args[0] ?? ""} failed (${run.signal ? `signal ${run.signal}` : `exit ${run.exitCode}`}): ${tail.at(-1) ?? "no output"}`,
    { args, exitCode: run.exitCode, outputTail: tail },
  );
}

const LISTING_ATTEMPTS = 3;

type Listing = { readonly images: LocalImage[] } | { readonly error: unknown };

/** Tagged images in the engine. Untagged and digest-only images have no reference to cache them under. */
export async function listImages(cli: DockerCli): Promise<LocalImage[]> {
  const listings = await retry(
    async (): Promise<Listing> => {
      try {
        return { images: await readImageList(cli) };
      } catch (error) {
        return { error };
      }
    },
    {
      maxAttempts: LISTING_ATTEMPTS,
      delayMs: () => 0,
      // An image removed while the engine lists them (another load being undone, another step's `docker
      // rmi`) fails the listing: on the containerd image store `ls` itself ("failed to get rootfs of image
      // …: not found"), on either store the `inspect` that follows ("No such image"). A new listing no
      // longer holds it.
      isRetryable: (listing) => "error" in listing && removedMeanwhile(listing.error),
      describe: (listing, decision) =>
        `docker image ls: attempt ${decision.attemptNumber}/${decision.maxAttempts}${"error" in listing ? ` failed: ${messageOf(listing.error)}` : ""}`,
      // A listing that had to be taken again is routine; whatever still fails is thrown to the caller.
      log: () => {},
      sleep: async () => {},
    },
  );
  const last = listings.at(-1);
  if (!last || "error" in last) throw last?.error;
  return last.images;
}

const removedMeanwhile = (cause: unknown): boolean =>
  cause instanceof DockerCommandError &&
  !cause.timedOut &&
  /\bNo such image\b|\bnot found\b/i.test(cause.outputTail.join("\n"));

async function readImageList(cli: DockerCli): Promise<LocalImage[]> {
  const listing = await docker(cli, ["image", "ls", "--no-trunc", "--format", "{{json .}}"]);
  const tagged: { reference: string; id: string }[] = [];
  for (const line of listing.split("\n")) {
    if (line.trim().length === 0) continue;
    const row = JSON.parse(line) as { Repository?: string; Tag?: string; ID?: string };
    if (!row.Repository || !row.Tag || !row.ID || row.Repository === "<none>" || row.Tag === "<none>")
      continue;
    tagged.push({ reference: `${row.Repository}:${row.Tag}`, id: row.ID });
  }
  if (tagged.length === 0) return [];
  // `ls` prints sizes rounded for people; `inspect` has the bytes, and the registry digests.
  const ids = [...new Set(tagged.map((image) => image.id))];
  const inspected = await docker(cli, [
    "image",
    "inspect",
    "--format",
    "{{.Id}} {{.Size}} {{json .RepoDigests}}",
    ...ids,
  ]);
  const details = new Map<string, { sizeBytes: number; repoDigests: string[] }>();
  for (const line of inspected.split("\n")) {
    const match = /^(\S+) (\d+) (.*)$/.exec(line.trim());
    if (!match) continue;
    let repoDigests: unknown;
    try {
      repoDigests = JSON.parse(match[3] ?? "null");
    } catch {
      repoDigests = null;
    }
    details.set(match[1] ?? "", {
      sizeBytes: Number(match[2]),
      repoDigests: Array.isArray(repoDigests) ? repoDigests.filter((item) => typeof item === "string") : [],
    });
  }
  return tagged.map((image) => {
    const found = details.get(image.id);
    // `name@sha256:…` entries of the reference's own repository: the digests it was pulled by or pushed as.
    const repository = image.reference.slice(0, image.reference.lastIndexOf(":"));
    const repoDigests = (found?.repoDigests ?? []).flatMap((entry) => {
      const at = entry.lastIndexOf("@");
      return entry.slice(0, at) === repository ? [entry.slice(at + 1)] : [];
    });
    return {
      ...image,
      sizeBytes: found?.sizeBytes ?? 0,
      ...(repoDigests.length > 0 ? { repoDigests } : {}),
    };
  });
}

/**
 * Removes an image by ID if nothing refers to it any more (a stale copy a pull has taken the tag from);
 * false when the engine kept it (still tagged, or used by a container).
 */
export async function removeUntaggedImage(cli: DockerCli, id: string): Promise<boolean> {
  // `docker image rm <ID>` of an image with one tag would untag and remove it: only an image without tags
  // (the pull may have brought the very same image back) is removed.
  const tags = await runDocker(cli, ["image", "inspect", "--format", "{{len .RepoTags}}", id]);
  if (tags.exitCode !== 0 || hasTimedOut(tags) || tags.stdout.trim() !== "0") return false;
  const run = await runDocker(cli, ["image", "rm", id]);
  return run.exitCode === 0 && !hasTimedOut(run);
}

/** `docker save -o file reference`; returns the file's size in bytes. */
export async function saveImage(cli: DockerCli, reference: string, file: string): Promise<number> {
  await docker(cli, ["save", "-o", file, reference]);
  return (await stat(file)).size;
}

/**
 * Loads an image file (a path, or a stream for `docker load` to read from its stdin) that should hold
 * `expected` and checks that the reference now points at the expected ID. Anything else (a truncated or
 * garbled file, another image under the key, a stream that broke) throws `ImageLoadError` after undoing
 * the load: references the file brought in are removed, and references it moved are pointed back at the
 * image they had, so no half-loaded or wrong image is left behind. A load that timed out is undone the
 * same way, as far as the engine still answers, and throws
 * `DockerCommandError` (the engine is the problem there, not the file).
 */
export async function loadImage(
  cli: DockerCli,
  source: string | ImageFileStream,
  expected: { reference: string; id: string },
): Promise<void> {
  if (typeof source === "string") {
    const size = await stat(source).then(
      (info) => info.size,
      () => 0,
    );
    if (size === 0) throw new ImageLoadError(`${source} is missing or empty`);
    const prior = await priorReferences(cli);
    const args = ["load", "-i", source];
    return checkLoad(cli, args, await runDocker(cli, args), null, expected, prior);
  }
  const sourceEnded = source.done.then(
    () => null,
    (cause: unknown) => messageOf(cause),
  );
  let prior: Map<string, string>;
  let run: DockerRun;
  const args = ["load"];
  try {
    prior = await priorReferences(cli);
    run = await runDocker(cli, args, source);
  } catch (cause) {
    source.stop();
    throw cause;
  }
  // What broke the stream (a download cut off, a bad archive) is the problem then: the load's own failure
  // ("unexpected EOF") is only its echo.
  let sourceProblem: string | null;
  if (run.exitCode === 0 && !hasTimedOut(run)) {
    // The CLI read its input to the end, so the download and the unpacking have ended too.
    sourceProblem = await sourceEnded;
  } else {
    // A stream that broke ends the load a moment before the stream itself says why.
    sourceProblem = await Promise.race([sourceEnded, realSleep(SOURCE_GRACE_MS, null, { ref: false })]);
    source.stop();
  }
  return checkLoad(cli, args, run, sourceProblem, expected, prior);
}

async function priorReferences(cli: DockerCli): Promise<Map<string, string>> {
  return new Map((await listImages(cli)).map((image) => [image.reference, image.id]));
}

/** Checks what a `docker load` did, and undoes it unless it loaded exactly `expected`. */
async function checkLoad(
  cli: DockerCli,
  args: readonly string[],
  run: DockerRun,
  sourceProblem: string | null,
  expected: { reference: string; id: string },
  prior: ReadonlyMap<string, string>,
): Promise<void> {
  const loadedReferences = [...run.stdout.matchAll(/^Loaded image: (\S+)$/gm)].map((match) => match[1] ?? "");
  const loadedIds = [...run.stdout.matchAll(/^Loaded image ID: (\S+)$/gm)].map((match) => match[1] ?? "");

  let problem: string | null = null;
  let timeout: DockerCommandError | null = null;
  if (hasTimedOut(run)) {
    timeout = timeoutError(args, run);
    // The CLI was stopped before it printed what it loaded, yet the engine may have tagged the image
    // already: the expected reference is undone too.
    if (!loadedReferences.includes(expected.reference)) loadedReferences.push(expected.reference);
  } else if (sourceProblem !== null) {
    problem = `the cache entry could not be read: ${sourceProblem}`;
  } else if (run.exitCode !== 0) {
    problem = `docker load failed: ${tailOf(run).at(-1) ?? `exit ${run.exitCode}`}`;
  } else {
    try {
      const now = await imageId(cli, expected.reference);
      const strangers = loadedReferences.filter((reference) => reference !== expected.reference);
      if (now !== expected.id) {
        problem = `it did not load ${expected.reference} as ${expected.id} (loaded: ${loadedReferences.join(", ") || loadedIds.join(", ") || "nothing"})`;
      } else if (strangers.length > 0) {
        problem = `it also holds ${strangers.join(", ")}`;
      }
    } catch (cause) {
      // Loaded, but the engine stopped answering before the load could be checked: not trusted.
      if (!isDockerTimeout(cause)) throw cause;
      timeout = cause;
    }
  }
  if (problem === null && timeout === null) return;

  const undo = await undoLoad(cli, loadedReferences, loadedIds, prior);
  const undone = [
    undo.undone.length > 0 ? `; undone: ${undo.undone.join(", ")}` : "",
    undo.stoppedBy ? `; not undone further: ${undo.stoppedBy.message}` : "",
  ].join("");
  if (timeout) {
    throw new DockerCommandError(
      `the cached image file for ${expected.reference} was not used: ${timeout.message}${undone}`,
      { args: timeout.args, exitCode: timeout.exitCode, outputTail: timeout.outputTail, timedOut: true },
    );
  }
  throw new ImageLoadError(
    `the cached image file for ${expected.reference} is unusable: ${problem}${undone}`,
  );
}

/** A docker command stopped at its time limit: the engine is not answering. */
export function isDockerTimeout(cause: unknown): cause is DockerCommandError {
  return cause instanceof DockerCommandError && cause.timedOut;
}

async function undoLoad(
  cli: DockerCli,
  references: readonly string[],
  ids: readonly string[],
  prior: ReadonlyMap<string, string>,
): Promise<{ undone: string[]; stoppedBy: DockerCommandError | null }> {
  const undone: string[] = [];
  const priorIds = new Set(prior.values());
  // A step that fails is skipped (the load may not have got that far); one that times out ends the undo,
  // since every further call would wait out its own timeout on an engine that does not answer.
  const step = (args: readonly string[], done: string): Promise<void> =>
    docker(cli, args).then(
      () => void undone.push(done),
      (cause: unknown) => {
        if (isDockerTimeout(cause)) throw cause;
      },
    );
  try {
    for (const reference of references) {
      const before = prior.get(reference);
      if (before && (await imageId(cli, reference)) === before) continue;
      if (before) {
        await step(["tag", before, reference], `${reference} pointed back at ${before}`);
      } else {
        await step(["image", "rm", reference], `removed ${reference}`);
      }
    }
    for (const id of ids) {
      if (priorIds.has(id)) continue;
      await step(["image", "rm", id], `removed ${id}`);
    }
  } catch (cause) {
    if (!isDockerTimeout(cause)) throw cause;
    return { undone, stoppedBy: cause };
  }
  return { undone, stoppedBy: null };
}

/** The ID a reference points at, or null when the engine does not have it. A timeout throws. */
async function imageId(cli: DockerCli, reference: string): Promise<string | null> {
  const args = ["image", "inspect", "--format", "{{.Id}}", reference];
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  return run.exitCode === 0 ? run.stdout.trim() : null;
}

export interface PullRetryOptions {
  /** Total attempts, the first included. */
  readonly maxAttempts: number;
  readonly delayMs: (attemptNumber: number) => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** The classifier's table (user patterns included); the built-in rules by default. */
  readonly rules: readonly Rule[];
}

export const defaultPullRetry: PullRetryOptions = {
  maxAttempts: 3,
  delayMs: exponentialBackoff(5_000, 60_000),
  sleep: (ms) => realSleep(ms),
  log: () => {},
  rules: buildRules(),
};

export interface PullAttempt {
  readonly exitCode: number | null;
  readonly outputTail: readonly string[];
  readonly classification: AttemptClassification;
}

export interface PullResult {
  readonly reference: string;
  readonly pulled: boolean;
  /** Every attempt in order; the last one decides. */
  readonly attempts: readonly PullAttempt[];
}

/**
 * `docker pull`, retried only when the classifier calls the failure infrastructure (a rate limit, an
 * unreachable registry or daemon, and whatever the user's patterns add). Failing is a result, not an
 * exception; only a CLI that cannot start at all throws.
 */
export async function pullImage(
  cli: DockerCli,
  reference: string,
  { retry: options = defaultPullRetry }: { retry?: PullRetryOptions } = {},
): Promise<PullResult> {
  const attempts = await retry<PullAttempt>(
    async () => {
      const args = ["pull", reference];
      const run = await runDocker(cli, args);
      // The timeout is the last line, so it is what a caller quoting the tail shows.
      const timedOutLine = hasTimedOut(run) ? timeoutMessage(args, run.timedOutAfterMs) : null;
      const outputTail = [...tailOf(run), ...(timedOutLine ? [timedOutLine] : [])].slice(-TAIL_LINES);
      const classification = classifyAttempt(
        {
          exitCode: run.exitCode,
          signal: run.signal,
          timedOut: timedOutLine !== null,
          // A pull runs none of the user's code: past its timeout the engine or the registry is stuck.
          runsUserCode: false,
          outputTail,
          junitFiles: [],
        },
        options.rules,
      );
      return {
        exitCode: run.exitCode,
        outputTail,
        classification,
      };
    },
    {
      maxAttempts: options.maxAttempts,
      delayMs: options.delayMs,
      isRetryable: (attempt) => attempt.classification.outcome === "infra-failure",
      describe: (attempt, decision) => describePull(reference, attempt, decision),
      log: options.log,
      sleep: options.sleep,
    },
  );
  return { reference, pulled: attempts.at(-1)?.exitCode === 0, attempts };
}

function describePull(
  reference: string,
  attempt: PullAttempt,
  decision: { attemptNumber: number; maxAttempts: number; retryInMs: number | null },
): string {
  const head = `docker pull ${reference}: attempt ${decision.attemptNumber}/${decision.maxAttempts}`;
  if (attempt.exitCode === 0) return `${head} succeeded`;
  const [failure] = [...attempt.classification.infraFailures, ...attempt.classification.testFailures];
  const why = failure
    ? `${failure.kind} (${failure.evidence.rule}): ${failure.evidence.line ?? failure.evidence.description}`
    : `exit ${attempt.exitCode}`;
  const next =
    decision.retryInMs === null ? "giving up" : `retrying in ${Math.round(decision.retryInMs / 1000)} s`;
  return `${head} failed, ${why}; ${next}`;
}
