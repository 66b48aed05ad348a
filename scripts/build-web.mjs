// Builds the dashboard into one folder that `node` runs: web/.next/standalone (server.js under web/, the
// traced node_modules, drizzle/ with the migrations, the static assets). `--if-needed` skips the build when
// the sources are unchanged since the last one (a hash of them is kept in the folder).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const standalone = join(root, "web/.next/standalone");
const stampFile = join(standalone, ".seamwatch-build.json");
/** What the build reads: a change in any of these means the folder is stale. */
const inputs = [
  "web",
  "core",
  "store",
  "drizzle",
  "package-lock.json",
  "scripts/build-web.mjs",
  "scripts/dashboard-admin.ts",
];
const skipped = new Set(["node_modules", ".next", "next-env.d.ts"]);

export function hashSources() {
  const hash = createHash("sha256");
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!skipped.has(entry)) visit(join(path, entry));
      return;
    }
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const input of inputs) visit(join(root, input));
  return hash.digest("hex");
}

export function isBuildCurrent() {
  if (!existsSync(stampFile) || !existsSync(join(standalone, "web/server.js"))) return false;
  try {
    return JSON.parse(readFileSync(stampFile, "utf8")).sources === hashSources();
  } catch {
    return false;
  }
}

async function bundleAdmin() {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "scripts/dashboard-admin.ts")],
    outfile: join(standalone, "admin.mjs"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // The database drivers are in the folder's node_modules, traced by Next (node-postgres is not bundled:
    // its optional native binding cannot be resolved).
    external: ["better-sqlite3", "pg"],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
}

export async function buildWeb({ ifNeeded = false, log = (line) => console.log(line) } = {}) {
  if (ifNeeded && isBuildCurrent()) {
    log("seamwatch: the dashboard build is up to date");
    return;
  }
  const sources = hashSources();
  const started = Date.now();
  log("seamwatch: building the dashboard (next build, about a minute on 2 cores)…");
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), "build", "web"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  // The standalone server does not serve these by itself (Next leaves them for a CDN): copy them in.
  cpSync(join(root, "web/.next/static"), join(standalone, "web/.next/static"), { recursive: true });
  if (existsSync(join(root, "web/public"))) {
    cpSync(join(root, "web/public"), join(standalone, "web/public"), { recursive: true });
  }
  rmSync(join(standalone, "drizzle"), { recursive: true, force: true });
  cpSync(join(root, "drizzle"), join(standalone, "drizzle"), { recursive: true });
  // Token and migration commands for a server that runs from this folder alone (a container).
  await bundleAdmin();
  writeFileSync(stampFile, `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
  log(
    `seamwatch: dashboard built in ${Math.round((Date.now() - started) / 1000)} s: ${relative(root, standalone)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb({ ifNeeded: process.argv.includes("--if-needed") });
}
