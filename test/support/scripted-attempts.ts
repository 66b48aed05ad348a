// Drives the real attempt loop (runner/attempt-loop.ts) with attempts written in advance instead of a
// command: the loop classifies, retries and merges them exactly as it does a real run's.
import type { AttemptEvidence, Rule } from "../../core/classify/index.ts";
import type { RunResult } from "../../core/run/index.ts";
import { runAttempts } from "../../runner/attempt-loop.ts";

export interface ScriptedAttempt {
  readonly evidence: AttemptEvidence;
  /** Default 1000. */
  readonly durationMs?: number;
}

export interface ScriptedRun {
  readonly result: RunResult;
  /** The loop's log, one line per attempt. */
  readonly log: readonly string[];
  /** The delays the loop waited between attempts. */
  readonly delays: readonly number[];
}

/**
 * Runs the loop over `attempts`, one per run of the command. Fails when the loop asks for an attempt the
 * script does not have, or stops before it has used them all: the script then says something the loop
 * does not do.
 */
export async function runScripted(
  attempts: readonly (ScriptedAttempt | AttemptEvidence)[],
  options: { maxAttempts?: number; rules?: readonly Rule[] } = {},
): Promise<ScriptedRun> {
  const log: string[] = [];
  const delays: number[] = [];
  let used = 0;
  const { result } = await runAttempts({
    runAttempt: async (number) => {
      const scripted = attempts[number - 1];
      if (!scripted)
        throw new Error(`the loop asked for attempt ${number}; the script has ${attempts.length}`);
      used = number;
      const attempt = "evidence" in scripted ? scripted : { evidence: scripted };
      return { durationMs: attempt.durationMs ?? 1000, evidence: attempt.evidence, cancelled: false };
    },
    maxAttempts: options.maxAttempts ?? attempts.length,
    retryDelayMs: (number) => 1000 * number,
    ...(options.rules ? { rules: options.rules } : {}),
    log: (line) => log.push(line),
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  if (used !== attempts.length) {
    throw new Error(`the loop stopped after attempt ${used}; the script has ${attempts.length}`);
  }
  return { result, log, delays };
}
