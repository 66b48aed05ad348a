// One pull request comment per comment key, found again by a hidden marker and updated in place, so a
// pull request shows the latest result of each job instead of a new comment per push.
import type { getOctokit } from "@actions/github";
import type { CommentMode } from "./inputs.ts";

export type Octokit = ReturnType<typeof getOctokit>;

export interface PullRequestTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
}

/** The parts of the workflow event that decide whether and where to comment. */
export interface PullRequestContext {
  readonly eventName: string;
  /** null when the event is not about a pull request. */
  readonly target: PullRequestTarget | null;
  /** A `pull_request` event from a fork: its GITHUB_TOKEN can only read. */
  readonly fromFork: boolean;
}

/** Reads the event payload (GITHUB_EVENT_PATH's JSON) the way GitHub shapes it. */
export function readPullRequestContext(
  eventName: string,
  payload: unknown,
  repository: string,
): PullRequestContext {
  const pull = (payload as { pull_request?: PullRequestPayload } | null)?.pull_request;
  const [owner = "", repo = ""] = repository.split("/");
  if (!pull || typeof pull.number !== "number" || owner === "" || repo === "") {
    return { eventName, target: null, fromFork: false };
  }
  const baseName = pull.base?.repo?.full_name ?? repository;
  const headName = pull.head?.repo?.full_name;
  // A deleted fork leaves head.repo null: still not the base repository.
  const fromFork =
    eventName === "pull_request" && (headName === undefined || headName === null || headName !== baseName);
  return { eventName, target: { owner, repo, issueNumber: pull.number }, fromFork };
}

interface PullRequestPayload {
  number?: unknown;
  head?: { repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } | null };
}

export type CommentPlan =
  | { readonly write: true; readonly target: PullRequestTarget }
  /** `notice`: one line for the job summary saying why there is no comment; null when none was expected. */
  | { readonly write: false; readonly notice: string | null };

export const FORK_NOTICE =
  "No pull request comment: this pull request comes from a fork, whose token cannot write comments. The report is below.";
export const NOT_PERMITTED_NOTICE =
  "No pull request comment: the token may not write comments (give the job the pull-requests: write permission). The report is below.";

export function planComment(mode: CommentMode, context: PullRequestContext, token: string): CommentPlan {
  if (mode === "off") return { write: false, notice: null };
  if (context.target === null) {
    return {
      write: false,
      notice:
        mode === "always"
          ? `No pull request comment: the ${context.eventName} event is not about a pull request.`
          : null,
    };
  }
  if (mode === "auto" && context.fromFork) return { write: false, notice: FORK_NOTICE };
  if (token === "") {
    return { write: false, notice: "No pull request comment: the github-token input is empty." };
  }
  return { write: true, target: context.target };
}

export interface StickyCommentResult {
  readonly action: "created" | "updated";
  readonly id: number;
  readonly url: string;
}

/**
 * Updates the comment that carries `marker` on a line of its own, or creates it. A quote of the marker
 * (`> <!-- ... -->`) or a mention inside other text is not ours and is left alone. When an earlier race
 * left two, the oldest is kept up to date.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: PullRequestTarget,
  marker: string,
  body: string,
): Promise<StickyCommentResult> {
  const ours = await findStickyComment(octokit, target, marker);
  if (ours) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: ours.id,
      body,
    });
    return { action: "updated", id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  return { action: "created", id: data.id, url: data.html_url };
}

async function findStickyComment(
  octokit: Octokit,
  target: PullRequestTarget,
  marker: string,
): Promise<{ id: number } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => carriesMarker(comment.body, marker));
    if (found) return { id: found.id };
  }
  return undefined;
}

export function carriesMarker(body: string | undefined | null, marker: string): boolean {
  if (!body?.includes(marker)) return false;
  return body.split(/\r?\n/).some((line) => line.trim() === marker);
}

/** GitHub's 403 for a token without the permission, e.g. a fork's GITHUB_TOKEN writing a comment. */
export function isNotPermitted(error: unknown): boolean {
  const failure = error as { status?: unknown; message?: unknown };
  return (
    failure?.status === 403 &&
    typeof failure.message === "string" &&
    failure.message.includes("Resource not accessible by integration")
  );
}
