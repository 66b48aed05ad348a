// One run (one job's upload): its attempts with their classification and evidence, what infrastructure did
// to it, its failed, flaky and slowest tests, and links to the commit, the pull request and the CI run.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { RunAttemptDetail, RunResultRow } from "../../../../../../store/queries.ts";
import { SiteHeader } from "../../../../../components/site-header.tsx";
import {
  Badge,
  Card,
  type Column,
  Empty,
  FailureMessage,
  OutcomeBadge,
  PageHead,
  Signature,
  Stat,
  Sub,
  styles,
  Table,
  TestTitle,
  testColumn,
  VerdictBadge,
} from "../../../../../components/ui.tsx";
import { linksOfRun, safeUrl } from "../../../../../lib/commit-links.ts";
import { branchLabel } from "../../../../../lib/filters.ts";
import {
  formatCount,
  formatDateTime,
  formatDuration,
  jobLabel,
  joinShown,
  plural,
  shortSha,
} from "../../../../../lib/format.ts";
import { projectPath, testPath } from "../../../../../lib/paths.ts";
import { loadProject } from "../../../../../lib/project.ts";

interface Props {
  params: Promise<{ org: string; repo: string; runId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).runId}` };
}

const GROUPS = [
  { title: "Failed tests", verdict: "failed", note: "genuine failures: never retried" },
  { title: "Flaky tests", verdict: "flaky", note: "failed, then passed: they did not fail the run" },
  {
    title: "Failed on infrastructure",
    verdict: "infra-failure",
    note: "never passed; only infrastructure failed them",
  },
  {
    title: "Recovered after an infrastructure retry",
    verdict: "recovered-after-infra-retry",
    note: "failed for infrastructure, then passed: not flaky",
  },
] as const;

export default async function RunPage({ params }: Props) {
  const project = await loadProject(params);
  const runId = Number((await params).runId);
  if (!Number.isSafeInteger(runId) || runId < 1) notFound();
  const { store } = project;
  const run = await store.getRun({ projectId: project.id, runId });
  if (!run) notFound();
  const [attempts, infraEvents, notPassing, slowest] = await Promise.all([
    store.listRunAttempts({ runId }),
    store.listRunInfraEvents({ runId }),
    store.listRunResults({ runId, verdicts: GROUPS.map((group) => group.verdict), limit: 500 }),
    store.listSlowestRunResults({ runId, limit: 15 }),
  ]);
  const links = linksOfRun({ ...run, projectSlug: project.slug });
  const ciRun = safeUrl(run.runUrl);
  const sha = <code title={run.commitSha ?? undefined}>{shortSha(run.commitSha)}</code>;
  const testHref = (testKey: string) => testPath(project.slug, testKey);
  const resultColumns = (withFailure: boolean): Column<RunResultRow>[] => [
    testColumn(testHref, (row) =>
      withFailure && row.failure ? <FailureMessage failure={row.failure} /> : null,
    ),
    { label: "Result", width: "15%", render: (row) => <VerdictBadge verdict={row.verdict} /> },
    { label: "Duration", numeric: true, width: "10%", render: (row) => formatDuration(row.durationMs) },
  ];

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <PageHead
          back={{ href: projectPath(project.slug), label: "overview" }}
          title={
            <>
              Run #{run.id} <OutcomeBadge outcome={run.outcome} />
            </>
          }
          subtitle={
            <>
              {jobLabel(run)} on <b>{branchLabel(run.branch)}</b> ·{" "}
              {joinShown([
                formatDateTime(run.startedAt),
                run.source === "junit" ? "sent as JUnit XML" : null,
              ])}
            </>
          }
          meta={
            <>
              <span>commit {links.commit ? <a href={links.commit}>{sha}</a> : sha}</span>
              {run.pullRequest ? (
                <span>
                  {links.pullRequest ? (
                    <a href={links.pullRequest}>pull request #{run.pullRequest}</a>
                  ) : (
                    `pull request #${run.pullRequest}`
                  )}
                  {run.baseBranch ? ` into ${run.baseBranch}` : ""}
                </span>
              ) : null}
              {ciRun ? (
                <span>
                  <a href={ciRun}>
                    {joinShown(
                      [
                        run.ciRunId ? `CI run ${run.ciRunId}` : "CI run",
                        run.ciRunAttempt && run.ciRunAttempt > 1 ? `attempt ${run.ciRunAttempt}` : null,
                      ],
                      ", ",
                    )}
                  </a>
                </span>
              ) : null}
              {run.command.trim() ? (
                <span>
                  command <code>{run.command}</code>
                </span>
              ) : null}
            </>
          }
        />

        <div className={styles.stats}>
          <Stat label="Tests" value={formatCount(run.tests)} note={`${formatCount(run.skipped)} skipped`} />
          <Stat label="Failed" value={formatCount(run.failed)} note="genuine test failures" />
          <Stat label="Flaky" value={formatCount(run.flaky)} note="failed, then passed" />
          <Stat
            label="Infrastructure"
            value={formatCount(run.infraFailed)}
            note={`${formatCount(run.recovered)} recovered after a retry`}
          />
          <Stat
            label="Wall time"
            value={formatDuration(run.durationMs)}
            note={plural(run.attempts, "attempt")}
          />
        </div>

        <Card title="Attempts" note="each run of the test command, and why it ended as it did" id="attempts">
          <Table
            rows={attempts}
            rowKey={(attempt) => attempt.number}
            columns={[
              { label: "#", render: (attempt) => attempt.number },
              {
                label: "Classification",
                render: (attempt) => (
                  <>
                    <OutcomeBadge outcome={attempt.outcome} />
                    {attempt.retried ? <Sub>retried</Sub> : null}
                  </>
                ),
              },
              {
                label: "Ended",
                width: "14%",
                render: (attempt) => (
                  <>
                    {attemptEnding(attempt)}
                    <Sub>
                      {joinShown(
                        [
                          plural(attempt.tests, "test"),
                          `${formatCount(attempt.failedTests)} failed`,
                          attempt.unreadableReports > 0
                            ? plural(attempt.unreadableReports, "unreadable report")
                            : null,
                        ],
                        ", ",
                      )}
                    </Sub>
                  </>
                ),
              },
              {
                label: "Evidence",
                render: (attempt) =>
                  attempt.evidence.length === 0 ? (
                    <Sub>—</Sub>
                  ) : (
                    <ul className={styles.evidence}>
                      {attempt.evidence.map((group) => (
                        <li key={group.rule}>
                          <Signature
                            tag={
                              <Badge tone={group.kind === "infra" ? "infra" : "fail"}>
                                {group.kind === "infra" ? "infrastructure" : "test"}
                              </Badge>
                            }
                            signature={group.count > 1 ? `${group.rule} ×${group.count}` : group.rule}
                            description={group.description}
                            line={group.line}
                          />
                        </li>
                      ))}
                    </ul>
                  ),
              },
              { label: "Time", numeric: true, render: (attempt) => formatDuration(attempt.durationMs) },
            ]}
          />
        </Card>

        {infraEvents.length > 0 ? (
          <Card title="Infrastructure" note="kept out of the tests' figures" id="infra">
            <Table
              rows={infraEvents}
              rowKey={(event) => `${event.attempt}-${event.signature}`}
              columns={[
                {
                  label: "Signature",
                  // The line of output that showed it is in the attempt's evidence above.
                  render: (event) => (
                    <Signature signature={event.signature} description={event.description} />
                  ),
                },
                { label: "Attempt", render: (event) => event.attempt },
                {
                  label: "Test",
                  render: (event) => (
                    <>
                      {event.test ? (
                        <TestTitle test={event.test} href={testHref(event.test.testKey)} />
                      ) : (
                        <span className={styles.faint}>the whole attempt</span>
                      )}
                      {event.failures > 1 ? <Sub>and {formatCount(event.failures - 1)} more</Sub> : null}
                    </>
                  ),
                },
                { label: "Time lost", numeric: true, render: (event) => formatDuration(event.timeLostMs) },
              ]}
            />
          </Card>
        ) : null}

        {GROUPS.map((group) => {
          const rows = notPassing.filter((row) => row.verdict === group.verdict);
          if (rows.length === 0) return null;
          return (
            <Card key={group.title} title={`${group.title} (${formatCount(rows.length)})`} note={group.note}>
              <Table rows={rows} rowKey={(row) => row.id} columns={resultColumns(true)} />
            </Card>
          );
        })}

        <Card title="Slowest tests of this run" id="slowest">
          <Table
            rows={slowest}
            rowKey={(row) => row.id}
            columns={resultColumns(false)}
            empty={
              run.tests === 0 ? (
                <Empty title="No test ran">No attempt got as far as reporting a test.</Empty>
              ) : (
                <Empty title="No test results stored for this run">
                  Raw results older than the retention period are pruned; the run's totals stay.
                </Empty>
              )
            }
          />
        </Card>
      </main>
    </>
  );
}

function attemptEnding(attempt: RunAttemptDetail): string {
  if (attempt.timedOut) return "timed out";
  if (attempt.signal) return `killed by ${attempt.signal}`;
  return attempt.exitCode === null ? "no exit code" : `exit code ${attempt.exitCode}`;
}
