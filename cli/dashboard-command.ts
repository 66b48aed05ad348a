// `seamwatch token create`, `seamwatch oidc allow|deny|show` and `seamwatch db migrate|prune|copy`: the
// dashboard's database from the command line, through its data module. The database is --db or SEAMWATCH_DB
// (else DATABASE_URL, else ./data/seamwatch.db): a postgres:// URL is PostgreSQL, anything else the SQLite file.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  DAY_MS,
  describeDatabase,
  isPostgresUrl,
  openStore,
  type Store,
  StoreError,
} from "../store/queries.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";

export const DASHBOARD_USAGE = `Usage:
  seamwatch token create --project org/repo [--label text]
                          create an upload token for the project (created when missing); printed once,
                          only its hash is kept
  seamwatch oidc allow --project org/repo [--ref pattern]... [--workflow name]...
                          let GitHub Actions of the repository upload without a token (their OIDC
                          token), optionally only from these refs (refs/heads/main, refs/tags/*) or
                          workflows (a name, or a file such as .github/workflows/ci.yml); replaces the
                          project's earlier rule
  seamwatch oidc deny --project org/repo
                          take no OIDC token for the project any more
  seamwatch oidc show --project org/repo
                          print the project's OIDC rule
  seamwatch db migrate    apply the dashboard's pending migrations (the server also does at start)
  seamwatch db prune --days N
                          delete raw test results older than N days; runs and daily rollups stay
                          (PostgreSQL drops whole months: those that ended N days ago)
  seamwatch db copy --from <file|url> --to <file|url>
                          copy every row of one dashboard database into another, empty one (ids kept),
                          e.g. --from ./data/seamwatch.db --to postgres://user@host/seamwatch

Options:
  --db <file|url>         the dashboard's database: a SQLite file or a postgres:// URL (default:
                          SEAMWATCH_DB, else DATABASE_URL, else ./data/seamwatch.db)
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
  const database = locate(
    io,
    values.db?.trim() ||
      process.env.SEAMWATCH_DB?.trim() ||
      process.env.DATABASE_URL?.trim() ||
      "./data/seamwatch.db",
  );
  const action = `${group} ${command}`;
  if (action === "token create") {
    const project = values.project?.trim();
    if (!project || !PROJECT.test(project)) {
      throw new UsageError("token create needs the repository: --project org/repo");
    }
    return withStore(database, io, async (store) => {
      const created = await store.createUploadToken({ projectSlug: project, label: values.label ?? null });
      io.stderr(`Upload token for ${created.projectSlug} (shown once; only its hash is kept):\n`);
      io.stdout(`${created.token}\n`);
    });
  }
  if (group === "oidc") {
    const project = values.project?.trim();
    if (!project || !PROJECT.test(project)) {
      throw new UsageError(`oidc ${command} needs the repository: --project org/repo`);
    }
    const refs = values.ref ?? [];
    const workflows = values.workflow ?? [];
    if (command === "allow") {
      return withStore(database, io, async (store) => {
        await store.setOidcPolicy({ projectSlug: project, refs, workflows });
        io.stdout(`seamwatch: ${project} takes GitHub OIDC tokens ${describePolicy(refs, workflows)}\n`);
      });
    }
    if (command === "deny") {
      return withStore(database, io, async (store) => {
        const removed = await store.removeOidcPolicy({ projectSlug: project });
        io.stdout(
          `seamwatch: ${project} ${removed ? "no longer takes" : "did not take"} GitHub OIDC tokens\n`,
        );
      });
    }
    if (command === "show") {
      return withStore(database, io, async (store) => {
        const policy = await store.getOidcPolicy({ slug: project });
        io.stdout(
          policy
            ? `${project} takes GitHub OIDC tokens ${describePolicy(policy.refs, policy.workflows)}\n`
            : `${project} takes no GitHub OIDC token\n`,
        );
      });
    }
  }
  if (action === "db migrate") {
    return withStore(database, io, async () => {
      io.stdout(`seamwatch: ${describeDatabase(database)} is up to date with the migrations\n`);
    });
  }
  if (action === "db prune") {
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1)
      throw new UsageError("db prune needs --days N, a whole number of days");
    return withStore(database, io, async (store) => {
      const deleted = await store.pruneResults({ before: Date.now() - days * DAY_MS });
      io.stdout(`seamwatch: deleted ${deleted} test results older than ${days} days\n`);
    });
  }
  if (action === "db copy") {
    const from = values.from?.trim();
    const to = values.to?.trim();
    if (!from || !to) throw new UsageError("db copy needs --from <file|url> and --to <file|url>");
    const source = locate(io, from);
    const target = locate(io, to);
    if (source === target) throw new UsageError("db copy needs two different databases");
    if (!isPostgresUrl(source) && !existsSync(source)) {
      io.stderr(`seamwatch: there is no database at ${source} to copy from\n`);
      return 1;
    }
    return withStores([source, target], io, async ([from, to]) => {
      const started = Date.now();
      const copied = await (from as Store).copyInto({
        target: to as Store,
        progress: (table, rows) => {
          if (rows % 100_000 === 0) io.stderr(`seamwatch: ${table}: ${rows} rows\n`);
        },
      });
      for (const [table, rows] of copied) io.stdout(`${table.padEnd(20)} ${rows} rows\n`);
      io.stdout(
        `seamwatch: copied ${describeDatabase(source)} into ${describeDatabase(target)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
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
        ref: { type: "string", multiple: true },
        workflow: { type: "string", multiple: true },
        from: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function describePolicy(refs: readonly string[], workflows: readonly string[]): string {
  const from = refs.length > 0 ? `from ${refs.join(", ")}` : "from any ref";
  const through = workflows.length > 0 ? `in ${workflows.join(", ")}` : "in any workflow";
  return `${from}, ${through}`;
}

/** A SQLite path relative to where the command runs; a URL as it is. */
function locate(io: CommandIo, database: string): string {
  return isPostgresUrl(database) ? database : resolve(io.cwd, database);
}

/** Opens the database (applying pending migrations), runs the work, closes it; a database it cannot open is exit 1. */
function withStore(database: string, io: CommandIo, work: (store: Store) => Promise<void>): Promise<number> {
  return withStores([database], io, ([store]) => work(store as Store));
}

async function withStores(
  databases: readonly string[],
  io: CommandIo,
  work: (stores: readonly Store[]) => Promise<void>,
): Promise<number> {
  const stores: Store[] = [];
  try {
    for (const database of databases) {
      try {
        stores.push(await openStore({ database, migrationsFolder: migrationsFolder(), poolSize: 2 }));
      } catch (error) {
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        io.stderr(`seamwatch: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
        return 1;
      }
    }
    try {
      await work(stores);
    } catch (error) {
      // The database's own problem (not empty, unreachable midway): said in a line, without a stack.
      if (!(error instanceof StoreError)) throw error;
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
      io.stderr(`seamwatch: ${error.message}${cause}\n`);
      return 1;
    }
    return EXIT.ok;
  } finally {
    for (const store of stores) await store.close();
  }
}

/** drizzle/ at the repository's root (dist/ and cli/ are one level down), or beside the standalone admin.mjs. */
function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, "../drizzle"), resolve(here, "drizzle")];
  return (
    candidates.find((folder) => existsSync(resolve(folder, "sqlite/meta/_journal.json"))) ??
    (candidates[0] as string)
  );
}
