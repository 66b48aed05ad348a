// One test: its health and why, duration p50/p95 over time, a strip of its latest results, its flakiness
// figures with their sample sizes, and its failures grouped by message with the runs they happened in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { StoredVerdict } from "../../../../../../core/history/index.ts";
import { DurationChart } from "../../../../../components/charts.tsx";
import { SiteHeader } from "../../../../../components/site-header.tsx";
import {
  Card,
  Commit,
  Empty,
  FailureMessage,
  HealthBadge,
  PageHead,
  Stat,
  Sub,
  styles,
  Table,
  VerdictBadge,
} from "../../../../../components/ui.tsx";
import { ViewFilters } from "../../../../../components/view-filters.tsx";
import { branchLabel, keepFilters, readViewFilters, type SearchParams } from "../../../../../lib/filters.ts";
import {
  formatAgo,
  formatCount,
  formatDateTime,
  formatDuration,
  formatInterval,
  formatPercent,
  joinShown,
  plural,
  shortSha,
  testName,
  testWhere,
} from "../../../../../lib/format.ts";
import { projectPath, runPath, testPath } from "../../../../../lib/paths.ts";
import { loadProject } from "../../../../../lib/project.ts";
import { getStore } from "../../../../../lib/store.ts";
import { loadTestPage } from "../../../../../lib/test-page.ts";

interface Props {
  params: Promise<{ org: string; repo: string; testKey: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, repo, testKey } = await params;
  const store = await getStore();
  const project = await store.getProject({ slug: `${decodeURIComponent(org)}/${decodeURIComponent(repo)}` });
  const test = project
    ? await store.getTest({ projectId: project.id, testKey: decodeURIComponent(testKey) })
    : null;
  return { title: test ? testName(test) : "Test" };
}

/** The strip's colours, in the order its legend lists them. */
const STRIP = [
  { label: "passed", tone: styles.cellPass, verdicts: ["passed", "recovered-after-infra-retry"] },
  { label: "failed", tone: styles.cellFail, verdicts: ["failed"] },
  { label: "flaky", tone: styles.cellFlaky, verdicts: ["flaky"] },
  { label: "infrastructure", tone: styles.cellInfra, verdicts: ["infra-failure"] },
  { label: "skipped", tone: styles.cellSkip, verdicts: ["skipped"] },
] as const satisfies readonly { label: string; tone: unknown; verdicts: readonly StoredVerdict[] }[];

function stripTone(verdict: StoredVerdict): string | undefined {
  return STRIP.find((entry) => (entry.verdicts as readonly StoredVerdict[]).includes(verdict))?.tone;
}

const REASONS = {
  "same-commit": "passed and failed on the same commit",
  "flip-rate": "its result keeps flipping between runs",
  "failures-in-a-row": "it failed run after run",
} as const;

/** The result list under the strip: the newest results, as a table. */
const LISTED_RESULTS = 20;

