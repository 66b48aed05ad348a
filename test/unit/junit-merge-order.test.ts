// Issue 10 §2: JUnit merges that do not depend on order. Repeated test case elements with one identity
// (TestNG's retry analyzer writes the retried runs as <skipped/>), several results in one test case, and
// attribute values read as XML 1.0 §3.3.3 says, so ids agree with every conforming reader.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JunitFile, TestCase, TestStatus } from "../../core/junit/model.ts";
import { testCasesOf } from "../../core/junit/model.ts";
import { JunitParser, parseJunit } from "../../core/junit/parse-junit.ts";

const FIXTURES = new URL("../fixtures/junit/", import.meta.url).pathname;

function parse(xml: string, collectTestCases = true): JunitFile {
  return parseJunit(xml, { path: "report.xml", collectTestCases });
}

function only(file: JunitFile): TestCase {
  const cases = testCasesOf(file);
  expect(cases).toHaveLength(1);
  return cases[0] as TestCase;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** The counts a user reads, from both the collecting and the counting parser. */
function counts(xml: string) {
  const collected = parse(xml);
  const counted = parse(xml, false);
  expect(collected.error).toBeNull();
  const { tests, passed, failed, errored, skipped, flaky } = collected.counts;
  const summary = { tests, passed, failed, errored, skipped, flaky };
  const { durationMs: _collectedMs, ...collectedCounts } = collected.counts;
  const { durationMs: _countedMs, ...countedCounts } = counted.counts;
  // Counting alone keeps no test case, through status bits: it must reach the same counts.
  expect(countedCounts).toEqual(collectedCounts);
  return summary;
}

// The real report: TestNG 7.0.0 under surefire, three retried runs written as <skipped/>, then the failure.
const TESTNG = readFileSync(`${FIXTURES}testng/TEST-TestSuite.xml`, "utf8");

/** The report's four <testcase> elements, and the document around them. */
function splitTestCases(xml: string): { head: string; cases: string[]; tail: string } {
  const start = xml.indexOf("  <testcase");
  const end = xml.lastIndexOf("</testsuite>");
  const body = xml.slice(start, end);
  const cases = body.split(/(?= {2}<testcase )/).filter((part) => part.trim() !== "");
  return { head: xml.slice(0, start), cases, tail: xml.slice(end) };
}

describe("repeated test case elements with one identity (TestNG retries)", () => {
  const { head, cases, tail } = splitTestCases(TESTNG);

  it("reads the real report as one failed test with four executions", () => {
    expect(cases).toHaveLength(4);
    const test = only(parse(TESTNG));
    expect(test).toMatchObject({ status: "failed", flaky: false });
    expect(test.executions.map((execution) => execution.status)).toEqual([
      "skipped",
      "skipped",
      "skipped",
      "failed",
    ]);
    expect(test.failure?.message).toBe("expected [Joogle] but found [Google]");
  });

  it("gives the same counts in every order of its elements: fail plus skips is failed", () => {
    const orders = permutations(cases);
    expect(orders).toHaveLength(24);
    for (const order of orders) {
      const xml = head + order.join("") + tail;
      expect(counts(xml)).toEqual({ tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0, flaky: 0 });
      expect(only(parse(xml)).failure?.message).toBe("expected [Joogle] but found [Google]");
    }
  });

  it("pass plus skips is passed, in every order (the retried run that passed)", () => {
    const passing = (cases[3] as string).replace(/<failure[\s\S]*?<\/failure>\s*/, "");
    for (const order of permutations([cases[0], cases[1], cases[2], passing] as string[])) {
      const xml = head + order.join("") + tail;
      expect(counts(xml)).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0, flaky: 0 });
    }
  });

  it("skipped only when every run was skipped", () => {
    const xml = head + cases.slice(0, 3).join("") + tail;
    expect(counts(xml)).toEqual({ tests: 1, passed: 0, failed: 0, errored: 0, skipped: 1, flaky: 0 });
  });
});

const ELEMENT: Record<TestStatus, string> = {
  passed: "",
  failed: '<failure message="assertion" type="AssertionError"/>',
  errored: '<error message="boom" type="IllegalStateException"/>',
  skipped: '<skipped message="retried"/>',
};

/** The rule of issue 10, written independently of the parser. */
function expectedOutcome(statuses: readonly TestStatus[]): { status: TestStatus; flaky: boolean } {
  const passed = statuses.includes("passed");
  const failing = statuses.includes("failed") || statuses.includes("errored");
  if (passed && failing) return { status: "passed", flaky: true };
  if (statuses.includes("failed")) return { status: "failed", flaky: false };
  if (statuses.includes("errored")) return { status: "errored", flaky: false };
  return { status: passed ? "passed" : "skipped", flaky: false };
}

describe("every mix of results, in every order, in one suite or spread over several", () => {
  const statuses: TestStatus[] = ["passed", "failed", "errored", "skipped"];
  const mixes: TestStatus[][] = [];
  for (const a of statuses)
    for (const b of statuses) {
      mixes.push([a, b]);
      for (const c of statuses) mixes.push([a, b, c]);
    }

  it.each(mixes.map((mix) => [mix.join(" + "), mix] as const))("%s", (_label, mix) => {
    const want = expectedOutcome(mix);
    for (const order of permutations(mix)) {
      const elements = order.map(
        (status) => `<testcase classname="C" name="t">${ELEMENT[status]}</testcase>`,
      );
      const oneSuite = `<testsuite name="s">${elements.join("")}</testsuite>`;
      // The same test in several <testsuite> elements with one name: still one identity.
      const spread = `<testsuites>${elements.map((e) => `<testsuite name="s">${e}</testsuite>`).join("")}</testsuites>`;
      for (const xml of [oneSuite, spread]) {
        const test = only(parse(xml));
        expect({ status: test.status, flaky: test.flaky }, `${order.join(", ")}`).toEqual(want);
        expect(test.executions).toHaveLength(order.length);
        const c = counts(xml);
        expect(c.tests).toBe(1);
        expect(c[want.status]).toBe(1);
        expect(c.flaky).toBe(want.flaky ? 1 : 0);
      }
    }
  });
});

