"use client";
// The branch filter: changing it reloads the page with the branch in the URL, so the view can be shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import styles from "./ui.module.css";

export function BranchSelect({
  branches,
  current,
  defaultBranch,
}: {
  branches: readonly { branch: string; runs: number }[];
  current: string;
  defaultBranch: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <form method="get" action={pathname}>
      <label>
        <span className="visually-hidden" style={{ position: "absolute", left: -9999 }}>
          Branch
        </span>
        <select
          className={styles.select}
          name="branch"
          value={current}
          aria-label="Branch"
          onChange={(event) => {
            const next = new URLSearchParams(params.toString());
            if (event.target.value === defaultBranch) next.delete("branch");
            else next.set("branch", event.target.value);
            const query = next.toString();
            router.push(query ? `${pathname}?${query}` : pathname);
          }}
        >
          {branches.map((entry) => (
            <option key={entry.branch} value={entry.branch}>
              {entry.branch === "" ? "(no branch)" : entry.branch}
              {entry.branch === defaultBranch ? " (default)" : ""}
            </option>
          ))}
        </select>
      </label>
      {params.get("range") ? <input type="hidden" name="range" value={params.get("range") ?? ""} /> : null}
      <noscript>
        <button type="submit">Show</button>
      </noscript>
    </form>
  );
}
