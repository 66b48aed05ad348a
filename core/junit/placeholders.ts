// Placeholders: test cases a tool writes for a failure that happened before or around the tests (a class
// whose setup failed, a file that did not load, a Go package whose TestMain failed), not for a test. Each
// shape is the tool's own, found in its source or in reports people filed; the dialects pick the ones their
// tool writes, so a name that means "placeholder" in one tool stays a test in another (CTest names every
// test case after its class, which in a surefire report marks a class-level error).

import type { FailurePhase, PlaceholderKind, PlaceholderScope, SetupPlaceholder, TestCase } from "./model.ts";

/** What is known about a failed or errored test case when its element closes. */
export interface PlaceholderCandidate {
  readonly classname: string;
  readonly name: string;
  readonly file: string | null;
  /** The deciding result's `message` attribute (or the first line of its text) and `type`. */
  readonly message: string | null;
  readonly type: string | null;
  readonly details: string | null;
}

/** A placeholder, and where its failure happened when the shape says so. */
export interface RecognisedPlaceholder extends SetupPlaceholder {
  readonly phase: FailurePhase | null;
}

function placeholder(
  kind: PlaceholderKind,
  scope: PlaceholderScope,
  phase: FailurePhase | null,
): RecognisedPlaceholder {
  return Object.freeze({ kind, scope, phase });
}

// JUnit 4's runner names a class that cannot run `initializationError`; Gradle's JUnit 4 adapter names a
// failure with no method (@BeforeClass, @AfterClass, @ClassRule) `classMethod` (JUnitTestEventAdapter);
// surefire 3.5.5+ and Gradle's JUnit Platform support write `initializationError` for a class that failed
// before any of its tests and `executionError` for one that failed after some passed (apache/maven-surefire
// #3413). Surefire 3.0.0-M5 to 3.5.4 write an empty name (SUREFIRE-1822, #3267); older surefire writes the
// class name as the name (SUREFIRE-1822). "null" is surefire's legacy spelling of a missing method name.
const JVM_SETUP_NAMES = new Set(["initializationError", "classMethod", "null"]);

/** Class-level entries of JVM runners, as surefire and Gradle write them. */
export function jvmClassLevel(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  const { name, classname } = candidate;
  if (classname === "") return null;
  if (name === "executionError") return placeholder("class setup", "class", "teardown");
  if (JVM_SETUP_NAMES.has(name) || name === "" || name === classname) {
    return placeholder("class setup", "class", "setup");
  }
  return null;
}

/** The names JUnit itself reserves, safe to read as class-level entries in any report. */
export function jvmReservedName(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  if (candidate.classname === "") return null;
  if (candidate.name === "executionError") return placeholder("class setup", "class", "teardown");
  if (candidate.name === "initializationError" || candidate.name === "classMethod") {
    return placeholder("class setup", "class", "setup");
  }
  return null;
}

// Mocha (and Cypress, WebdriverIO and others built on it) reports a failing hook as a test titled
// `"before all" hook for "<first test>"`, `"before each" hook in "<suite>"`: the tests behind it never ran.
const BEFORE_HOOK = /"before (?:all|each)" hook(?: for "| in "|:|$)/;
const AFTER_HOOK = /"after (?:all|each)" hook(?: for "| in "|:|$)/;

export function hookEntry(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  // mocha-junit-reporter puts the hook's title in the classname and the full title in the name.
  const title = `${candidate.name}\n${candidate.classname}`;
  const scope: PlaceholderScope = candidate.file ? "file" : "suite";
  if (BEFORE_HOOK.test(title)) return placeholder("hook", scope, "setup");
  if (AFTER_HOOK.test(title)) return placeholder("hook", scope, "teardown");
  return null;
}

/**
 * pytest writes a module that failed to import as `classname=""`, `name=<dotted module>` with
 * `<error message="collection failure">` (junitxml.py, `append_collect_error`).
 */
export function pytestCollectionError(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  if (candidate.classname !== "" || candidate.name === "") return null;
  if (!/^collection failure\b/i.test(candidate.message ?? "")) return null;
  return placeholder("collection", "module", "setup");
}

/**
 * gotestsum adds a test case named `TestMain` when a package failed outside its tests: TestMain itself, a
 * build failure, a panic or timeout outside a test (internal/junitxml/report.go; its classname is often empty).
 * go-junit-report v2 writes `[build failed]`/`[setup failed]` for build errors and `Failure` with
 * "Runtime error" for a package that failed at run time (junit/junit.go).
 */
export function goPackageLevel(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  const { name, message } = candidate;
  const packageLevel =
    name === "TestMain" ||
    /^\[(?:build|setup) failed\]$/.test(name) ||
    (name === "Failure" && message === "Runtime error");
  if (!packageLevel) return null;
  // TestMain's own code runs before and after the tests: output that reached the verdict line of the tests
  // (`PASS`, `--- FAIL`, `ok`) failed afterwards.
  const afterTests = /^(?:PASS|FAIL|ok)\s*$|^--- (?:PASS|FAIL): /m.test(candidate.details ?? "");
  return placeholder("package", "suite", afterTests ? "teardown" : "setup");
}

/**
 * jest-junit writes a test file that failed to run (an import error, a failing `beforeAll` at module level in
 * older jest, a global setup error) as `classname="Test suite failed to run"`, `name=<file path>`, with
 * `reportTestSuiteErrors` (utils/buildJsonResults.js).
 */
export function jestSuiteFailedToRun(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  if (candidate.classname !== "Test suite failed to run") return null;
  return placeholder("file load", "file", "setup");
}

/**
 * vitest's junit reporter writes a file that failed to load as one test case named after the file, with the
 * file as its classname (packages/vitest/src/node/reporters/junit.ts).
 */
export function vitestFileLoad(candidate: PlaceholderCandidate): RecognisedPlaceholder | null {
  if (candidate.name === "" || candidate.name !== candidate.classname) return null;
  return placeholder("file load", "file", "setup");
}

/**
 * An `<error>` or `<failure>` directly inside `<testsuite>`, outside any test case: the JUnit XSD's "in place
 * of a test case", as Ant's XMLJUnitResultFormatter and TestReports.jl write it. The parser makes it a test
 * case with an empty name.
 */
export const suiteLevelError: RecognisedPlaceholder = placeholder("suite", "suite", "setup");

/** The SetupPlaceholder part of a recognised placeholder, as the model keeps it. */
export function toSetupPlaceholder(recognised: RecognisedPlaceholder): SetupPlaceholder {
  return Object.freeze({ kind: recognised.kind, scope: recognised.scope });
}

/**
 * Whether `test` is one of the tests `entry` (a placeholder) stands for. Only what the report declares is
 * compared, so the answer is the same on every run.
 */
export function standsFor(
  entry: Pick<TestCase, "suitePath" | "classname" | "name" | "file" | "placeholder">,
  test: Pick<TestCase, "suitePath" | "classname" | "file">,
): boolean {
  switch (entry.placeholder?.scope) {
    case "class":
      // Nested classes: surefire and Gradle write `Outer$Inner`.
      return test.classname === entry.classname || test.classname.startsWith(`${entry.classname}$`);
    case "file": {
      // jest-junit and vitest name the file in the placeholder's name; mocha declares it on the suite.
      const file = entry.file ?? entry.name;
      return file !== "" && (test.file === file || test.classname === file || test.suitePath[0] === file);
    }
    case "module":
      return test.classname === entry.name || test.classname.startsWith(`${entry.name}.`);
    case "suite":
      return entry.suitePath.every((part, index) => test.suitePath[index] === part);
    default:
      return false;
  }
}
