// Streaming JUnit reader: bytes in, test cases out, one suite element at a time. Counting alone (no
// collection) builds no test case at all: memory holds the current test case (each text capped) and a
// 9-byte identity slot per test for merging re-runs, never the document.

import { type Attributes, type XmlHandler, XmlScanner, XmlSyntaxError } from "../xml/index.ts";
import { positiveInteger, type TestCaseContext } from "./dialects/dialect.ts";
import { type Dialect, detectDialect, generic } from "./dialects/index.ts";
import { parseSecondsToMs, roundMs } from "./duration.ts";
import {
  extendHash,
  finishHash,
  type HashPrefix,
  type IdentityHash,
  identityKey,
  suitePathHash,
} from "./identity.ts";
import { locateFailure } from "./locate-failure.ts";
import type {
  Counts,
  Execution,
  Failure,
  FailurePhase,
  JunitFile,
  ParseError,
  Property,
  SetupPlaceholder,
  TestStatus,
} from "./model.ts";
import {
  hookEntry,
  jvmReservedName,
  type RecognisedPlaceholder,
  suiteLevelError,
  toSetupPlaceholder,
} from "./placeholders.ts";
import { type CollectedTestCase, statusBit, TestCaseCollector } from "./test-case-collector.ts";
import { DEFAULT_MAX_TEXT_LENGTH, NO_TEXT, TextCapture } from "./text-capture.ts";

export interface ParseOptions {
  /** Shown in errors and kept on the result. */
  readonly path: string;
  /** Cap for each failure message, stack trace and system-out/err, in characters. */
  readonly maxTextLength?: number;
  /** Keep suites and test cases on the result (default true). Counting alone keeps no test case. */
  readonly collectTestCases?: boolean;
}

type ResultKind = "failure" | "error" | "skipped";
type ExtraKind = "flakyFailure" | "flakyError" | "rerunFailure" | "rerunError";

interface ResultDraft {
  readonly kind: ResultKind | ExtraKind;
  readonly attributes: Attributes;
  readonly details: TextCapture;
}

interface TestCaseDraft {
  readonly attributes: Attributes;
  readonly suite: SuiteFrame;
  readonly properties: Property[];
  /** The first `<failure>`, `<error>` or `<skipped>`. */
  result: ResultDraft | null;
  /** Further executions: surefire's flaky/rerun elements, a repeated `<failure>` (one per vitest retry). */
  readonly extras: ResultDraft[];
  /**
   * Further results of the same run in other kinds (`<skipped/>` then `<failure>`; pytest's `<failure>` from
   * the call and `<error>` from teardown): the most severe of them and `result` decides, the rest is kept.
   */
  readonly companions: ResultDraft[];
  systemOut: TextCapture | null;
  systemErr: TextCapture | null;
  /** An `<error>`/`<failure>` directly in `<testsuite>`: it closes with that element. */
  readonly suiteLevel: boolean;
}

interface SuiteFrame {
  readonly path: readonly string[];
  readonly attributes: Attributes;
  readonly properties: Property[];
  /**
   * Test cases of this suite element, merged by identity (re-runs become executions). Keyed by 30 bits of
   * the hash, a small integer V8 stores without boxing; a test whose key is taken by a different test
   * goes to `overflow`, keyed by the full 52-bit identity.
   */
  readonly testCases: Map<number, CollectedTestCase>;
  overflow: Map<number, CollectedTestCase> | null;
  /** Hash of the suite path, and of the path plus the last classname seen (usually the same for all). */
  readonly pathHash: HashPrefix;
  classname: string | null;
  classnameHash: HashPrefix;
}

const NO_CONTEXT: TestCaseContext = Object.freeze({ attributes: {}, suiteAttributes: {}, specFile: null });

const RESULT_ELEMENTS = new Set<string>(["failure", "error", "skipped"]);
const EXTRA_ELEMENTS = new Set<string>(["flakyFailure", "flakyError", "rerunFailure", "rerunError"]);

export class JunitParser implements XmlHandler {
  private readonly scanner = new XmlScanner(this);
  private readonly maxTextLength: number;
  private readonly collect: boolean;
  private readonly path: string;

