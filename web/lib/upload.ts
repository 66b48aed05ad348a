// What both upload routes share: the upload token, the project it may write to, and storing a run report.
import "server-only";
import { planRunRecord, type RunReport, RunReportError } from "../../core/history/index.ts";
import { ApiError } from "./api-error.ts";
import { runPath } from "./paths.ts";
import { getSettings, getStore } from "./store.ts";

export interface UploadProject {
  readonly projectId: number;
  readonly projectSlug: string;
}

const TOKEN_HINT = "create one with `seamwatch token create --project org/repo`";

/** The project the request's upload token writes to. Read tokens and basic auth are not upload tokens. */
export async function authenticateUpload(request: Request): Promise<UploadProject> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(401, {
      code: "unauthorized",
      message: `send an upload token in the Authorization header (Bearer <token>); ${TOKEN_HINT}`,
    });
  }
  const store = await getStore();
  const found = await store.findUploadToken({ token: match[1] });
  if (!found) {
    throw new ApiError(401, {
      code: "unauthorized",
      message: `the upload token is not known here; ${TOKEN_HINT}`,
    });
  }
  return found;
}

/** The token's project must be the one named; an unknown name is a 404, another project's a 403. */
export async function checkProject(upload: UploadProject, named: string, field: string): Promise<void> {
  if (named === upload.projectSlug) return;
  const store = await getStore();
  if (!(await store.getProject({ slug: named }))) {
    throw new ApiError(404, {
      code: "unknown-project",
      message: `there is no project ${JSON.stringify(named)} on this dashboard; its upload token creates it`,
      field,
    });
  }
  throw new ApiError(403, {
    code: "forbidden",
    message: `this upload token writes to ${JSON.stringify(upload.projectSlug)}, not to ${JSON.stringify(named)}`,
    field,
  });
}

/** Stores the report; 201 with the run's link, or 200 with the same link when it was stored before. */
export async function storeRunReport(
  request: Request,
  upload: UploadProject,
  report: RunReport,
  source: "run-report" | "junit",
): Promise<Response> {
  let record: ReturnType<typeof planRunRecord>;
  try {
    record = planRunRecord(report);
  } catch (error) {
    if (error instanceof RunReportError) {
      throw new ApiError(422, { code: "invalid-report", message: error.message, field: error.path });
    }
    throw error;
  }
  const store = await getStore();
  const { runId, duplicate } = await store.ingestRun({ projectId: upload.projectId, record, source });
  const origin = getSettings().publicUrl ?? requestOrigin(request);
  const url = `${origin}${runPath(upload.projectSlug, runId)}`;
  return Response.json(
    {
      run: {
        id: runId,
        url,
        project: upload.projectSlug,
        tests: record.run.counts.tests,
        outcome: record.run.outcome,
      },
      duplicate,
    },
    { status: duplicate ? 200 : 201, headers: { Location: url } },
  );
}

/** The origin the client used, as its Host header says; SEAMWATCH_PUBLIC_URL overrides it behind a proxy. */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${protocol}://${host}`;
}
