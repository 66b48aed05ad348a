// `fail-on`: whether a run fails the step (the action) or the command (`seamwatch run`), decided here once
// for both fronts. `new-failures` (quarantine) needs the base branch's history: without it, it decides as
// `test-failures` and says so, never green by accident.
import { decideFailOnNewFailures } from "../core/analytics/index.ts";
import { plural, type RunHistory } from "../core/report/index.ts";
import type { RunResult } from "../core/run/index.ts";

export const FAIL_ON = ["test-failures", "new-failures", "any-failure", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function isFailOn(text: string): text is FailOn {
  return (FAIL_ON as readonly string[]).includes(text);
}

export interface FailOnVerdict {
  /** Why the run fails; null when it passes. */
  readonly failure: string | null;
  /** What the reader is told besides: why `new-failures` fell back, or which failures did not block. */
  readonly notice: string | null;
}

export function decideFailOn(options: {
  readonly run: RunResult;
  readonly failOn: FailOn;
  /** The run against the base branch's history; null when there is none. */
  readonly history: RunHistory | null;
  /** Why there is no history (no dashboard, the baseline not fetched), said when `new-failures` falls back. */
  readonly noHistoryReason: string;
}): FailOnVerdict {
  const { run, failOn, history } = options;
  if (failOn !== "new-failures") return { failure: failureFor(run, failOn), notice: null };
  const decision = decideFailOnNewFailures(
    { outcome: run.outcome, failed: run.totals.failed },
    history?.comparison ?? null,
  );
  const notice = decision.fellBack
    ? `fail-on: new-failures fell back to test-failures: ${options.noHistoryReason}.`
    : decision.notBlocking.length > 0
      ? `${plural(decision.notBlocking.length, "known flaky test")} failed: not blocking (fail-on: new-failures).`
      : null;
  return { failure: decision.reason, notice };
}

/** Why the run fails under a `fail-on` that needs no history, or null when it passes. */
function failureFor(run: RunResult, failOn: Exclude<FailOn, "new-failures">): string | null {
  if (failOn === "never") return null;
  const { totals } = run;
  if (run.outcome === "test-failures") {
    return `${plural(totals.failed, "test")} failed${totals.failed === 0 ? " (the command failed)" : ""}.`;
  }
  if (run.outcome === "infra-failure") {
    return `Infrastructure failed on every one of ${plural(run.attempts.length, "attempt")}: the tests did not run to the end.`;
  }
  if (failOn === "any-failure") {
    if (totals.flaky > 0) return `${plural(totals.flaky, "flaky test")} (fail-on: any-failure).`;
    const retried = run.attempts.filter((attempt) => attempt.retried).length;
    if (retried > 0) {
      return `The suite passed only after ${plural(retried, "infrastructure retry", "infrastructure retries")} (fail-on: any-failure).`;
    }
  }
  return null;
}
