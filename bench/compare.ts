// Measures every parser on one report, side by side: runs are interleaved (seamwatch, xml2js, xml-js, then
// again), so a noisy stretch on this shared 2-core machine hurts all parsers alike rather than one of them.

import { BYTES_PER_MB, type EnsuredReport } from "./generate-junit.ts";
import type { Measurement, Success } from "./measurement.ts";
import { PARSERS, type ParserName } from "./parsers.ts";
import { measureInChild } from "./run-child.ts";

export interface ParserResult {
  readonly parser: ParserName;
  /** The fastest run, or why the parser could not parse the file. */
  readonly outcome: Measurement;
  /** The highest peak RSS over all runs: memory goals should not benefit from taking the best of N. */
  readonly peakRssBytes: number | null;
}

export interface FileResult {
  readonly report: EnsuredReport;
  readonly parsers: readonly ParserResult[];
}

export const WHOLE_DOCUMENT_PARSERS: readonly ParserName[] = ["xml2js", "xml-js"];

export function megabytesPerSecond(bytes: number, run: Success): number {
  return bytes / BYTES_PER_MB / run.seconds;
}

function better(current: ParserResult | undefined, parser: ParserName, run: Measurement): ParserResult {
  if (!run.ok) return { parser, outcome: run, peakRssBytes: current?.peakRssBytes ?? null };
  const previous = current?.outcome;
  const fastest = previous?.ok && previous.seconds <= run.seconds ? previous : run;
  return { parser, outcome: fastest, peakRssBytes: Math.max(current?.peakRssBytes ?? 0, run.peakRssBytes) };
}

export async function compareParsers(
  report: EnsuredReport,
  repeat: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<FileResult> {
  const results = new Map<ParserName, ParserResult>();
  for (let run = 1; run <= repeat; run++) {
    for (const parser of PARSERS) {
      const current = results.get(parser);
      // A parser that failed once (out of memory, string too long) would only fail again, slowly.
      if (current && !current.outcome.ok) continue;
      const started = performance.now();
      const measurement = await measureInChild(parser, report.path, timeoutMs);
      const wall = ((performance.now() - started) / 1000).toFixed(1);
      log(`  run ${run}/${repeat} ${parser}: ${measurement.ok ? "ok" : measurement.reason} (${wall} s wall)`);
      results.set(parser, better(current, parser, measurement));
    }
  }
  return { report, parsers: PARSERS.map((parser) => results.get(parser) as ParserResult) };
}

/** The faster of the whole-document parsers that managed the file, or null when neither did. */
export function fasterWholeDocument(result: FileResult): { parser: ParserName; run: Success } | null {
  let best: { parser: ParserName; run: Success } | null = null;
  for (const { parser, outcome } of result.parsers) {
    if (!WHOLE_DOCUMENT_PARSERS.includes(parser) || !outcome.ok) continue;
    if (best === null || outcome.seconds < best.run.seconds) best = { parser, run: outcome };
  }
  return best;
}

export function seamwatchRun(result: FileResult): Measurement | undefined {
  return result.parsers.find((entry) => entry.parser === "seamwatch")?.outcome;
}

/** seamwatch's throughput divided by the faster whole-document parser's, when both parsed the file. */
export function speedup(result: FileResult): number | null {
  const seamwatch = seamwatchRun(result);
  const rival = fasterWholeDocument(result);
  if (!seamwatch?.ok || rival === null) return null;
  return rival.run.seconds / seamwatch.seconds;
}
