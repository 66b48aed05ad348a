// The filters of a page about a project: its branch, and the time range as links, so that every view has
// a URL to share.
import Link from "next/link";
import type { BranchSummary } from "../../store/queries.ts";
import { type Filters, filterQuery, RANGES } from "../lib/filters.ts";
import { BranchSelect } from "./filters.tsx";
import styles from "./ui.module.css";

export function ViewFilters({
  path,
  filters,
  branches,
  defaultBranch,
}: {
  /** The page the filters apply to. */
  path: string;
  filters: Filters;
  branches: readonly BranchSummary[];
  defaultBranch: string | null;
}) {
  return (
    <>
      <BranchSelect branches={branches} current={filters.branch} defaultBranch={defaultBranch} />
      <nav className={styles.segmented} aria-label="Time range">
        {RANGES.map((range) => (
          <Link
            key={range.key}
            href={`${path}${filterQuery({ branch: filters.branch, range: range.key }, defaultBranch)}`}
            aria-current={range.key === filters.range.key}
            title={`last ${range.label}`}
          >
            {range.key}
          </Link>
        ))}
      </nav>
    </>
  );
}