  private dialect: Dialect | null = null;
  private rootName: string | null = null;
  private rootAttributes: Attributes = {};
  private readonly suiteStack: SuiteFrame[] = [];
  private readonly collector: TestCaseCollector;
  private testCase: TestCaseDraft | null = null;
  private result: ResultDraft | null = null;
  /** Where text currently goes, and the element depth that opened it. */
  private capture: TextCapture | null = null;
  private captureDepth = -1;
  private propertyDraft: { name: string; depth: number; text: TextCapture } | null = null;
  private depth = 0;
  /** The last `file` a suite declared: mocha-junit-reporter puts it only on each spec's "Root Suite". */
  private specFile: string | null = null;
  private error: ParseError | null = null;
  private topLevelSuiteMs: number | null = null;

  constructor(options: ParseOptions) {
    this.path = options.path;
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    this.collect = options.collectTestCases ?? true;
    this.collector = new TestCaseCollector(this.collect);
  }

  write(bytes: Uint8Array): void {
    if (this.error) return;
    try {
      this.scanner.write(bytes);
    } catch (cause) {
      this.stopWithSyntaxError(cause);
    }
  }

  /** Records a read failure (the adapter could not read the rest of the file). */
  fail(message: string): void {
    if (!this.error) this.stop({ message, line: null, column: null });
  }

  end(): JunitFile {
    if (!this.error) {
      try {
        this.scanner.end();
        // Only the implicit suite of a bare <testcase> root can still be open here.
        while (this.suiteStack.length > 0) this.closeSuite();
      } catch (cause) {
        this.stopWithSyntaxError(cause);
      }
    }
    const durationMs = roundMs(this.rootDurationMs() ?? this.topLevelSuiteMs ?? this.collector.testCaseMs);
    const counts: Counts = Object.freeze({ ...this.collector.counts, durationMs });
    return Object.freeze({
      path: this.path,
      dialect: (this.dialect ?? generic).name,
      suites: this.collector.finish(),
      counts,
      incomplete: this.error !== null,
      error: this.error,
    });
  }

  private stopWithSyntaxError(cause: unknown): void {
    if (!(cause instanceof XmlSyntaxError)) throw cause;
    this.stop({ message: cause.message, line: cause.line, column: cause.column });
  }

  /** Keeps every test case finished so far: suites still open are flushed as they stand. */
  private stop(error: ParseError): void {
    this.error = Object.freeze(error);
    while (this.suiteStack.length > 0) this.closeSuite();
  }

  private rootDurationMs(): number | null {
    if (this.rootName !== "testsuites" || this.rootAttributes.time === undefined) return null;
    return parseSecondsToMs(this.rootAttributes.time);
  }

  // XmlHandler

  openTag(name: string, attributes: Attributes, selfClosing: boolean): void {
    this.depth++;
    if (this.depth === 1) {
      this.rootName = name;
      this.rootAttributes = attributes;
      if (name !== "testsuites" && name !== "testsuite" && name !== "testcase") {
        throw this.scanner.errorAtTag(`not a JUnit report: the root element is <${name}>`);
      }
    }
    if (this.capture) return;
    const test = this.testCase;
    if (name === "testsuite") {
      this.openSuite(attributes);
    } else if (name === "testcase") {
      if (!test) this.openTestCase(attributes, false);
    } else if (RESULT_ELEMENTS.has(name) && !this.result && (test || this.isDirectlyInSuite(name))) {
      this.openResult(test ?? this.openTestCase({}, true), name as ResultKind, attributes, selfClosing);
    } else if (test && EXTRA_ELEMENTS.has(name) && !this.result) {
      this.result = { kind: name as ExtraKind, attributes, details: this.newCapture() };
      this.resultDepth = this.depth;
      test.extras.push(this.result);
      this.startCapture(this.result.details, selfClosing);
    } else if (name === "stackTrace" && this.result) {
      this.startCapture(this.result.details, selfClosing);
    } else if (name === "system-out" && test && !this.result) {
      test.systemOut = this.newCapture();
      this.startCapture(test.systemOut, selfClosing);
    } else if (name === "system-err" && test && !this.result) {
      test.systemErr = this.newCapture();
      this.startCapture(test.systemErr, selfClosing);
    } else if (name === "property") {
      this.openProperty(attributes, selfClosing);
    }
  }

