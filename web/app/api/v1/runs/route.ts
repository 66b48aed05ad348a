// POST /api/v1/runs: a run report (versions 1 and 2, gzip accepted), with an upload token for its project.
import { ApiError, answer, formatPath } from "../../../../lib/api-error.ts";
import { lineAndColumn, locateJsonError } from "../../../../lib/json-error.ts";
import { readBody } from "../../../../lib/read-body.ts";
import { runReportSchema } from "../../../../lib/run-report-schema.ts";
import { getSettings } from "../../../../lib/store.ts";
import { authenticateUpload, checkProject, storeRunReport } from "../../../../lib/upload.ts";

export async function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const upload = await authenticateUpload(request);
    const contentType = request.headers.get("content-type") ?? "application/json";
    // curl's `-d @report.json` says x-www-form-urlencoded unless told otherwise: the body decides.
    if (!/^application\/(?:[\w.+-]*\+)?json\b|^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      throw new ApiError(415, {
        code: "unsupported-media-type",
        message: `send the run report as application/json, not ${contentType}`,
      });
    }
    const settings = getSettings();
    const body = parseJson(await readBody(request, settings.maxUploadBytes));
    const tests = (body as { tests?: unknown } | null)?.tests;
    if (Array.isArray(tests) && tests.length > settings.maxTestsPerUpload) {
      throw new ApiError(413, {
        code: "too-many-tests",
        message: `the report holds ${tests.length} tests; the server takes at most ${settings.maxTestsPerUpload} per upload (SEAMWATCH_MAX_TESTS_PER_UPLOAD)`,
        field: "tests",
      });
    }
    const parsed = runReportSchema.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 20).map((issue) => ({
        code: "invalid-report" as const,
        message: `${formatPath(issue.path)}: ${issue.message}`,
        field: formatPath(issue.path),
      }));
      const first = problems[0] as (typeof problems)[number];
      throw new ApiError(422, { ...first, message: `not a run report: ${first.message}`, problems });
    }
    const report = parsed.data;
    if (report.version === 2 && report.ci.repository !== null) {
      await checkProject(upload, report.ci.repository, "ci.repository");
    }
    return storeRunReport(request, upload, report, "run-report");
  });
}

function parseJson(bytes: Buffer): unknown {
  const source = bytes.toString("utf8");
  try {
    return JSON.parse(source);
  } catch (error) {
    const offset = locateJsonError(source);
    const where = offset >= 0 ? lineAndColumn(source, offset) : null;
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*$/s, "");
    throw new ApiError(400, {
      code: "invalid-json",
      message: `the body is not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ""}: ${reason}`,
      ...(where ?? {}),
    });
  }
}
