// A local stand-in for GitHub's REST API, because the real one cannot be reached from CI here.
// It is a contract test rather than a blind mock: every request is routed and validated against
// GitHub's published OpenAPI description, and anything GitHub would reject is answered the way
// GitHub answers it and recorded as a violation a test can assert on.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type GitHubOpenApi,
  loadGitHubOpenApi,
  type Operation,
  type RequestProblem,
} from "./openapi-contract.ts";
import {
  type Actor,
  type AuthorAssociation,
  GITHUB_ACTIONS_BOT,
  issueCommentJson,
  pullRequestJson,
  type RepositoryRef,
  type StoredComment,
  type StoredPullRequest,
} from "./resources.ts";

export type { Actor, AuthorAssociation } from "./resources.ts";
export { GITHUB_ACTIONS_BOT } from "./resources.ts";

export const STAND_IN_TOKEN = "ghs_seamwatchStandInWriteToken";
export const STAND_IN_READ_ONLY_TOKEN = "ghs_seamwatchStandInReadOnlyToken";
/** GitHub's answer when a token lacks a permission, e.g. a fork PR's GITHUB_TOKEN writing a comment. */
export const NOT_ACCESSIBLE_BY_INTEGRATION = "Resource not accessible by integration";
/** GitHub's limit on an issue comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65536;

export interface SeedPullRequest {
  number: number;
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  author?: Actor;
  headSha?: string;
  headRef?: string;
  baseRef?: string;
  /** Set to another owner's repository to make this a fork pull request. */
  headRepoFullName?: string;
}

export interface SeedComment {
  /** Defaults to the first pull request. */
  issueNumber?: number;
  body: string;
  author?: Actor;
  authorAssociation?: AuthorAssociation;
  createdAt?: Date;
}

/** A failure GitHub produces now and then, injected for the next `times` calls of one operation. */
export interface InjectedFault {
  operationId: string;
  kind: "server-error" | "secondary-rate-limit" | "rate-limit";
  /** Defaults: 502 for server-error, 403 for both rate limits (GitHub also uses 429 for secondary). */
  status?: number;
  times?: number;
  retryAfterSeconds?: number;
}

export interface GitHubApiStandInOptions {
  owner?: string;
  repo?: string;
  /** Token with write access (a same-repository PR's GITHUB_TOKEN). */
  token?: string;
  /** Token that may read but gets 403 on every write (a fork PR's GITHUB_TOKEN). */
  readOnlyToken?: string;
  /** Identity behind both tokens; authors the comments they create. */
  actor?: Actor;
  /** Defaults to one open pull request, #1. */
  pullRequests?: SeedPullRequest[];
  /** Comments that exist before the run, oldest first. */
  comments?: SeedComment[];
  faults?: InjectedFault[];
  now?: () => Date;
  /** Also check every response the stand-in sends against the operation's response schema. */
  validateResponses?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON, the raw text when it was not JSON, or undefined when there was none. */
  body: unknown;
  status: number;
  operationId?: string;
  /** Why GitHub would not accept this request (or why the stand-in's answer broke the contract). */
  violation?: string;
}

export interface StandInComment {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  authorType: Actor["type"];
  createdAt: string;
  updatedAt: string;
}

export interface GitHubApiStandIn {
  /** Base URL to hand to the client as GITHUB_API_URL / `baseUrl`. */
  url: string;
  token: string;
  readOnlyToken: string;
  owner: string;
  repo: string;
  /** Every request received, in order (live). */
  requests: readonly RecordedRequest[];
  /** Requests GitHub would have rejected, or whose answer broke the contract. */
  readonly violations: RecordedRequest[];
  /** Snapshot of all issue comments, oldest first. */
  readonly comments: StandInComment[];
  /** The loaded OpenAPI description, for validating bodies directly. */
  api: GitHubOpenApi;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  violation?: string;
}

