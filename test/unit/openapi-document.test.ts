// web/openapi.json against the code it describes: every route handler and method is documented and nothing
// else is; every reference resolves; and the run report's schema is the one the server checks bodies with
// (web/lib/run-report-schema.ts), so the two cannot drift. SEAMWATCH_UPDATE_OPENAPI=1 rewrites that part.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runReportSchema } from "../../web/lib/run-report-schema.ts";
import { repoRoot } from "../support/run-action.ts";

const DOCUMENT_PATH = join(repoRoot, "web/openapi.json");
const document = JSON.parse(readFileSync(DOCUMENT_PATH, "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith("route.ts"))
    .map((path) => join(dir, path));
}

/** `/api/v1/projects/{org}/{repo}/runs/{runId}` from `web/app/api/v1/projects/[org]/[repo]/runs/[runId]/route.ts`. */
function apiPath(file: string): string {
  const folder = relative(join(repoRoot, "web/app"), file).replace(/[\\/]route\.ts$/, "");
  return `/${folder
    .split(/[\\/]/)
    .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/")}`;
}

describe("web/openapi.json", () => {
  it("documents every route handler's methods, and only those", () => {
    const implemented: string[] = [];
    for (const file of routeFiles(join(repoRoot, "web/app/api"))) {
      const source = readFileSync(file, "utf8");
      for (const [, method] of source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        implemented.push(`${method?.toLowerCase()} ${apiPath(file)}`);
      }
    }
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(implemented.sort()).toEqual(documented.sort());
    expect(implemented).toContain("post /api/v1/projects/{org}/{repo}/baseline");
  });

  it("resolves every reference", () => {
    const text = JSON.stringify(document);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      let node: unknown = document;
      for (const part of (ref ?? "").replace(/^#\//, "").split("/"))
        node = (node as Record<string, unknown>)?.[part];
      expect(node, ref).toBeDefined();
    }
  });

  it("describes the run report exactly as the server checks it", () => {
    const generated = z.toJSONSchema(runReportSchema, { target: "draft-2020-12", io: "input" }) as Record<
      string,
      unknown
    >;
    delete generated.$schema;
    if (process.env.SEAMWATCH_UPDATE_OPENAPI === "1") {
      document.components.schemas.RunReport = generated;
      writeFileSync(DOCUMENT_PATH, `${JSON.stringify(document, null, 2)}\n`);
    }
    expect(document.components.schemas.RunReport).toEqual(generated);
  });
});
