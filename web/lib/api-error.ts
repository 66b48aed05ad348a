// The one error shape of the API: `{ "error": { "code", "message", ...where } }`, with a 4xx status for
// anything the client can fix. Unexpected failures answer 500 with no detail: database messages, paths and
// stacks stay in the server's log.

export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "unknown-project"
  | "not-found"
  | "body-too-large"
  | "too-many-tests"
  | "unsupported-media-type"
  | "invalid-encoding"
  | "invalid-json"
  | "invalid-report"
  | "invalid-parameter"
  | "invalid-junit"
  | "no-junit-files"
  | "internal";

export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** The field at fault, as a path: `tests[3].durationMs`, or a query parameter's name. */
  readonly field?: string;
  /** For JUnit XML: the file at fault and where in it. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Several problems at once (every broken JUnit file). */
  readonly problems?: readonly Omit<ApiErrorBody, "problems">[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = "ApiError";
  }
}

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: error.body },
    {
      status: error.status,
      headers: error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="seamwatch"' } : {},
    },
  );
}

/** Runs a route's work; an ApiError becomes its JSON answer, anything else a bare 500. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    console.error("seamwatch: request failed", error);
    return errorResponse(
      new ApiError(500, {
        code: "internal",
        message: "the server could not handle the request; see its log",
      }),
    );
  }
}

/** `tests[3].durationMs` from a path of keys and indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text || "(the body)";
}
