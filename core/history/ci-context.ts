// Where a run ran: the run report's `ci` block (version 2). The contract is CONTRACTS.md; the type and its
// detection move to core/ci/ (analytics helper). Until that lands this is the structurally identical copy
// the contract allows, so swapping the import is the only change.

export type CiProvider = "github-actions" | "gitlab" | "buildkite" | "circleci" | "jenkins" | "local";

/** Where a run ran. Every field may be null when the CI does not say. */
export interface CiContext {
  readonly provider: CiProvider;
  /** "org/repo": the dashboard's project key. */
  readonly repository: string | null;
  readonly commitSha: string | null;
  readonly branch: string | null;
  readonly ref: string | null;
  readonly defaultBranch: string | null;
  readonly baseBranch: string | null;
  readonly pullRequest: number | null;
  readonly workflow: string | null;
  readonly job: string | null;
  /** Tells configurations apart: matrix values or `comment-key`. */
  readonly jobKey: string | null;
  readonly runId: string | null;
  /** Re-run attempt of that CI run (1-based). */
  readonly runAttempt: number | null;
  readonly runUrl: string | null;
}
