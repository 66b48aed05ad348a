// The bar on every page: the product, where you are, and the test search of the project.
import Link from "next/link";
import { projectPath } from "../lib/paths.ts";
import styles from "./ui.module.css";

export function SiteHeader({ project, query }: { project?: string; query?: string }) {
  return (
    <header className={styles.topbar}>
      <div className={styles.topbarInner}>
        <Link href="/" className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true" />
          seamwatch
        </Link>
        {project ? (
          <nav className={styles.crumbs} aria-label="Project">
            <span aria-hidden="true">/</span>
            <Link href={projectPath(project)}>{project}</Link>
          </nav>
        ) : null}
        {project ? (
          <search className={styles.topbarSearch}>
            <form action={`${projectPath(project)}/search`} method="get">
              <input
                className={styles.searchInput}
                type="search"
                name="q"
                defaultValue={query}
                placeholder="Search tests by name…"
                aria-label="Search tests by name"
              />
            </form>
          </search>
        ) : null}
      </div>
    </header>
  );
}
