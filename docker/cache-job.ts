// What a restore and a save of the image cache both start from: their options in common, a checked key
// prefix, the log, the clock, the warnings, and how many images are handled at once.
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { checkKeyPrefix } from "../core/images/index.ts";
import type { DockerCli } from "./docker-cli.ts";
import type { ImageStore } from "./image-store.ts";

export interface CacheJobOptions {
  readonly store: ImageStore;
  readonly docker: DockerCli;
  /** Key prefix, usually `defaultKeyPrefix(process)`. */
  readonly prefix: string;
  /** Images named by the user (`images` input). */
  readonly listed: readonly string[];
  /** Where entries are unpacked and written; a fresh temp directory by default. Emptied afterwards. */
  readonly workDir?: string;
  /** Images handled at once; min(4, CPUs) by default. */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
  /** Milliseconds, for the reported durations. */
  readonly now?: () => number;
}

export interface CacheJob {
  readonly store: ImageStore;
  readonly docker: DockerCli;
  readonly prefix: string;
  readonly log: (line: string) => void;
  readonly now: () => number;
  /** Images handled at once. */
  readonly concurrency: number;
  /** Every warning so far, in order; each is also logged. */
  readonly warnings: readonly string[];
  readonly warn: (message: string) => void;
}

/** Throws `CacheKeyError` for a bad prefix, before anything runs. */
export function startJob(options: CacheJobOptions): CacheJob {
  const log = options.log ?? (() => {});
  const warnings: string[] = [];
  return {
    store: options.store,
    docker: options.docker,
    prefix: checkKeyPrefix(options.prefix),
    log,
    now: options.now ?? (() => performance.now()),
    concurrency: Math.max(1, options.concurrency ?? Math.min(4, availableParallelism())),
    warnings,
    warn: (message) => {
      warnings.push(message);
      log(`warning: ${message}`);
    },
  };
}

/** Seconds since `started` (a `now()` reading), to the millisecond. */
export function secondsSince(job: Pick<CacheJob, "now">, started: number): number {
  return Math.round(job.now() - started) / 1000;
}

export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

/** Runs the works handed to it at most `limit` at a time, in the order they were handed in. */
export function limited(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` only drops when nobody waits.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Runs `work` on every item, at most `limit` at a time; results in the items' order. */
export function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const slot = limited(limit);
  return Promise.all(items.map((item) => slot(() => work(item))));
}
