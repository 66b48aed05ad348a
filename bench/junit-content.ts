// The pieces of a synthetic JUnit report in the two shapes most CI reports come in: Maven Surefire (Java) and
// jest-junit (JavaScript). Every string returned here is already XML-escaped; names deliberately mix raw
// UTF-8 (including astral-plane characters, which are surrogate pairs in JS strings) with character and
// entity references, so a parser pays for decoding as it would on real reports.

import type { Random } from "./prng.ts";

export type TestOutcome = "passed" | "failed" | "errored" | "skipped";

export interface SuiteXml {
  readonly xml: string;
  readonly testCases: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

const UNICODE_FRAGMENTS = [
  "café ☕",
  "naïve façade",
  "Grüße aus Köln",
  "日本語のテスト",
  "данные пользователя",
  "مرحبا بالعالم",
  "launch 🚀 sequence",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters",
  "𠜎𠜱 CJK extension B",
  "rocket &#x1F680; by reference",
  "grin &#128512; by decimal reference",
  "R&amp;D budget",
  "List&lt;String&gt; generics",
  "&quot;quoted&quot; input",
  "&#xE9;t&#xE9; accents by reference",
] as const;

const VERBS = [
  "should accept",
  "should reject",
  "handles",
  "parses",
  "renders",
  "retries",
  "caches",
  "sorts",
];
const OBJECTS = [
  "an empty cart",
  "expired cards",
  "a timeout",
  "the invoice",
  "nested payloads",
  "user names",
];
const MODULES = ["billing", "checkout", "inventory", "auth", "search", "shipping", "reporting", "catalog"];
const CLASSES = ["Service", "Repository", "Controller", "Mapper", "Validator", "Client", "Scheduler"];
const NOUNS = ["Invoice", "Order", "Cart", "User", "Payment", "Stock", "Token", "Query", "Parcel"];

/** About 5% failures and errors, as in the issue; a few skips as real suites have. */
function drawOutcome(random: Random): TestOutcome {
  const r = random.next();
  if (r < 0.04) return "failed";
  if (r < 0.05) return "errored";
  if (r < 0.07) return "skipped";
  return "passed";
}

function seconds(random: Random, max: number): number {
  // Most tests are fast, a few are slow: squaring skews towards zero.
  const r = random.next();
  return Math.round(r * r * max * 1000) / 1000;
}

function testTitle(random: Random, index: number): string {
  const base = `${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
  // About a third of the names carry non-ASCII text or references.
  const unicode = random.next() < 0.35 ? ` ${random.pick(UNICODE_FRAGMENTS)}` : "";
  return `${base}${unicode} [${index}]`;
}

function javaStackTrace(random: Random, className: string, message: string): string {
  const lines = [`org.opentest4j.AssertionFailedError: ${message}`];
  lines.push("\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)");
  lines.push("\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)");
  const frames = random.int(6, 22);
  for (let i = 0; i < frames; i++) {
    const method = random.next() < 0.2 ? "&lt;init&gt;" : `${random.pick(VERBS).replace(/ /g, "_")}${i}`;
    lines.push(`\tat ${className}.${method}(${className.split(".").pop()}.java:${random.int(20, 900)})`);
  }
  lines.push("\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)");
  lines.push(`\t... ${random.int(40, 80)} more`);
  return `${lines.join("\n")}\n`;
}

function jestStackTrace(random: Random, file: string): string {
  const expected = random.int(1, 9);
  const lines = [
    "Error: expect(received).toBe(expected) // Object.is equality",
    "",
    `Expected: ${expected}`,
    `Received: ${expected + 1}`,
  ];
  const frames = random.int(4, 12);
  for (let i = 0; i < frames; i++) {
    const where = i === 0 ? `/home/runner/work/app/app/${file}` : "/home/runner/work/app/app/node_modules";
    lines.push(`    at Object.&lt;anonymous&gt; (${where}:${random.int(1, 400)}:${random.int(1, 80)})`);
  }
  return `${lines.join("\n")}\n`;
}

function systemOut(random: Random, title: string): string {
  const lines: string[] = [];
  const count = random.int(1, 6);
  for (let i = 0; i < count; i++) {
    lines.push(`12:00:${String(i).padStart(2, "0")}.${random.int(100, 999)} INFO  [main] ${title} step ${i}`);
  }
  // Surefire wraps captured output in CDATA, so references in the title stay undecoded there, as in real logs.
  return `      <system-out><![CDATA[${lines.join("\n")}\n]]></system-out>\n`;
}

interface CaseContext {
  readonly random: Random;
  readonly shape: "surefire" | "jest";
  readonly className: string;
  readonly file: string;
}

function testCaseXml(context: CaseContext, index: number, outcome: TestOutcome, time: number): string {
  const { random, shape, className, file } = context;
  const title = testTitle(random, index);
  const name = shape === "jest" ? `${random.pick(NOUNS)} › ${title}` : title;
  const classname = shape === "jest" ? name : className;
  const open = `    <testcase name="${name}" classname="${classname}" time="${time.toFixed(3)}"`;
  const wantsOutput = random.next() < (outcome === "passed" ? 0.08 : 0.5);
  if (outcome === "passed" && !wantsOutput) return `${open}/>\n`;

  let body = "";
  if (outcome === "skipped")
    body += `      <skipped message="disabled until ${random.pick(NOUNS)} is fixed"/>\n`;
  if (outcome === "failed" || outcome === "errored") {
    const tag = outcome === "failed" ? "failure" : "error";
    const message = `expected: &lt;${random.int(200, 204)}&gt; but was: &lt;${random.int(400, 504)}&gt;`;
    const trace =
      shape === "jest" ? jestStackTrace(random, file) : javaStackTrace(random, className, message);
    const attributes =
      shape === "jest" ? "" : ` message="${message}" type="org.opentest4j.AssertionFailedError"`;
    body += `      <${tag}${attributes}>${trace}</${tag}>\n`;
  }
  if (wantsOutput) body += systemOut(random, title);
  return `${open}>\n${body}    </testcase>\n`;
}

/**
 * The suite index makes every suite, and so every test case, unique: a repeated classname and name is how
 * surefire and jest report a re-run, which a reader rightly merges into one test with several executions.
 */
function suiteIdentity(random: Random, suiteIndex: number): { className: string; file: string } {
  const module = random.pick(MODULES);
  const noun = random.pick(NOUNS);
  const kind = random.pick(CLASSES);
  const part = `part${suiteIndex}`;
  return {
    className: `com.acme.${module}.${part}.${noun}${kind}Test`,
    file: `src/${module}/${part}/${noun.toLowerCase()}-${kind.toLowerCase()}.test.ts`,
  };
}

/** One `<testsuite>` of 50-200 test cases; its counting attributes match its contents. */
export function suiteXml(random: Random, suiteIndex: number): SuiteXml {
  const shape = random.next() < 0.5 ? "surefire" : "jest";
  const { className, file } = suiteIdentity(random, suiteIndex);
  const context: CaseContext = { random, shape, className, file };
  const counts = { failed: 0, errored: 0, skipped: 0, passed: 0 };
  const testCount = random.int(50, 200);
  let cases = "";
  let totalTime = 0;
  for (let i = 0; i < testCount; i++) {
    const outcome = drawOutcome(random);
    const time = seconds(random, outcome === "passed" ? 0.5 : 3);
    counts[outcome]++;
    totalTime += time;
    cases += testCaseXml(context, i, outcome, time);
  }
  const timestamp = new Date(Date.UTC(2026, 10, 25, 12, 0, 0) + suiteIndex * 1000).toISOString().slice(0, 19);
  const name = shape === "jest" ? file : className;
  const header =
    `  <testsuite name="${name}" tests="${testCount}" failures="${counts.failed}" errors="${counts.errored}"` +
    ` skipped="${counts.skipped}" time="${totalTime.toFixed(3)}" timestamp="${timestamp}" hostname="ci-runner">\n`;
  const properties =
    shape === "surefire"
      ? '    <properties>\n      <property name="java.version" value="21.0.5"/>\n' +
        '      <property name="file.encoding" value="UTF-8"/>\n    </properties>\n'
      : "";
  const suiteOutput = shape === "surefire" && random.next() < 0.2 ? systemOut(random, className) : "";
  return {
    xml: `${header}${properties}${cases}${suiteOutput}  </testsuite>\n`,
    testCases: testCount,
    failures: counts.failed,
    errors: counts.errored,
    skipped: counts.skipped,
  };
}

export const REPORT_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="seamwatch bench">\n';
export const REPORT_FOOTER = "</testsuites>\n";
