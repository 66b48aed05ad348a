// The stand-in for GitHub's REST API, driven by the real client the action uses. If these pass,
// requests the stand-in accepts are requests GitHub's published contract accepts, and the
// stand-in's answers have the shape GitHub's contract promises.
import { request as httpRequest } from "node:http";
import { getOctokit } from "@actions/github";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadGitHubOpenApi } from "./openapi-contract.ts";
import {
  type Actor,
  COMMENT_BODY_LIMIT,
  type GitHubApiStandIn,
  type GitHubApiStandInOptions,
  NOT_ACCESSIBLE_BY_INTEGRATION,
  type SeedComment,
  startGitHubApiStandIn,
} from "./stand-in.ts";

const MARKER = "<!-- seamwatch:comment-key -->";
const RENOVATE: Actor = { login: "renovate[bot]", id: 29139614, type: "Bot" };
const REVIEWER: Actor = { login: "mona", id: 2, type: "User" };
const PULL = 7;

const running: GitHubApiStandIn[] = [];

async function standIn(options: GitHubApiStandInOptions = {}): Promise<GitHubApiStandIn> {
  const started = await startGitHubApiStandIn({
    pullRequests: [{ number: PULL }],
    validateResponses: true,
    ...options,
  });
  running.push(started);
  return started;
}

function clientFor(server: GitHubApiStandIn, token = server.token) {
  return getOctokit(token, { baseUrl: server.url });
}

/** What a sticky-comment flow does: find the marked comment across all pages. */
async function findSticky(octokit: ReturnType<typeof getOctokit>, server: GitHubApiStandIn) {
  const all = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: server.owner,
    repo: server.repo,
    issue_number: PULL,
    per_page: 100,
  });
  return all.find((comment) => comment.body?.includes(MARKER) && comment.user?.type === "Bot");
}

