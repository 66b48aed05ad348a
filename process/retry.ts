// The one retry loop of seamwatch: bounded attempts, a delay between them, an `isRetryable` predicate on
// each attempt's result, and exactly one log line per attempt. Everything that retries goes through it.

export interface RetryDecision {
  /** 1-based number of the attempt that just finished. */
  readonly attemptNumber: number;
  readonly maxAttempts: number;
  /** Milliseconds before the next attempt; null when no attempt follows. */
  readonly retryInMs: number | null;
}

export interface RetryOptions<T> {
  /** Total attempts allowed, the first included (1 = never retry). */
  readonly maxAttempts: number;
  /** Delay after attempt `attemptNumber` failed, before the next one starts. */
  readonly delayMs: (attemptNumber: number) => number;
  readonly isRetryable: (result: T, attemptNumber: number) => boolean;
  /** The attempt's log line, told whether another attempt follows. */
  readonly describe: (result: T, decision: RetryDecision) => string;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  /** Once aborted, no further attempt starts (a pending delay is cut short); the results so far return. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `attempt` until its result is not retryable or the attempts run out, and returns every result in
 * order (the last one decides). An exception from `attempt` is not a result: it ends the loop and is thrown.
 */
export async function retry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions<T>,
): Promise<T[]> {
  checkMaxAttempts(options.maxAttempts);
  const results: T[] = [];
  for (let attemptNumber = 1; ; attemptNumber++) {
    const result = await attempt(attemptNumber);
    results.push(result);
    const again =
      attemptNumber < options.maxAttempts &&
      !options.signal?.aborted &&
      options.isRetryable(result, attemptNumber);
    const retryInMs = again ? Math.max(0, options.delayMs(attemptNumber)) : null;
    options.log(options.describe(result, { attemptNumber, maxAttempts: options.maxAttempts, retryInMs }));
    if (retryInMs === null) return results;
    await untilAborted(options.sleep(retryInMs), options.signal);
    if (options.signal?.aborted) return results;
  }
}

/** Throws a `RangeError` unless `maxAttempts` is a whole number of at least 1. */
export function checkMaxAttempts(maxAttempts: number): void {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
  }
}

function untilAborted(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    work.then(done, (cause: unknown) => {
      signal.removeEventListener("abort", done);
      reject(cause);
    });
  });
}

/** `baseMs`, then twice that, and so on, never more than `capMs`. Attempt 1's failure waits `baseMs`. */
export function exponentialBackoff(baseMs: number, capMs = 5 * 60_000): (attemptNumber: number) => number {
  return (attemptNumber) => Math.min(capMs, baseMs * 2 ** Math.max(0, attemptNumber - 1));
}
