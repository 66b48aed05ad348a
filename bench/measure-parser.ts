// Child-process entry: measures one parser on one file and prints one JSON line (a ChildReport) on stdout.
// Running each measurement in its own process makes the peak RSS that parser's alone, and lets the parent
// survive a parser that runs the process out of memory.
// Usage (bundled by run-child.ts): node .bench/measure-parser.mjs <parser> <file>

import type { ChildReport } from "./measurement.ts";
import { isMeasuredName, loadParser } from "./parsers.ts";

function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
}

async function measure(parserName: string | undefined, path: string | undefined): Promise<ChildReport> {
  if (!isMeasuredName(parserName) || path === undefined) {
    throw new Error(`usage: measure-parser.ts <seamwatch|xml2js|xml-js|baseline> <file>, got ${parserName}`);
  }
  const countTestCases = await loadParser(parserName);
  const started = performance.now();
  const testCases = await countTestCases(path);
  const seconds = (performance.now() - started) / 1000;
  return { ok: true, testCases, seconds, peakRssBytes: peakRssBytes() };
}

function report(result: ChildReport): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

try {
  report(await measure(process.argv[2], process.argv[3]));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  report({ ok: false, error: message, peakRssBytes: peakRssBytes() });
  process.exitCode = 1;
}
