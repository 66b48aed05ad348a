// The one retry loop: bounded attempts, a delay between them, one log line per attempt, and an abort that
// starts no further attempt.
import { describe, expect, it } from "vitest";
import { exponentialBackoff, retry } from "../../process/retry.ts";

describe("retry", () => {
  it("stops at the first result that is not retryable, one log line per attempt, delays in between", async () => {
    const delays: number[] = [];
    const lines: string[] = [];
    const results = await retry(async (n) => (n < 3 ? "flaky" : "ok"), {
      maxAttempts: 5,
      delayMs: exponentialBackoff(1000),
      isRetryable: (result) => result === "flaky",
      describe: (result, decision) => `${decision.attemptNumber}:${result}:${decision.retryInMs}`,
      log: (line) => lines.push(line),
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(results).toEqual(["flaky", "flaky", "ok"]);
    expect(lines).toEqual(["1:flaky:1000", "2:flaky:2000", "3:ok:null"]);
    expect(delays).toEqual([1000, 2000]);
  });

  it("never exceeds maxAttempts", async () => {
    const results = await retry(async () => "down", {
      maxAttempts: 2,
      delayMs: () => 0,
      isRetryable: () => true,
      describe: () => "",
      log: () => {},
      sleep: async () => {},
    });
    expect(results).toHaveLength(2);
  });

  it("starts no further attempt once aborted, even in the middle of a delay", async () => {
    const controller = new AbortController();
    const results = await retry(async () => "down", {
      maxAttempts: 5,
      delayMs: () => 60_000,
      isRetryable: () => true,
      describe: () => "",
      log: () => {},
      // A delay that would never end on its own.
      sleep: () => {
        controller.abort();
        return new Promise(() => {});
      },
      signal: controller.signal,
    });
    expect(results).toEqual(["down"]);
  });

  it("caps the exponential backoff", () => {
    const delay = exponentialBackoff(5000, 12_000);
    expect([1, 2, 3, 4].map(delay)).toEqual([5000, 10_000, 12_000, 12_000]);
  });
});
