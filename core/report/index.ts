// Public surface of report rendering: the run's Markdown report and annotations, the image cache's section,
// the JSON and text views of JUnit files, and the text helpers fronts share. Pure: nothing here writes.
export {
  ANNOTATION_LIMITS,
  type AnnotationLevel,
  annotationCommand,
  annotationsFor,
  escapeAnnotation,
  escapeAnnotationProperty,
  type TestAnnotation,
} from "./annotations.ts";
export { describeRestore, type ImageTimes, renderImagesSection } from "./images-section.ts";
export { jsonPieces } from "./json-pieces.ts";
export {
  describeFileError,
  type JsonFileEntry,
  type JsonTestCase,
  toJsonFile,
  toJsonTestCase,
  toJsonTotals,
} from "./junit-json.ts";
export { formatCounts, type ParseSummaryInput, renderParseSummary } from "./junit-summary.ts";
export { codeSpan, escapeMarkdown, formatCount, plural, truncateText, utf8Length } from "./markdown.ts";
export {
  commentMarker,
  MARKDOWN_LIMITS,
  type ReportTarget,
  type RunReportOptions,
  renderRunReport,
} from "./run-report.ts";
export { oneLine, terminalSafe } from "./terminal-text.ts";
export { formatDuration, testDurationMs } from "./test-text.ts";
