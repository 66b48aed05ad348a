// The repository's own workflow and the action's metadata, checked against GitHub's published schemas by
// GitHub's own parser (@actions/workflow-parser, which ships workflow-v1.0 and action-v1.0), and the
// workflow held to what issue #13 asks of it: the tests run through `uses: ./` after the committed bundle is
// checked. The package is a devDependency; SEAMWATCH_WORKFLOW_PARSER may point at another install of it.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.ts";

const PARSER =
  process.env.SEAMWATCH_WORKFLOW_PARSER ?? join(repoRoot, "node_modules/@actions/workflow-parser");

interface ParseResult {
  context: { errors: { getErrors(): { message: string }[] } };
  value: unknown;
}
interface Parser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): ParseResult;
  parseAction(file: { name: string; content: string }, trace: unknown): ParseResult;
  convertWorkflowTemplate(context: unknown, value: unknown): Promise<WorkflowTemplate>;
  NoOperationTraceWriter: new () => unknown;
}
interface WorkflowTemplate {
  errors?: { Message: string }[];
  jobs: { id: { value: string }; steps: { uses?: { value: string }; run?: { value: string } }[] }[];
}

let parser: Parser;

describe(`GitHub's workflow and action schemas (${PARSER})`, () => {
  beforeAll(async () => {
    if (!existsSync(join(PARSER, "package.json"))) {
      throw new Error(
        `@actions/workflow-parser is missing at ${PARSER}: run npm ci (it is a devDependency).`,
      );
    }
    // The package imports its schema files without an import attribute, which Node refuses: bundled first.
    const out = join(mkdtempSync(join(tmpdir(), "seamwatch-workflow-parser-")), "parser.mjs");
    const entry = [
      `export * from ${JSON.stringify(join(PARSER, "dist/index.js"))};`,
      `export { parseAction } from ${JSON.stringify(join(PARSER, "dist/actions/action-parser.js"))};`,
    ].join("\n");
    await build({
      stdin: { contents: entry, resolveDir: PARSER, loader: "js" },
      outfile: out,
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "silent",
      nodePaths: [join(PARSER, "node_modules"), join(PARSER, "..", "..")],
    });
    parser = (await import(pathToFileURL(out).href)) as Parser;
  }, 60_000);

  const parse = (kind: "parseWorkflow" | "parseAction", name: string, content: string) =>
    parser[kind]({ name, content }, new parser.NoOperationTraceWriter())
      .context.errors.getErrors()
      .map((error) => error.message);

  it("finds a mistake, so that a clean result means something", () => {
    const broken = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stesp:\n      - run: echo\n";
    expect(parse("parseWorkflow", "broken.yml", broken).join("\n")).toMatch(/stesp/);
  });

  it(".github/workflows/ci.yml is a valid workflow", () => {
    const content = readFileSync(join(repoRoot, ".github/workflows/ci.yml"), "utf8");
    expect(parse("parseWorkflow", ".github/workflows/ci.yml", content)).toEqual([]);
  });

  it("runs the tests through the action itself, after checking the committed bundle", async () => {
    const content = readFileSync(join(repoRoot, ".github/workflows/ci.yml"), "utf8");
    const result = parser.parseWorkflow({ name: "ci.yml", content }, new parser.NoOperationTraceWriter());
    const template = await parser.convertWorkflowTemplate(result.context, result.value);
    expect(template.errors ?? []).toEqual([]);
    const steps = template.jobs[0]?.steps ?? [];
    const check = steps.findIndex((step) => step.run?.value.includes("build-action.mjs --check"));
    const self = steps.findIndex((step) => step.uses?.value === "./");
    expect(check).toBeGreaterThanOrEqual(0);
    expect(self).toBeGreaterThan(check);
  });

  it("action.yml and save/action.yml are valid action metadata", () => {
    for (const file of ["action.yml", "save/action.yml"]) {
      expect(parse("parseAction", file, readFileSync(join(repoRoot, file), "utf8")), file).toEqual([]);
    }
  });
});
