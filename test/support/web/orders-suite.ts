// The small JUnit suite the data module's tests upload: tests of an "Orders" class with the durations given,
// or failing, planned into the record that ingest stores.
import { planRunRecord, type RunRecord, runReportFromJunit } from "../../../core/history/index.ts";
import { ciContext } from "./ci.ts";
import { parseXml } from "./junit-files.ts";

/** A Monday morning (UTC) the tests' uploads are dated from. */
export const MONDAY = Date.UTC(2026, 2, 2, 9);

/** Full scans of these tables grow with history: every read the pages make must search an index. */
export const BIG_TABLES = [
  "test_results",
  "test_daily_rollups",
  "runs",
  "tests",
  "infra_events",
  "failure_messages",
];

/** `<testsuite name="orders">` with a test case per entry: its duration in ms, or "fail". */
export function ordersSuite(durations: Record<string, number | "fail">): string {
  const cases = Object.entries(durations).map(([name, value]) =>
    value === "fail"
      ? `<testcase classname="Orders" name="${name}" time="0.5"><failure message="expected 200 to equal 500" type="AssertionError">AssertionError: expected 200 to equal 500</failure></testcase>`
      : `<testcase classname="Orders" name="${name}" time="${value / 1000}"/>`,
  );
  return `<testsuite name="orders">${cases.join("")}</testsuite>`;
}

/** The suite as one run's record, as the ingest routes plan it. */
export function ordersRecord(
  xml: string,
  run: string,
  startedAt: number,
  over: Parameters<typeof ciContext>[0] = {},
): RunRecord {
  return planRunRecord(
    runReportFromJunit([parseXml("orders.xml", xml)], {
      ci: ciContext({ runId: run, ...over }),
      startedAt: new Date(startedAt),
    }),
  );
}
