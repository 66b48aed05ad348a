// The three goals, checked against one run's results.

import { type FileResult, megabytesPerSecond, seamwatchRun, speedup } from "./compare.ts";
import { BYTES_PER_MB } from "./generate-junit.ts";
import { formatMib } from "./report.ts";

export type Verdict = "PASS" | "MISS" | "NOT MEASURED";

export interface GoalCheck {
  readonly verdict: Verdict;
  readonly goal: string;
  readonly detail: string;
}

const SPEEDUP_GOAL = { sizeMb: 100, factor: 10 } as const;
const THROUGHPUT_GOAL_MB_PER_S = 100;
const RSS_GOAL = { sizeMb: 1000, mib: 150 } as const;

function resultFor(results: readonly FileResult[], sizeMb: number): FileResult | undefined {
  return results.find((result) => result.report.targetMb === sizeMb);
}

function checkSpeedup(results: readonly FileResult[]): GoalCheck {
  const goal = `seamwatch ≥ ${SPEEDUP_GOAL.factor}× the faster whole-document parser on the ${SPEEDUP_GOAL.sizeMb} MB report`;
  const result = resultFor(results, SPEEDUP_GOAL.sizeMb);
  if (!result) return { verdict: "NOT MEASURED", goal, detail: `add ${SPEEDUP_GOAL.sizeMb} to --sizes` };
  const seamwatch = seamwatchRun(result);
  if (!seamwatch?.ok) {
    return { verdict: "MISS", goal, detail: `seamwatch ${seamwatch?.reason ?? "did not run"}` };
  }
  const ratio = speedup(result);
  if (ratio === null) {
    return { verdict: "NOT MEASURED", goal, detail: "neither whole-document parser parsed it" };
  }
  return { verdict: ratio >= SPEEDUP_GOAL.factor ? "PASS" : "MISS", goal, detail: `${ratio.toFixed(1)}×` };
}

/** Judged on the largest report measured: small ones are dominated by start-up and JIT warm-up. */
function checkThroughput(results: readonly FileResult[]): GoalCheck {
  const goal = `seamwatch ≥ ${THROUGHPUT_GOAL_MB_PER_S} MB/s`;
  const largest = results.reduce<FileResult | undefined>(
    (max, result) => (max && max.report.bytes >= result.report.bytes ? max : result),
    undefined,
  );
  if (!largest) return { verdict: "NOT MEASURED", goal, detail: "no report measured" };
  const seamwatch = seamwatchRun(largest);
  const where = `on ${(largest.report.bytes / BYTES_PER_MB).toFixed(0)} MB`;
  if (!seamwatch?.ok) {
    return { verdict: "MISS", goal, detail: `${where}: ${seamwatch?.reason ?? "did not run"}` };
  }
  const rate = megabytesPerSecond(largest.report.bytes, seamwatch);
  const verdict = rate >= THROUGHPUT_GOAL_MB_PER_S ? "PASS" : "MISS";
  return { verdict, goal, detail: `${rate.toFixed(1)} MB/s ${where}` };
}

function checkPeakRss(results: readonly FileResult[]): GoalCheck {
  const goal = `seamwatch peak RSS < ${RSS_GOAL.mib} MiB on the ${RSS_GOAL.sizeMb} MB report`;
  const result = resultFor(results, RSS_GOAL.sizeMb);
  if (!result) return { verdict: "NOT MEASURED", goal, detail: `add ${RSS_GOAL.sizeMb} to --sizes` };
  const entry = result.parsers.find(({ parser }) => parser === "seamwatch");
  if (!entry) return { verdict: "MISS", goal, detail: "seamwatch did not run" };
  if (!entry.outcome.ok) return { verdict: "MISS", goal, detail: `seamwatch ${entry.outcome.reason}` };
  const peak = entry.peakRssBytes ?? entry.outcome.peakRssBytes;
  return { verdict: peak < RSS_GOAL.mib * 1024 * 1024 ? "PASS" : "MISS", goal, detail: formatMib(peak) };
}

/** `baselineRssBytes`: what Node takes before any parser loads, shown beside the RSS goal. */
export function checkGoals(results: readonly FileResult[], baselineRssBytes: number | null): GoalCheck[] {
  const rss = checkPeakRss(results);
  const baseline = baselineRssBytes === null ? "" : ` (Node alone: ${formatMib(baselineRssBytes)})`;
  const rssWithBaseline =
    rss.verdict === "NOT MEASURED" ? rss : { ...rss, detail: `${rss.detail}${baseline}` };
  return [checkSpeedup(results), checkThroughput(results), rssWithBaseline];
}

export function formatGoal(check: GoalCheck): string {
  return `  ${check.verdict.padEnd(12)} ${check.goal}: ${check.detail}`;
}
