// The dashboard's own contract (web/openapi.json) as request and response checks, and a proxy that puts them
// between a client (the action, the CLI) and the real server: every request a client sends is checked
// against the document (consumer side), and so is every answer the server gives (provider side). A client
// or a server change that breaks the other side shows up here as a named problem.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import document from "../../../web/openapi.json" with { type: "json" };

type JsonObject = Record<string, unknown>;

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly raw: JsonObject;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: false });
addFormatsPlugin.default(ajv);
ajv.addSchema({ $id: "openapi", components: (document as JsonObject).components });
const paramAjv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: "array" });
addFormatsPlugin.default(paramAjv);

const operations: Operation[] = [];
for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, JsonObject>>)) {
  for (const [method, raw] of Object.entries(item)) {
    operations.push({ operationId: raw.operationId as string, method: method.toUpperCase(), template, raw });
  }
}

const validators = new Map<string, ValidateFunction>();

function schemaValidator(key: string, schema: JsonObject): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    // References point into the document's components, registered once as "openapi".
    validate = ajv.compile(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')),
    );
    validators.set(key, validate);
  }
  return validate;
}

/** The documented operation for a method and path, with its path parameters. */
export function matchOperation(
  method: string,
  pathname: string,
): { operation: Operation; params: Record<string, string> } | null {
  const segments = pathname.split("/");
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const parts = operation.template.split("/");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    if (
      parts.every((part, index) => {
        const segment = segments[index] ?? "";
        const name = /^\{(.+)\}$/.exec(part)?.[1];
        if (name) {
          params[name] = decodeURIComponent(segment);
          return segment !== "";
        }
        return part === segment;
      })
    ) {
      return { operation, params };
    }
  }
  return null;
}

export function operationById(operationId: string): Operation {
  const found = operations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`web/openapi.json has no operation ${operationId}`);
  return found;
}

/** Every status the document declares for an operation (not `default`). */
export function documentedStatuses(operationId: string): number[] {
  const responses = operationById(operationId).raw.responses as JsonObject;
  return Object.keys(responses)
    .filter((status) => /^\d{3}$/.test(status))
    .map(Number);
}

/** What is wrong with an answer, by the document; empty when it conforms. */
export function checkResponse(
  operationId: string,
  status: number,
  contentType: string,
  body: unknown,
): string[] {
  const operation = operationById(operationId);
  const responses = operation.raw.responses as Record<string, JsonObject>;
  const declared = responses[String(status)] ?? responses.default;
  if (!declared) return [`${operationId} does not document status ${status}`];
  if (!responses[String(status)] && status < 500) {
    return [`${operationId} does not document status ${status} (only ${Object.keys(responses).join(", ")})`];
  }
  const content = declared.content as Record<string, { schema: JsonObject }> | undefined;
  if (!content)
    return body === undefined || body === "" ? [] : [`${operationId} ${status} documents no body`];
  const media = contentType.split(";")[0]?.trim() ?? "";
  const entry = content[media];
  if (!entry) return [`${operationId} ${status}: ${media || "no content type"} is not documented`];
  const validate = schemaValidator(`${operationId}/${status}/${media}`, entry.schema);
  return validate(body) ? [] : describe(`${operationId} ${status}`, validate.errors);
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | null;
  readonly status: number;
  readonly problems: readonly string[];
}

