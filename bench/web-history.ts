// A synthetic CI history for `npm run bench:web`: run reports (version 2) of a suite of `tests` tests, run
// `runs` times over `days` days, shaped like real ones: stable durations per test with day-to-day noise, a few
// flaky tests, one regression, infrastructure retries now and then, most runs on main and some on branches.
import type { CiContext, ReportAttempt, ReportTest, RunReport } from "../core/history/index.ts";
import { createRandom, type Random } from "./prng.ts";

const DAY = 86_400_000;

export interface HistoryShape {
  readonly tests: number;
  readonly runs: number;
  readonly days: number;
  /** The history ends here (epoch ms). */
  readonly end: number;
}

interface TestShape {
  readonly id: string;
  readonly suite: string;
  readonly name: string;
  readonly baseMs: number;
  readonly flakeRate: number;
}

export class SyntheticHistory {
  private readonly random: Random;
  private readonly catalogue: TestShape[];
  readonly start: number;

  constructor(private readonly shape: HistoryShape) {
    this.random = createRandom(4242);
    this.start = shape.end - shape.days * DAY;
    this.catalogue = Array.from({ length: Math.max(shape.tests, 5000) }, (_, index) => this.testShape(index));
  }

  /** Report number `index` (0-based) of the history, in time order; `at` dates it otherwise (epoch ms). */
  report(index: number, tests = this.shape.tests, at = this.timeOf(index)): RunReport {
    const onMain = this.random.next() < 0.9;
    const branch = onMain ? "main" : `feature/${1 + (index % 17)}`;
    const job = ["unit", "integration", "e2e", "backend"][index % 4] as string;
    const infraRetry = this.random.next() < 0.03;
    const tests_: ReportTest[] = [];
    let failed = 0;
    for (let t = 0; t < tests; t++) {
      const shape = this.catalogue[t] as TestShape;
      const regression = t === 7 && at > this.start + this.shape.days * DAY * 0.8 ? 1.6 : 1;
      const durationMs = Math.round(shape.baseMs * regression * (0.85 + this.random.next() * 0.3));
      const fails = shape.flakeRate > 0 && this.random.next() < shape.flakeRate;
      if (fails) failed++;
      const failure = fails
        ? {
            type: "AssertionError",
            message: `expected ${this.random.int(1, 500)} to equal 200`,
            details: null,
            file: null,
            line: null,
            phase: null,
          }
        : null;
      tests_.push({
        id: shape.id,
        suitePath: [shape.suite],
        classname: shape.suite,
        name: shape.name,
        file: null,
        verdict: fails ? "failed" : "passed",
        attempts: [
          {
            attempt: 1,
            status: fails ? "failed" : "passed",
            flaky: false,
            durationMs,
            failure,
            kind: fails ? "test" : null,
            evidence: null,
          },
        ],
        failure,
        evidence: null,
        durationMs,
      });
    }
    const wallMs = 60_000 + Math.round(tests_.reduce((sum, test) => sum + test.durationMs, 0) / 8);
    const attempts: ReportAttempt[] = [];
    if (infraRetry) {
      attempts.push({
        number: 1,
        durationMs: 25_000,
        exitCode: 1,
        signal: null,
        timedOut: false,
        junit: {
          files: 0,
          incompleteFiles: 0,
          unreadableFiles: 0,
          counts: { tests: 0, failed: 0, errored: 0 },
        },
        classification: {
          outcome: "infra-failure",
          infraFailures: [
            {
              kind: "infra",
              test: null,
              evidence: {
                rule: "registry-rate-limit",
                kind: "infra",
                description: "the image registry rate-limited the pull",
                source: "output",
                line: "toomanyrequests: You have reached your pull rate limit.",
                lineNumber: 2,
              },
            },
          ],
          testFailures: [],
        },
        retried: true,
      });
    }
    attempts.push({
      number: attempts.length + 1,
      durationMs: wallMs,
      exitCode: failed > 0 ? 1 : 0,
      signal: null,
      timedOut: false,
      junit: { files: 1, incompleteFiles: 0, unreadableFiles: 0, counts: { tests, failed, errored: 0 } },
      classification: {
        outcome: failed > 0 ? "test-failures" : "passed",
        infraFailures: [],
        testFailures: [],
      },
      retried: false,
    });
    const ci: CiContext = {
      provider: "github-actions",
      repository: "bench/shop",
      commitSha: (0x10000000 + index).toString(16).padEnd(40, "0"),
      branch,
      ref: `refs/heads/${branch}`,
      defaultBranch: "main",
      baseBranch: onMain ? null : "main",
      pullRequest: onMain ? null : 100 + (index % 17),
      workflow: "CI",
      job,
      jobKey: null,
      runId: String(1_000_000 + index),
      runAttempt: 1,
      runUrl: `https://github.com/bench/shop/actions/runs/${1_000_000 + index}`,
    };
    return {
      version: 2,
      ci,
      command: "npm test",
      startedAt: new Date(at).toISOString(),
      durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
      cancelled: false,
      outcome: failed > 0 ? "test-failures" : "passed",
      attemptFailures: [],
      attempts,
      tests: tests_,
    };
  }

  private timeOf(index: number): number {
    return this.start + Math.floor(((index + 0.5) * this.shape.days * DAY) / this.shape.runs);
  }

  private testShape(index: number): TestShape {
    const suite = `com.example.module${index % 40}.Feature${Math.floor(index / 40) % 50}Test`;
    // Log-normal-ish: most tests tens of milliseconds, a long tail of seconds.
    const baseMs = Math.round(Math.exp(2.5 + this.random.next() * 3 + this.random.next() * 3));
    return {
      id: (0x1000 + index).toString(16).padStart(16, "0"),
      suite,
      name: `handles case ${index} of feature ${Math.floor(index / 40) % 50}`,
      baseMs,
      flakeRate: index % 50 === 3 ? 0.04 : 0,
    };
  }
}
