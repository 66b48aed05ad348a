// Read protection for pages and read APIs, when a read token or basic auth is set. The upload routes are
// left out of the matcher: they check upload tokens themselves, and a proxy would buffer (and cut) their
// bodies.
import { type NextRequest, NextResponse } from "next/server";
import { checkReadAccess } from "./lib/read-access.ts";
import { readSettings } from "./lib/settings.ts";

let settings: ReturnType<typeof readSettings> | undefined;

export function proxy(request: NextRequest): NextResponse | Response {
  settings ??= readSettings();
  const access = checkReadAccess(request.headers.get("authorization"), settings);
  if (access !== "denied") return NextResponse.next();
  const message =
    "this dashboard needs a read token (Authorization: Bearer <SEAMWATCH_READ_TOKEN>) or its basic auth";
  const headers = { "WWW-Authenticate": 'Basic realm="seamwatch", charset="UTF-8"' };
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "unauthorized", message } }, { status: 401, headers });
  }
  return new Response(`401: ${message}\n`, {
    status: 401,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/v1/runs$|api/v1/junit$|api/v1/health$).*)"],
};
