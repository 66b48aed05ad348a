// What may import what, as the README's map of folders says: core and process import nothing of ours, the
// engine (runner) and the Docker side import only those two, the fronts (cli, action) sit on top, and core
// does no I/O. Read from the sources' own import lines.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.ts";

const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ["core"],
  process: ["process"],
  runner: ["runner", "core", "process"],
  docker: ["docker", "core", "process"],
  cli: ["cli", "runner", "core", "process", "store"],
  action: ["action", "runner", "docker", "core", "process"],
  // The dashboard: its data module on core alone; the web app on both.
  store: ["store", "core"],
  web: ["web", "core", "store"],
};

/** Node modules core may use: pure computation, no I/O. */
const CORE_NODE_MODULES = new Set(["node:buffer", "node:crypto"]);

function sources(folder: string): string[] {
  return readdirSync(join(repoRoot, folder), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts"))
    .map((path) => join(folder, path));
}

/** Every module a file imports, statically or with `import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)"([^"]+)"/gm)].map(
    (match) => match[1] ?? "",
  );
}

/** The top-level folder a relative import lands in, or null for a package. */
function folderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = relative(repoRoot, resolve(repoRoot, dirname(file), specifier));
  return target.split(/[\\/]/)[0] ?? null;
}

describe("the layout", () => {
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${folder}/ imports only from ${allowed.join(", ")}`, () => {
      const strays = sources(folder).flatMap((file) =>
        importsOf(file)
          .map((specifier) => ({ file, specifier, into: folderOf(file, specifier) }))
          // The store's internals are imported by path from @actions/cache itself (see that file).
          .filter(({ into }) => into !== null && into !== "node_modules" && !allowed.includes(into)),
      );
      expect(strays).toEqual([]);
    });
  }

  it("core/ does no I/O and knows nothing of GitHub", () => {
    const packages = sources("core").flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith("."))
        .map((specifier) => ({ file, specifier })),
    );
    expect(packages.filter(({ specifier }) => !CORE_NODE_MODULES.has(specifier))).toEqual([]);
  });

  it("finds the imports it checks", () => {
    // A reader that found nothing would pass every rule above.
    expect(importsOf("runner/run-suite.ts")).toContain("../core/report/index.ts");
    expect(importsOf("action/image-cache-store.ts")).toContain("@actions/cache");
  });
});
