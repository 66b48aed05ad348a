// The server's one store, opened on first use (the instrumentation opens it at start, so migrations run
// before the first request). Server code only: a client component that imported this would fail the build.
import "server-only";
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { isPostgresUrl, openStore, type Store } from "../../store/queries.ts";
import { readSettings, type Settings } from "./settings.ts";

// One store per process, even when Next loads this module in several bundles (instrumentation, routes).
const HOLDER = Symbol.for("seamwatch.dashboard");

interface Holder {
  settings?: Settings;
  store?: Promise<Store>;
}

function holder(): Holder {
  const scope = globalThis as unknown as { [HOLDER]?: Holder };
  scope[HOLDER] ??= {};
  return scope[HOLDER];
}

export function getSettings(): Settings {
  const state = holder();
  state.settings ??= readSettings();
  return state.settings;
}

export function getStore(): Promise<Store> {
  const state = holder();
  const settings = getSettings();
  state.store ??= openStore({
    database: databaseLocation(settings.database),
    poolSize: settings.poolSize,
    migrationsFolder: migrationsFolder(),
  });
  return state.store;
}

/**
 * A relative SQLite path is taken from where the server was started: the standalone server changes into
 * its own folder before any of this runs, but the shell's PWD still says where the user was.
 */
function databaseLocation(database: string): string {
  if (isPostgresUrl(database) || database === ":memory:" || isAbsolute(database)) return database;
  return resolve(process.env.PWD ?? process.cwd(), database);
}

/** drizzle/ next to the app folder: in the repository, and in the standalone folder the build makes. */
function migrationsFolder(): string {
  const candidates = [join(process.cwd(), "..", "drizzle"), join(process.cwd(), "drizzle")];
  return (
    candidates.find((folder) => existsSync(join(folder, "sqlite", "meta", "_journal.json"))) ??
    (candidates[0] as string)
  );
}
