// A CI context for tests: GitHub Actions on main unless told otherwise.
import type { CiContext } from "../../../core/history/index.ts";

export function ciContext(over: Partial<CiContext> = {}): CiContext {
  return {
    provider: "github-actions",
    repository: "acme/shop",
    commitSha: "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
    branch: "main",
    ref: "refs/heads/main",
    defaultBranch: "main",
    baseBranch: null,
    pullRequest: null,
    workflow: "CI",
    job: "integration",
    jobKey: null,
    runId: "1001",
    runAttempt: 1,
    runUrl: "https://github.com/acme/shop/actions/runs/1001",
    ...over,
  };
}