function operations(server: GitHubApiStandIn): string[] {
  return server.requests.map((request) => `${request.status} ${request.operationId ?? request.path}`);
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

beforeAll(async () => {
  const api = await loadGitHubOpenApi();
  const { readMs, parseMs, indexMs } = api.loadTiming;
  console.info(
    `GitHub OpenAPI description: read ${readMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms, index ${indexMs.toFixed(0)} ms`,
  );
});

describe("GitHub API stand-in, driven by @actions/github", () => {
  it("creates, finds and updates one sticky comment next to other people's comments", async () => {
    const server = await standIn({
      comments: [
        { issueNumber: PULL, body: "Dependency update", author: RENOVATE },
        {
          issueNumber: PULL,
          body: `Quoting the bot: ${MARKER}`,
          author: REVIEWER,
          authorAssociation: "MEMBER",
        },
      ],
    });
    const octokit = clientFor(server);
    const { owner, repo } = server;

    expect(await findSticky(octokit, server)).toBeUndefined();
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: PULL,
      body: `${MARKER}\nfirst run`,
    });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: "github-actions[bot]", type: "Bot" });
    expect(created.data.html_url).toMatch(new RegExp(`/pull/${PULL}#issuecomment-${created.data.id}$`));

    const found = await findSticky(octokit, server);
    expect(found?.id).toBe(created.data.id);
    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: `${MARKER}\nsecond run`,
    });
    expect(updated.data.body).toBe(`${MARKER}\nsecond run`);

    expect(server.comments.map((comment) => [comment.author, comment.body])).toEqual([
      ["renovate[bot]", "Dependency update"],
      ["mona", `Quoting the bot: ${MARKER}`],
      ["github-actions[bot]", `${MARKER}\nsecond run`],
    ]);
    expect(operations(server)).toEqual([
      "200 issues/list-comments",
      "201 issues/create-comment",
      "200 issues/list-comments",
      "200 issues/update-comment",
    ]);
    expect(server.requests[3]).toMatchObject({
      method: "PATCH",
      path: `/repos/${owner}/${repo}/issues/comments/${created.data.id}`,
      body: { body: `${MARKER}\nsecond run` },
    });
    expect(server.violations).toEqual([]);

    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id });
    expect(server.comments).toHaveLength(2);
    expect(server.violations).toEqual([]);
  });

  it("pages through more than 100 comments with GitHub's Link header", async () => {
    const comments: SeedComment[] = Array.from({ length: 230 }, (_, index) => ({
      issueNumber: PULL,
      body: `comment ${index}`,
      author: index % 2 ? RENOVATE : REVIEWER,
    }));
    comments.push({ issueNumber: PULL, body: `${MARKER}\nold report` });
    const server = await standIn({ comments });
    const octokit = clientFor(server);

    const firstPage = await octokit.rest.issues.listComments({
      owner: server.owner,
      repo: server.repo,
      issue_number: PULL,
      per_page: 100,
    });
    expect(firstPage.data).toHaveLength(100);
    expect(firstPage.headers.link).toBe(
      `<${server.url}/repos/${server.owner}/${server.repo}/issues/${PULL}/comments?per_page=100&page=2>; rel="next", ` +
        `<${server.url}/repos/${server.owner}/${server.repo}/issues/${PULL}/comments?per_page=100&page=3>; rel="last"`,
    );

    const found = await findSticky(octokit, server);
    expect(found?.body).toBe(`${MARKER}\nold report`);
    expect(server.requests.slice(1).map((request) => request.query)).toEqual([
      { per_page: "100" },
      { per_page: "100", page: "2" },
      { per_page: "100", page: "3" },
    ]);

    // Without per_page GitHub sends 30; above 100 it quietly sends 100.
    const defaults = await octokit.rest.issues.listComments({
      owner: server.owner,
      repo: server.repo,
      issue_number: PULL,
    });
    expect(defaults.data).toHaveLength(30);
    const capped = await octokit.rest.issues.listComments({
      owner: server.owner,
      repo: server.repo,
      issue_number: PULL,
      per_page: 500,
    });
    expect(capped.data).toHaveLength(100);
    expect(server.violations).toEqual([]);
  });

  it("answers a read-only token's writes with GitHub's 403, as on a fork pull request", async () => {
    const server = await standIn({ comments: [{ issueNumber: PULL, body: `${MARKER}\nold` }] });
    const octokit = clientFor(server, server.readOnlyToken);
    const sticky = await findSticky(octokit, server);
    expect(sticky).toBeDefined();

    await expect(
      octokit.rest.issues.createComment({
        owner: server.owner,
        repo: server.repo,
        issue_number: PULL,
        body: "x",
      }),
    ).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          message: NOT_ACCESSIBLE_BY_INTEGRATION,
          documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
        },
      },
    });
    await expect(
      octokit.rest.issues.updateComment({
        owner: server.owner,
        repo: server.repo,
        comment_id: sticky?.id ?? 0,
        body: "x",
      }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringContaining(NOT_ACCESSIBLE_BY_INTEGRATION) });
    expect(server.comments.map((comment) => comment.body)).toEqual([`${MARKER}\nold`]);
    // A permission error is GitHub behaving as documented, not a broken request.
    expect(server.violations).toEqual([]);
  });

  it("rejects requests GitHub would reject and records each as a violation", async () => {
    const server = await standIn();
    const octokit = clientFor(server);
    const { owner, repo } = server;
    // The typed client refuses these at compile time; code that builds parameters at run time does not.
    const untypedRequest = octokit.request as (
      route: string,
      parameters: Record<string, unknown>,
    ) => Promise<unknown>;

    await expect(
      untypedRequest("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: PULL,
        body: 42,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      untypedRequest("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: PULL,
        bdy: "misspelt",
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      untypedRequest("GET /repos/{owner}/{repo}/sticky-comments", { owner, repo }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      untypedRequest("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: "seven",
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      untypedRequest("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: PULL,
        perpage: 100,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: PULL,
        body: "x".repeat(COMMENT_BODY_LIMIT + 1),
      }),
    ).rejects.toMatchObject({ status: 422 });
    // Valid for GitHub but not served by the stand-in: a gap in the stand-in must fail loudly too.
    await expect(octokit.rest.repos.get({ owner, repo })).rejects.toMatchObject({ status: 501 });
    await expect(
      clientFor(server, "ghp_wrong").rest.issues.listComments({ owner, repo, issue_number: PULL }),
    ).rejects.toMatchObject({ status: 401, response: { data: { message: "Bad credentials" } } });

    expect(server.violations.map((request) => [request.status, request.violation])).toEqual([
      [422, "body/body must be string"],
      [
        422,
        `body must have required property 'body'; "bdy" is not a field of issues/create-comment (GitHub would silently ignore it)`,
      ],
      [
        404,
        `no operation in GitHub's OpenAPI description matches GET /repos/${owner}/${repo}/sticky-comments`,
      ],
      [404, "path/issue_number must be integer"],
      [422, `"perpage" is not a query parameter of issues/list-comments`],
      [422, `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`],
      [501, "the stand-in does not implement repos/get"],
      [401, "Authorization header carries an unknown token"],
    ]);
    expect(server.comments).toEqual([]);
    const [wrongType] = server.violations;
    expect(wrongType?.body).toEqual({ body: 42 });
  });

  it("rejects a request without User-Agent or Authorization, as GitHub does", async () => {
    const server = await standIn();
    const path = `/repos/${server.owner}/${server.repo}/issues/${PULL}/comments`;
    const withoutUserAgent = await rawGet(server.url, path, { authorization: `token ${server.token}` });
    const withoutAuthorization = await rawGet(server.url, path, { "user-agent": "curl/8" });
    expect([withoutUserAgent.status, withoutAuthorization.status]).toEqual([403, 401]);
    expect(JSON.parse(withoutAuthorization.body)).toEqual({
      message: "Requires authentication",
      documentation_url: "https://docs.github.com/rest/issues/comments#list-issue-comments",
      status: "401",
    });
    expect(server.violations.map((request) => request.violation)).toEqual([
      "request has no User-Agent header",
      "request has no Authorization header",
    ]);
  });

  it("injects a secondary rate limit and a server error once each", async () => {
    const server = await standIn({
      faults: [
        { operationId: "issues/create-comment", kind: "secondary-rate-limit", retryAfterSeconds: 5 },
        { operationId: "issues/list-comments", kind: "server-error" },
      ],
    });
    const octokit = clientFor(server);
    const params = { owner: server.owner, repo: server.repo, issue_number: PULL };

    await expect(octokit.rest.issues.listComments(params)).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.issues.listComments(params)).status).toBe(200);
    const limited = await octokit.rest.issues
      .createComment({ ...params, body: MARKER })
      .catch((error: unknown) => error);
    expect(limited).toMatchObject({
      status: 403,
      response: {
        headers: { "retry-after": "5" },
        data: { message: expect.stringContaining("secondary rate limit") },
      },
    });
    expect((await octokit.rest.issues.createComment({ ...params, body: MARKER })).status).toBe(201);
    expect(operations(server)).toEqual([
      "502 issues/list-comments",
      "200 issues/list-comments",
      "403 issues/create-comment",
      "201 issues/create-comment",
    ]);
    expect(server.violations).toEqual([]);
  });
});

