// What the dashboard stores for a run report: reports made by the real engine from fixture JUnit files.
import { describe, expect, it } from "vitest";
import {
  fingerprintFailure,
  planRunRecord,
  RunReportError,
  runReportFromJunit,
} from "../../core/history/index.ts";
import { ciContext } from "../support/web/ci.ts";
import { readFixture } from "../support/web/junit-files.ts";

const STARTED = new Date("2026-03-02T10:00:00Z");

describe("planRunRecord", () => {
  it("stores a Testcontainers start-up failure as infrastructure, with its signature and the time lost", () => {
    const report = runReportFromJunit([readFixture("surefire/TEST-com.example.CheckoutIT.xml")], {
      ci: ciContext(),
      startedAt: STARTED,
    });
    const record = planRunRecord(report);
    expect(record.run.outcome).toBe("infra-failure");
    expect(record.results.map((result) => [result.name, result.verdict])).toEqual([
      ["placesOrder", "passed"],
      ["refundsOrder", "flaky"],
      ["cancelsOrder", "infra-failure"],
    ]);
    expect(record.run.counts).toMatchObject({ tests: 3, passed: 1, flaky: 1, infraFailed: 1, failed: 0 });
    expect(record.infraEvents).toEqual([
      expect.objectContaining({
        attempt: 1,
        signature: "container-startup-failed",
        failures: 1,
        testKey: record.results[2]?.testKey,
        // The only attempt failed for infrastructure alone: its whole time was lost.
        timeLostMs: 4512,
      }),
    ]);
    const infraFailure = record.failures.find((failure) => failure.signature !== null);
    expect(infraFailure).toMatchObject({
      type: "org.testcontainers.containers.ContainerLaunchException",
      signature: "container-startup-failed",
    });
    expect(record.run.startedAt).toBe(STARTED.getTime());
  });

  it("times only clean passes, and keeps each failure message once", () => {
    const record = planRunRecord(
      runReportFromJunit([readFixture("jest/report.xml")], { ci: ciContext(), startedAt: STARTED }),
    );
    for (const result of record.results) expect(result.timed).toBe(result.verdict === "passed");
    const fingerprints = record.results.flatMap((result) => result.failureFingerprint ?? []);
    expect(new Set(fingerprints).size).toBe(record.failures.length);
    expect(record.failures.length).toBeGreaterThan(0);
  });

  it("keys an upload by CI run, attempt and job; without a run id by the report's own start", () => {
    const files = [readFixture("node/report.xml")];
    const byRun = planRunRecord(
      runReportFromJunit(files, {
        ci: ciContext({ runId: "77", runAttempt: 2, jobKey: "node-20" }),
        startedAt: STARTED,
      }),
    );
    expect(byRun.run.uploadKey).toBe("ci:77:2:node-20");
    const local = planRunRecord(
      runReportFromJunit(files, { ci: ciContext({ runId: null }), startedAt: STARTED }),
    );
    expect(local.run.uploadKey).toContain(STARTED.toISOString());
    const again = planRunRecord(
      runReportFromJunit(files, { ci: ciContext({ runId: null }), startedAt: STARTED }),
    );
    expect(again.run.uploadKey).toBe(local.run.uploadKey);
  });

  it("names the field of a report it cannot store", () => {
    const report = runReportFromJunit([readFixture("node/report.xml")], {
      ci: ciContext(),
      startedAt: STARTED,
    });
    const twice = { ...report, tests: [...report.tests, report.tests[0] as (typeof report.tests)[number]] };
    expect(() => planRunRecord(twice)).toThrow(RunReportError);
    try {
      planRunRecord(twice);
    } catch (error) {
      expect((error as RunReportError).path).toBe(`tests[${report.tests.length}].id`);
    }
    expect(() => planRunRecord({ ...report, startedAt: "yesterday" })).toThrow(/startedAt|date/);
  });

  it("stores no row for a setup placeholder that recovered or was superseded, as the run's totals count none", () => {
    const report = runReportFromJunit([readFixture("node/report.xml")], {
      ci: ciContext(),
      startedAt: STARTED,
    });
    const base = report.tests[0] as (typeof report.tests)[number];
    const placeholder = { kind: "class setup" };
    const tests = [
      ...report.tests,
      {
        ...base,
        id: "p-superseded",
        name: "initializationError",
        verdict: "superseded" as const,
        placeholder,
      },
      {
        ...base,
        id: "p-recovered",
        name: "beforeAll",
        verdict: "recovered-after-infra-retry" as const,
        placeholder,
      },
      { ...base, id: "p-failing", name: "classMethod", verdict: "failed" as const, placeholder },
    ];
    const keys = planRunRecord({ ...report, tests }).results.map((result) => result.testKey);
    expect(keys).toContain("p-failing");
    expect(keys).not.toContain("p-superseded");
    expect(keys).not.toContain("p-recovered");
    expect(keys).toHaveLength(report.tests.length + 1);
  });

  it("takes the branch from the ref when the block names none", () => {
    const record = planRunRecord(
      runReportFromJunit([readFixture("node/report.xml")], {
        ci: ciContext({ branch: null, ref: "refs/heads/release/2.1" }),
        startedAt: STARTED,
      }),
    );
    expect(record.run.branch).toBe("release/2.1");
  });
});

describe("fingerprintFailure", () => {
  const failure = (type: string | null, message: string) => ({ type, message, details: null });

  it("groups messages that differ only in numbers, ids, ports, times and temp paths", () => {
    expect(fingerprintFailure(failure("AssertionError", "expected 3 to equal 4"))).toBe(
      fingerprintFailure(failure("AssertionError", "expected 17 to equal 4")),
    );
    expect(
      fingerprintFailure(failure(null, "connect ECONNREFUSED 127.0.0.1:54321 at 2026-03-02T10:00:01Z")),
    ).toBe(fingerprintFailure(failure(null, "connect ECONNREFUSED 127.0.0.1:40001 at 2026-03-05T23:59:59Z")));
    expect(fingerprintFailure(failure(null, "no file /tmp/vitest-abc123/out.json"))).toBe(
      fingerprintFailure(failure(null, "no file /tmp/vitest-zz9/out.json")),
    );
  });

  it("keeps apart failures of another type or with other words", () => {
    const base = fingerprintFailure(failure("AssertionError", "expected 3 to equal 4"));
    expect(fingerprintFailure(failure("TypeError", "expected 3 to equal 4"))).not.toBe(base);
    expect(fingerprintFailure(failure("AssertionError", "expected 3 to be above 4"))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});
