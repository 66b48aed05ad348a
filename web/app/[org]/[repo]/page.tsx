// The team timing dashboard of one project: suite wall time per job, the slowest tests and those that got
// slower, flaky and failing tests by the CI time they cost, infrastructure failures by signature, recent runs.
// Filters (branch, time range) live in the URL.
import type { Metadata } from "next";
import Link from "next/link";
import { InfraChart, WallTimeChart } from "../../../components/charts.tsx";
import { BranchSelect } from "../../../components/filters.tsx";
import { SiteHeader } from "../../../components/site-header.tsx";
import { Card, Empty, HealthBadge, OutcomeBadge, Stat, styles, TestTitle } from "../../../components/ui.tsx";
import { filterQuery, orderBranches, RANGES, readFilters, type SearchParams } from "../../../lib/filters.ts";
import {
  formatAgo,
  formatCount,
  formatDuration,
  formatPercent,
  plural,
  shortSha,
} from "../../../lib/format.ts";
import { loadOverview } from "../../../lib/overview.ts";
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
  const branches = orderBranches(
    await project.store.listBranches({ projectId: project.id }),
    project.defaultBranch,
  );
  const filters = readFilters(await searchParams, {
    branches: branches.map((entry) => entry.branch),
    defaultBranch: project.defaultBranch,
    now,
  });
  if (!branches.some((entry) => entry.branch === filters.branch)) {
    branches.push({ branch: filters.branch, runs: 0, lastRunAt: 0 });
  }
  const overview = await loadOverview(project.store, project.id, filters);
  const { totals } = overview;
  const withFilters = (href: string) =>
    `${href}${filterQuery({ branch: filters.branch, range: filters.range.key }, project.defaultBranch)}`;
  const branchLabel = filters.branch === "" ? "(no branch)" : filters.branch;

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <div className={styles.pageHead}>
          <div>
            <h1>{project.slug}</h1>
            <div className={styles.subtitle}>
              {branchLabel}, last {filters.range.label}
            </div>
          </div>
          <div className={styles.filters}>
            <BranchSelect
              branches={branches}
              current={filters.branch}
              defaultBranch={project.defaultBranch}
            />
            <nav className={styles.segmented} aria-label="Time range">
              {RANGES.map((range) => (
                <Link
                  key={range.key}
                  href={`${projectPath(project.slug)}${filterQuery({ branch: filters.branch, range: range.key }, project.defaultBranch)}`}
                  aria-current={range.key === filters.range.key}
                >
                  {range.key}
                </Link>
              ))}
            </nav>
          </div>
        </div>

        {totals.runs === 0 ? (
          <Card title="No runs yet">
            <Empty title={`No run on ${branchLabel} in the last ${filters.range.label}`}>
              <div>
                Pick another branch or a longer range, or send a run: the action uploads its report when given
                <code> server-url</code>; any CI can post JUnit XML:
              </div>
              <code className={styles.emptyCode}>
                {`curl -X POST "${"$"}SEAMWATCH_URL/api/v1/junit?project=${project.slug}&commit=${"$"}SHA&branch=${branchLabel}" \\\n`}
                {`  -H "Authorization: Bearer ${"$"}SEAMWATCH_TOKEN" -F report=@junit.xml`}
              </code>
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
                note={`of ${formatCount(totals.tests)} tests`}
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
              <Card title="Infrastructure failures" note="attempts per day, by signature">
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
                {overview.slowest.length === 0 ? (
                  <Empty title="No timed test in this range">Only clean passes are timed.</Empty>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th>Test</th>
                        <th className="number">p50</th>
                        <th className="number">p95</th>
                        <th className="number">Runs</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.slowest.map((test) => (
                        <tr key={test.id}>
                          <td>
                            <TestTitle test={test} href={withFilters(testPath(project.slug, test.testKey))} />
                          </td>
                          <td className="number">{formatDuration(test.p50Ms)}</td>
                          <td className="number">{formatDuration(test.p95Ms)}</td>
                          <td className="number">{formatCount(test.runs)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Card>
              <Card
                title="Got slower"
                note={`p50 of the last ${overview.slowerWindow.currentDays} days against the ${overview.slowerWindow.baselineDays} before`}
                id="slower"
              >
                {overview.slower.length === 0 ? (
                  <Empty title="Nothing got slower">
                    A test is listed when its p50 grew by 20 % and 1 s or more, with 5 timings on each side.
                  </Empty>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th>Test</th>
                        <th className="number">Before</th>
                        <th className="number">Now</th>
                        <th className="number">Change</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.slower.map((test) => (
                        <tr key={test.id}>
                          <td>
                            <TestTitle test={test} href={withFilters(testPath(project.slug, test.testKey))} />
                          </td>
                          <td className="number">{formatDuration(test.baselineMs)}</td>
                          <td className="number">{formatDuration(test.currentMs)}</td>
                          <td className="number">
                            <span className={styles.up}>
                              +{formatDuration(test.changeMs)}
                              {test.changeRatio !== null ? ` (+${formatPercent(test.changeRatio)})` : ""}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Card>
            </div>

            <Card title="Flaky and failing tests" note="by the CI time their failures cost" id="flaky">
              {overview.troubled.length === 0 ? (
                <Empty title="No test failed in this range">
                  Infrastructure failures are counted separately.
                </Empty>
              ) : (
                <div className={styles.cardTable}>
                  <table>
                    <thead>
                      <tr>
                        <th>Test</th>
                        <th>State</th>
                        <th className="number">Failure rate</th>
                        <th className="number">Flake rate</th>
                        <th className="number">CI time lost</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.troubled.map((test) => (
                        <tr key={test.id}>
                          <td>
                            <TestTitle test={test} href={withFilters(testPath(project.slug, test.testKey))} />
                          </td>
                          <td>
                            <HealthBadge state={test.state} />
                          </td>
                          <td className="number" title={intervalText(test.failureRate)}>
                            {formatPercent(test.failureRate.rate)}
                            <div className={styles.faint}>
                              {test.failureRate.count} of {test.failureRate.total}
                            </div>
                          </td>
                          <td className="number" title={intervalText(test.flakeRate)}>
                            {formatPercent(test.flakeRate.rate)}
                            <div className={styles.faint}>
                              {test.flakeRate.count} of {test.flakeRate.total}
                            </div>
                          </td>
                          <td className="number">{formatDuration(test.ciTimeLostMs)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>

            {overview.infra.totals.length > 0 ? (
              <Card title="Infrastructure by signature" note="kept out of every test's figures" id="infra">
                <div className={styles.cardTable}>
                  <table>
                    <thead>
                      <tr>
                        <th>Signature</th>
                        <th className="number">Failed attempts</th>
                        <th className="number">Retried</th>
                        <th className="number">Time lost</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.infra.totals.map((total) => (
                        <tr key={total.signature}>
                          <td>
                            <code>{total.signature}</code>
                            <div className={styles.faint}>{total.description}</div>
                          </td>
                          <td className="number">{formatCount(total.failures)}</td>
                          <td className="number">{formatCount(total.retries)}</td>
                          <td className="number">{formatDuration(total.timeLostMs)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Card>
            ) : null}
          </>
        )}

        <Card title="Recent runs" note={branchLabel} id="runs">
          {overview.recentRuns.length === 0 ? (
            <Empty title="No run on this branch yet" />
          ) : (
            <div className={styles.cardTable}>
              <table>
                <thead>
                  <tr>
                    <th>Run</th>
                    <th>Job</th>
                    <th>Commit</th>
                    <th>Outcome</th>
                    <th className="number">Tests</th>
                    <th className="number">Time</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.recentRuns.map((run) => (
                    <tr key={run.id}>
                      <td>
                        <Link href={runPath(project.slug, run.id)}>#{run.id}</Link>
                        <div className={styles.faint}>{formatAgo(run.startedAt, now)}</div>
                      </td>
                      <td>
                        {[run.workflow, run.job].filter(Boolean).join(" / ") || "—"}
                        {run.pullRequest ? <div className={styles.faint}>PR #{run.pullRequest}</div> : null}
                      </td>
                      <td>
                        <code>{shortSha(run.commitSha)}</code>
                      </td>
                      <td>
                        <OutcomeBadge outcome={run.outcome} />
                        {run.infraRetries > 0 ? (
                          <div className={styles.faint}>
                            {plural(run.infraRetries, "infra retry", "infra retries")}
                          </div>
                        ) : null}
                      </td>
                      <td className="number">
                        {formatCount(run.tests)}
                        {run.failed + run.flaky > 0 ? (
                          <div className={styles.faint}>
                            {run.failed} failed · {run.flaky} flaky
                          </div>
                        ) : null}
                      </td>
                      <td className="number">{formatDuration(run.durationMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </main>
    </>
  );
}

function intervalText(rate: { low: number; high: number; total: number }): string {
  return rate.total > 0
    ? `95 % interval ${formatPercent(rate.low)} – ${formatPercent(rate.high)}`
    : "no counted run";
}
