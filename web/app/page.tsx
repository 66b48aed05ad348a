// The projects on this dashboard; with a single project, straight to its overview.
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SiteHeader } from "../components/site-header.tsx";
import { Card, Empty, styles } from "../components/ui.tsx";
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
        <div className={styles.pageHead}>
          <div>
            <h1>Projects</h1>
            <div className={styles.subtitle}>
              Test timings, flaky tests and infrastructure failures of your CI.
            </div>
          </div>
        </div>
        <Card title="Projects">
          {projects.length === 0 ? (
            <Empty title="No project has sent a run yet">
              <div>Create an upload token for a repository, then send a run from CI:</div>
              <code className={styles.emptyCode}>
                {"npm run token:create -- --project org/repo\n"}
                {'curl -X POST "$SEAMWATCH_URL/api/v1/junit?project=org/repo&commit=$SHA&branch=main" \\\n'}
                {'  -H "Authorization: Bearer $SEAMWATCH_TOKEN" -F report=@junit.xml'}
              </code>
            </Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Project</th>
                  <th>Default branch</th>
                  <th className="number">Runs</th>
                  <th className="number">Last run</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <tr key={project.id}>
                    <td>
                      <Link href={projectPath(project.slug)}>{project.slug}</Link>
                    </td>
                    <td>{project.defaultBranch ?? "—"}</td>
                    <td className="number">{formatCount(project.runs)}</td>
                    <td className="number">
                      {project.lastRunAt ? formatAgo(project.lastRunAt, now) : "never"}
                    </td>
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
