// The streaming bound: a report far larger than the heap we allow is parsed in a child process whose V8
// heap is capped well below the file's size. A parser that held the document, or every test case, would
// die with "JavaScript heap out of memory".

import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const SUITES = 3_000;
const TESTS_PER_SUITE = 100;
const FAILING_EVERY = 20;
const HUGE_OUTPUT_CHARS = 64 * 1024 * 1024;

let dir: string;
let report: string;

async function writeLargeReport(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="large">\n`);
  const trace = Array.from(
    { length: 30 },
    (_, i) => `    at com.acme.Service.step${i}(Service.java:${i + 10})`,
  ).join("\n");
  for (let s = 0; s < SUITES; s++) {
    let suite = `  <testsuite name="com.acme.Suite${s}ŝ" tests="${TESTS_PER_SUITE}" time="1.5">\n`;
    for (let t = 0; t < TESTS_PER_SUITE; t++) {
      const name = `handles case ${t} &#x1F680; &amp; more`;
      if (t % FAILING_EVERY === 0) {
        suite += `    <testcase classname="com.acme.Suite${s}" name="${name}" time="0.01"><failure message="expected &lt;1&gt; but was &lt;2&gt;" type="AssertionError">org.opentest4j.AssertionFailedError: expected 1\n${trace}</failure><system-out><![CDATA[log line\nanother]]></system-out></testcase>\n`;
      } else {
        suite += `    <testcase classname="com.acme.Suite${s}" name="${name}" time="0.01"/>\n`;
      }
    }
    await write(`${suite}  </testsuite>\n`);
  }
  // One test case with output far beyond the cap: it must be truncated while streaming, never buffered.
  await write(`  <testsuite name="noisy"><testcase classname="Noisy" name="prints a lot"><system-out>`);
  const line = `${"x".repeat(1023)}\n`;
  for (let written = 0; written < HUGE_OUTPUT_CHARS; written += line.length * 1024)
    await write(line.repeat(1024));
  await write(`</system-out></testcase></testsuite>\n</testsuites>\n`);
  out.end();
  await once(out, "finish");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seamwatch-memory-"));
  report = join(dir, "large.xml");
  await writeLargeReport(report);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("parses a report several times larger than its heap limit, counting every test", async () => {
  const sizeMb = statSync(report).size / 1024 / 1024;
  expect(sizeMb).toBeGreaterThan(100);
  const result = await runCli(["parse", report, "--json", "--no-testcases"], {
    nodeArgs: ["--max-old-space-size=48"],
  });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const { totals, files } = JSON.parse(result.stdout);
  const tests = SUITES * TESTS_PER_SUITE + 1;
  const failed = SUITES * (TESTS_PER_SUITE / FAILING_EVERY);
  expect(totals).toMatchObject({ tests, failed, passed: tests - failed, errored: 0, skipped: 0, flaky: 0 });
  expect(files[0]).toMatchObject({ incomplete: false, error: null, dialect: "generic" });
}, 180_000);
