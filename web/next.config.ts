// The dashboard's Next.js app. It imports ../core and ../store, so tracing and Turbopack start at the
// repository root; `output: "standalone"` makes the one folder that `node` runs (see scripts/build-web.mjs).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const config: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  // A native addon: loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3"],
  // `npm run typecheck` checks web/ with its own tsconfig; the build does not do it a second time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
