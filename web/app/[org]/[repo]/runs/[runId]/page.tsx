// One run (one job's upload): its attempts with their classification and evidence, what infrastructure did
// to it, its failed, flaky and slowest tests, and links to the commit, the pull request and the CI run.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteHeader } from "../../../../../components/site-header.tsx";
import {
  Card,
  Empty,
  OutcomeBadge,
  Stat,
  styles,
  TestTitle,
  VerdictBadge,
} from "../../../../../components/ui.tsx";
import { linksOfRun, safeUrl } from "../../../../../lib/commit-links.ts";
import { formatCount, formatDateTime, formatDuration, plural, shortSha } from "../../../../../lib/format.ts";
import { projectPath, testPath } from "../../../../../lib/paths.ts";
import { loadProject } from "../../../../../lib/project.ts";

interface Props {
  params: Promise<{ org: string; repo: string; runId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).runId}` };
}

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
    store.listRunResults({
      runId,
      verdicts: ["failed", "flaky", "infra-failure", "recovered-after-infra-retry"],
      limit: 500,
    }),
    store.listSlowestRunResults({ runId, limit: 15 }),
  ]);
  const links = linksOfRun({ ...run, projectSlug: project.slug });
  const ciRun = safeUrl(run.runUrl);
  const groups = [
    { title: "Failed tests", verdicts: ["failed"], note: "genuine failures: never retried" },
    { title: "Flaky tests", verdicts: ["flaky"], note: "failed, then passed: they did not fail the run" },
    {
      title: "Failed on infrastructure",
      verdicts: ["infra-failure"],
      note: "never passed; only infrastructure failed them",
    },
    {
      title: "Recovered after an infrastructure retry",
      verdicts: ["recovered-after-infra-retry"],
      note: "failed for infrastructure, then passed: not flaky",
    },
  ] as const;

  return (
    <>
      <SiteHeader project={project.slug} />
      <main>
        <div className={styles.pageHead}>
          <div>
            <div className={styles.faint}>
              <Link href={projectPath(project.slug)}>← overview</Link>
            </div>
            <h1>
              Run #{run.id} <OutcomeBadge outcome={run.outcome} />
            </h1>
            <div className={styles.subtitle}>
              {[run.workflow, run.job, run.jobKey].filter(Boolean).join(" / ") || "job"} on{" "}
              <b>{run.branch ?? "(no branch)"}</b> · {formatDateTime(run.startedAt)}
              {run.source === "junit" ? " · sent as JUnit XML" : ""}
            </div>
            <div className={styles.meta}>
              <span>
                commit{" "}
                {links.commit ? (
                  <a href={links.commit}>
                    <code>{shortSha(run.commitSha)}</code>
                  </a>
                ) : (
                  <code>{shortSha(run.commitSha)}</code>
                )}
              </span>
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
                    CI run{run.ciRunId ? ` ${run.ciRunId}` : ""}
                    {run.ciRunAttempt && run.ciRunAttempt > 1 ? `, attempt ${run.ciRunAttempt}` : ""}
                  </a>
                </span>
              ) : null}
              <span>
                command <code>{run.command}</code>
              </span>
            </div>
          </div>
        </div>

        <div className={styles.stats}>
          <Stat label="Tests" value={formatCount(run.tests)} note={`${formatCount(run.skipped)} skipped`} />
          <Stat label="Failed" value={formatCount(run.failed)} />
          <Stat label="Flaky" value={formatCount(run.flaky)} />
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
          <div className={styles.cardTable}>
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>Classification</th>
                  <th>Ended</th>
                  <th>Evidence</th>
                  <th className="number">Time</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.number}>
                    <td>{attempt.number}</td>
                    <td>
                      <OutcomeBadge outcome={attempt.outcome} />
                      {attempt.retried ? <div className={styles.faint}>retried</div> : null}
                    </td>
                    <td>
                      {attempt.timedOut
                        ? "timed out"
                        : attempt.signal
                          ? `killed by ${attempt.signal}`
                          : attempt.exitCode === null
                            ? "no exit code"
                            : `exit code ${attempt.exitCode}`}
                      <div className={styles.faint}>
                        {plural(attempt.tests, "test")}, {formatCount(attempt.failedTests)} failed
                        {attempt.unreadableReports > 0
                          ? `, ${plural(attempt.unreadableReports, "unreadable report")}`
                          : ""}
                      </div>
                    </td>
                    <td>
                      {attempt.evidence.length === 0 ? (
                        <span className={styles.faint}>—</span>
                      ) : (
                        <ul className={styles.evidence}>
                          {attempt.evidence.map((group) => (
                            <li key={group.rule}>
                              <span
                                className={`${styles.badge} ${group.kind === "infra" ? styles.infra : styles.fail}`}
                              >
                                {group.kind === "infra" ? "infrastructure" : "test"}
                              </span>{" "}
                              <code>{group.rule}</code>
                              {group.count > 1 ? ` ×${group.count}` : ""}
                              <div className={styles.faint}>{group.description}</div>
                              {group.line ? <div className={styles.message}>{group.line}</div> : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="number">{formatDuration(attempt.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        {infraEvents.length > 0 ? (
          <Card title="Infrastructure" note="kept out of the tests' figures" id="infra">
            <table>
              <thead>
                <tr>
                  <th>Signature</th>
                  <th>Attempt</th>
                  <th>Test</th>
                  <th className="number">Time lost</th>
                </tr>
              </thead>
              <tbody>
                {infraEvents.map((event) => (
                  <tr key={`${event.attempt}-${event.signature}`}>
                    <td>
                      <code>{event.signature}</code>
                      <div className={styles.faint}>{event.description}</div>
                      {event.evidenceLine ? <div className={styles.message}>{event.evidenceLine}</div> : null}
                    </td>
                    <td>{event.attempt}</td>
                    <td>
                      {event.test ? (
                        <TestTitle test={event.test} href={testPath(project.slug, event.test.testKey)} />
                      ) : (
                        <span className={styles.faint}>the whole attempt</span>
                      )}
                      {event.failures > 1 ? (
                        <div className={styles.faint}>and {event.failures - 1} more</div>
                      ) : null}
                    </td>
                    <td className="number">{formatDuration(event.timeLostMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ) : null}

        {groups.map((group) => {
          const rows = notPassing.filter((row) =>
            (group.verdicts as readonly string[]).includes(row.verdict),
          );
          if (rows.length === 0) return null;
          return (
            <Card key={group.title} title={`${group.title} (${formatCount(rows.length)})`} note={group.note}>
              <table>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <TestTitle test={row} href={testPath(project.slug, row.testKey)} />
                        {row.failure ? (
                          <>
                            <div className={styles.message}>
                              {[row.failure.type, row.failure.message].filter(Boolean).join(": ")}
                            </div>
                            {row.failure.details ? (
                              <details className={styles.details}>
                                <summary>details</summary>
                                <pre>{row.failure.details}</pre>
                              </details>
                            ) : null}
                          </>
                        ) : null}
                      </td>
                      <td>
                        <VerdictBadge verdict={row.verdict} />
                      </td>
                      <td className="number">{formatDuration(row.durationMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          );
        })}

        <Card title="Slowest tests of this run" id="slowest">
          {slowest.length === 0 ? (
            <Empty title="No test results stored for this run">
              Raw results older than the retention period are pruned; the run's totals stay.
            </Empty>
          ) : (
            <table>
              <tbody>
                {slowest.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <TestTitle test={row} href={testPath(project.slug, row.testKey)} />
                    </td>
                    <td>
                      <VerdictBadge verdict={row.verdict} />
                    </td>
                    <td className="number">{formatDuration(row.durationMs)}</td>
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
