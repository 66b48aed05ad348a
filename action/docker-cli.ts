// The Docker side of the image cache: list, save, load and pull images with the `docker` CLI. Which
// engine is used comes from the environment handed in (DOCKER_HOST, DOCKER_CONTEXT...), never from
// globals, so tests point it at an engine of their own.
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { setTimeout as realSleep } from "node:timers/promises";
import {
  type AttemptClassification,
  buildRules,
  classifyAttempt,
  type Rule,
} from "../core/classify/index.ts";
import type { LocalImage } from "../core/images/index.ts";
import { exponentialBackoff, retry } from "./retry.ts";

export interface DockerCli {
  /** Environment of every `docker` call; DOCKER_HOST picks the engine. */
  readonly env: NodeJS.ProcessEnv;
  /** The CLI to run; `docker` from PATH by default. */
  readonly command?: string;
}

/** `docker` could not be started, or a command of it failed. Keeps the command's last output lines. */
export class DockerCommandError extends Error {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly outputTail: readonly string[];
  constructor(
    message: string,
    details: { args: readonly string[]; exitCode: number | null; outputTail: readonly string[] },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "DockerCommandError";
    this.args = details.args;
    this.exitCode = details.exitCode;
    this.outputTail = details.outputTail;
  }
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
}

// Pull progress can run to thousands of lines; the classifier needs only the end.
const TAIL_LINES = 200;

function runDocker(cli: DockerCli, args: readonly string[]): Promise<DockerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli.command ?? "docker", args, { env: cli.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", (cause) => {
      reject(
        new DockerCommandError(
          `could not run docker ${args[0] ?? ""}: ${cause.message}`,
          { args, exitCode: null, outputTail: [] },
          { cause },
        ),
      );
    });
    child.once("close", (exitCode, signal) => {
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

function tailOf(run: DockerRun): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .slice(-TAIL_LINES);
}

/** Runs docker and returns its stdout; a non-zero exit throws `DockerCommandError` with the output. */
async function docker(cli: DockerCli, args: readonly string[]): Promise<string> {
  const run = await runDocker(cli, args);
  if (run.exitCode === 0) return run.stdout;
  const tail = tailOf(run);
  throw new DockerCommandError(
    `docker ${args[0] ?? ""} failed (${run.signal ? `signal ${run.signal}` : `exit ${run.exitCode}`}): ${tail.at(-1) ?? "no output"}`,
    { args, exitCode: run.exitCode, outputTail: tail },
  );
}

/** Tagged images in the engine. Untagged and digest-only images have no reference to cache them under. */
export async function listImages(cli: DockerCli): Promise<LocalImage[]> {
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
  // `ls` prints sizes rounded for people; `inspect` has the bytes.
  const ids = [...new Set(tagged.map((image) => image.id))];
  const inspected = await docker(cli, ["image", "inspect", "--format", "{{.Id}} {{.Size}}", ...ids]);
  const sizes = new Map(
    inspected
      .split("\n")
      .map((line) => line.trim().split(" "))
      .filter((parts) => parts.length === 2)
      .map(([id, size]) => [id ?? "", Number(size)]),
  );
  return tagged.map((image) => ({ ...image, sizeBytes: sizes.get(image.id) ?? 0 }));
}

/** `docker save -o file reference`; returns the file's size in bytes. */
export async function saveImage(cli: DockerCli, reference: string, file: string): Promise<number> {
  await docker(cli, ["save", "-o", file, reference]);
  return (await stat(file)).size;
}

/**
 * Loads an image file that should hold `expected` and checks that the reference now points at the
 * expected ID. Anything else (a truncated or garbled file, another image under the key) throws
 * `ImageLoadError` after undoing the load: references the file brought in are removed, and references it
 * moved are pointed back at the image they had, so no half-loaded or wrong image is left behind.
 */
export async function loadImage(
  cli: DockerCli,
  file: string,
  expected: { reference: string; id: string },
): Promise<void> {
  const size = await stat(file).then(
    (info) => info.size,
    () => 0,
  );
  if (size === 0) throw new ImageLoadError(`${file} is missing or empty`);
  const prior = new Map((await listImages(cli)).map((image) => [image.reference, image.id]));
  const run = await runDocker(cli, ["load", "-i", file]);
  const loadedReferences = [...run.stdout.matchAll(/^Loaded image: (\S+)$/gm)].map((match) => match[1] ?? "");
  const loadedIds = [...run.stdout.matchAll(/^Loaded image ID: (\S+)$/gm)].map((match) => match[1] ?? "");

  let problem: string | null = null;
  if (run.exitCode !== 0) {
    problem = `docker load failed: ${tailOf(run).at(-1) ?? `exit ${run.exitCode}`}`;
  } else {
    const now = await imageId(cli, expected.reference);
    const strangers = loadedReferences.filter((reference) => reference !== expected.reference);
    if (now !== expected.id) {
      problem = `it did not load ${expected.reference} as ${expected.id} (loaded: ${loadedReferences.join(", ") || loadedIds.join(", ") || "nothing"})`;
    } else if (strangers.length > 0) {
      problem = `it also holds ${strangers.join(", ")}`;
    }
  }
  if (problem === null) return;

  const undone = await undoLoad(cli, loadedReferences, loadedIds, prior);
  throw new ImageLoadError(
    `the cached image file for ${expected.reference} is unusable: ${problem}${undone.length > 0 ? `; undone: ${undone.join(", ")}` : ""}`,
  );
}

async function undoLoad(
  cli: DockerCli,
  references: readonly string[],
  ids: readonly string[],
  prior: ReadonlyMap<string, string>,
): Promise<string[]> {
  const undone: string[] = [];
  const priorIds = new Set(prior.values());
  for (const reference of references) {
    const before = prior.get(reference);
    if (before && (await imageId(cli, reference)) === before) continue;
    if (before) {
      await docker(cli, ["tag", before, reference]).then(
        () => undone.push(`${reference} pointed back at ${before}`),
        () => undefined,
      );
    } else {
      await docker(cli, ["image", "rm", reference]).then(
        () => undone.push(`removed ${reference}`),
        () => undefined,
      );
    }
  }
  for (const id of ids) {
    if (priorIds.has(id)) continue;
    await docker(cli, ["image", "rm", id]).then(
      () => undone.push(`removed ${id}`),
      () => undefined,
    );
  }
  return undone;
}

/** The ID a reference points at, or null when the engine does not have it. */
async function imageId(cli: DockerCli, reference: string): Promise<string | null> {
  const run = await runDocker(cli, ["image", "inspect", "--format", "{{.Id}}", reference]);
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
      const run = await runDocker(cli, ["pull", reference]);
      const outputTail = tailOf(run);
      const classification = classifyAttempt(
        { exitCode: run.exitCode, signal: run.signal, timedOut: false, outputTail, junitFiles: [] },
        options.rules,
      );
      return { exitCode: run.exitCode, outputTail, classification };
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
