// Tests of the project whose name, class, suite or file holds the words searched for.
import type { Metadata } from "next";
import { SiteHeader } from "../../../../components/site-header.tsx";
import { Card, Empty, HealthBadge, PageHead, styles, Table, testColumn } from "../../../../components/ui.tsx";
import { firstParam, type SearchParams } from "../../../../lib/filters.ts";
import { formatAgo, plural } from "../../../../lib/format.ts";
import { projectPath, testPath } from "../../../../lib/paths.ts";
import { loadProject } from "../../../../lib/project.ts";

interface Props {
  params: Promise<{ org: string; repo: string }>;
  searchParams: Promise<SearchParams>;
}

const LIMIT = 100;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = firstParam(await searchParams, "q")?.trim();
  return { title: query ? `Tests matching ${query}` : "Search tests" };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const project = await loadProject(params);
  const query = (firstParam(await searchParams, "q") ?? "").trim().slice(0, 200);
  const tests = query ? await project.store.searchTests({ projectId: project.id, query, limit: LIMIT }) : [];
  const now = Date.now();
  return (
    <>
      <SiteHeader project={project.slug} query={query} />
      <main>
        <PageHead
          back={{ href: projectPath(project.slug), label: "overview" }}
          title="Search tests"
          subtitle={
            query
              ? `${tests.length >= LIMIT ? `the first ${LIMIT} tests` : plural(tests.length, "test")} matching “${query}”`
              : "by name, class, suite or file"
          }
        />
        <Card title="Tests">
          {query ? (
            <Table
              testId="search-results"
              rows={tests}
              rowKey={(test) => test.id}
              empty={
                <Empty title={`No test matches “${query}”`}>
                  Search looks in test names, classes, suites and files of {project.slug}; try fewer words.
                </Empty>
              }
              columns={[
                testColumn((testKey) => testPath(project.slug, testKey)),
                { label: "State", render: (test) => <HealthBadge state={test.state} /> },
                { label: "Last seen", numeric: true, render: (test) => formatAgo(test.lastSeenAt, now) },
              ]}
            />
          ) : (
            <Empty title="Type part of a test's name">
              <form action={`${projectPath(project.slug)}/search`} method="get" className={styles.searchForm}>
                <input
                  className={styles.searchField}
                  type="search"
                  name="q"
                  placeholder="a name, class, suite or file"
                  aria-label="Test name, class, suite or file"
                />
                <button type="submit" className={styles.button}>
                  Search
                </button>
              </form>
            </Empty>
          )}
        </Card>
      </main>
    </>
  );
}
