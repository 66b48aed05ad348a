// GET /api/v1/health: the server is up and its database answers (for load balancers and `npm start`).
import { answer } from "../../../../lib/api-error.ts";
import { getStore } from "../../../../lib/store.ts";

export async function GET(): Promise<Response> {
  return answer(async () => {
    const store = await getStore();
    return Response.json(
      { ok: true, runs: await store.countRuns() },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
