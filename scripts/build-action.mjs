// Bundles the GitHub Action (action/index.ts, and the save step action/save-step.ts) into dist-action/
// (index.js, save.js and their shared chunks), committed because a runner executes the action straight from
// the repository, without installing anything.
//
//   node scripts/build-action.mjs           rebuild the committed bundle
//   node scripts/build-action.mjs --check   rebuild into a temporary directory and fail when the committed
//                                           bundle differs (CI: the bundle must match the sources)
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const committedDir = join(repoRoot, "dist-action");
const check = process.argv.includes("--check");
// "type": "module" beside the bundle, so Node loads it as ESM wherever the action is checked out.
const PACKAGE_JSON = `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`;

// Start-up time is paid on every run of the action, so the bundle loads only what the run needs:
// - @actions/core imports its OIDC client, and through it @actions/http-client and undici (~800 kB, about
//   200 ms to load), for `getIDToken`, which seamwatch never calls. The client is replaced by a stub.
// - @actions/github (~1 MB) is imported dynamically when a comment is written, and split into its own
//   chunk so that runs without a comment never even parse it.
const leaveOutOidcClient = {
  name: "leave-out-oidc-client",
  setup(build) {
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: "oidc-utils", namespace: "stub" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents:
        "export class OidcClient { static async getIDToken() { throw new Error('seamwatch bundles no OIDC client'); } }",
      loader: "js",
    }));
  },
};

async function buildInto(outDir) {
  await rm(outDir, { recursive: true, force: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: { index: "action/index.ts", save: "action/save-step.ts" },
    outdir: outDir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    // @actions/* are ESM but bundle CommonJS dependencies that call require("net") and friends.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [leaveOutOidcClient],
    legalComments: "eof",
    logLevel: "warning",
  });
  await writeFile(join(outDir, "package.json"), PACKAGE_JSON);
}

/** Every file under `dir`, relative, sorted. */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

if (!check) {
  await buildInto(committedDir);
} else {
  const fresh = await mkdtemp(join(tmpdir(), "seamwatch-action-build-"));
  try {
    await buildInto(fresh);
    const freshFiles = await listFiles(fresh);
    const committedFiles = await listFiles(committedDir);
    // Files only on one side (a chunk renamed by a change), then files whose bytes differ.
    const stale = [...new Set([...freshFiles, ...committedFiles])]
      .sort()
      .filter((name) => !freshFiles.includes(name) || !committedFiles.includes(name));
    for (const name of freshFiles.filter((file) => committedFiles.includes(file))) {
      const [a, b] = await Promise.all([readFile(join(fresh, name)), readFile(join(committedDir, name))]);
      if (!a.equals(b)) stale.push(name);
    }
    if (stale.length > 0) {
      console.error(
        `dist-action/ does not match the sources (${stale.map((name) => `dist-action/${name}`).join(", ")}): ` +
          "run `node scripts/build-action.mjs` and commit the result.",
      );
      process.exitCode = 1;
    } else {
      console.log("dist-action/ matches the sources.");
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}