  closeTag(name: string): void {
    if (this.propertyDraft && this.depth === this.propertyDraft.depth) {
      const draft = this.propertyDraft;
      this.propertyDraft = null;
      this.endCapture();
      this.addProperty(draft.name, draft.text.finish() ?? "");
    } else if (this.capture && this.depth === this.captureDepth) {
      this.endCapture();
    }
    if (!this.capture) {
      const test = this.testCase;
      if (test && this.depth === this.testCaseDepth && (name === "testcase" || test.suiteLevel)) {
        this.closeTestCase();
      } else if (this.result && this.depth === this.resultDepth) {
        this.result = null;
        this.resultDepth = -1;
      }
      // A <testsuite> closes its frame; the implicit suite around loose test cases closes with their parent.
      while (this.suiteStack.length > 0 && this.suiteDepth() >= this.depth) this.closeSuite();
    }
    this.depth--;
  }

  text(text: string): void {
    if (!this.capture) return;
    this.capture.append(text);
    if (!this.capture.wantsMore) this.scanner.wantText = false;
  }

  // Element handling

  private testCaseDepth = -1;
  private resultDepth = -1;
  private readonly suiteDepths: number[] = [];

  private suiteDepth(): number {
    return this.suiteDepths[this.suiteDepths.length - 1] ?? -1;
  }

  /** Counting keeps no text at all, so the scanner never decodes a message, trace or output. */
  private newCapture(): TextCapture {
    return this.collect ? new TextCapture(this.maxTextLength) : NO_TEXT;
  }

  private startCapture(capture: TextCapture, selfClosing: boolean): void {
    if (selfClosing) return;
    this.capture = capture;
    this.captureDepth = this.depth;
    this.scanner.wantText = capture.wantsMore;
  }

  private endCapture(): void {
    this.capture = null;
    this.captureDepth = -1;
    this.scanner.wantText = false;
  }

  private openProperty(attributes: Attributes, selfClosing: boolean): void {
    const name = attributes.name;
    if (name === undefined) return;
    if (attributes.value !== undefined || selfClosing) {
      this.addProperty(name, attributes.value ?? "");
      return;
    }
    // Some tools put long values in the element's text.
    const text = this.newCapture();
    this.propertyDraft = { name, depth: this.depth, text };
    this.capture = text;
    this.captureDepth = this.depth;
    this.scanner.wantText = true;
  }

  private addProperty(name: string, value: string): void {
    const property = Object.freeze({ name, value });
    if (this.testCase) this.testCase.properties.push(property);
    else this.suiteStack[this.suiteStack.length - 1]?.properties.push(property);
  }

  private openSuite(attributes: Attributes): void {
    if (attributes.file !== undefined) this.specFile = attributes.file;
    const parent = this.suiteStack[this.suiteStack.length - 1];
    const name = attributes.name ?? "";
    const path = Object.freeze(parent ? [...parent.path, name] : [name]);
    const pathHash = suitePathHash(path);
    this.suiteStack.push({
      path,
      attributes,
      properties: [],
      testCases: new Map(),
      overflow: null,
      pathHash,
      classname: null,
      classnameHash: pathHash,
    });
    this.suiteDepths.push(this.depth);
  }

  private closeSuite(): void {
    const frame = this.suiteStack.pop();
    this.suiteDepths.pop();
    if (!frame) return;
    if (this.testCase && this.testCase.suite === frame) {
      // The file broke off inside a test case: it never finished, so it is not reported.
      this.testCase = null;
      this.result = null;
    }
    const time = frame.attributes.time;
    if (this.suiteStack.length === 0 && time !== undefined) {
      this.topLevelSuiteMs = (this.topLevelSuiteMs ?? 0) + parseSecondsToMs(time);
    }
    this.collector.addSuite(
      {
        path: frame.path,
        name: frame.path[frame.path.length - 1] ?? "",
        file: frame.attributes.file ?? frame.attributes.filepath ?? null,
        durationMs: time === undefined ? null : parseSecondsToMs(time),
        properties: Object.freeze(frame.properties),
      },
      frame.overflow ? [...frame.testCases.values(), ...frame.overflow.values()] : frame.testCases.values(),
    );
  }