export default async function TestPage({ params, searchParams }: Props) {
  const project = await loadProject(params);
  const testKey = decodeURIComponent((await params).testKey);
  const test = await project.store.getTest({ projectId: project.id, testKey });
  if (!test) notFound();
  const now = Date.now();
  const { filters, branches } = await readViewFilters(project, await searchParams, now);
  const page = await loadTestPage(project.store, test, filters, project.defaultBranch);
  const { state, window } = page;
  const branch = branchLabel(filters.branch);

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <PageHead
          back={{
            href: keepFilters(projectPath(project.slug), filters, project.defaultBranch),
            label: "overview",
          }}
          title={testName(test)}
          titleTestId="test-name"
          subtitle={testWhere(test)}
          meta={
            <>
              <span>
                <HealthBadge state={test.state} />{" "}
                {joinShown([
                  state?.reason ? REASONS[state.reason] : "on the default branch",
                  state?.since ? `since ${formatDateTime(state.since)}` : null,
                  state?.brokenSinceCommit
                    ? `first failing commit ${shortSha(state.brokenSinceCommit)}`
                    : null,
                ])}
              </span>
              <span>
                first seen <b>{formatAgo(test.firstSeenAt, now)}</b>
              </span>
              <span>
                id <code>{test.testKey}</code>
              </span>
            </>
          }
          aside={
            <ViewFilters
              path={testPath(project.slug, test.testKey)}
              filters={filters}
              branches={branches}
              defaultBranch={project.defaultBranch}
            />
          }
        />

        <Card title="Flakiness and timing" note={`${branch}, last ${filters.range.label}`}>
          <div className={styles.figures}>
            <Stat
              inset
              label="Failure rate"
              value={formatPercent(window.failureRate.rate)}
              note={joinShown([
                `${formatCount(window.failureRate.count)} of ${plural(window.failureRate.total, "counted run")}`,
                formatInterval(window.failureRate),
              ])}
            />
            <Stat
              inset
              label="Flake rate"
              value={formatPercent(window.flakeRate.rate)}
              note={joinShown([
                `${formatCount(window.flakeRate.count)} passed only on a re-run`,
                formatInterval(window.flakeRate),
              ])}
            />
            <Stat
              inset
              label="Flip rate"
              value={formatPercent(page.flipRate.rate)}
              note={`${plural(page.flipRate.flips, "flip")} in the last ${plural(page.flipRate.results, "run")} on ${project.defaultBranch ?? "the default branch"}`}
            />
            <Stat
              inset
              label="Same-commit flakes"
              value={formatCount(page.sameCommitFlakes.length)}
              note={`commits that both passed and failed, among the last ${plural(page.results.length, "result")}`}
            />
            <Stat
              inset
              label="Duration p50"
              value={formatDuration(window.p50Ms)}
              note={`p95 ${formatDuration(window.p95Ms)}, max ${formatDuration(window.maxMs)}`}
            />
            <Stat
              inset
              label="Runs"
              value={formatCount(window.runs)}
              note={`${formatCount(window.infra)} hit by infrastructure, ${formatCount(window.skipped)} skipped`}
            />
          </div>
        </Card>

        <Card title="Duration over time" note="p50 and p95 per day of clean passes">
          {page.days.some((day) => day.p50Ms !== null) ? (
            <DurationChart
              points={page.days.map((day) => ({ day: day.label, p50: day.p50Ms, p95: day.p95Ms }))}
            />
          ) : (
            <Empty title="No timed run in this range">Only clean passes are timed.</Empty>
          )}
        </Card>

        <Card title="Latest results" note={`newest first, ${branch}`} id="results">
          {page.results.length === 0 ? (
            <Empty title="No stored result on this branch">
              Raw results are kept for the retention period; the charts above keep the history.
            </Empty>
          ) : (
            <>
              <div className={styles.strip} data-testid="status-strip">
                {page.results.map((result) => (
                  <Link
                    key={result.runId}
                    href={runPath(project.slug, result.runId)}
                    className={`${styles.cell} ${stripTone(result.verdict)}`}
                    title={joinShown([
                      `#${result.runId} ${result.verdict}`,
                      formatDuration(result.durationMs),
                      formatDateTime(result.startedAt),
                      result.commitSha ? shortSha(result.commitSha) : null,
                      result.job,
                    ])}
                    aria-label={`run ${result.runId}: ${result.verdict}`}
                  />
                ))}
              </div>
              <div className={styles.legend}>
                {STRIP.map((entry) => (
                  <span key={entry.label}>
                    <span className={`${styles.legendSwatch} ${entry.tone}`} />
                    {entry.label}
                  </span>
                ))}
              </div>
            </>
          )}
        </Card>

        <Card title="Failures by message" note="most recent first" id="failures">
          <Table
            rows={page.failures}
            rowKey={(failure) => failure.id}
            empty={
              <Empty title="No stored failure">This test has not failed within the retention period.</Empty>
            }
            columns={[
              { label: "Message", render: (failure) => <FailureMessage failure={failure} /> },
              { label: "Times", numeric: true, render: (failure) => formatCount(failure.count) },
              { label: "Last", numeric: true, render: (failure) => formatAgo(failure.lastAt, now) },
              {
                label: "Runs",
                render: (failure) => (
                  <div className={styles.runLinks}>
                    {failure.runIds.map((runId) => (
                      <Link key={runId} href={runPath(project.slug, runId)}>
                        #{runId}
                      </Link>
                    ))}
                  </div>
                ),
              },
            ]}
          />
        </Card>

        {page.results.length > 0 ? (
          <Card
            title="Result list"
            note={`the newest ${Math.min(LISTED_RESULTS, page.results.length)} of the strip, as a table`}
          >
            <Table
              rows={page.results.slice(0, LISTED_RESULTS)}
              rowKey={(result) => result.runId}
              columns={[
                {
                  label: "Run",
                  render: (result) => (
                    <>
                      <Link href={runPath(project.slug, result.runId)}>#{result.runId}</Link>
                      {result.job ? <Sub>{result.job}</Sub> : null}
                    </>
                  ),
                },
                { label: "Result", render: (result) => <VerdictBadge verdict={result.verdict} /> },
                {
                  label: "Commit",
                  render: (result) => <Commit sha={result.commitSha} pullRequest={result.pullRequest} />,
                },
                { label: "Duration", numeric: true, render: (result) => formatDuration(result.durationMs) },
                { label: "When", numeric: true, render: (result) => formatAgo(result.startedAt, now) },
              ]}
            />
          </Card>
        ) : null}
      </main>
    </>
  );
}
