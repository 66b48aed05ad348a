// The team timing dashboard of one project: suite wall time per job, the slowest tests and those that got
// slower, flaky and failing tests by the CI time they cost, infrastructure failures by signature, recent runs.
// Filters (branch, time range) live in the URL.
import type { Metadata } from "next";
import Link from "next/link";
import type { Rate } from "../../../../core/analytics/index.ts";
import { InfraChart, WallTimeChart } from "../../../components/charts.tsx";
import { SiteHeader } from "../../../components/site-header.tsx";
import {
  Card,
  type Column,
  Commit,
  Empty,
  HealthBadge,
  OutcomeBadge,
  PageHead,
  Signature,
  Stat,
  Sub,
  styles,
  Table,
  testColumn,
} from "../../../components/ui.tsx";
import { ViewFilters } from "../../../components/view-filters.tsx";
import { branchLabel, keepFilters, readViewFilters, type SearchParams } from "../../../lib/filters.ts";
import {
  formatAgo,
  formatCount,
  formatDuration,
  formatInterval,
  formatPercent,
  jobLabel,
  joinShown,
  plural,
} from "../../../lib/format.ts";
import { loadOverview, type TroubledTest } from "../../../lib/overview.ts";
import { projectPath, runPath, slugFromParams, testPath } from "../../../lib/paths.ts";
import { loadProject } from "../../../lib/project.ts";

interface Props {
  params: Promise<{ org: string; repo: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: slugFromParams(await params) };
}

