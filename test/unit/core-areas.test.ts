// core/ is made of areas (junit, xml, classify, run, report, ...), each with an index.ts that is its public
// surface. One area uses another only through that barrel, and no two areas need each other: a cycle
// between barrels would load one of them half-initialised.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.ts";

interface CoreImport {
  readonly file: string;
  readonly from: string;
  readonly into: string;
  /** The imported module, relative to core/. */
  readonly target: string;
}

const CORE = join(repoRoot, "core");

/** Every import in core/ that lands in another core area. */
function crossAreaImports(): CoreImport[] {
  const files = readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((path) =>
    path.endsWith(".ts"),
  );
  return files.flatMap((file) => {
    const text = readFileSync(join(CORE, file), "utf8");
    const from = areaOf(file);
    return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)"(\.[^"]+)"/gm)]
      .map((match) => relative(CORE, resolve(CORE, dirname(file), match[1] ?? "")))
      .map((target) => ({ file, from, into: areaOf(target), target }))
      .filter((entry) => entry.into !== entry.from);
  });
}

function areaOf(path: string): string {
  return path.split(/[\\/]/)[0] ?? "";
}

/** An area that, following the uses between areas, reaches itself again; null when there is none. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (area: string, path: string[]): string[] | null => {
    if (path.includes(area)) return [...path.slice(path.indexOf(area)), area];
    if (done.has(area)) return null;
    for (const next of edges.get(area) ?? []) {
      const cycle = visit(next, [...path, area]);
      if (cycle) return cycle;
    }
    done.add(area);
    return null;
  };
  for (const area of edges.keys()) {
    const cycle = visit(area, []);
    if (cycle) return cycle;
  }
  return null;
}

describe("core's areas", () => {
  const imports = crossAreaImports();

  it("finds the imports it checks", () => {
    // A reader that found nothing would pass both rules below.
    expect(imports).toContainEqual(
      expect.objectContaining({ file: "run/merge-attempts.ts", target: join("junit", "index.ts") }),
    );
  });

  it("use one another only through each area's index.ts", () => {
    const strays = imports.filter((entry) => entry.target !== join(entry.into, "index.ts"));
    expect(strays).toEqual([]);
  });

  it("need one another in one direction only", () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, into } of imports) edges.set(from, (edges.get(from) ?? new Set()).add(into));
    expect(findCycle(edges)).toBeNull();
    // The checker itself finds a cycle when there is one: junit using run, which uses junit.
    const withCycle = new Map([...edges, ["junit", new Set([...(edges.get("junit") ?? []), "run"])]]);
    expect(findCycle(withCycle)).toEqual(expect.arrayContaining(["junit", "run"]));
  });
});
