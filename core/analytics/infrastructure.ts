// Infrastructure failures kept apart from the tests: how often each signature (the classifier rule, e.g.
// "registry rate limit") struck per day, how many retries it caused and the CI time it threw away.
import { type AnalyticsOptions, resolveOptions } from "./defaults.ts";
import { dayOf } from "./durations.ts";

/** One attempt that infrastructure failed. */
export interface InfraFailure {
  /** When the attempt started (epoch ms). */
  readonly at: number;
  /** The classifier's rule id or the user's pattern that matched. */
  readonly signature: string;
  /** Whether seamwatch started another attempt because of it. */
  readonly retried: boolean;
  /** Wall time of the failed attempt: thrown away whether or not a retry saved the run. */
  readonly timeLostMs: number;
}

/** Additive: days sum into windows. */
export interface InfraTally {
  readonly signature: string;
  readonly failures: number;
  readonly retries: number;
  readonly timeLostMs: number;
}

export type InfraDay = InfraTally & { readonly day: string };

/** Failures, retries and time lost per UTC day and signature; by day, then most failures first. */
export function summarizeInfraByDay(failures: Iterable<InfraFailure>): InfraDay[] {
  const byKey = new Map<
    string,
    { day: string; signature: string; failures: number; retries: number; timeLostMs: number }
  >();
  for (const failure of failures) {
    const day = dayOf(failure.at);
    const key = JSON.stringify([day, failure.signature]);
    const tally = byKey.get(key) ?? {
      day,
      signature: failure.signature,
      failures: 0,
      retries: 0,
      timeLostMs: 0,
    };
    tally.failures += 1;
    tally.retries += failure.retried ? 1 : 0;
    tally.timeLostMs += failure.timeLostMs;
    byKey.set(key, tally);
  }
  return [...byKey.values()].sort(
    (a, b) => compareText(a.day, b.day) || b.failures - a.failures || compareText(a.signature, b.signature),
  );
}

/** A window's totals per signature from its days, most time lost first. */
export function totalInfraBySignature(days: Iterable<InfraTally>): InfraTally[] {
  const bySignature = new Map<
    string,
    { signature: string; failures: number; retries: number; timeLostMs: number }
  >();
  for (const day of days) {
    const total = bySignature.get(day.signature) ?? {
      signature: day.signature,
      failures: 0,
      retries: 0,
      timeLostMs: 0,
    };
    total.failures += day.failures;
    total.retries += day.retries;
    total.timeLostMs += day.timeLostMs;
    bySignature.set(day.signature, total);
  }
  return [...bySignature.values()].sort(
    (a, b) => b.timeLostMs - a.timeLostMs || b.failures - a.failures || compareText(a.signature, b.signature),
  );
}

/**
 * Whether a run's genuine failures look like an outage the classifier did not recognise: so many tests
 * failed at once that their failures should not count against each test (Trunk's "infrastructure failure
 * protection"). The caller then stores them as infrastructure, not as failures.
 */
export function isLikelyOutage(
  run: { readonly tests: number; readonly failed: number },
  options: Partial<Pick<AnalyticsOptions, "outageFailedShare" | "outageMinTests">> = {},
): boolean {
  const settings = resolveOptions(options);
  return run.tests >= settings.outageMinTests && run.failed >= settings.outageFailedShare * run.tests;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
