// What the PR comment says about each test of a run, against the base branch's baseline (issue #13), and
// what `fail-on: new-failures` decides from it. Known-flaky failures do not block; failures of tests new to
// the base, or healthy there, do; so do tests already broken there that this PR did not fix. Without a
// baseline it falls back to `test-failures`: never green by accident.
import type { RunOutcome, TestVerdict } from "../run/index.ts";
import type { TestHealth } from "./test-state.ts";
import { compareTiming, pullRequestTimingOptions, type TimingOptions } from "./timing.ts";

/** What the dashboard knows of a test on the base branch (`GET …/baseline?branch=<base>`). */
export interface BaselineTest {
  readonly health: TestHealth;
  /** Flake rate on the base branch (0–1); null when unknown. */
  readonly flakeRate: number | null;
  /** Nearest-rank p50 of its passing durations; null when none. */
  readonly p50Ms: number | null;
  /** How many durations the p50 is of. */
  readonly samples: number;
}

/** A test of this run. */
export interface RunTest {
  readonly id: string;
  readonly verdict: TestVerdict;
  readonly durationMs: number;
}

export interface KnownFlakyTest {
  readonly id: string;
  /** True when it failed in this run; false when a retry already rescued it. */
  readonly failed: boolean;
  readonly flakeRate: number | null;
}

export interface TimingRegression {
  readonly id: string;
  readonly durationMs: number;
  readonly baselineP50Ms: number;
  readonly changeMs: number;
  readonly changeRatio: number | null;
}

export interface BaselineComparison {
  /** Failed here; healthy on the base branch, or not known there (a new test). */
  readonly newFailures: readonly string[];
  readonly knownFlaky: readonly KnownFlakyTest[];
  /** Failed here and already broken on the base branch. */
  readonly alreadyBroken: readonly string[];
  /** Passed only on a retry here, and not known as flaky on the base branch. */
  readonly newlyFlaky: readonly string[];
  /** Broken on the base branch and passed here. */
  readonly fixed: readonly string[];
  readonly timingRegressions: readonly TimingRegression[];
}

/** Sorts this run's tests against the base branch's baseline, in the run's order. */
export function compareWithBaseline(
  tests: Iterable<RunTest>,
  baseline: Readonly<Record<string, BaselineTest>>,
  timing: Partial<TimingOptions> = {},
): BaselineComparison {
  const newFailures: string[] = [];
  const knownFlaky: KnownFlakyTest[] = [];
  const alreadyBroken: string[] = [];
  const newlyFlaky: string[] = [];
  const fixed: string[] = [];
  const timingRegressions: TimingRegression[] = [];
  for (const test of tests) {
    // Test ids are untrusted text: "constructor" must not find Object.prototype's.
    const base = Object.hasOwn(baseline, test.id) ? baseline[test.id] : undefined;
    const health = base?.health ?? null;
    if (test.verdict === "failed") {
      if (health === "flaky")
        knownFlaky.push({ id: test.id, failed: true, flakeRate: base?.flakeRate ?? null });
      else if (health === "broken") alreadyBroken.push(test.id);
      else newFailures.push(test.id);
    } else if (test.verdict === "flaky") {
      if (health === "flaky")
        knownFlaky.push({ id: test.id, failed: false, flakeRate: base?.flakeRate ?? null });
      else if (health === "broken") fixed.push(test.id);
      else newlyFlaky.push(test.id);
    } else if (test.verdict === "passed") {
      if (health === "broken") fixed.push(test.id);
      if (base?.p50Ms != null) {
        const comparison = compareTiming(
          { p50Ms: test.durationMs, count: 1 },
          { p50Ms: base.p50Ms, count: base.samples },
          { ...pullRequestTimingOptions, ...timing },
        );
        if (comparison.verdict === "slower" && comparison.changeMs !== null) {
          timingRegressions.push({
            id: test.id,
            durationMs: test.durationMs,
            baselineP50Ms: base.p50Ms,
            changeMs: comparison.changeMs,
            changeRatio: comparison.changeRatio,
          });
        }
      }
    }
  }
  return { newFailures, knownFlaky, alreadyBroken, newlyFlaky, fixed, timingRegressions };
}

export interface FailOnDecision {
  readonly fails: boolean;
  /** Why the step fails; null when it passes. */
  readonly reason: string | null;
  /** No baseline: decided as `fail-on: test-failures` would (the caller shows a notice). */
  readonly fellBack: boolean;
  /** Known-flaky tests that failed here: reported as "known flaky, not blocking". */
  readonly notBlocking: readonly string[];
}

/** `fail-on: new-failures`: the run's outcome and failed-test count, and the comparison (null: no baseline). */
export function decideFailOnNewFailures(
  run: { readonly outcome: RunOutcome; readonly failed: number },
  comparison: BaselineComparison | null,
): FailOnDecision {
  if (run.outcome === "infra-failure") {
    return {
      fails: true,
      reason: "Infrastructure failed on every attempt: the tests did not run to the end.",
      fellBack: comparison === null,
      notBlocking: [],
    };
  }
  if (comparison === null) {
    const fails = run.outcome === "test-failures";
    return {
      fails,
      reason: fails
        ? `${failedText(run.failed)} (no baseline: fail-on new-failures fell back to test-failures).`
        : null,
      fellBack: true,
      notBlocking: [],
    };
  }
  const notBlocking = comparison.knownFlaky.filter((test) => test.failed).map((test) => test.id);
  const blocking = [
    ...(comparison.newFailures.length > 0 ? [plural(comparison.newFailures.length, "new failure")] : []),
    ...(comparison.alreadyBroken.length > 0
      ? [`${plural(comparison.alreadyBroken.length, "test")} already broken on the base branch and not fixed`]
      : []),
  ];
  if (blocking.length > 0) {
    return {
      fails: true,
      reason: `${blocking.join(" and ")} (fail-on: new-failures).`,
      fellBack: false,
      notBlocking,
    };
  }
  const compared = comparison.newFailures.length + comparison.alreadyBroken.length + notBlocking.length;
  if (run.failed > compared) {
    // Never green by accident: a failed test the comparison did not see blocks like a new failure.
    return {
      fails: true,
      reason: `${plural(run.failed - compared, "failed test")} not compared with the baseline (fail-on: new-failures).`,
      fellBack: false,
      notBlocking,
    };
  }
  if (run.outcome === "test-failures" && run.failed === 0) {
    return {
      fails: true,
      reason: "The command failed with no failing test (fail-on: new-failures).",
      fellBack: false,
      notBlocking,
    };
  }
  return { fails: false, reason: null, fellBack: false, notBlocking };
}

function failedText(failed: number): string {
  return failed === 0 ? "The command failed" : `${plural(failed, "test")} failed`;
}

function plural(count: number, one: string): string {
  return `${count} ${count === 1 ? one : `${one}s`}`;
}
