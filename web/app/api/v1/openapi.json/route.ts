// GET /api/v1/openapi.json: the API's contract (web/openapi.json), public like the health check. The tests
// hold the server's answers and the action's and the CLI's requests to it.
import document from "../../../../openapi.json";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
