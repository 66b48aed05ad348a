// JSON bodies shaped like GitHub's: every field the OpenAPI response schemas require, with the
// values GitHub really uses for a GITHUB_TOKEN run. The stand-in's own test validates them.
import type { GitHubOpenApi } from "./openapi-contract.ts";

export type ActorType = "Bot" | "User" | "Organization";

/** Who a token or a seeded comment belongs to. */
export interface Actor {
  login: string;
  id: number;
  type: ActorType;
}

export type AuthorAssociation =
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIMER"
  | "FIRST_TIME_CONTRIBUTOR"
  | "MANNEQUIN"
  | "MEMBER"
  | "NONE"
  | "OWNER";

/** The identity behind a workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: Actor = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  author: Actor;
  authorAssociation: AuthorAssociation;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredPullRequest {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  author: Actor;
  headSha: string;
  headRef: string;
  baseRef: string;
  headRepoFullName: string;
  createdAt: Date;
}

export interface RepositoryRef {
  apiUrl: string;
  owner: string;
  repo: string;
}

const WEB_URL = "https://github.com";

/** GitHub's timestamps carry whole seconds only. */
export function githubTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`seamwatch:${id}`).toString("base64url")}`;
}

export function simpleUserJson(apiUrl: string, actor: Actor): Record<string, unknown> {
  const userUrl = `${apiUrl}/users/${encodeURIComponent(actor.login)}`;
  return {
    login: actor.login,
    id: actor.id,
    node_id: nodeId(actor.type === "Bot" ? "BOT" : "U", actor.id),
    avatar_url:
      actor.type === "Bot"
        ? "https://avatars.githubusercontent.com/in/15368?v=4"
        : `https://avatars.githubusercontent.com/u/${actor.id}?v=4`,
    gravatar_id: "",
    url: userUrl,
    html_url:
      actor.type === "Bot"
        ? `${WEB_URL}/apps/${actor.login.replace(/\[bot\]$/, "")}`
        : `${WEB_URL}/${actor.login}`,
    followers_url: `${userUrl}/followers`,
    following_url: `${userUrl}/following{/other_user}`,
    gists_url: `${userUrl}/gists{/gist_id}`,
    starred_url: `${userUrl}/starred{/owner}{/repo}`,
    subscriptions_url: `${userUrl}/subscriptions`,
    organizations_url: `${userUrl}/orgs`,
    repos_url: `${userUrl}/repos`,
    events_url: `${userUrl}/events{/privacy}`,
    received_events_url: `${userUrl}/received_events`,
    type: actor.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function issueCommentJson(repository: RepositoryRef, comment: StoredComment): Record<string, unknown> {
  const repoApi = `${repository.apiUrl}/repos/${repository.owner}/${repository.repo}`;
  const url = `${repoApi}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${WEB_URL}/${repository.owner}/${repository.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    user: simpleUserJson(repository.apiUrl, comment.author),
    created_at: githubTimestamp(comment.createdAt),
    updated_at: githubTimestamp(comment.updatedAt),
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: null,
  };
}

/**
 * A pull request is too large to write out by hand (head and base each embed a full
 * repository), so it starts from the description's own example and overrides what a test can
 * observe. The example's requested_teams entry violates its own schema, hence the empty list.
 */
export function pullRequestJson(
  api: GitHubOpenApi,
  repository: RepositoryRef,
  pull: StoredPullRequest,
  commentCount: number,
): Record<string, unknown> {
  const json = api.example("pull-request") as Record<string, unknown>;
  const repoApi = `${repository.apiUrl}/repos/${repository.owner}/${repository.repo}`;
  const baseFullName = `${repository.owner}/${repository.repo}`;
  const head = json.head as Record<string, unknown>;
  const base = json.base as Record<string, unknown>;
  const headRepo = head.repo as Record<string, unknown>;
  const baseRepo = base.repo as Record<string, unknown>;
  Object.assign(baseRepo, { name: repository.repo, full_name: baseFullName, fork: false });
  const [headOwner = repository.owner, headName = repository.repo] = pull.headRepoFullName.split("/");
  Object.assign(headRepo, {
    name: headName,
    full_name: pull.headRepoFullName,
    fork: pull.headRepoFullName !== baseFullName,
  });
  Object.assign(head, { ref: pull.headRef, sha: pull.headSha, label: `${headOwner}:${pull.headRef}` });
  Object.assign(base, { ref: pull.baseRef, label: `${repository.owner}:${pull.baseRef}` });
  return Object.assign(json, {
    url: `${repoApi}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId("PR", pull.id),
    html_url: `${WEB_URL}/${baseFullName}/pull/${pull.number}`,
    issue_url: `${repoApi}/issues/${pull.number}`,
    comments_url: `${repoApi}/issues/${pull.number}/comments`,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    user: simpleUserJson(repository.apiUrl, pull.author),
    created_at: githubTimestamp(pull.createdAt),
    updated_at: githubTimestamp(pull.createdAt),
    closed_at: null,
    merged_at: null,
    merged: false,
    draft: false,
    comments: commentCount,
    requested_teams: [],
  });
}
