// `seamwatch db copy`: every row of one dashboard database into another, empty one, through the two engines
// (SQLite to PostgreSQL to move an installation, or back). Ids are kept, so links to runs and tests stay the
// same. The target is written in one transaction: a copy that fails leaves it empty.
import { type Database, StoreError } from "./database.ts";
import { tableColumns } from "./schema.ts";

/** Each table's key, in the order its rows are read (and the copy resumes a page after the last one). */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  projects: ["id"],
  upload_tokens: ["id"],
  runs: ["id"],
  run_attempts: ["run_id", "number"],
  tests: ["id"],
  test_states: ["project_id", "chunk"],
  failure_messages: ["id"],
  test_results: ["run_id", "test_id"],
  infra_events: ["id"],
  test_daily_rollups: ["project_id", "branch", "day", "test_id"],
  oidc_policies: ["project_id"],
};

const PAGE = 5000;

export type CopyProgress = (table: string, rows: number) => void;

/** Copies every table; the rows copied, by table. */
export async function copyDatabase(
  source: Database,
  target: Database,
  progress: CopyProgress = () => undefined,
): Promise<Map<string, number>> {
  const stored = await target.get<{ count: number }>(
    "SELECT (SELECT COUNT(*) FROM projects) + (SELECT COUNT(*) FROM runs) AS count",
  );
  if ((stored?.count ?? 0) > 0) {
    throw new StoreError("the database to copy into already holds projects or runs: copy into an empty one");
  }
  // PostgreSQL: every month of results needs its partition before the transaction writes to it.
  const span = await source.get<{ first: number | null; last: number | null }>(
    "SELECT MIN(started_at) AS first, MAX(started_at) AS last FROM test_results",
  );
  if (span?.first != null && span.last != null) {
    const last = new Date(span.last);
    for (
      let month = new Date(
        Date.UTC(new Date(span.first).getUTCFullYear(), new Date(span.first).getUTCMonth(), 1),
      );
      month <= last;
      month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
    ) {
      await target.prepareResults(month.getTime());
    }
  }
  const copied = new Map<string, number>();
  await target.transaction(async (tx) => {
    for (const { table, columns: all } of tableColumns) {
      // Columns both databases have (SQLite's rowid of test_results is its own).
      const columns = all.filter((column) => column.only === null).map((column) => column.name);
      const key = KEYS[table];
      if (!key) throw new StoreError(`no key to copy ${table} by`);
      const order = key.join(", ");
      const after = `(${key.join(", ")}) > (${key.map(() => "?").join(", ")})`;
      let last: unknown[] | null = null;
      let count = 0;
      for (;;) {
        const rows: Record<string, unknown>[] = await source.all<Record<string, unknown>>(
          `SELECT ${columns.join(", ")} FROM ${table}${last ? ` WHERE ${after}` : ""} ORDER BY ${order} LIMIT ${PAGE}`,
          last ?? [],
        );
        if (rows.length === 0) break;
        await tx.insertMany(
          table,
          columns,
          rows.map((row) => columns.map((column) => row[column])),
        );
        count += rows.length;
        progress(table, count);
        const end = rows[rows.length - 1] as Record<string, unknown>;
        last = key.map((column) => end[column]);
        if (rows.length < PAGE) break;
      }
      copied.set(table, count);
    }
    await tx.afterCopy();
  });
  // Fresh tables have no statistics yet: the pages' plans need them from the first request.
  await target.settle();
  return copied;
}
