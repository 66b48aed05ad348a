// Bundles the CLI (cli/) into dist/ with esbuild (types are only stripped; `npm run typecheck` checks them).
import { build } from "esbuild";

await build({
  entryPoints: { seamwatch: "cli/index.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outExtension: { ".js": ".js" },
  // `token` and `db` load the dashboard's database drivers (SQLite's a native addon; node-postgres, whose
  // optional native binding a bundle cannot resolve): from node_modules, and only for those commands (a chunk
  // of their own, loaded by `import()`).
  external: ["better-sqlite3", "pg"],
  splitting: true,
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: "linked",
  logLevel: "warning",
});
