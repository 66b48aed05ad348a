// The sticky comment against the GitHub REST stand-in (checked against GitHub's OpenAPI description),
// driven by the client the action ships, and the decision of whether to comment at all.
import { getOctokit } from "@actions/github";
import { afterEach, describe, expect, it } from "vitest";
import {
  carriesMarker,
  FORK_NOTICE,
  isNotPermitted,
  planComment,
  readPullRequestContext,
  upsertStickyComment,
} from "../../action/sticky-comment.ts";
import {
  type Actor,
  type GitHubApiStandIn,
  type GitHubApiStandInOptions,
  startGitHubApiStandIn,
} from "../support/github-api/stand-in.ts";
import { pullRequestEvent } from "../support/run-action.ts";

const MARKER = "<!-- seamwatch:CI / test -->";
const PULL = 12;
const REVIEWER: Actor = { login: "mona", id: 2, type: "User" };
const running: GitHubApiStandIn[] = [];

async function standIn(options: GitHubApiStandInOptions = {}) {
  const server = await startGitHubApiStandIn({
    pullRequests: [{ number: PULL }],
    validateResponses: true,
    ...options,
  });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

const target = (server: GitHubApiStandIn) => ({ owner: server.owner, repo: server.repo, issueNumber: PULL });
const operations = (server: GitHubApiStandIn) =>
  server.requests.map((request) => `${request.status} ${request.operationId}`);

describe("upsertStickyComment", () => {
  it("creates the comment once, then updates that one in place", async () => {
    const server = await standIn();
    const octokit = getOctokit(server.token, { baseUrl: server.url });

    const created = await upsertStickyComment(octokit, target(server), MARKER, `${MARKER}\nfirst`);
    const updated = await upsertStickyComment(octokit, target(server), MARKER, `${MARKER}\nsecond`);

    expect(created.action).toBe("created");
    expect(updated).toMatchObject({ action: "updated", id: created.id });
    expect(server.comments.map((comment) => comment.body)).toEqual([`${MARKER}\nsecond`]);
    expect(operations(server)).toEqual([
      "200 issues/list-comments",
      "201 issues/create-comment",
      "200 issues/list-comments",
      "200 issues/update-comment",
    ]);
    expect(server.violations).toEqual([]);
  });

  it("finds its comment on a later page, past other people's comments and quotes of the marker", async () => {
    const chatter = Array.from({ length: 130 }, (_, index) => ({
      issueNumber: PULL,
      body: `review note ${index}`,
      author: REVIEWER,
    }));
    const server = await standIn({
      comments: [
        ...chatter,
        { issueNumber: PULL, body: `> ${MARKER}\n> earlier result\n\nWhy did this fail?`, author: REVIEWER },
        { issueNumber: PULL, body: `${MARKER}\nold result` },
      ],
    });
    const octokit = getOctokit(server.token, { baseUrl: server.url });

    const result = await upsertStickyComment(octokit, target(server), MARKER, `${MARKER}\nnew result`);

    const ours = server.comments.filter((comment) => comment.body.startsWith(MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ id: result.id, body: `${MARKER}\nnew result` });
    expect(server.comments.find((comment) => comment.body.startsWith("> "))?.body).toContain(
      "earlier result",
    );
    expect(operations(server)).toEqual([
      "200 issues/list-comments",
      "200 issues/list-comments",
      "200 issues/update-comment",
    ]);
    expect(server.requests[0]?.query.per_page).toBe("100");
    expect(server.violations).toEqual([]);
  });

  it("reports a read-only token's 403 as not permitted, not as a crash", async () => {
    const server = await standIn();
    const octokit = getOctokit(server.readOnlyToken, { baseUrl: server.url });

    const failure = await upsertStickyComment(octokit, target(server), MARKER, `${MARKER}\nx`).catch(
      (error: unknown) => error,
    );

    expect(isNotPermitted(failure)).toBe(true);
    expect(isNotPermitted(new Error("socket hang up"))).toBe(false);
    expect(operations(server)).toEqual(["200 issues/list-comments", "403 issues/create-comment"]);
    expect(server.comments).toEqual([]);
  });
});

describe("carriesMarker", () => {
  it("takes the marker only on a line of its own", () => {
    expect(carriesMarker(`${MARKER}\n## Results`, MARKER)).toBe(true);
    expect(carriesMarker(`## Results\n\n  ${MARKER}  \n`, MARKER)).toBe(true);
    expect(carriesMarker(`> ${MARKER}`, MARKER)).toBe(false);
    expect(carriesMarker(`see ${MARKER} above`, MARKER)).toBe(false);
    expect(carriesMarker(null, MARKER)).toBe(false);
  });
});

describe("planComment", () => {
  it("comments on a pull request from the same repository", async () => {
    const server = await standIn();
    const context = readPullRequestContext(
      "pull_request",
      pullRequestEvent(server, { number: PULL }),
      `${server.owner}/${server.repo}`,
    );
    expect(context).toEqual({ eventName: "pull_request", target: target(server), fromFork: false });
    expect(planComment("auto", context, "t")).toEqual({ write: true, target: target(server) });
    expect(planComment("off", context, "t")).toEqual({ write: false, notice: null });
  });

  it("does not try from a fork under auto, but does under always", async () => {
    const server = await standIn();
    const event = pullRequestEvent(server, { number: PULL, headRepoFullName: "contributor/seamwatch-demo" });
    const context = readPullRequestContext("pull_request", event, `${server.owner}/${server.repo}`);
    expect(context.fromFork).toBe(true);
    expect(planComment("auto", context, "t")).toEqual({ write: false, notice: FORK_NOTICE });
    expect(planComment("always", context, "t")).toMatchObject({ write: true });
    // pull_request_target runs with the base repository's token: writing is allowed.
    const targetContext = readPullRequestContext(
      "pull_request_target",
      event,
      `${server.owner}/${server.repo}`,
    );
    expect(planComment("auto", targetContext, "t")).toMatchObject({ write: true });
  });

  it("stays quiet on a push unless a comment was asked for", () => {
    const push = readPullRequestContext("push", { ref: "refs/heads/main" }, "o/r");
    expect(planComment("auto", push, "t")).toEqual({ write: false, notice: null });
    expect(planComment("always", push, "t")).toMatchObject({
      write: false,
      notice: expect.stringContaining("push"),
    });
  });
});
