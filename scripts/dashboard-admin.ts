// Administration of the dashboard's database, until the CLI's own folder takes `seamwatch token create` and
// `seamwatch db migrate` (the action/ reorganisation): the same work through the data module. The build also
// bundles it into the standalone folder as admin.mjs (`node admin.mjs token create --project org/repo`).
//   tsx scripts/dashboard-admin.ts token create --project org/repo [--label text]
//   tsx scripts/dashboard-admin.ts db migrate
//   tsx scripts/dashboard-admin.ts db prune --days 90
// The database is SEAMWATCH_DB (default ./data/seamwatch.db).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DAY_MS, openStore } from "../store/queries.ts";

const USAGE = `Usage:
  token create --project org/repo [--label text]   create an upload token (printed once)
  db migrate                                       apply pending migrations
  db prune --days N                                delete raw results older than N days (rollups stay)
The database is SEAMWATCH_DB (default ./data/seamwatch.db).`;

export async function runAdmin(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const [group, command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { project: { type: "string" }, label: { type: "string" }, days: { type: "string" } },
    strict: true,
  });
  const path = resolve(process.env.SEAMWATCH_DB?.trim() || "./data/seamwatch.db");
  // drizzle/ beside the repository's scripts/, or beside the bundled admin.mjs in the standalone folder.
  const migrationsFolder =
    [resolve(import.meta.dirname, "../drizzle"), resolve(import.meta.dirname, "drizzle")].find((folder) =>
      existsSync(resolve(folder, "meta/_journal.json")),
    ) ?? resolve(import.meta.dirname, "../drizzle");
  if (group === "db" && command === "migrate") {
    const store = openStore({ path, migrationsFolder });
    await store.close();
    out(`seamwatch: ${path} is up to date with the migrations`);
    return 0;
  }
  if (group === "db" && command === "prune") {
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1)
      throw new UsageError("--days needs a whole number of days, at least 1");
    const store = openStore({ path, migrationsFolder });
    const deleted = await store.pruneResults({ before: Date.now() - days * DAY_MS });
    await store.close();
    out(`seamwatch: deleted ${deleted} test results older than ${days} days`);
    return 0;
  }
  if (group === "token" && command === "create") {
    const project = values.project?.trim();
    if (!project || !/^[^\s/]+(?:\/[^\s/]+)+$/.test(project)) {
      throw new UsageError("--project needs the repository, like --project org/repo");
    }
    const store = openStore({ path, migrationsFolder });
    const created = await store.createUploadToken({ projectSlug: project, label: values.label ?? null });
    await store.close();
    out(`Upload token for ${created.projectSlug} (shown once; only its hash is kept):`);
    out(created.token);
    return 0;
  }
  throw new UsageError(`unknown command: ${argv.join(" ") || "(none)"}`);
}

class UsageError extends Error {}

if (import.meta.filename === process.argv[1]) {
  runAdmin(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
        console.error(`seamwatch: ${(error as Error).message}\n\n${USAGE}`);
        process.exitCode = 2;
        return;
      }
      console.error(`seamwatch: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