interface Handled {
  operation: Operation;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

const API_VERSION = "2022-11-28";
const FIRST_COMMENT_ID = 2_000_000_001;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;
const SECONDARY_RATE_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
  "If you reach out to GitHub Support for help, please include the request ID 5EA3:2B0C:1F2E3D:4C5B6A:67890ABC.";
const SECONDARY_RATE_LIMIT_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";
const READ_METHODS = new Set(["GET", "HEAD"]);

export async function startGitHubApiStandIn(
  options: GitHubApiStandInOptions = {},
): Promise<GitHubApiStandIn> {
  const api = await loadGitHubOpenApi();
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? "seamwatch-org";
  const repo = options.repo ?? "seamwatch-demo";
  const token = options.token ?? STAND_IN_TOKEN;
  const readOnlyToken = options.readOnlyToken ?? STAND_IN_READ_ONLY_TOKEN;
  const actor = options.actor ?? GITHUB_ACTIONS_BOT;
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, remaining: fault.times ?? 1 }));
  for (const fault of faults) api.operation(fault.operationId); // fail fast on a misspelt id

  const pullRequests = new Map<number, StoredPullRequest>();
  for (const seed of options.pullRequests ?? [{ number: 1 }]) {
    pullRequests.set(seed.number, {
      number: seed.number,
      id: 1_900_000_000 + seed.number,
      title: seed.title ?? `Pull request #${seed.number}`,
      body: seed.body ?? null,
      state: seed.state ?? "open",
      author: seed.author ?? { login: "octocat", id: 583231, type: "User" },
      headSha: seed.headSha ?? "6dcb09b5b57875f334f61aebed695e2e4193db5e",
      headRef: seed.headRef ?? `feature-${seed.number}`,
      baseRef: seed.baseRef ?? "main",
      headRepoFullName: seed.headRepoFullName ?? `${owner}/${repo}`,
      createdAt: now(),
    });
  }
  const firstPull = pullRequests.keys().next().value;
  let nextCommentId = FIRST_COMMENT_ID;
  const comments: StoredComment[] = (options.comments ?? []).map((seed) => {
    const issueNumber = seed.issueNumber ?? firstPull;
    if (issueNumber === undefined || !pullRequests.has(issueNumber)) {
      throw new Error(`seeded comment refers to pull request #${issueNumber}, which is not seeded`);
    }
    const createdAt = seed.createdAt ?? now();
    return {
      id: nextCommentId++,
      issueNumber,
      body: seed.body,
      author: seed.author ?? actor,
      authorAssociation: seed.authorAssociation ?? "NONE",
      createdAt,
      updatedAt: createdAt,
    };
  });

  const requests: RecordedRequest[] = [];
  let rateLimitUsed = 0;
  let url = "";
  const repository = (): RepositoryRef => ({ apiUrl: url, owner, repo });
  const commentJson = (comment: StoredComment) => issueCommentJson(repository(), comment);
  const findComment = (id: string) => comments.find((comment) => String(comment.id) === id);

  const handlers: Record<string, (request: Handled) => Reply> = {
    "issues/list-comments": ({ pathParams, query, operation }) => {
      const issueNumber = Number(pathParams.issue_number);
      if (!pullRequests.has(issueNumber)) return notFound(operation.documentationUrl);
      const since = typeof query.since === "string" ? new Date(query.since) : undefined;
      const matching = comments.filter(
        (comment) => comment.issueNumber === issueNumber && (!since || comment.updatedAt >= since),
      );
      return paginate(
        matching.map(commentJson),
        `/repos/${owner}/${repo}/issues/${issueNumber}/comments`,
        query,
      );
    },
    "issues/list-comments-for-repo": ({ query }) => {
      const since = typeof query.since === "string" ? new Date(query.since) : undefined;
      const matching = comments.filter((comment) => !since || comment.updatedAt >= since);
      if (query.direction === "desc") matching.reverse();
      return paginate(matching.map(commentJson), `/repos/${owner}/${repo}/issues/comments`, query);
    },
    "issues/create-comment": ({ pathParams, body, operation }) => {
      const issueNumber = Number(pathParams.issue_number);
      if (!pullRequests.has(issueNumber)) return notFound(operation.documentationUrl);
      const invalid = checkCommentBody((body as { body: string }).body, operation);
      if (invalid) return invalid;
      const createdAt = now();
      const comment: StoredComment = {
        id: nextCommentId++,
        issueNumber,
        body: (body as { body: string }).body,
        author: actor,
        authorAssociation: "NONE",
        createdAt,
        updatedAt: createdAt,
      };
      comments.push(comment);
      const json = commentJson(comment);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    },
    "issues/get-comment": ({ pathParams, operation }) => {
      const comment = findComment(pathParams.comment_id ?? "");
      return comment ? { status: 200, body: commentJson(comment) } : notFound(operation.documentationUrl);
    },
    "issues/update-comment": ({ pathParams, body, operation }) => {
      const comment = findComment(pathParams.comment_id ?? "");
      if (!comment) return notFound(operation.documentationUrl);
      const invalid = checkCommentBody((body as { body: string }).body, operation);
      if (invalid) return invalid;
      comment.body = (body as { body: string }).body;
      comment.updatedAt = now();
      return { status: 200, body: commentJson(comment) };
    },
    "issues/delete-comment": ({ pathParams, operation }) => {
      const index = comments.findIndex((comment) => String(comment.id) === pathParams.comment_id);
      if (index < 0) return notFound(operation.documentationUrl);
      comments.splice(index, 1);
      return { status: 204 };
    },
    "pulls/get": ({ pathParams, operation }) => {
      const pull = pullRequests.get(Number(pathParams.pull_number));
      if (!pull) return notFound(operation.documentationUrl);
      const count = comments.filter((comment) => comment.issueNumber === pull.number).length;
      return { status: 200, body: pullRequestJson(api, repository(), pull, count) };
    },
  };

  function paginate(items: unknown[], path: string, query: Record<string, string | string[]>): Reply {
    const perPage = Math.min(Math.max(Number(query.per_page ?? DEFAULT_PER_PAGE) || 1, 1), MAX_PER_PAGE);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
    const body = items.slice((page - 1) * perPage, page * perPage);
    if (lastPage === 1) return { status: 200, body };
    const pageUrl = (target: number) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (name === "page" || name === "per_page") continue;
        for (const single of Array.isArray(value) ? value : [value]) params.append(name, single);
      }
      params.set("per_page", String(perPage));
      params.set("page", String(target));
      return `<${url}${path}?${params}>`;
    };
    // Same relations, in the same order, as GitHub's Link header.
    const links: string[] = [];
    if (page > 1) links.push(`${pageUrl(page - 1)}; rel="prev"`);
    if (page < lastPage) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`);
    if (page > 1) links.push(`${pageUrl(1)}; rel="first"`);
    return { status: 200, body, headers: { link: links.join(", ") } };
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse, record: RecordedRequest) {
    const requestUrl = new URL(incoming.url ?? "/", "http://stand-in.invalid");
    const method = record.method;
    const query = record.query;
    for (const [name, value] of requestUrl.searchParams) {
      const existing = query[name];
      query[name] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    record.path = requestUrl.pathname;
    const rawBody = await readBody(incoming);
    let parsedBody: unknown;
    let bodyIsJson = true;
    if (rawBody.length > 0) {
      try {
        parsedBody = JSON.parse(rawBody);
      } catch {
        parsedBody = rawBody;
        bodyIsJson = false;
      }
    }
    record.body = parsedBody;

    const send = (reply: Reply, operation?: Operation) => {
      record.status = reply.status;
      const violations = [reply.violation];
      if (operation && options.validateResponses) {
        const drift = api.validateResponse(operation, reply.status, reply.body);
        if (drift.length > 0) violations.push(`stand-in response broke the contract: ${drift.join("; ")}`);
      }
      const violation = violations.filter(Boolean).join("; ");
      if (violation) record.violation = violation;
      rateLimitUsed += 1;
      const headers: Record<string, string> = {
        "x-github-api-version-selected": API_VERSION,
        "x-github-media-type": "github.v3; format=json",
        "x-github-request-id": `5EA3:2B0C:${requests.length.toString(16).toUpperCase()}`,
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": String(Math.max(5000 - rateLimitUsed, 0)),
        "x-ratelimit-reset": String(Math.floor(now().getTime() / 1000) + 3600),
        "x-ratelimit-used": String(rateLimitUsed),
        "x-ratelimit-resource": "core",
        ...reply.headers,
      };
      if (reply.body === undefined) {
        response.writeHead(reply.status, headers).end();
        return;
      }
      headers["content-type"] = "application/json; charset=utf-8";
      response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
    };

    const route = api.matchRoute(method, requestUrl.pathname);
    if (route.kind === "unknown-path") {
      send(
        violation(
          404,
          "Not Found",
          `no operation in GitHub's OpenAPI description matches ${method} ${record.path}`,
        ),
      );
      return;
    }
    if (route.kind === "method-not-allowed") {
      send(violation(404, "Not Found", `${record.path} accepts ${route.allowed.join(", ")}, not ${method}`));
      return;
    }
    const { operation, pathParams } = route;
    record.operationId = operation.operationId;
    const docs = operation.documentationUrl;

    const headerProblem = checkHeaders(incoming, token, readOnlyToken, docs);
    if (headerProblem) {
      send(headerProblem, operation);
      return;
    }
    if (!bodyIsJson) {
      send(violation(400, "Problems parsing JSON", "request body is not JSON", docs), operation);
      return;
    }
    const problems = api.validateRequest(operation, { pathParams, query, body: parsedBody });
    if (problems.length > 0) {
      send(invalidRequest(problems, docs), operation);
      return;
    }
    const fault = faults.find(
      (candidate) => candidate.operationId === operation.operationId && candidate.remaining > 0,
    );
    if (fault) {
      fault.remaining -= 1;
      send(faultReply(fault, docs), operation);
      return;
    }
    if (
      (pathParams.owner !== undefined && pathParams.owner.toLowerCase() !== owner.toLowerCase()) ||
      (pathParams.repo !== undefined && pathParams.repo.toLowerCase() !== repo.toLowerCase())
    ) {
      send(notFound(docs), operation);
      return;
    }
    const handler = handlers[operation.operationId];
    if (!handler) {
      send(
        violation(501, "Not Implemented", `the stand-in does not implement ${operation.operationId}`, docs),
        operation,
      );
      return;
    }
    if (bearerToken(incoming) === readOnlyToken && !READ_METHODS.has(method)) {
      send({ status: 403, body: errorBody(NOT_ACCESSIBLE_BY_INTEGRATION, docs, 403) }, operation);
      return;
    }
    send(handler({ operation, pathParams, query, body: parsedBody }), operation);
  }

  const server = createServer((incoming, response) => {
    const record: RecordedRequest = {
      method: (incoming.method ?? "GET").toUpperCase(),
      path: incoming.url ?? "",
      query: {},
      body: undefined,
      status: 0,
    };
    requests.push(record);
    handle(incoming, response, record).catch((error: unknown) => {
      // A bug in the stand-in must fail the test that hit it, not hang the client.
      record.status = 500;
      record.violation = `stand-in crashed: ${error instanceof Error ? error.stack : String(error)}`;
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    readOnlyToken,
    owner,
    repo,
    requests,
    get violations() {
      return requests.filter((request) => request.violation !== undefined);
    },
    get comments() {
      return comments.map((comment) => ({
        id: comment.id,
        issueNumber: comment.issueNumber,
        body: comment.body,
        author: comment.author.login,
        authorType: comment.author.type,
        createdAt: comment.createdAt.toISOString(),
        updatedAt: comment.updatedAt.toISOString(),
      }));
    },
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Clients keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function checkHeaders(
  incoming: IncomingMessage,
  token: string,
  readOnlyToken: string,
  docs: string,
): Reply | undefined {
  if (!incoming.headers["user-agent"]) {
    return violation(
      403,
      "Request forbidden by administrative rules. Please make sure your request has a User-Agent header " +
        "(https://docs.github.com/rest/overview/resources-in-the-rest-api#user-agent-required).",
      "request has no User-Agent header",
      docs,
    );
  }
  const accept = incoming.headers.accept;
  if (accept !== undefined && !/application\/(vnd\.github|json|\*)|\*\/\*/.test(accept)) {
    return violation(
      415,
      `Unsupported 'Accept' header: '${accept}'`,
      `unsupported Accept header ${accept}`,
      docs,
    );
  }
  const authorization = incoming.headers.authorization;
  if (!authorization) {
    return violation(401, "Requires authentication", "request has no Authorization header", docs);
  }
  const presented = bearerToken(incoming);
  if (presented === undefined) {
    return violation(401, "Bad credentials", "Authorization header is not `token X` or `Bearer X`", docs);
  }
  if (presented !== token && presented !== readOnlyToken) {
    return violation(401, "Bad credentials", "Authorization header carries an unknown token", docs);
  }
  return undefined;
}

function bearerToken(incoming: IncomingMessage): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(incoming.headers.authorization ?? "")?.[1];
}

function checkCommentBody(body: string, operation: Operation): Reply | undefined {
  const message =
    body.trim() === ""
      ? "Body cannot be blank"
      : body.length > COMMENT_BODY_LIMIT
        ? `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
        : undefined;
  if (!message) return undefined;
  return {
    status: 422,
    body: {
      ...errorBody("Validation Failed", operation.documentationUrl, 422),
      errors: [{ resource: "IssueComment", code: "custom", field: "body", message }],
    },
    violation: message,
  };
}

function invalidRequest(problems: RequestProblem[], docs: string): Reply {
  const summary = problems.map((problem) => problem.message).join("; ");
  // GitHub's router answers a malformed path parameter as an unknown resource.
  if (problems.some((problem) => problem.location === "path"))
    return violation(404, "Not Found", summary, docs);
  return violation(422, `Invalid request.\n\n${problems.map((p) => p.message).join("\n")}`, summary, docs);
}

function faultReply(fault: InjectedFault, docs: string): Reply {
  if (fault.kind === "server-error") {
    const status = fault.status ?? 502;
    return { status, body: errorBody("Server Error", docs, status) };
  }
  const status = fault.status ?? 403;
  if (fault.kind === "rate-limit") {
    return {
      status,
      body: errorBody(
        "API rate limit exceeded for installation ID 1.",
        "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api",
        status,
      ),
      headers: { "x-ratelimit-remaining": "0" },
    };
  }
  return {
    status,
    body: errorBody(SECONDARY_RATE_LIMIT_MESSAGE, SECONDARY_RATE_LIMIT_DOCS, status),
    headers: { "retry-after": String(fault.retryAfterSeconds ?? 60) },
  };
}

function notFound(docs: string): Reply {
  return { status: 404, body: errorBody("Not Found", docs, 404) };
}

function violation(
  status: number,
  message: string,
  why: string,
  docs = "https://docs.github.com/rest",
): Reply {
  return { status, body: errorBody(message, docs, status), violation: why };
}

function errorBody(message: string, documentationUrl: string, status: number) {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
