// Public surface of the JUnit model and its streaming parser. Everything else in this folder is internal.
export {
  type Attempt,
  addCounts,
  type Counts,
  emptyCounts,
  type Failure,
  type FailurePhase,
  formatSuitePath,
  type JunitFile,
  type ParseError,
  type Property,
  type Suite,
  type TestCase,
  type TestStatus,
  testCasesOf,
} from "./model.ts";
export { JunitParser, type ParseOptions, parseJunit } from "./parse-junit.ts";
