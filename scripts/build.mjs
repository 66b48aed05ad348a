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
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: "linked",
  logLevel: "warning",
});
