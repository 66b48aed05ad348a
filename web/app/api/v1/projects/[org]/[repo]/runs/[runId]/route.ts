// GET /api/v1/projects/{org}/{repo}/runs/{id}: one stored run with its attempts and its tests that did not
// simply pass (a read API: open, or behind the read token).
import { ApiError, answer } from "../../../../../../../../lib/api-error.ts";
import { slugFromParams } from "../../../../../../../../lib/paths.ts";
import { getStore } from "../../../../../../../../lib/store.ts";

export async function GET(
  _request: Request,
  context: { params: Promise<{ org: string; repo: string; runId: string }> },
): Promise<Response> {
  return answer(async () => {
    const params = await context.params;
    const store = await getStore();
    const slug = slugFromParams(params);
    const project = await store.getProject({ slug });
    if (!project) {
      throw new ApiError(404, {
        code: "unknown-project",
        message: `there is no project ${JSON.stringify(slug)} here`,
      });
    }
    const runId = Number(params.runId);
    const run = Number.isSafeInteger(runId) ? await store.getRun({ projectId: project.id, runId }) : null;
    if (!run)
      throw new ApiError(404, { code: "not-found", message: `project ${slug} has no run ${params.runId}` });
    const [attempts, tests, infrastructure] = await Promise.all([
      store.listRunAttempts({ runId }),
      store.listRunResults({
        runId,
        verdicts: ["failed", "flaky", "infra-failure", "recovered-after-infra-retry"],
        limit: 1000,
      }),
      store.listRunInfraEvents({ runId }),
    ]);
    return Response.json(
      { run, attempts, tests, infrastructure },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
