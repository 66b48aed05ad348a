// Where a run ran: the run report's `ci` block (run report version 2), as /work/notes/CONTRACTS.md fixes it.
// A plain type: the dashboard validates the untrusted block with its own zod schema at the edge.

export const ciProviders = ["github-actions", "gitlab", "buildkite", "circleci", "jenkins", "local"] as const;

export type CiProvider = (typeof ciProviders)[number];

/** Where a run ran. Every field may be null when the CI does not say. */
export interface CiContext {
  readonly provider: CiProvider;
  /** "org/repo" (the dashboard's project key). */
  readonly repository: string | null;
  /** Full SHA of the commit tested (for a PR: the head commit). */
  readonly commitSha: string | null;
  /** Branch name without refs/heads/ (for a PR: its head branch). */
  readonly branch: string | null;
  /** Full ref when known (refs/heads/x, refs/pull/1/merge, refs/tags/v1). */
  readonly ref: string | null;
  /** The repository's default branch (main). */
  readonly defaultBranch: string | null;
  /** PR/MR target branch. */
  readonly baseBranch: string | null;
  /** PR/MR number. */
  readonly pullRequest: number | null;
  /** Workflow / pipeline name. */
  readonly workflow: string | null;
  /** Job name. */
  readonly job: string | null;
  /** Tells configurations apart: matrix values or `comment-key`. */
  readonly jobKey: string | null;
  /**
   * CI run / pipeline / build id. With `runAttempt` and `jobKey` (or `job`) it names one execution of a job:
   * a retry must differ. Where the CI counts no attempts, an id new for every execution (GitLab: the job's
   * id; see detect-ci.ts for each CI).
   */
  readonly runId: string | null;
  /** Re-run attempt of that CI run (1-based). */
  readonly runAttempt: number | null;
  /** Link to the CI run. */
  readonly runUrl: string | null;
}

/** Values given by hand (CLI flags, action inputs); each one given wins over the detected one. */
export type CiOverrides = { readonly [K in keyof CiContext]?: CiContext[K] };

/** An environment as `process.env` gives it. */
export type Environment = Readonly<Record<string, string | undefined>>;
