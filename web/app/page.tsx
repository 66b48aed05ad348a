// The projects on this dashboard; with a single project, straight to its overview.
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SiteHeader } from "../components/site-header.tsx";
import { Card, Empty, PageHead, styles, Table } from "../components/ui.tsx";
import { formatAgo, formatCount } from "../lib/format.ts";
import { projectPath } from "../lib/paths.ts";
import { getStore } from "../lib/store.ts";

export default async function ProjectsPage() {
  await connection();
  const store = await getStore();
  const projects = await store.listProjects();
  if (projects.length === 1 && projects[0]) redirect(projectPath(projects[0].slug));
  const now = Date.now();
  return (
    <>
      <SiteHeader />
      <main>
        <PageHead
          title="Projects"
          subtitle="Test timings, flaky tests and infrastructure failures of your CI."
        />
        <Card title="Projects">
          <Table
            rows={projects}
            rowKey={(project) => project.id}
            empty={
              <Empty title="No project has sent a run yet">
                <div>Create an upload token for a repository, then send a run from CI:</div>
                <pre className={styles.emptyCode}>
                  {"npm run token:create -- --project org/repo\n"}
                  {'curl -X POST "$SEAMWATCH_URL/api/v1/junit?project=org/repo&commit=$SHA&branch=main" \\\n'}
                  {'  -H "Authorization: Bearer $SEAMWATCH_TOKEN" -F report=@junit.xml'}
                </pre>
              </Empty>
            }
            columns={[
              {
                label: "Project",
                render: (project) => <Link href={projectPath(project.slug)}>{project.slug}</Link>,
              },
              { label: "Default branch", render: (project) => project.defaultBranch ?? "—" },
              { label: "Runs", numeric: true, render: (project) => formatCount(project.runs) },
              {
                label: "Last run",
                numeric: true,
                render: (project) => (project.lastRunAt ? formatAgo(project.lastRunAt, now) : "never"),
              },
            ]}
          />
        </Card>
      </main>
    </>
  );
}
