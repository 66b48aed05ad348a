// Public surface of the history model: what the dashboard stores for a run, and the pure pieces around it.
export type { CiContext, CiProvider } from "../ci/index.ts";
export {
  addToStoredSketch,
  decodeDurationSketch,
  encodeDurationSketch,
  StoredSketchMerger,
  type StoredSketchUpdate,
} from "./duration-sketch.ts";
export { fingerprintFailure, normaliseFailure } from "./fingerprint-failure.ts";
export {
  branchOf,
  type EvidenceGroup,
  OUTAGE_SIGNATURE,
  type PlannedAttempt,
  type PlannedFailure,
  type PlannedInfraEvent,
  type PlannedResult,
  type PlannedRun,
  planRunRecord,
  type RunCounts,
  type RunRecord,
  RunReportError,
  STORED_TEXT_CAPS,
  type StoredVerdict,
} from "./plan-run.ts";
export { runReportFromJunit } from "./report-from-junit.ts";
export { runReportFromResult } from "./report-from-result.ts";
export {
  type ReportAttempt,
  type ReportFailureRef,
  type ReportTest,
  type ReportTestAttempt,
  RUN_REPORT_VERSIONS,
  type RunReport,
  type RunReportVersion,
} from "./run-report.ts";
export { joinStateChunk, STATE_CHUNK_SIZE, splitStateChunk, stateChunkOf } from "./test-state-chunks.ts";
export { decodeTestState, encodeTestState, stateCommit } from "./test-state-codec.ts";