export default async function OverviewPage({ params, searchParams }: Props) {
  const project = await loadProject(params);
  const now = Date.now();
  const { filters, branches } = await readViewFilters(project, await searchParams, now);
  const overview = await loadOverview(project.store, project.id, filters);
  const { totals } = overview;
  const testHref = (testKey: string) =>
    keepFilters(testPath(project.slug, testKey), filters, project.defaultBranch);
  const branch = branchLabel(filters.branch);
  const neverRun = branches.every((entry) => entry.runs === 0);

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <PageHead
          title={project.slug}
          subtitle={neverRun ? "no run yet" : `${branch}, last ${filters.range.label}`}
          aside={
            neverRun ? null : (
              <ViewFilters
                path={projectPath(project.slug)}
                filters={filters}
                branches={branches}
                defaultBranch={project.defaultBranch}
              />
            )
          }
        />

        {totals.runs === 0 ? (
          <Card title={neverRun ? "Send a first run" : "Nothing in this range"}>
            <Empty
              title={neverRun ? "No run sent yet" : `No run on ${branch} in the last ${filters.range.label}`}
            >
              <div>
                {neverRun ? "The action" : "Pick another branch or a longer range, or send a run: the action"}{" "}
                uploads its report when given <code>server-url</code>; any CI can post JUnit XML:
              </div>
              <pre className={styles.emptyCode}>
                {`curl -X POST "$SEAMWATCH_URL/api/v1/junit?project=${project.slug}&commit=$SHA&branch=${filters.branch || "main"}" \\\n`}
                {`  -H "Authorization: Bearer $SEAMWATCH_TOKEN" -F report=@junit.xml`}
              </pre>
            </Empty>
          </Card>
        ) : (
          <>
            <div className={styles.stats}>
              <Stat
                label="Runs"
                value={formatCount(totals.runs)}
                note={`${formatPercent(totals.passedRuns / totals.runs)} passed`}
              />
              <Stat
                label="Median suite time"
                value={formatDuration(totals.medianWallMs)}
                note="p50 of all jobs"
              />
              <Stat
                label="Failed runs"
                value={formatCount(totals.testFailureRuns)}
                note={`${formatCount(totals.infraFailureRuns)} more on infrastructure`}
              />
              <Stat
                label="Flaky tests"
                value={formatCount(totals.flakyTests)}
                note={`of ${plural(totals.tests, "test")}`}
              />
              <Stat
                label="Broken tests"
                value={formatCount(totals.brokenTests)}
                note="failing run after run"
              />
              <Stat
                label="Lost to infrastructure"
                value={formatDuration(totals.infraTimeLostMs)}
                note="attempts thrown away"
              />
            </div>

            <div className={styles.grid}>
              <Card title="Suite wall time" note="p50 per day, per workflow / job">
                <WallTimeChart series={overview.wallTime.series} points={overview.wallTime.points} />
              </Card>
              <Card title="Infrastructure failures" note="failed attempts per day, by signature">
                {overview.infra.signatures.length === 0 ? (
                  <Empty title="No infrastructure failure in this range">
                    Pulls, containers and services held up: every failure here was the tests' own.
                  </Empty>
                ) : (
                  <InfraChart signatures={overview.infra.signatures} points={overview.infra.points} />
                )}
              </Card>
            </div>

            <div className={styles.grid}>
              <Card title="Slowest tests" note="p50 over the range" id="slowest">
                <Table
                  rows={overview.slowest}
                  rowKey={(test) => test.id}
                  empty={<Empty title="No timed test in this range">Only clean passes are timed.</Empty>}
                  columns={[
                    testColumn(testHref),
                    { label: "p50", numeric: true, render: (test) => formatDuration(test.p50Ms) },
                    { label: "p95", numeric: true, render: (test) => formatDuration(test.p95Ms) },
                    { label: "Timed runs", numeric: true, render: (test) => formatCount(test.runs) },
                  ]}
                />
              </Card>
              <Card
                title="Got slower"
                note={`p50 of the last ${overview.slowerWindow.currentDays} days against the ${overview.slowerWindow.baselineDays} before`}
                id="slower"
              >
                <Table
                  rows={overview.slower}
                  rowKey={(test) => test.id}
                  empty={
                    <Empty title="Nothing got slower">
                      A test is listed when its p50 grew by 20 % and 1 s or more, with 5 timings on each side.
                    </Empty>
                  }
                  columns={[
                    testColumn(testHref),
                    { label: "Before", numeric: true, render: (test) => formatDuration(test.baselineMs) },
                    { label: "Now", numeric: true, render: (test) => formatDuration(test.currentMs) },
                    {
                      label: "Change",
                      numeric: true,
                      render: (test) => (
                        <>
                          <span className={styles.up}>+{formatDuration(test.changeMs)}</span>
                          {test.changeRatio !== null ? <Sub>+{formatPercent(test.changeRatio)}</Sub> : null}
                        </>
                      ),
                    },
                  ]}
                />
              </Card>
            </div>

            <Card title="Flaky and failing tests" note="by the CI time their failures cost" id="flaky">
              <Table
                rows={overview.troubled}
                rowKey={(test) => test.id}
                empty={
                  <Empty title="No test failed in this range">
                    Infrastructure failures are counted separately.
                  </Empty>
                }
                columns={[
                  testColumn(testHref),
                  { label: "State", render: (test) => <HealthBadge state={test.state} /> },
                  rateColumn("Failure rate", (test) => test.failureRate),
                  rateColumn("Flake rate", (test) => test.flakeRate),
                  {
                    label: "CI time lost",
                    numeric: true,
                    render: (test) => formatDuration(test.ciTimeLostMs),
                  },
                ]}
              />
            </Card>

            {overview.infra.totals.length > 0 ? (
              <Card title="Infrastructure by signature" note="kept out of every test's figures" id="infra">
                <Table
                  rows={overview.infra.totals}
                  rowKey={(total) => total.signature}
                  columns={[
                    { label: "Signature", render: (total) => <Signature {...total} /> },
                    {
                      label: "Failed attempts",
                      numeric: true,
                      render: (total) => formatCount(total.failures),
                    },
                    { label: "Retried", numeric: true, render: (total) => formatCount(total.retries) },
                    {
                      label: "Time lost",
                      numeric: true,
                      render: (total) => formatDuration(total.timeLostMs),
                    },
                  ]}
                />
              </Card>
            ) : null}
          </>
        )}

        {neverRun ? null : (
          <Card title="Recent runs" note={branch} id="runs">
            <Table
              rows={overview.recentRuns}
              rowKey={(run) => run.id}
              empty={<Empty title={`No run on ${branch} yet`} />}
              columns={[
                {
                  label: "Run",
                  render: (run) => (
                    <>
                      <Link href={runPath(project.slug, run.id)}>#{run.id}</Link>
                      <Sub>{formatAgo(run.startedAt, now)}</Sub>
                    </>
                  ),
                },
                { label: "Job", render: (run) => jobLabel(run) },
                {
                  label: "Commit",
                  render: (run) => <Commit sha={run.commitSha} pullRequest={run.pullRequest} />,
                },
                {
                  label: "Outcome",
                  render: (run) => (
                    <>
                      <OutcomeBadge outcome={run.outcome} />
                      {run.infraRetries > 0 ? (
                        <Sub>{plural(run.infraRetries, "infra retry", "infra retries")}</Sub>
                      ) : null}
                    </>
                  ),
                },
                {
                  label: "Tests",
                  numeric: true,
                  render: (run) => {
                    const notPassing = joinShown([
                      run.failed > 0 ? `${formatCount(run.failed)} failed` : null,
                      run.flaky > 0 ? `${formatCount(run.flaky)} flaky` : null,
                    ]);
                    return (
                      <>
                        {formatCount(run.tests)}
                        {notPassing ? <Sub>{notPassing}</Sub> : null}
                      </>
                    );
                  },
                },
                { label: "Time", numeric: true, render: (run) => formatDuration(run.durationMs) },
              ]}
            />
          </Card>
        )}
      </main>
    </>
  );
}

/** A rate with its sample under it, and its 95 % interval on hover. */
function rateColumn(label: string, rateOf: (test: TroubledTest) => Rate): Column<TroubledTest> {
  return {
    label,
    numeric: true,
    render: (test) => {
      const rate = rateOf(test);
      return (
        <>
          {formatPercent(rate.rate)}
          <Sub>
            {formatCount(rate.count)} of {formatCount(rate.total)}
          </Sub>
        </>
      );
    },
    title: (test) => formatInterval(rateOf(test)) || "no counted run",
  };
}