  /** A result element directly inside `<testsuite>` (not `<skipped>`: a skipped suite is no failure). */
  private isDirectlyInSuite(name: string): boolean {
    return name !== "skipped" && this.suiteStack.length > 0 && this.depth === this.suiteDepth() + 1;
  }

  private openResult(
    test: TestCaseDraft,
    name: ResultKind,
    attributes: Attributes,
    selfClosing: boolean,
  ): void {
    const first = test.result;
    // A repeated <failure> or <error> is another failed execution (vitest writes one per retry); a result of
    // another kind belongs to the same run (pytest: the call failed, then teardown errored).
    const repeated = first !== null && name !== "skipped" && name === first.kind;
    const kind: ResultKind | ExtraKind = repeated ? (name === "error" ? "rerunError" : "rerunFailure") : name;
    const result: ResultDraft = { kind, attributes, details: this.newCapture() };
    if (!first) test.result = result;
    else if (repeated) test.extras.push(result);
    else test.companions.push(result);
    this.result = result;
    this.resultDepth = this.depth;
    this.startCapture(result.details, selfClosing);
  }

  private openTestCase(attributes: Attributes, suiteLevel: boolean): TestCaseDraft {
    if (this.suiteStack.length === 0) {
      // A <testcase> directly under <testsuites>, or a bare <testcase> root: an unnamed suite holds it.
      this.openSuite({});
      this.suiteDepths[this.suiteDepths.length - 1] = this.depth - 1;
    }
    const suite = this.suiteStack[this.suiteStack.length - 1] as SuiteFrame;
    const draft: TestCaseDraft = {
      attributes,
      suite,
      properties: [],
      result: null,
      extras: [],
      companions: [],
      systemOut: null,
      systemErr: null,
      suiteLevel,
    };
    this.testCase = draft;
    this.testCaseDepth = this.depth;
    this.resultDepth = -1;
    return draft;
  }

  private closeTestCase(): void {
    const draft = this.testCase;
    this.testCase = null;
    this.result = null;
    this.testCaseDepth = -1;
    this.resultDepth = -1;
    if (!draft) return;
    const dialect = this.dialectFor(draft);
    // Only a dialect with hooks reads the context; most reports never need it built.
    const context: TestCaseContext = dialect.usesContext
      ? { attributes: draft.attributes, suiteAttributes: draft.suite.attributes, specFile: this.specFile }
      : NO_CONTEXT;
    const classname = draft.attributes.classname ?? draft.attributes.class ?? "";
    const name = draft.attributes.name ?? "";
    const file =
      dialect.testFile?.(context) ??
      draft.attributes.file ??
      draft.attributes.filepath ??
      draft.suite.attributes.file ??
      null;
    const suite = draft.suite;
    if (suite.classname !== classname) {
      suite.classname = classname;
      suite.classnameHash = extendHash(suite.pathHash, classname, 0x1e);
    }
    const hash = finishHash(suite.classnameHash, name, file);
    if (!this.collect) {
      // Counting builds no test case, execution or text: the statuses go straight to the file-wide table,
      // which merges re-runs wherever they are (within a suite element too).
      this.countTestCase(draft, dialect, context, hash);
      return;
    }
    const line = dialect.testLine?.(context) ?? positiveInteger(draft.attributes.line);
    const { executions, placeholder } = this.executionsOf(draft, dialect, context, file, classname);
    let key = hash.low >>> 2;
    let byKey = suite.testCases;
    let existing = byKey.get(key);
    if (existing && (existing.hash.low !== hash.low || existing.hash.high !== hash.high)) {
      suite.overflow ??= new Map();
      byKey = suite.overflow;
      key = identityKey(hash);
      existing = byKey.get(key);
    }
    if (existing) {
      existing.executions.push(...executions);
      existing.placeholder ??= placeholder;
      existing.properties.push(...draft.properties);
      existing.systemOut = draft.systemOut?.finish() ?? existing.systemOut;
      existing.systemErr = draft.systemErr?.finish() ?? existing.systemErr;
      return;
    }
    byKey.set(key, {
      hash,
      suitePath: suite.path,
      classname,
      name,
      file,
      line,
      executions,
      properties: draft.properties,
      systemOut: draft.systemOut?.finish() ?? null,
      systemErr: draft.systemErr?.finish() ?? null,
      placeholder,
    });
  }

