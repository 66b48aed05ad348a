// What the dashboard writes for people: durations, percentages, intervals, axis ticks, and where a test lives
// (never "undefined" or a dangling separator when a report left a name out).
import { describe, expect, it } from "vitest";
import {
  durationTicks,
  formatDuration,
  formatDurationTick,
  formatInterval,
  formatPercent,
  formatPercentRange,
  jobLabel,
  joinShown,
  testName,
  testWhere,
} from "../../web/lib/format.ts";

/** The pages keep a number with its unit (no-break space) and a range together (word joiners); read plainly. */
const plain = (text: string) => text.replaceAll("\u00a0", " ").replaceAll("\u2060", "");

describe("numbers", () => {
  it("writes durations in the unit people read them in, never split from their number", () => {
    expect(formatDuration(412)).toBe("412\u00a0ms");
    expect(plain(formatDuration(1234))).toBe("1.2 s");
    expect(plain(formatDuration(79_000))).toBe("1 min 19 s");
    expect(plain(formatDuration(3_600_000 + 4 * 60_000))).toBe("1 h 4 min");
    expect(formatDuration(null)).toBe("—");
  });

  it("writes shares and their intervals with the unit once", () => {
    expect(plain(formatPercent(0.034))).toBe("3.4 %");
    expect(plain(formatPercent(0.27))).toBe("27 %");
    expect(plain(formatPercentRange(0.09, 0.91))).toBe("9–91 %");
    expect(plain(formatPercentRange(0, 0.057))).toBe("0–5.7 %");
    expect(plain(formatInterval({ total: 2, low: 0.0946, high: 0.9055 }))).toBe("95 % interval 9.5–91 %");
    expect(formatInterval({ total: 0, low: 0, high: 1 })).toBe("");
  });

  it("puts duration axis ticks on round durations that cover the largest value", () => {
    expect(durationTicks(200_000)).toEqual([0, 60_000, 120_000, 180_000, 240_000]);
    expect(durationTicks(50)).toEqual([0, 20, 40, 60]);
    expect(durationTicks(9_500)).toEqual([0, 5000, 10_000]);
    expect(durationTicks(0)).toEqual([0]);
    expect(formatDurationTick(0)).toBe("0");
    expect(plain(formatDurationTick(90_000))).toBe("1 min 30 s");
    for (const max of [7, 830, 61_000, 5_400_000]) {
      const ticks = durationTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(5);
    }
  });
});

describe("where a test lives", () => {
  const test = { name: "placesOrder", suite: "", classname: "com.example.CheckoutIT", file: null };

  it("names suites, class and file once each", () => {
    expect(testWhere(test)).toBe("com.example.CheckoutIT");
    expect(testWhere({ name: "adds", suite: "sample › math", classname: "math", file: "math.test.js" })).toBe(
      "sample › math · math.test.js",
    );
  });

  it("leaves out what a report wrote for a missing name, and never leaves a separator dangling", () => {
    // jest-junit: the file's top-level suite is named "undefined"; the class repeats the test's name.
    const jest = {
      name: " fails an assertion",
      suite: "undefined",
      classname: " fails an assertion",
      file: "__tests__/sample.test.js",
    };
    expect(testWhere(jest)).toBe("__tests__/sample.test.js");
    expect(testWhere({ name: "t", suite: "null", classname: "", file: "undefined" })).toBe("");
    expect(testWhere({ name: "t", suite: "", classname: "", file: null })).toBe("");
    expect(testWhere({ name: "t", suite: " ", classname: "Orders", file: "  " })).toBe("Orders");
    // CTest: no build name set.
    expect(testWhere({ name: "times_out", suite: "(empty)", classname: "times_out", file: null })).toBe("");
    expect(joinShown(["", null, "a", undefined, "null", "b"])).toBe("a · b");
  });

  it("drops a class that only repeats the end of the name (Cypress: full title as name, title as class)", () => {
    expect(
      testWhere({
        name: "login page rejects a bad password",
        suite: "login page",
        classname: "rejects a bad password",
        file: "cypress/e2e/login.cy.ts",
      }),
    ).toBe("login page · cypress/e2e/login.cy.ts");
  });

  it("names a test without a name", () => {
    expect(testName({ name: "  " })).toBe("(unnamed test)");
    expect(testName({ name: " fails an assertion" })).toBe("fails an assertion");
  });
});

describe("job labels", () => {
  it("joins workflow and job, and keeps the job key only where it adds something", () => {
    expect(jobLabel({ workflow: "CI", job: "backend", jobKey: null })).toBe("CI / backend");
    expect(jobLabel({ workflow: "CI", job: "backend", jobKey: "backend 2/4" })).toBe("CI / backend 2/4");
    expect(jobLabel({ workflow: "CI", job: "test", jobKey: "node-20" })).toBe("CI / test / node-20");
    expect(jobLabel({ workflow: null, job: "undefined", jobKey: null })).toBe("(unnamed job)");
  });
});
