// `npm run bench:junit`: seamwatch's streaming JUnit reader against the whole-document parsers that other
// reporting actions use, on generated reports of about 10 MB, 100 MB and 1 GB. Timings on a shared CI machine
// are noisy, so the figures that matter are the ratios measured side by side in one run.

import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { compareParsers, type FileResult } from "./compare.ts";
import { ensureReport } from "./generate-junit.ts";
import { checkGoals, formatGoal } from "./goals.ts";
import { type BenchOptions, parseOptions, USAGE } from "./options.ts";
import { countDisagreement, formatFileResult, formatMib, formatReportHeading } from "./report.ts";
import { measureInChild } from "./run-child.ts";

/** Gitignored; reports are kept between runs because the 1 GB one takes a while to write. */
const REPORT_DIR = fileURLToPath(new URL("../.bench/", import.meta.url));

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function readOptions(): BenchOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

/** Every peak RSS includes Node itself; this measures how much of it that is. */
async function measureBaselineRss(options: BenchOptions): Promise<number | null> {
  const baseline = await measureInChild("baseline", fileURLToPath(import.meta.url), options.timeoutMs);
  log(`Node alone: peak RSS ${baseline.ok ? formatMib(baseline.peakRssBytes) : baseline.reason}`);
  return baseline.ok ? baseline.peakRssBytes : null;
}

async function benchmarkSize(sizeMb: number, options: BenchOptions): Promise<FileResult> {
  log(`\n== ~${sizeMb} MB report`);
  const report = await ensureReport(REPORT_DIR, sizeMb, options.regenerate);
  log(formatReportHeading(report));
  const result = await compareParsers(report, options.repeat, options.timeoutMs, log);
  log(formatFileResult(result));
  const disagreement = countDisagreement(result);
  if (disagreement) log(disagreement);
  return result;
}

async function main(): Promise<void> {
  const options = readOptions();
  log(`Node ${process.version}, ${cpus().length} cores, ${formatMib(totalmem())} RAM`);
  log(`sizes ${options.sizesMb.join(", ")} MB; best of ${options.repeat}; MB = 10^6 bytes, MiB = 2^20 bytes`);
  const baselineRssBytes = await measureBaselineRss(options);
  const results: FileResult[] = [];
  for (const sizeMb of options.sizesMb) results.push(await benchmarkSize(sizeMb, options));
  log("\n== Goals");
  for (const check of checkGoals(results, baselineRssBytes)) log(formatGoal(check));
}

await main();
