// Public surface of the failure classifier. Everything else in this folder is internal.
export {
  type AttemptClassification,
  type AttemptEvidence,
  type AttemptOutcome,
  attemptVerdicts,
  type ClassifiedFailure,
  classifyAttempt,
  classifyTestFailure,
  type Evidence,
  type EvidenceSource,
  type TestRef,
} from "./classify-attempt.ts";
export {
  buildRules,
  compilePatterns,
  PatternError,
  type UserPattern,
  type UserPatterns,
} from "./patterns.ts";
export {
  builtinInfraRules,
  builtinRules,
  builtinTestRules,
  type FailureKind,
  type Rule,
  type RuleCondition,
  type RuleScope,
  type RuleSource,
} from "./rules.ts";