describe("one test case with several results", () => {
  const withChildren = (...children: string[]) =>
    `<testsuite name="s"><testcase classname="C" name="t">${children.join("")}</testcase></testsuite>`;
  const skipped = '<skipped message="skipped by the retry"/>';
  const failure =
    '<failure message="expected 3" type="AssertionError">AssertionError: expected 3\n  at t</failure>';
  const error = '<error message="failed on teardown with &quot;OSError&quot;">OSError: file in use</error>';

  it.each([
    ["<skipped/> then <failure>", [skipped, failure], "failed"],
    ["<failure> then <skipped/>", [failure, skipped], "failed"],
    ["<failure> and <error>", [failure, error], "failed"],
    ["<error> and <failure>", [error, failure], "failed"],
    ["<skipped/> and <error>", [skipped, error], "errored"],
    ["<error> and <skipped/>", [error, skipped], "errored"],
  ] as const)("%s: the most severe decides, as one execution", (_label, children, status) => {
    const xml = withChildren(...children);
    const test = only(parse(xml));
    expect(test.status).toBe(status);
    expect(test.executions).toHaveLength(1);
    expect(counts(xml)[status]).toBe(1);
  });

  it("keeps the other results' messages after the deciding failure's own text", () => {
    const test = only(parse(withChildren(skipped, failure, error)));
    expect(test.failure).toMatchObject({ type: "AssertionError", message: "expected 3" });
    const details = test.failure?.details ?? "";
    expect(details.startsWith("AssertionError: expected 3\n  at t")).toBe(true);
    expect(details).toContain("Also in this test case: <skipped>: skipped by the retry");
    expect(details).toContain(
      'Also in this test case: <error>: failed on teardown with "OSError"\nOSError: file in use',
    );
  });

  it("still reads a repeated <failure> as one failed execution each (vitest retries)", () => {
    const test = only(parse(withChildren(failure, failure.replace("expected 3", "expected 4"))));
    expect(test).toMatchObject({ status: "failed", flaky: false });
    expect(test.executions.map((execution) => execution.failure?.message)).toEqual([
      "expected 3",
      "expected 4",
    ]);
  });
});

describe("attribute values normalised as XML 1.0 §3.3.3 says", () => {
  const named = (raw: string) => `<testsuite name="s"><testcase classname="C" name="${raw}"/></testsuite>`;
  const nameOf = (raw: string) => only(parse(named(raw))).name;
  const idOf = (raw: string) => only(parse(named(raw))).id;

  it("reads a literal tab, CR, LF or CRLF as one space", () => {
    expect(nameOf("a\tb")).toBe("a b");
    expect(nameOf("a\nb")).toBe("a b");
    expect(nameOf("a\rb")).toBe("a b");
    expect(nameOf("a\r\nb")).toBe("a b");
    expect(nameOf("a\n\tb")).toBe("a  b");
  });

  it("keeps &#10;, &#13; and &#9; as the characters they reference", () => {
    expect(nameOf("a&#10;b")).toBe("a\nb");
    expect(nameOf("a&#xD;&#xA;b")).toBe("a\r\nb");
    expect(nameOf("a&#9;b")).toBe("a\tb");
  });

  it("gives a name with a literal line break the id of the same name with a space", () => {
    expect(idOf("multi\nline")).toBe(idOf("multi line"));
    expect(idOf("multi&#10;line")).not.toBe(idOf("multi line"));
  });

  it("normalises every attribute: suite names, classnames, messages", () => {
    const file = parse(
      '<testsuite name="outer\tsuite"><testcase classname="pkg.\nC" name="t"><failure message="line one\nline two"/></testcase></testsuite>',
    );
    const test = only(file);
    expect(test.suitePath).toEqual(["outer suite"]);
    expect(test.classname).toBe("pkg. C");
    expect(test.failure?.message).toBe("line one line two");
  });

  it("gives the same names whatever the chunk boundaries", () => {
    const xml = new TextEncoder().encode(
      '<testsuites>\n\t<testsuite name="a\tb">\r\n\t\t<testcase classname="C" name="x\r\ny&#10;z"/>\n\t\t<testcase classname="C\n" name="plain"/>\n\t</testsuite>\n</testsuites>',
    );
    const whole = testCasesOf(parseJunit(xml, { path: "report.xml" })).map((t) => [
      t.suitePath,
      t.classname,
      t.name,
    ]);
    expect(whole).toEqual([
      [["a b"], "C", "x y\nz"],
      [["a b"], "C ", "plain"],
    ]);
    for (const size of [1, 2, 3, 7, 16]) {
      const parser = new JunitParser({ path: "report.xml" });
      for (let offset = 0; offset < xml.length; offset += size)
        parser.write(xml.subarray(offset, offset + size));
      expect(
        testCasesOf(parser.end()).map((t) => [t.suitePath, t.classname, t.name]),
        `pieces of ${size}`,
      ).toEqual(whole);
    }
  });

  it("does not touch element text: stack traces keep their line breaks", () => {
    const test = only(
      parse(
        '<testsuite name="s"><testcase classname="C" name="t"><failure>one\ntwo</failure></testcase></testsuite>',
      ),
    );
    expect(test.failure?.details).toBe("one\ntwo");
  });
});
