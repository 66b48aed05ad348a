// Public surface of the JUnit model and its streaming parser. Everything else in this folder is internal.
export {
  addCounts,
  type Counts,
  type Execution,
  emptyCounts,
  type Failure,
  type FailurePhase,
  formatSuitePath,
  type JunitFile,
  type ParseError,
  type PlaceholderKind,
  type PlaceholderScope,
  type Property,
  type SetupPlaceholder,
  type Suite,
  type TestCase,
  type TestStatus,
  testCasesOf,
} from "./model.ts";
export { JunitParser, type ParseOptions, parseJunit } from "./parse-junit.ts";
export { standsFor } from "./placeholders.ts";
