// GET and POST /api/v1/projects/{org}/{repo}/baseline: the base branch's figures for a pull request's
// comment. GET ?branch=main[&jobKey=…][&tests=id,id] for a few tests (or all of the branch's); POST
// { branch, jobKey?, tests } for the many tests of a run, whose ids would not fit in a URL. Readable with
// read access, or with an upload credential (upload token or OIDC token) of the project itself: the action
// reads it with the credential it uploads with.
import { ApiError, answer } from "../../../../../../../lib/api-error.ts";
import { buildBaseline, readBaselineRequest } from "../../../../../../../lib/baseline.ts";
import { slugFromParams } from "../../../../../../../lib/paths.ts";
import { checkReadAccess } from "../../../../../../../lib/read-access.ts";
import { readBody } from "../../../../../../../lib/read-body.ts";
import { getSettings, getStore } from "../../../../../../../lib/store.ts";
import { authenticateUpload, requestOrigin } from "../../../../../../../lib/upload.ts";

type Context = { params: Promise<{ org: string; repo: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return answer(async () => {
    const search = new URL(request.url).searchParams;
    const tests = search.get("tests");
    const baselineRequest = readBaselineRequest({
      branch: search.get("branch") ?? undefined,
      jobKey: search.get("jobKey") ?? undefined,
      tests: tests === null ? undefined : tests.split(",").filter(Boolean),
    });
    return respond(request, context, baselineRequest);
  });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  return answer(async () => {
    const contentType = request.headers.get("content-type") ?? "";
    if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(contentType)) {
      throw new ApiError(415, {
        code: "unsupported-media-type",
        message: `send the baseline request as application/json, not ${contentType || "no content type"}`,
      });
    }
    const bytes = await readBody(request, getSettings().maxUploadBytes);
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new ApiError(400, { code: "invalid-json", message: "the body is not valid JSON" });
    }
    return respond(request, context, readBaselineRequest(body));
  });
}

async function respond(
  request: Request,
  context: Context,
  baselineRequest: ReturnType<typeof readBaselineRequest>,
): Promise<Response> {
  const slug = slugFromParams(await context.params);
  await authorize(request, slug);
  const store = await getStore();
  const project = await store.getProject({ slug });
  if (!project) {
    throw new ApiError(404, {
      code: "unknown-project",
      message: `there is no project ${JSON.stringify(slug)} here`,
    });
  }
  const answerBody = await buildBaseline({
    store,
    project,
    request: baselineRequest,
    origin: getSettings().publicUrl ?? requestOrigin(request),
    now: Date.now(),
  });
  return Response.json(answerBody, { headers: { "Cache-Control": "no-store" } });
}

/** Read access (open, read token or basic auth), or an upload credential of this very project. */
async function authorize(request: Request, slug: string): Promise<void> {
  const authorization = request.headers.get("authorization");
  if (checkReadAccess(authorization, getSettings()) !== "denied") return;
  const upload = await authenticateUpload(request);
  if (upload.projectSlug !== slug) {
    throw new ApiError(403, {
      code: "forbidden",
      message: `this credential is for ${JSON.stringify(upload.projectSlug)}, not for ${JSON.stringify(slug)}`,
    });
  }
}
