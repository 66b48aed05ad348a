// Links to the commit and the pull request on the forge the run came from, when the run says which one.
export interface RunLinks {
  readonly commit: string | null;
  readonly pullRequest: string | null;
}

export function linksOfRun(run: {
  readonly provider: string | null;
  readonly runUrl: string | null;
  readonly commitSha: string | null;
  readonly pullRequest: number | null;
  readonly projectSlug: string;
}): RunLinks {
  const origin = safeOrigin(run.runUrl);
  if (!origin) return { commit: null, pullRequest: null };
  const repository = `${origin}/${run.projectSlug}`;
  if (run.provider === "gitlab") {
    return {
      commit: run.commitSha ? `${repository}/-/commit/${run.commitSha}` : null,
      pullRequest: run.pullRequest ? `${repository}/-/merge_requests/${run.pullRequest}` : null,
    };
  }
  if (run.provider === "github-actions") {
    return {
      commit: run.commitSha ? `${repository}/commit/${run.commitSha}` : null,
      pullRequest: run.pullRequest ? `${repository}/pull/${run.pullRequest}` : null,
    };
  }
  return { commit: null, pullRequest: null };
}

/** Only http(s) links are ever rendered: a report could carry `javascript:`. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function safeOrigin(url: string | null): string | null {
  const safe = safeUrl(url);
  return safe ? new URL(safe).origin : null;
}
