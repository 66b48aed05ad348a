// What both upload routes share: the upload token, the project it may write to, and storing a run report.
import "server-only";
import { planRunRecord, type RunReport, RunReportError } from "../../core/history/index.ts";
import { ApiError } from "./api-error.ts";
import { checkOidcPolicy, JwksCache, looksLikeJwt, OidcError, verifyOidcToken } from "./oidc.ts";
import { runPath } from "./paths.ts";
import { getSettings, getStore } from "./store.ts";

export interface UploadProject {
  readonly projectId: number;
  readonly projectSlug: string;
}

const TOKEN_HINT = "create one with `seamwatch token create --project org/repo`";

/**
 * The project the request may write to: its upload token's, or, for GitHub's OIDC token, the project its
 * `repository` claim names when that project takes OIDC uploads. Read tokens and basic auth are neither.
 */
export async function authenticateUpload(request: Request): Promise<UploadProject> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(401, {
      code: "unauthorized",
      message: `send an upload token in the Authorization header (Bearer <token>); ${TOKEN_HINT}, or use GitHub's OIDC token`,
    });
  }
  if (looksLikeJwt(match[1])) return authenticateOidc(request, match[1]);
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

async function authenticateOidc(request: Request, token: string): Promise<UploadProject> {
  const settings = getSettings();
  const audience = settings.oidcAudience ?? settings.publicUrl ?? requestOrigin(request);
  try {
    const claims = await verifyOidcToken(token, {
      issuer: settings.oidcIssuer,
      audience,
      jwks: jwksCache(settings.oidcIssuer),
    });
    const store = await getStore();
    const policy = await store.getOidcPolicy({ slug: claims.repository });
    if (!policy) {
      throw new OidcError(
        `the project ${JSON.stringify(claims.repository)} does not take OIDC uploads here; allow them with \`seamwatch oidc allow --project ${claims.repository}\``,
      );
    }
    const refused = checkOidcPolicy(policy, claims);
    if (refused) throw new OidcError(refused);
    return { projectId: policy.projectId, projectSlug: policy.projectSlug };
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    if (error.unavailable) {
      console.error("seamwatch:", error.message);
      throw new ApiError(503, { code: "oidc-unavailable", message: error.message });
    }
    throw new ApiError(401, { code: "unauthorized", message: error.message });
  }
}

// One cache of the issuer's keys per process, whichever bundle of the app asks.
const JWKS = Symbol.for("seamwatch.oidc-jwks");

function jwksCache(issuer: string): JwksCache {
  const scope = globalThis as unknown as { [JWKS]?: JwksCache };
  if (scope[JWKS]?.options.issuer !== issuer) scope[JWKS] = new JwksCache({ issuer });
  return scope[JWKS];
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
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${protocol}://${host}`;
}
