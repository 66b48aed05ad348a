// GitHub's published REST contract (the @octokit/openapi package), turned into request and
// response checks. Everything expensive is done once per process and only for the operations a
// test actually touches: the 13 MB description is parsed on first use, path matchers are built
// once, and ajv compiles an operation's schemas the first time that operation is seen.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";

type JsonObject = { [key: string]: unknown };

interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonObject;
}

interface ResponseObject {
  content?: Record<string, { schema?: JsonObject }>;
}

interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
  responses: Record<string, ResponseObject | { $ref: string }>;
  externalDocs?: { url: string };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
    examples: Record<string, { value?: unknown }>;
  };
}

export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  documentationUrl: string;
}

export type RouteMatch =
  | { kind: "operation"; operation: Operation; pathParams: Record<string, string> }
  | { kind: "unknown-path" }
  | { kind: "method-not-allowed"; allowed: string[] };

/** Where a request broke the contract; GitHub answers each place with a different status. */
export interface RequestProblem {
  location: "path" | "query" | "body";
  message: string;
}

export interface SpecLoadTiming {
  readMs: number;
  parseMs: number;
  indexMs: number;
}

const SPEC_FILE = "@octokit/openapi/generated/api.github.com.json";
const SCHEMA_REF_PREFIX = "#/components/schemas/";
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
// The stand-in rejects fields the operation does not declare. GitHub silently ignores them,
// which is exactly how a misspelt field ships unnoticed.
const REJECT_UNDECLARED_FIELDS = true;

interface RouteTemplate {
  template: string;
  segments: { literal?: string; param?: string }[];
  methods: Map<string, OperationObject>;
}

interface RequestValidators {
  pathParams: ValidateFunction;
  query: ValidateFunction;
  queryNames: Set<string>;
  body?: { validate: ValidateFunction; required: boolean; declaredFields?: Set<string> };
}

let loading: Promise<GitHubOpenApi> | undefined;

/** GitHub's OpenAPI description, parsed and indexed once per process. */
export function loadGitHubOpenApi(): Promise<GitHubOpenApi> {
  loading ??= (async () => {
    const started = performance.now();
    const file = createRequire(import.meta.url).resolve(SPEC_FILE);
    const text = await readFile(file, "utf8");
    const read = performance.now();
    const document = JSON.parse(text) as OpenApiDocument;
    const parsed = performance.now();
    const api = new GitHubOpenApi(document);
    api.loadTiming = {
      readMs: read - started,
      parseMs: parsed - read,
      indexMs: performance.now() - parsed,
    };
    return api;
  })();
  return loading;
}

export class GitHubOpenApi {
  loadTiming: SpecLoadTiming = { readMs: 0, parseMs: 0, indexMs: 0 };
  private readonly routesBySegmentCount = new Map<number, RouteTemplate[]>();
  private readonly operations = new Map<string, { operation: Operation; raw: OperationObject }>();
  private readonly requestValidators = new Map<string, RequestValidators>();
  private readonly responseValidators = new Map<string, ValidateFunction | null>();
  private readonly normalizedSchemas = new Map<string, JsonObject>();
  private readonly paramAjv: Ajv;
  private readonly strictAjv: Ajv;

  constructor(private readonly document: OpenApiDocument) {
    for (const [template, item] of Object.entries(document.paths)) {
      const route: RouteTemplate = {
        template,
        segments: template
          .split("/")
          .slice(1)
          .map((segment) => {
            const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
            return param === undefined ? { literal: segment } : { param };
          }),
        methods: new Map(),
      };
      for (const [method, raw] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        route.methods.set(method.toUpperCase(), raw);
        this.operations.set(raw.operationId, {
          raw,
          operation: {
            operationId: raw.operationId,
            method: method.toUpperCase(),
            pathTemplate: template,
            documentationUrl: raw.externalDocs?.url ?? "https://docs.github.com/rest",
          },
        });
      }
      const bucket = this.routesBySegmentCount.get(route.segments.length) ?? [];
      bucket.push(route);
      this.routesBySegmentCount.set(route.segments.length, bucket);
    }
    // Query and path values arrive as strings, so they are coerced like GitHub's router does;
    // JSON bodies and responses must already carry the right types.
    this.paramAjv = createAjv(true);
    this.strictAjv = createAjv(false);
  }

  /** A copy of a named example from the description (e.g. "pull-request"). */
  example(name: string): unknown {
    const example = this.document.components.examples[name];
    if (example?.value === undefined)
      throw new Error(`GitHub's OpenAPI description has no example "${name}"`);
    return structuredClone(example.value);
  }

  operation(operationId: string): Operation {
    const found = this.operations.get(operationId);
    if (!found) throw new Error(`GitHub's OpenAPI description has no operation "${operationId}"`);
    return found.operation;
  }

