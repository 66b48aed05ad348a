// `seamwatch token create` and `seamwatch db migrate|prune`: the dashboard's database from the command line,
// through its data module. The database is --db or SEAMWATCH_DB (default ./data/seamwatch.db).
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DAY_MS, openStore, type Store } from "../store/queries.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";

export const DASHBOARD_USAGE = `Usage:
  seamwatch token create --project org/repo [--label text]
                          create an upload token for the project (created when missing); printed once,
                          only its hash is kept
  seamwatch db migrate    apply the dashboard's pending migrations (the server also does at start)
  seamwatch db prune --days N
                          delete raw test results older than N days; runs and daily rollups stay

Options:
  --db <file>             the dashboard's SQLite file (default: SEAMWATCH_DB, else ./data/seamwatch.db)
  -h, --help              show this help`;

const PROJECT = /^[^\s/]+(?:\/[^\s/]+)+$/;

export async function runDashboardCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [group, ...afterGroup] = argv;
  const command = afterGroup[0]?.startsWith("-") ? undefined : afterGroup[0];
  const values = readFlags(command === undefined ? afterGroup : afterGroup.slice(1));
  if (values.help || command === undefined) {
    io.stdout(`${DASHBOARD_USAGE}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const path = resolve(
    io.cwd,
    values.db?.trim() || process.env.SEAMWATCH_DB?.trim() || "./data/seamwatch.db",
  );
  const action = `${group} ${command}`;
  if (action === "token create") {
    const project = values.project?.trim();
    if (!project || !PROJECT.test(project)) {
      throw new UsageError("token create needs the repository: --project org/repo");
    }
    return withStore(path, io, async (store) => {
      const created = await store.createUploadToken({ projectSlug: project, label: values.label ?? null });
      io.stderr(`Upload token for ${created.projectSlug} (shown once; only its hash is kept):\n`);
      io.stdout(`${created.token}\n`);
    });
  }
  if (action === "db migrate") {
    return withStore(path, io, async () => {
      io.stdout(`seamwatch: ${path} is up to date with the migrations\n`);
    });
  }
  if (action === "db prune") {
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1)
      throw new UsageError("db prune needs --days N, a whole number of days");
    return withStore(path, io, async (store) => {
      const deleted = await store.pruneResults({ before: Date.now() - days * DAY_MS });
      io.stdout(`seamwatch: deleted ${deleted} test results older than ${days} days\n`);
    });
  }
  throw new UsageError(`unknown command "${action}"`);
}

function readFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        project: { type: "string" },
        label: { type: "string" },
        days: { type: "string" },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Opens the database (applying pending migrations), runs the work, closes it; a database it cannot open is exit 1. */
async function withStore(
  path: string,
  io: CommandIo,
  work: (store: Store) => Promise<void>,
): Promise<number> {
  let store: Store;
  try {
    store = openStore({ path, migrationsFolder: migrationsFolder() });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    io.stderr(`seamwatch: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
    return 1;
  }
  try {
    await work(store);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** drizzle/ at the repository's root (dist/ and cli/ are one level down), or beside the standalone admin.mjs. */
function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, "../drizzle"), resolve(here, "drizzle")];
  return (
    candidates.find((folder) => existsSync(resolve(folder, "meta/_journal.json"))) ??
    (candidates[0] as string)
  );
}
