// Links to the dashboard's pages. A project's slug is `org/repo` (deeper for GitLab groups): the last part
// is the second segment, everything before it the first, so links read like the repository's own URL.

export function projectPath(slug: string): string {
  const cut = slug.lastIndexOf("/");
  return `/${encodeURIComponent(slug.slice(0, cut))}/${encodeURIComponent(slug.slice(cut + 1))}`;
}

export function slugFromParams(params: { org: string; repo: string }): string {
  return `${decodeURIComponent(params.org)}/${decodeURIComponent(params.repo)}`;
}

export function testPath(slug: string, testKey: string): string {
  return `${projectPath(slug)}/tests/${encodeURIComponent(testKey)}`;
}

export function runPath(slug: string, runId: number): string {
  return `${projectPath(slug)}/runs/${runId}`;
}

export function searchPath(slug: string, query: string): string {
  return `${projectPath(slug)}/search?q=${encodeURIComponent(query)}`;
}