/** What is wrong with a request, by the document; empty when it conforms. */
export function checkRequest(request: {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}): { operationId: string | null; problems: string[] } {
  const match = matchOperation(request.method, request.url.pathname);
  if (!match)
    return { operationId: null, problems: [`${request.method} ${request.url.pathname} is not in the API`] };
  const { operation } = match;
  const problems: string[] = [];
  const parameters = ((operation.raw.parameters as JsonObject[] | undefined) ?? []).map((parameter) =>
    typeof parameter.$ref === "string" ? resolveRef(parameter.$ref) : parameter,
  );
  const query: Record<string, string> = Object.fromEntries(request.url.searchParams);
  const declaredQuery = parameters.filter((parameter) => parameter.in === "query");
  for (const name of Object.keys(query)) {
    if (!declaredQuery.some((parameter) => parameter.name === name)) {
      problems.push(`${operation.operationId}: query parameter "${name}" is not documented`);
    }
  }
  const querySchema = {
    type: "object",
    properties: Object.fromEntries(declaredQuery.map((parameter) => [parameter.name, parameter.schema])),
    required: declaredQuery.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  };
  const validateQuery = paramAjv.compile(querySchema);
  if (!validateQuery(query))
    problems.push(...describe(`${operation.operationId} query`, validateQuery.errors));

  const requestBody = operation.raw.requestBody as
    | { required?: boolean; content: Record<string, { schema: JsonObject }> }
    | undefined;
  const contentType =
    String(request.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim() ?? "";
  if (!requestBody) {
    if (request.body.length > 0) problems.push(`${operation.operationId} takes no body`);
  } else if (request.body.length === 0) {
    if (requestBody.required) problems.push(`${operation.operationId}: the body is required`);
  } else {
    const entry = requestBody.content[contentType];
    if (!entry) {
      problems.push(`${operation.operationId}: ${contentType || "no content type"} is not a documented body`);
    } else if (contentType === "application/json") {
      const encoding = String(request.headers["content-encoding"] ?? "identity");
      const bytes = encoding === "gzip" ? gunzipSync(request.body) : request.body;
      let body: unknown;
      try {
        body = JSON.parse(bytes.toString("utf8"));
      } catch {
        problems.push(`${operation.operationId}: the body is not JSON`);
      }
      const validate = schemaValidator(`${operation.operationId}/request`, entry.schema);
      if (body !== undefined && !validate(body)) {
        problems.push(...describe(`${operation.operationId} body`, validate.errors));
      }
    }
  }
  const security = (operation.raw.security as JsonObject[] | undefined) ?? [];
  const needsAuth =
    security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
  if (needsAuth && !/^Bearer \S+$/.test(String(request.headers.authorization ?? ""))) {
    problems.push(`${operation.operationId}: no bearer credential`);
  }
  return { operationId: operation.operationId, problems };
}

export interface ContractProxy {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The next `count` requests to this method and path get `status` from the proxy itself (a failing gateway). */
  failNext(method: string, path: string, count: number, status: number): void;
  /** Every problem, request or response side, of every request so far. */
  problems(): string[];
  close(): Promise<void>;
}

/** A proxy in front of the real server that checks both sides of every exchange. */
export async function startContractProxy(target: string): Promise<ContractProxy> {
  const requests: RecordedRequest[] = [];
  const failures: { method: string; path: string; count: number; status: number }[] = [];
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readAll(incoming);
    const url = new URL(incoming.url ?? "/", "http://proxy.invalid");
    let checked: { operationId: string | null; problems: string[] };
    // Pages are the dashboard's, not the API's: only /api/ is in the contract.
    if (!url.pathname.startsWith("/api/")) checked = { operationId: null, problems: [] };
    else
      try {
        checked = checkRequest({ method: incoming.method ?? "GET", url, headers: incoming.headers, body });
      } catch (error) {
        checked = {
          operationId: null,
          problems: [`the request could not be checked: ${(error as Error).message}`],
        };
      }
    const failure = failures.find(
      (entry) => entry.count > 0 && entry.method === incoming.method && entry.path === url.pathname,
    );
    if (failure) {
      failure.count--;
      requests.push({
        method: incoming.method ?? "GET",
        path: url.pathname,
        operationId: checked.operationId,
        status: failure.status,
        problems: checked.problems,
      });
      outgoing.writeHead(failure.status, { "content-type": "text/html" });
      outgoing.end("<html><body>Bad gateway</body></html>");
      return;
    }
    const destination = new URL(incoming.url ?? "/", target);
    // The Host header stays the client's: links and the OIDC audience are the address the client used.
    const forwarded = httpRequest(destination, { method: incoming.method, headers: incoming.headers });
    forwarded.on("response", async (answer) => {
      const answerBody = await readAll(answer);
      const contentType = String(answer.headers["content-type"] ?? "");
      const responseProblems: string[] = [];
      try {
        // Checked as the client reads it: after the server's compression is undone.
        const text = decode(answerBody, String(answer.headers["content-encoding"] ?? "")).toString("utf8");
        const parsed: unknown = contentType.startsWith("application/json") ? JSON.parse(text) : text;
        if (checked.operationId) {
          responseProblems.push(
            ...checkResponse(checked.operationId, answer.statusCode ?? 0, contentType, parsed),
          );
        }
      } catch (error) {
        responseProblems.push(`the answer could not be read: ${(error as Error).message}`);
      }
      requests.push({
        method: incoming.method ?? "GET",
        path: url.pathname,
        operationId: checked.operationId,
        status: answer.statusCode ?? 0,
        problems: [...checked.problems, ...responseProblems],
      });
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      outgoing.end(answerBody);
    });
    forwarded.on("error", () => {
      outgoing.destroy();
    });
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(method, path, count, status) {
      failures.push({ method, path, count, status });
    },
    problems: () =>
      requests.flatMap((request) =>
        request.problems.map((problem) => `${request.method} ${request.path}: ${problem}`),
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return body;
}

function resolveRef(ref: string): JsonObject {
  let node: unknown = document;
  for (const part of ref.replace(/^#\//, "").split("/")) node = (node as JsonObject)[part];
  if (!node) throw new Error(`web/openapi.json: cannot resolve ${ref}`);
  return node as JsonObject;
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (error) =>
        `${where}${error.instancePath} ${error.message ?? "is invalid"}${
          error.keyword === "additionalProperties" ? ` ("${String(error.params.additionalProperty)}")` : ""
        }`,
    );
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
