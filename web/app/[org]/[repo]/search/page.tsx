// Tests of the project whose name, class, suite or file holds the words searched for.
import type { Metadata } from "next";
import { SiteHeader } from "../../../../components/site-header.tsx";
import { Card, Empty, HealthBadge, styles, TestTitle } from "../../../../components/ui.tsx";
import { firstParam, type SearchParams } from "../../../../lib/filters.ts";
import { formatAgo, plural } from "../../../../lib/format.ts";
import { testPath } from "../../../../lib/paths.ts";
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
        <div className={styles.pageHead}>
          <div>
            <h1>Search tests</h1>
            <div className={styles.subtitle}>
              {query ? (
                <>
                  {tests.length >= LIMIT ? `the first ${LIMIT}` : plural(tests.length, "test")} matching “
                  {query}”
                </>
              ) : (
                "by name, class, suite or file"
              )}
            </div>
          </div>
        </div>
        <Card title="Tests">
          {!query ? (
            <Empty title="Type part of a test's name in the search box above" />
          ) : tests.length === 0 ? (
            <Empty title={`No test matches “${query}”`}>
              Search looks in test names, classes, suites and files of {project.slug}; try fewer words.
            </Empty>
          ) : (
            <table data-testid="search-results">
              <thead>
                <tr>
                  <th>Test</th>
                  <th>State</th>
                  <th className="number">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {tests.map((test) => (
                  <tr key={test.id}>
                    <td>
                      <TestTitle test={test} href={testPath(project.slug, test.testKey)} />
                    </td>
                    <td>
                      <HealthBadge state={test.state} />
                    </td>
                    <td className="number">{formatAgo(test.lastSeenAt, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </main>
    </>
  );
}