describe("GitHub API stand-in responses", () => {
  it("match the response schemas of GitHub's OpenAPI description", async () => {
    const server = await standIn({
      pullRequests: [{ number: PULL, headRepoFullName: "contributor/seamwatch-demo", title: "Fork PR" }],
      comments: [{ issueNumber: PULL, body: "hello", author: REVIEWER, authorAssociation: "CONTRIBUTOR" }],
    });
    const octokit = clientFor(server);
    const { owner, repo } = server;
    const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: PULL });
    expect(pull.data).toMatchObject({ number: PULL, title: "Fork PR", comments: 1 });
    expect(pull.data.head.repo?.fork).toBe(true);
    const [comment] = (await octokit.rest.issues.listComments({ owner, repo, issue_number: PULL })).data;
    await octokit.rest.issues.getComment({ owner, repo, comment_id: comment?.id ?? 0 });
    await octokit.rest.issues.listCommentsForRepo({ owner, repo });
    await octokit.rest.issues.createComment({ owner, repo, issue_number: PULL, body: "new" });
    await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 404, body: "no such PR" })
      .catch(() => {});
    await octokit.rest.issues.createComment({ owner, repo, issue_number: PULL, body: " " }).catch(() => {});

    // validateResponses made the stand-in check each of these answers against its schema.
    expect(operations(server)).toEqual([
      "200 pulls/get",
      "200 issues/list-comments",
      "200 issues/get-comment",
      "200 issues/list-comments-for-repo",
      "201 issues/create-comment",
      "404 issues/create-comment",
      "422 issues/create-comment",
    ]);
    expect(server.violations.map((request) => request.violation)).toEqual(["Body cannot be blank"]);

    // And the check bites: a comment without node_id or with a bad author_association drifts.
    const createComment = server.api.operation("issues/create-comment");
    const { node_id: _dropped, ...drifted } = comment as Record<string, unknown>;
    expect(
      server.api.validateResponse(createComment, 201, { ...drifted, author_association: "BOT" }),
    ).toEqual([
      "status 201: body must have required property 'node_id'",
      `status 201: body/author_association must be equal to one of the allowed values (["COLLABORATOR","CONTRIBUTOR","FIRST_TIMER","FIRST_TIME_CONTRIBUTOR","MANNEQUIN","MEMBER","NONE","OWNER"])`,
    ]);
  });
});

function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}
