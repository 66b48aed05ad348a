// A front for a test registry that asks for tokens the way Docker Hub does (Docker's token auth spec): a
// request without a valid token gets 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`; a token
// service on its own port (as auth.docker.io is apart from registry-1.docker.io) hands out tokens,
// anonymous or for Basic credentials, or for an identity token in the OAuth2 refresh grant; requests with a
// token pass through to the real registry. It can also answer like Hub does when the pull limit is hit
// (429 with `ratelimit-*` headers) and stop answering altogether.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { Registry } from "./registry.ts";

export const TOKEN_SERVICE = "registry.seamwatch.test";

export interface TokenAuthFrontOptions {
  /** Users the token service accepts with Basic auth; anyone else gets 401 from it. */
  readonly users?: Readonly<Record<string, string>>;
  /** Identity (refresh) tokens the service trades for access, each naming its user. */
  readonly identityTokens?: Readonly<Record<string, string>>;
  /** Only a logged-in user's token may read; an anonymous one gets `insufficient_scope`, as a private repo. */
  readonly private?: boolean;
}

export interface TokenRequest {
  readonly method: string;
  readonly service: string | null;
  readonly scopes: readonly string[];
  /** Null when the token was asked for anonymously. */
  readonly user: string | null;
  /** `password`, `identity-token` or `anonymous`. */
  readonly grant: string;
}

export interface TokenAuthFront {
  /** `127.0.0.1:<port>`: the registry as clients see it. */
  readonly host: string;
  /** `127.0.0.1:<port>` of the token service. */
  readonly tokenHost: string;
  tokenRequests(): readonly TokenRequest[];
  /** Registry-side requests as `METHOD path status`, in order. */
  registryRequests(): readonly string[];
  /** From now on, HEAD requests for manifests are answered 429, as Docker Hub answers at its limit. */
  limitManifestHeads(limited: boolean): void;
  /** From now on, registry-side requests get no answer at all (a registry that hangs). */
  stall(stalled: boolean): void;
  /** From now on, GET requests for manifests (pulls) are answered 503, while HEAD requests still pass. */
  failManifestGets(failing: boolean): void;
  stop(): Promise<void>;
}

export async function startTokenAuthFront(
  registry: Registry,
  options: TokenAuthFrontOptions = {},
): Promise<TokenAuthFront> {
  const tokens = new Map<string, string | null>();
  const tokenRequests: TokenRequest[] = [];
  const registryRequests: string[] = [];
  let limited = false;
  let stalled = false;
  let failingGets = false;

  const tokenServer = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://token");
    if (url.pathname !== "/token") return answer(outgoing, 404, { error: "not found" });
    let user: string | null = null;
    let grant = "anonymous";
    let service = url.searchParams.get("service");
    let scopes = url.searchParams.getAll("scope");
    if (incoming.method === "POST") {
      const form = new URLSearchParams(await readBody(incoming));
      service = form.get("service");
      scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
      grant = "identity-token";
      user = options.identityTokens?.[form.get("refresh_token") ?? ""] ?? null;
      tokenRequests.push({ method: "POST", service, scopes, user, grant });
      if (form.get("grant_type") !== "refresh_token" || user === null) {
        return answer(outgoing, 401, { error: "invalid_grant" });
      }
    } else {
      const basic = /^Basic (.+)$/i.exec(incoming.headers.authorization ?? "");
      if (basic) {
        const [name = "", ...rest] = Buffer.from(basic[1] ?? "", "base64")
          .toString("utf8")
          .split(":");
        grant = "password";
        tokenRequests.push({ method: "GET", service, scopes, user: name, grant });
        if (options.users?.[name] !== rest.join(":")) {
          return answer(outgoing, 401, { details: "incorrect username or password" });
        }
        user = name;
      } else {
        tokenRequests.push({ method: "GET", service, scopes, user: null, grant });
      }
    }
    const token = randomUUID();
    tokens.set(token, user);
    // Hub answers with both names; clients take either.
    answer(outgoing, 200, {
      token,
      access_token: token,
      expires_in: 300,
      issued_at: new Date().toISOString(),
    });
  });
  const tokenHost = await listen(tokenServer);

  const registryServer = createServer((incoming, outgoing) => {
    const path = incoming.url ?? "/";
    const method = incoming.method ?? "GET";
    const log = (status: number) => registryRequests.push(`${method} ${path} ${status}`);
    if (stalled) {
      registryRequests.push(`${method} ${path} stalled`);
      return;
    }
    const repository = /^\/v2\/(.+)\/(?:manifests|blobs|tags)\//.exec(path)?.[1];
    const scope = repository ? `repository:${repository}:pull` : null;
    const challenge = (error?: string) =>
      [
        `Bearer realm="http://${tokenHost}/token"`,
        `service="${TOKEN_SERVICE}"`,
        ...(scope ? [`scope="${scope}"`] : []),
        ...(error ? [`error="${error}"`] : []),
      ].join(",");
    const token = /^Bearer (.+)$/i.exec(incoming.headers.authorization ?? "")?.[1];
    if (token === undefined || !tokens.has(token)) {
      log(401);
      return answer(outgoing, 401, unauthorizedBody(), { "www-authenticate": challenge() });
    }
    if (options.private && scope && tokens.get(token) === null) {
      log(401);
      return answer(outgoing, 401, unauthorizedBody(), {
        "www-authenticate": challenge("insufficient_scope"),
      });
    }
    if (limited && method === "HEAD" && /\/manifests\//.test(path)) {
      log(429);
      outgoing.writeHead(429, {
        "ratelimit-limit": "100;w=21600",
        "ratelimit-remaining": "0;w=21600",
        "docker-ratelimit-source": "127.0.0.1",
      });
      return outgoing.end();
    }
    if (failingGets && method === "GET" && /\/manifests\//.test(path)) {
      log(503);
      return answer(outgoing, 503, { errors: [{ code: "UNAVAILABLE", message: "service unavailable" }] });
    }
    const [hostname, port] = registry.host.split(":");
    const { authorization: _dropped, ...headers } = incoming.headers;
    const upstream = request({ hostname, port, method, path, headers }, (response) => {
      log(response.statusCode ?? 502);
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  const host = await listen(registryServer);

  return {
    host,
    tokenHost,
    tokenRequests: () => [...tokenRequests],
    registryRequests: () => [...registryRequests],
    limitManifestHeads: (on) => {
      limited = on;
    },
    stall: (on) => {
      stalled = on;
    },
    failManifestGets: (on) => {
      failingGets = on;
    },
    stop: async () => {
      await Promise.all([close(registryServer), close(tokenServer)]);
    },
  };
}

function unauthorizedBody() {
  return {
    errors: [{ code: "UNAUTHORIZED", message: "authentication required", detail: null }],
  };
}

function answer(
  outgoing: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  outgoing.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  outgoing.end(outgoing.req.method === "HEAD" ? undefined : text);
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the token auth front has no port");
  return `127.0.0.1:${address.port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
