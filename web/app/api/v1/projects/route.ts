// GET /api/v1/projects: the projects on this dashboard (a read API: open, or behind the read token).
import { answer } from "../../../../lib/api-error.ts";
import { getStore } from "../../../../lib/store.ts";

export async function GET(): Promise<Response> {
  return answer(async () => {
    const store = await getStore();
    return Response.json(
      { projects: await store.listProjects() },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