  private dialectFor(draft: TestCaseDraft): Dialect {
    if (!this.dialect) {
      this.dialect = detectDialect({
        rootName: this.rootName ?? "",
        rootAttributes: this.rootAttributes,
        suiteAttributes: draft.suite.attributes,
        suiteProperties: draft.suite.properties,
        testCaseAttributes: draft.attributes,
        specFile: this.specFile,
        path: this.path,
      });
    }
    return this.dialect;
  }

  private countTestCase(
    draft: TestCaseDraft,
    dialect: Dialect,
    context: TestCaseContext,
    hash: IdentityHash,
  ): void {
    const deciding = decidingResult(draft);
    const elementStatus: TestStatus = deciding ? statusOfKind(deciding.kind) : "passed";
    let bits = statusBit(dialect.status?.(context, elementStatus) ?? elementStatus);
    let durationMs = parseSecondsToMs(draft.attributes.time);
    for (const extra of draft.extras) {
      bits |= statusBit(statusOfKind(extra.kind));
      durationMs += parseSecondsToMs(extra.attributes.time);
    }
    this.collector.countOne(hash, bits, durationMs);
  }

  /** Counting needs no failure details: only the statuses of the executions. */
  private failureOf(
    result: ResultDraft,
    others: readonly ResultDraft[],
    dialect: Dialect,
    context: TestCaseContext,
    file: string | null,
    classname: string,
    fallbackPhase: FailurePhase | null,
  ): Failure | null {
    if (!this.collect) return null;
    return buildFailure(result, others, dialect, context, { testFile: file, classname, fallbackPhase });
  }

  /**
   * One element's results as executions: flaky re-runs before the element's own result, failing re-runs after
   * it; and whether the element is a placeholder for setup rather than a test.
   */
  private executionsOf(
    draft: TestCaseDraft,
    dialect: Dialect,
    context: TestCaseContext,
    file: string | null,
    classname: string,
  ): { executions: Execution[]; placeholder: SetupPlaceholder | null } {
    const deciding = decidingResult(draft);
    const elementStatus: TestStatus = deciding ? statusOfKind(deciding.kind) : "passed";
    const status = dialect.status?.(context, elementStatus) ?? elementStatus;
    const failing = status === "failed" || status === "errored";
    const recognised =
      deciding && failing ? this.recognisePlaceholder(draft, deciding, dialect, file, classname) : null;
    const phase = recognised?.phase ?? null;
    const others = deciding ? [draft.result, ...draft.companions].filter((r) => r && r !== deciding) : [];
    const durationMs = parseSecondsToMs(draft.attributes.time);
    const failure =
      deciding && failing
        ? this.failureOf(deciding, others as ResultDraft[], dialect, context, file, classname, phase)
        : null;
    const final: Execution = { status, durationMs, failure };
    const placeholder = recognised ? toSetupPlaceholder(recognised) : null;
    if (draft.extras.length === 0) return { executions: [final], placeholder };
    const before: Execution[] = [];
    const after: Execution[] = [];
    for (const extra of draft.extras) {
      const execution: Execution = {
        status: statusOfKind(extra.kind),
        durationMs: parseSecondsToMs(extra.attributes.time),
        failure: this.failureOf(extra, [], dialect, context, file, classname, phase),
      };
      (extra.kind.startsWith("flaky") ? before : after).push(execution);
    }
    return { executions: [...before, final, ...after], placeholder };
  }

