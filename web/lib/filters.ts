// The overview's and test page's filters, kept in the URL so that links can be shared: `?branch=…&range=30d`.
import { DAY_MS } from "../../store/queries.ts";

export const RANGES = [
  { key: "7d", days: 7, label: "7 days" },
  { key: "14d", days: 14, label: "14 days" },
  { key: "30d", days: 30, label: "30 days" },
  { key: "90d", days: 90, label: "90 days" },
  { key: "180d", days: 180, label: "180 days" },
] as const;

export type RangeKey = (typeof RANGES)[number]["key"];
export const DEFAULT_RANGE: RangeKey = "30d";

export interface Filters {
  /** "" for runs that named no branch. */
  readonly branch: string;
  readonly range: (typeof RANGES)[number];
  /** Epoch ms: the range is [since, until). */
  readonly since: number;
  readonly until: number;
  /** UTC day numbers, inclusive, as the rollups key them. */
  readonly fromDay: number;
  readonly toDay: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Branches in the order the filter shows them: the default branch first, then the most recently run. */
export function orderBranches<T extends { branch: string }>(
  branches: readonly T[],
  defaultBranch: string | null,
): T[] {
  const first = branches.filter((entry) => entry.branch === defaultBranch);
  return [...first, ...branches.filter((entry) => entry.branch !== defaultBranch)];
}

export function readFilters(
  params: SearchParams,
  options: { branches: readonly string[]; defaultBranch: string | null; now: number },
): Filters {
  const askedBranch = firstParam(params, "branch");
  const branch =
    askedBranch !== undefined
      ? askedBranch
      : options.defaultBranch && options.branches.includes(options.defaultBranch)
        ? options.defaultBranch
        : (options.branches[0] ?? options.defaultBranch ?? "main");
  const range =
    RANGES.find((candidate) => candidate.key === firstParam(params, "range")) ?? rangeOf(DEFAULT_RANGE);
  const until = options.now;
  const since = until - range.days * DAY_MS;
  return {
    branch,
    range,
    since,
    until,
    fromDay: Math.floor(since / DAY_MS),
    toDay: Math.floor(until / DAY_MS),
  };
}

function rangeOf(key: RangeKey): (typeof RANGES)[number] {
  return RANGES.find((range) => range.key === key) as (typeof RANGES)[number];
}

/** The query string of filters, leaving out what is the default. */
export function filterQuery(
  filters: { branch?: string | null; range?: string | null },
  defaultBranch: string | null,
): string {
  const params = new URLSearchParams();
  if (filters.branch !== undefined && filters.branch !== null && filters.branch !== defaultBranch) {
    params.set("branch", filters.branch);
  }
  if (filters.range && filters.range !== DEFAULT_RANGE) params.set("range", filters.range);
  const text = params.toString();
  return text ? `?${text}` : "";
}
