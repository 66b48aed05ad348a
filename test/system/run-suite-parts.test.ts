// The engine's small parts on their own: the retry loop, the bounded output tail, and report discovery.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exponentialBackoff, retry } from "../../process/retry.ts";
import { OutputTail } from "../../runner/output-tail.ts";
import { findReports, setAside } from "../../runner/report-files.ts";

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

describe("OutputTail", () => {
  it("joins lines split across chunks and multi-byte characters split across chunks, per stream", () => {
    const tail = new OutputTail();
    const euro = Buffer.from("€");
    tail.write(Buffer.from("conn"), "stdout");
    tail.write(Buffer.from("warning: slow\n"), "stderr");
    tail.write(Buffer.concat([Buffer.from("ect ECONNREFUSED "), euro.subarray(0, 1)]), "stdout");
    tail.write(Buffer.concat([euro.subarray(1), Buffer.from("\r\nlast")]), "stdout");
    expect(tail.end()).toEqual(["warning: slow", "connect ECONNREFUSED €", "last"]);
  });

  it("keeps only the last lines within the line, byte and line-length limits", () => {
    const tail = new OutputTail({ maxLines: 3, maxBytes: 1000, maxLineLength: 5 });
    for (let i = 0; i < 10; i++) tail.write(Buffer.from(`line ${i} is long\n`), "stdout");
    expect(tail.end()).toEqual(["line ", "line ", "line "]);
    const byBytes = new OutputTail({ maxLines: 100, maxBytes: 12, maxLineLength: 100 });
    byBytes.write(Buffer.from("aaaa\nbbbb\ncccc\n"), "stdout");
    expect(byBytes.end()).toEqual(["bbbb", "cccc"]);
  });
});

describe("findReports and setAside", () => {
  it("finds existing reports, skips node_modules and ! patterns, and moves them keeping their layout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "seamwatch-reports-"));
    for (const path of [
      "junit.xml",
      "a/test-results/x.xml",
      "node_modules/p/junit.xml",
      "legacy/junit-old.xml",
    ]) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), "<testsuite/>");
    }
    const found = await findReports(
      ["**/junit*.xml", "**/test-results/**/*.xml", "!legacy/**", "missing.xml"],
      dir,
    );
    expect(found).toEqual(["junit.xml", "a/test-results/x.xml"]);

    const aside = mkdtempSync(join(tmpdir(), "seamwatch-aside-"));
    expect(await setAside(found, dir, join(aside, "attempt-1"))).toBe(2);
    expect(await findReports(["**/junit*.xml", "**/test-results/**/*.xml", "!legacy/**"], dir)).toEqual([]);
    expect(await findReports(["**/*.xml"], join(aside, "attempt-1"))).toEqual([
      "a/test-results/x.xml",
      "junit.xml",
    ]);
  });
});