  /** The operation GitHub would route this request to; literal segments win over parameters. */
  matchRoute(method: string, pathname: string): RouteMatch {
    const segments = pathname.split("/").slice(1);
    let best: { route: RouteTemplate; score: string } | undefined;
    for (const route of this.routesBySegmentCount.get(segments.length) ?? []) {
      let score = "";
      let matches = true;
      for (const [index, segment] of route.segments.entries()) {
        const actual = segments[index] ?? "";
        if (segment.literal !== undefined) {
          if (segment.literal !== actual) {
            matches = false;
            break;
          }
          score += "1";
        } else {
          if (actual === "") {
            matches = false;
            break;
          }
          score += "0";
        }
      }
      if (matches && (best === undefined || score > best.score)) best = { route, score };
    }
    if (!best) return { kind: "unknown-path" };
    const raw = best.route.methods.get(method.toUpperCase());
    if (!raw) return { kind: "method-not-allowed", allowed: [...best.route.methods.keys()] };
    const pathParams: Record<string, string> = {};
    for (const [index, segment] of best.route.segments.entries()) {
      if (segment.param !== undefined) pathParams[segment.param] = safeDecode(segments[index] ?? "");
    }
    return { kind: "operation", operation: this.operation(raw.operationId), pathParams };
  }

  /** Every way the request breaks the operation's declared parameters and body; empty when valid. */
  validateRequest(
    operation: Operation,
    request: { pathParams: Record<string, string>; query: Record<string, string | string[]>; body: unknown },
  ): RequestProblem[] {
    const validators = this.requestValidatorsFor(operation.operationId);
    const problems: RequestProblem[] = [];
    if (!validators.pathParams({ ...request.pathParams })) {
      problems.push(...describe("path", validators.pathParams.errors));
    }
    for (const name of Object.keys(request.query)) {
      if (!validators.queryNames.has(name)) {
        problems.push({
          location: "query",
          message: `"${name}" is not a query parameter of ${operation.operationId}`,
        });
      }
    }
    if (!validators.query(structuredClone(request.query))) {
      problems.push(...describe("query", validators.query.errors));
    }
    const body = validators.body;
    if (request.body === undefined) {
      if (body?.required) problems.push({ location: "body", message: "request body is required" });
    } else if (!body) {
      problems.push({ location: "body", message: `${operation.operationId} takes no request body` });
    } else {
      if (!body.validate(request.body)) problems.push(...describe("body", body.validate.errors));
      if (body.declaredFields && isObject(request.body)) {
        for (const field of Object.keys(request.body)) {
          if (!body.declaredFields.has(field)) {
            problems.push({
              location: "body",
              message: `"${field}" is not a field of ${operation.operationId} (GitHub would silently ignore it)`,
            });
          }
        }
      }
    }
    return problems;
  }

