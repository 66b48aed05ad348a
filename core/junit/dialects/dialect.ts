import type { Attributes } from "../../xml/index.ts";
import type { FailurePhase, Property, TestStatus } from "../model.ts";
import type { PlaceholderCandidate, RecognisedPlaceholder } from "../placeholders.ts";

/** What the parser has seen when the first test case closes: enough to tell which tool wrote the report. */
export interface ReportSignature {
  readonly rootName: string;
  readonly rootAttributes: Attributes;
  /** The innermost suite around the first test case ({} when there is none). */
  readonly suiteAttributes: Attributes;
  readonly suiteProperties: readonly Property[];
  readonly testCaseAttributes: Attributes;
  /** The last `file` attribute any suite declared so far. */
  readonly specFile: string | null;
  /** The report's own path: some tools are known by where they write (bazel-testlogs/.../test.xml). */
  readonly path: string;
}

export interface TestCaseContext {
  readonly attributes: Attributes;
  readonly suiteAttributes: Attributes;
  /** The last `file` attribute any suite declared so far. */
  readonly specFile: string | null;
}

export interface FailureText {
  readonly type: string | null;
  readonly message: string | null;
  readonly details: string | null;
}

/**
 * A tool's quirks. Every hook is optional; the generic JUnit reading applies where a hook is absent or
 * returns undefined.
 */
export interface Dialect {
  readonly name: string;
  /** True when any hook below is present: the parser builds a TestCaseContext only then. */
  readonly usesContext?: boolean;
  detect(signature: ReportSignature): boolean;
  /** The file the test lives in, when the tool records it somewhere other than a `file` attribute. */
  testFile?(context: TestCaseContext): string | null | undefined;
  /** The test's line, when the tool records it in its own way. */
  testLine?(context: TestCaseContext): number | null | undefined;
  /** A status the tool writes in attributes rather than child elements. */
  status?(context: TestCaseContext, fromElements: TestStatus): TestStatus | undefined;
  /** Which part of the test's life a failure came from. */
  failurePhase?(failure: FailureText, context: TestCaseContext): FailurePhase | null | undefined;
  /**
   * Whether a failed or errored test case stands for setup rather than a test, in this tool's shapes. Asked
   * only for failing entries, so it does not count towards `usesContext`.
   */
  placeholder?(candidate: PlaceholderCandidate): RecognisedPlaceholder | null | undefined;
}

export function positiveInteger(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : null;
}