  /** Only collected test cases carry the flag: counting keeps no test case to put it on. */
  private recognisePlaceholder(
    draft: TestCaseDraft,
    deciding: ResultDraft,
    dialect: Dialect,
    file: string | null,
    classname: string,
  ): RecognisedPlaceholder | null {
    if (!this.collect) return null;
    if (draft.suiteLevel) return suiteLevelError;
    const details = deciding.details.finish();
    const candidate = {
      classname,
      name: draft.attributes.name ?? "",
      file,
      message: deciding.attributes.message?.trim() || firstLine(details),
      type: deciding.attributes.type?.trim() || null,
      details,
    };
    return dialect.placeholder?.(candidate) ?? jvmReservedName(candidate) ?? hookEntry(candidate);
  }
}

const SEVERITY: Readonly<Record<string, number>> = { failure: 3, error: 2, skipped: 1 };

/**
 * The result that decides one element's own run: an assertion failure over an error over a skip, so that a
 * `<skipped/>` written before a `<failure>` cannot hide it, and the failure (not a teardown error beside it)
 * is what the classifier reads first.
 */
function decidingResult(draft: TestCaseDraft): ResultDraft | null {
  let deciding = draft.result;
  for (const companion of draft.companions) {
    if (!deciding || (SEVERITY[companion.kind] ?? 0) > (SEVERITY[deciding.kind] ?? 0)) deciding = companion;
  }
  return deciding;
}

function statusOfKind(kind: ResultKind | ExtraKind): TestStatus {
  switch (kind) {
    case "failure":
    case "flakyFailure":
    case "rerunFailure":
      return "failed";
    case "error":
    case "flakyError":
    case "rerunError":
      return "errored";
    case "skipped":
      return "skipped";
  }
}

const GENERIC_HOOK_PHASE: readonly [RegExp, FailurePhase][] = [
  [
    /\b(?:beforeAll|beforeEach|setUpClass|setUpBeforeClass|@BeforeAll|@BeforeClass)\b|"before (?:all|each)" hook/,
    "setup",
  ],
  [
    /\b(?:afterAll|afterEach|tearDownClass|tearDownAfterClass|@AfterAll|@AfterClass)\b|"after (?:all|each)" hook/,
    "teardown",
  ],
];

function buildFailure(
  result: ResultDraft,
  others: readonly ResultDraft[],
  dialect: Dialect,
  context: TestCaseContext,
  where: { testFile: string | null; classname: string; fallbackPhase: FailurePhase | null },
): Failure {
  const ownDetails = result.details.finish();
  const message = result.attributes.message?.trim() || firstLine(ownDetails);
  const type = result.attributes.type?.trim() || null;
  const text = { type, message, details: ownDetails };
  const located = locateFailure(ownDetails ?? message, {
    testFile: where.testFile,
    classname: where.classname,
  });
  const phase = dialect.failurePhase?.(text, context) ?? genericPhase(message) ?? where.fallbackPhase;
  return {
    type,
    message,
    details: withOtherResults(ownDetails, others),
    file: located?.file ?? null,
    line: located?.line ?? null,
    phase,
  };
}

/** The other results of the same run, kept after the deciding one's text (each already capped). */
function withOtherResults(details: string | null, others: readonly ResultDraft[]): string | null {
  if (others.length === 0) return details;
  const parts = details ? [details] : [];
  for (const other of others) {
    const type = other.attributes.type?.trim();
    const message = other.attributes.message?.trim();
    const head = `Also in this test case: <${other.kind}>${type ? ` ${type}` : ""}${message ? `: ${message}` : ""}`;
    const text = other.details.finish();
    parts.push(text ? `${head}\n${text}` : head);
  }
  return parts.join("\n\n");
}

function genericPhase(message: string | null): FailurePhase | null {
  if (!message) return null;
  for (const [pattern, phase] of GENERIC_HOOK_PHASE) if (pattern.test(message)) return phase;
  return null;
}

function firstLine(text: string | null): string | null {
  if (!text) return null;
  for (const line of text.split("\n", 20)) {
    const trimmed = line.trim();
    if (trimmed.length > 0) return trimmed.length > 1000 ? `${trimmed.slice(0, 1000)}…` : trimmed;
  }
  return null;
}

/** Parses a whole report held in memory (tests and small files); large files go through `JunitParser`. */
export function parseJunit(bytes: Uint8Array | string, options: ParseOptions): JunitFile {
  const parser = new JunitParser(options);
  parser.write(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
  return parser.end();
}