  /**
   * Problems with a response the stand-in is about to send, checked against the schema the
   * operation declares for that status (error statuses it does not declare use basic-error).
   */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const validate = this.responseValidatorFor(operation.operationId, status);
    if (validate === null) {
      return body === undefined ? [] : [`${operation.operationId} declares no body for status ${status}`];
    }
    if (validate(body)) return [];
    const problems = describe("body", validate.errors).map(
      (problem) => `status ${status}: ${problem.message}`,
    );
    // A drifted list item repeats its problem once per item; the first few say it all.
    return problems.length > 5 ? [...problems.slice(0, 5), `... and ${problems.length - 5} more`] : problems;
  }

  private requestValidatorsFor(operationId: string): RequestValidators {
    const cached = this.requestValidators.get(operationId);
    if (cached) return cached;
    const { raw } = this.operations.get(operationId) ?? {};
    if (!raw) throw new Error(`unknown operation ${operationId}`);
    const parameters = (raw.parameters ?? []).map((parameter) =>
      "$ref" in parameter ? this.resolveComponent<ParameterObject>(parameter.$ref) : parameter,
    );
    const objectSchemaFor = (location: "path" | "query"): JsonObject => {
      const own = parameters.filter((parameter) => parameter.in === location);
      return {
        type: "object",
        properties: Object.fromEntries(own.map((parameter) => [parameter.name, parameter.schema ?? {}])),
        required: own.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      };
    };
    const id = encodeURIComponent(operationId);
    const validators: RequestValidators = {
      pathParams: this.compile(this.paramAjv, `${id}/path`, objectSchemaFor("path")),
      query: this.compile(this.paramAjv, `${id}/query`, objectSchemaFor("query")),
      queryNames: new Set(parameters.filter((p) => p.in === "query").map((p) => p.name)),
    };
    const requestBody = raw.requestBody;
    const bodySchema = requestBody?.content["application/json"]?.schema;
    if (requestBody && bodySchema) {
      const resolved = this.resolveTopLevel(bodySchema);
      const properties = isObject(resolved.properties) ? Object.keys(resolved.properties) : undefined;
      validators.body = {
        validate: this.compile(this.strictAjv, `${id}/body`, bodySchema),
        required: requestBody.required === true,
        declaredFields:
          REJECT_UNDECLARED_FIELDS && properties && resolved.additionalProperties === undefined
            ? new Set(properties)
            : undefined,
      };
    }
    this.requestValidators.set(operationId, validators);
    return validators;
  }

  private responseValidatorFor(operationId: string, status: number): ValidateFunction | null {
    const key = `${operationId} ${status}`;
    const cached = this.responseValidators.get(key);
    if (cached !== undefined) return cached;
    const { raw } = this.operations.get(operationId) ?? {};
    if (!raw) throw new Error(`unknown operation ${operationId}`);
    const declared = raw.responses[String(status)];
    let schema: JsonObject | undefined;
    if (declared) {
      const response = "$ref" in declared ? this.resolveComponent<ResponseObject>(declared.$ref) : declared;
      schema = response.content?.["application/json"]?.schema;
    } else if (status >= 400) {
      schema = { $ref: `${SCHEMA_REF_PREFIX}basic-error` };
    }
    const validate = schema
      ? this.compile(this.strictAjv, `${encodeURIComponent(operationId)}/response/${status}`, schema)
      : null;
    this.responseValidators.set(key, validate);
    return validate;
  }

  /**
   * Compiles a schema together with only the component schemas it reaches, so ajv never sees
   * the whole 13 MB description. `#/components/schemas/x` references keep working because the
   * wrapper puts those components at the same JSON pointer.
   */
  private compile(ajv: Ajv, id: string, schema: JsonObject): ValidateFunction {
    const components: Record<string, JsonObject> = {};
    const pending: unknown[] = [schema];
    while (pending.length > 0) {
      const node = pending.pop();
      if (Array.isArray(node)) {
        pending.push(...node);
      } else if (isObject(node)) {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF_PREFIX)) {
            const name = value.slice(SCHEMA_REF_PREFIX.length);
            if (!(name in components)) {
              components[name] = this.normalizedSchema(name);
              pending.push(components[name]);
            }
          } else if (key !== "example" && key !== "examples") {
            pending.push(value);
          }
        }
      }
    }
    return ajv.compile({
      $id: `https://seamwatch.invalid/github-openapi/${id}`,
      $ref: `${SCHEMA_REF_PREFIX}seamwatch-root`,
      components: { schemas: { ...components, "seamwatch-root": normalizeOpenApiSchema(schema) } },
    });
  }

  private normalizedSchema(name: string): JsonObject {
    let schema = this.normalizedSchemas.get(name);
    if (!schema) {
      const raw = this.document.components.schemas[name];
      if (!raw) throw new Error(`GitHub's OpenAPI description has no schema "${name}"`);
      schema = normalizeOpenApiSchema(raw);
      this.normalizedSchemas.set(name, schema);
    }
    return schema;
  }

  private resolveComponent<T>(ref: string): T {
    const [, , kind, name] = ref.split("/");
    const table = kind
      ? (this.document.components as unknown as Record<string, Record<string, T>>)[kind]
      : undefined;
    const found = table && name ? table[name] : undefined;
    if (!found) throw new Error(`cannot resolve ${ref} in GitHub's OpenAPI description`);
    return found;
  }

  private resolveTopLevel(schema: JsonObject): JsonObject {
    let current = schema;
    while (typeof current.$ref === "string" && current.$ref.startsWith(SCHEMA_REF_PREFIX)) {
      current = this.normalizedSchema(current.$ref.slice(SCHEMA_REF_PREFIX.length));
    }
    return current;
  }
}

function createAjv(coerceParameters: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    coerceTypes: coerceParameters ? "array" : false,
    code: { optimize: false },
  });
  // ajv-formats is CommonJS; Node hands ESM importers module.exports, which also carries .default.
  addFormatsPlugin.default(ajv, { mode: "fast" });
  return ajv;
}

/**
 * OpenAPI 3.0 writes "may be null" as `nullable: true`; ajv understands that only next to a
 * `type` and never adds null to an `enum`. Rewrite the other cases into plain JSON Schema.
 */
function normalizeOpenApiSchema(schema: unknown): JsonObject {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] = key === "example" || key === "examples" || key === "enum" ? value : visit(value);
    }
    if (copy.nullable !== true) return copy;
    if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
    if (copy.type !== undefined) return copy;
    const { nullable: _nullable, ...rest } = copy;
    return { anyOf: [rest, { type: "null" }] };
  };
  return visit(schema) as JsonObject;
}

function describe(
  location: RequestProblem["location"],
  errors: ErrorObject[] | null | undefined,
): RequestProblem[] {
  return (errors ?? []).map((error) => ({
    location,
    message: `${location}${error.instancePath || ""} ${error.message ?? "is invalid"}${
      error.keyword === "enum" ? ` (${JSON.stringify(error.params.allowedValues)})` : ""
    }${error.keyword === "additionalProperties" ? ` ("${String(error.params.additionalProperty)}")` : ""}`,
  }));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes stay as sent and then fail the parameter's schema, if any
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
