// One test: its health and why, duration p50/p95 over time, a strip of its latest results, its flakiness
// figures with their sample sizes, and its failures grouped by message with the runs they happened in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DurationChart } from "../../../../../components/charts.tsx";
import { BranchSelect } from "../../../../../components/filters.tsx";
import { SiteHeader } from "../../../../../components/site-header.tsx";
import { Card, Empty, HealthBadge, styles, testWhere, VerdictBadge } from "../../../../../components/ui.tsx";
import {
  filterQuery,
  orderBranches,
  RANGES,
  readFilters,
  type SearchParams,
} from "../../../../../lib/filters.ts";
import {
  formatAgo,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPercent,
  plural,
  shortSha,
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
  return { title: test ? test.name : "Test" };
}

const STRIP_TONES = {
  passed: styles.cellPass,
  "recovered-after-infra-retry": styles.cellPass,
  failed: styles.cellFail,
  flaky: styles.cellFlaky,
  "infra-failure": styles.cellInfra,
  skipped: styles.cellSkip,
} as const;

const REASONS = {
  "same-commit": "passed and failed on the same commit",
  "flip-rate": "its result keeps flipping between runs",
  "failures-in-a-row": "it failed run after run",
} as const;

export default async function TestPage({ params, searchParams }: Props) {
  const project = await loadProject(params);
  const testKey = decodeURIComponent((await params).testKey);
  const test = await project.store.getTest({ projectId: project.id, testKey });
  if (!test) notFound();
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
  const page = await loadTestPage(project.store, test, filters, project.defaultBranch);
  const { state, window } = page;
  const here = testPath(project.slug, test.testKey);

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <div className={styles.pageHead}>
          <div>
            <div className={styles.faint}>
              <Link
                href={`${projectPath(project.slug)}${filterQuery({ branch: filters.branch, range: filters.range.key }, project.defaultBranch)}`}
              >
                ← overview
              </Link>
            </div>
            <h1 data-testid="test-name">{test.name.trim() || "(unnamed test)"}</h1>
            <div className={styles.subtitle}>{testWhere(test)}</div>
            <div className={styles.meta}>
              <span>
                <HealthBadge state={test.state} />{" "}
                {state?.reason ? `${REASONS[state.reason]}` : "on the default branch"}
                {state?.since ? ` · since ${formatDateTime(state.since)}` : ""}
                {state?.brokenSinceCommit
                  ? ` · first failing commit ${shortSha(state.brokenSinceCommit)}`
                  : ""}
              </span>
              <span>
                first seen <b>{formatAgo(test.firstSeenAt, now)}</b>
              </span>
              <span>
                id <code>{test.testKey}</code>
              </span>
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
                  href={`${here}${filterQuery({ branch: filters.branch, range: range.key }, project.defaultBranch)}`}
                  aria-current={range.key === filters.range.key}
                >
                  {range.key}
                </Link>
              ))}
            </nav>
          </div>
        </div>

        <Card
          title="Flakiness and timing"
          note={`${filters.branch || "(no branch)"}, last ${filters.range.label}`}
        >
          <div className={styles.figures}>
            <Figure
              label="Failure rate"
              value={formatPercent(window.failureRate.rate)}
              note={`${window.failureRate.count} of ${plural(window.failureRate.total, "counted run")}${rangeNote(window.failureRate)}`}
            />
            <Figure
              label="Flake rate"
              value={formatPercent(window.flakeRate.rate)}
              note={`${window.flakeRate.count} passed only on a re-run${rangeNote(window.flakeRate)}`}
            />
            <Figure
              label="Flip rate"
              value={formatPercent(page.flipRate.rate)}
              note={`${plural(page.flipRate.flips, "flip")} in the last ${plural(page.flipRate.results, "run")} on ${project.defaultBranch ?? "the default branch"}`}
            />
            <Figure
              label="Same commit, different result"
              value={formatCount(page.sameCommitFlakes.length)}
              note={`${plural(page.sameCommitFlakes.length, "commit")} among the last ${plural(page.results.length, "result")}`}
            />
            <Figure
              label="Duration p50"
              value={formatDuration(window.p50Ms)}
              note={`p95 ${formatDuration(window.p95Ms)}`}
            />
            <Figure
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

        <Card title="Latest results" note={`newest first, ${filters.branch || "(no branch)"}`} id="results">
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
                    className={`${styles.cell} ${STRIP_TONES[result.verdict]}`}
                    title={`${result.verdict} · ${formatDuration(result.durationMs)} · ${formatDateTime(result.startedAt)} · ${shortSha(result.commitSha)}${result.job ? ` · ${result.job}` : ""}`}
                    aria-label={`run ${result.runId}: ${result.verdict}`}
                  />
                ))}
              </div>
              <div className={styles.legend}>
                <span>
                  <span className={`${styles.legendSwatch} ${styles.cellPass}`} />
                  passed
                </span>
                <span>
                  <span className={`${styles.legendSwatch} ${styles.cellFail}`} />
                  failed
                </span>
                <span>
                  <span className={`${styles.legendSwatch} ${styles.cellFlaky}`} />
                  flaky
                </span>
                <span>
                  <span className={`${styles.legendSwatch} ${styles.cellInfra}`} />
                  infrastructure
                </span>
                <span>
                  <span className={`${styles.legendSwatch} ${styles.cellSkip}`} />
                  skipped
                </span>
              </div>
            </>
          )}
        </Card>

        <Card title="Failures by message" note="most recent first" id="failures">
          {page.failures.length === 0 ? (
            <Empty title="No stored failure">This test has not failed within the retention period.</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Message</th>
                  <th className="number">Times</th>
                  <th className="number">Last</th>
                  <th>Runs</th>
                </tr>
              </thead>
              <tbody>
                {page.failures.map((failure) => (
                  <tr key={failure.id}>
                    <td>
                      <div className={styles.message}>
                        {[failure.type, failure.message].filter(Boolean).join(": ") || "(no message)"}
                      </div>
                      {failure.signature ? (
                        <div className={styles.faint}>
                          infrastructure: <code>{failure.signature}</code>
                        </div>
                      ) : null}
                      {failure.details ? (
                        <details className={styles.details}>
                          <summary>details</summary>
                          <pre>{failure.details}</pre>
                        </details>
                      ) : null}
                    </td>
                    <td className="number">{formatCount(failure.count)}</td>
                    <td className="number">{formatAgo(failure.lastAt, now)}</td>
                    <td>
                      <div className={styles.runLinks}>
                        {failure.runIds.map((runId) => (
                          <Link key={runId} href={runPath(project.slug, runId)}>
                            #{runId}
                          </Link>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>

        {page.results.length > 0 ? (
          <Card title="Result list" note="the same results, as a table">
            <div className={styles.cardTable}>
              <table>
                <thead>
                  <tr>
                    <th>Run</th>
                    <th>Result</th>
                    <th>Commit</th>
                    <th className="number">Duration</th>
                    <th className="number">When</th>
                  </tr>
                </thead>
                <tbody>
                  {page.results.slice(0, 20).map((result) => (
                    <tr key={result.runId}>
                      <td>
                        <Link href={runPath(project.slug, result.runId)}>#{result.runId}</Link>
                        <span className={styles.faint}> {result.job}</span>
                      </td>
                      <td>
                        <VerdictBadge verdict={result.verdict} />
                      </td>
                      <td>
                        <code>{shortSha(result.commitSha)}</code>
                        {result.pullRequest ? (
                          <span className={styles.faint}> PR #{result.pullRequest}</span>
                        ) : null}
                      </td>
                      <td className="number">{formatDuration(result.durationMs)}</td>
                      <td className="number">{formatAgo(result.startedAt, now)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        ) : null}
      </main>
    </>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className={styles.figure}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.figureValue}>{value}</div>
      <div className={styles.figureNote}>{note}</div>
    </div>
  );
}

function rangeNote(rate: { total: number; low: number; high: number }): string {
  return rate.total > 0 ? ` · 95 %: ${formatPercent(rate.low)}–${formatPercent(rate.high)}` : "";
}
