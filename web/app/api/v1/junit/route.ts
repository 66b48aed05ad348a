// POST /api/v1/junit?project=org/repo&commit=…&branch=… (optional run, attempt, job, workflow, pr, url,
// default_branch, started_at, provider): raw JUnit XML from any CI, one file as the body or several as
// multipart/form-data. The reports go through the action's streaming parser and classifier.
import { z } from "zod";
import { ciProviders } from "../../../../../core/ci/index.ts";
import { runReportFromJunit } from "../../../../../core/history/index.ts";
import { type JunitFile, JunitParser } from "../../../../../core/junit/index.ts";
import { ApiError, type ApiErrorBody, answer } from "../../../../lib/api-error.ts";
import { readBody, readBodyChunks } from "../../../../lib/read-body.ts";
import { projectSlug } from "../../../../lib/run-report-schema.ts";
import { getSettings } from "../../../../lib/store.ts";
import { authenticateUpload, checkProject, storeRunReport } from "../../../../lib/upload.ts";

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

const parametersSchema = z.object({
  project: projectSlug,
  commit: z.string().trim().min(1).max(100),
  branch: z.string().trim().min(1).max(500),
  run: optionalText(200),
  attempt: z.coerce.number().int().positive().optional(),
  job: optionalText(500),
  workflow: optionalText(500),
  pr: z.coerce.number().int().positive().optional(),
  url: z.url().max(2000).optional(),
  default_branch: optionalText(500),
  started_at: z.iso.datetime({ offset: true }).optional(),
  provider: z.enum(ciProviders).default("local"),
});

// XML as the body; curl's `--data-binary @junit.xml` says x-www-form-urlencoded unless told otherwise.
const XML_TYPES =
  /^(?:application|text)\/(?:[\w.+-]*\+)?xml\b|^application\/octet-stream\b|^application\/x-www-form-urlencoded\b/i;

export async function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const upload = await authenticateUpload(request);
    const parameters = readParameters(new URL(request.url).searchParams);
    await checkProject(upload, parameters.project, "project");
    const settings = getSettings();
    const files = await readJunitFiles(request, settings.maxUploadBytes);
    const broken = files.filter((file) => file.error !== null);
    if (broken.length > 0) {
      const problems = broken.map(describeBrokenFile);
      const first = problems[0] as Omit<ApiErrorBody, "problems">;
      throw new ApiError(422, {
        ...first,
        message:
          broken.length === 1
            ? first.message
            : `${broken.length} files are not valid JUnit XML; first: ${first.message}`,
        problems,
      });
    }
    const tests = files.reduce((sum, file) => sum + file.counts.tests, 0);
    if (tests > settings.maxTestsPerUpload) {
      throw new ApiError(413, {
        code: "too-many-tests",
        message: `the reports hold ${tests} test cases; the server takes at most ${settings.maxTestsPerUpload} per upload (SEAMWATCH_MAX_TESTS_PER_UPLOAD)`,
      });
    }
    const report = runReportFromJunit(files, {
      ci: {
        provider: parameters.provider,
        repository: parameters.project,
        commitSha: parameters.commit,
        branch: parameters.branch,
        ref: null,
        defaultBranch: parameters.default_branch ?? null,
        baseBranch: null,
        pullRequest: parameters.pr ?? null,
        workflow: parameters.workflow ?? null,
        job: parameters.job ?? null,
        jobKey: null,
        runId: parameters.run ?? null,
        runAttempt: parameters.run ? (parameters.attempt ?? 1) : null,
        runUrl: parameters.url ?? null,
      },
      startedAt: parameters.started_at ? new Date(parameters.started_at) : new Date(),
    });
    return storeRunReport(request, upload, report, "junit");
  });
}

function readParameters(search: URLSearchParams): z.output<typeof parametersSchema> {
  const parsed = parametersSchema.safeParse(Object.fromEntries(search));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "query");
  throw new ApiError(400, {
    code: "invalid-parameter",
    message:
      issue?.code === "invalid_type" && search.get(name) === null
        ? `the query parameter ${name} is required`
        : `the query parameter ${name}: ${issue?.message ?? "invalid"}`,
    field: name,
  });
}

async function readJunitFiles(request: Request, maxBytes: number): Promise<JunitFile[]> {
  const contentType = request.headers.get("content-type") ?? "application/xml";
  if (/^multipart\/form-data\b/i.test(contentType)) {
    // Held in memory within the upload limit; each file is then streamed through the parser.
    const body = await readBody(request, maxBytes);
    let form: FormData;
    try {
      form = await new Response(new Blob([new Uint8Array(body)]), {
        headers: { "content-type": contentType },
      }).formData();
    } catch {
      throw new ApiError(400, { code: "invalid-junit", message: "the multipart body could not be read" });
    }
    const files: JunitFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") continue;
      files.push(
        await parseFile(value.name || field, value.stream() as unknown as AsyncIterable<Uint8Array>),
      );
    }
    if (files.length === 0) {
      throw new ApiError(422, {
        code: "no-junit-files",
        message:
          "the multipart body holds no file: send each report as a file field (curl -F 'report=@junit.xml')",
      });
    }
    return files;
  }
  if (!XML_TYPES.test(contentType)) {
    throw new ApiError(415, {
      code: "unsupported-media-type",
      message: `send JUnit XML as application/xml, or several files as multipart/form-data, not ${contentType}`,
    });
  }
  const name = new URL(request.url).searchParams.get("file") ?? "report.xml";
  return [await parseFile(name, readBodyChunks(request, maxBytes))];
}

async function parseFile(path: string, chunks: AsyncIterable<Uint8Array>): Promise<JunitFile> {
  const parser = new JunitParser({ path, collectTestCases: true });
  for await (const chunk of chunks) parser.write(chunk);
  return parser.end();
}

function describeBrokenFile(file: JunitFile): Omit<ApiErrorBody, "problems"> {
  const error = file.error as NonNullable<JunitFile["error"]>;
  const where = error.line === null ? "" : ` at line ${error.line}, column ${error.column}`;
  return {
    code: "invalid-junit",
    message: `${file.path}${where}: ${error.message}`,
    file: file.path,
    ...(error.line === null ? {} : { line: error.line }),
    ...(error.column === null ? {} : { column: error.column }),
  };
}
