// A fresh SQLite file with the real migrations, in a temporary folder of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore, type Store } from "../../../store/queries.ts";

export const MIGRATIONS = fileURLToPath(new URL("../../../drizzle", import.meta.url));

export interface TempStore {
  readonly store: Store;
  readonly path: string;
  readonly dir: string;
  /** The clock the store dates rows with; tests move it. */
  readonly clock: { now: number };
  remove(): Promise<void>;
}

export function createTempStore(now = Date.UTC(2026, 2, 2, 12)): TempStore {
  const dir = mkdtempSync(join(tmpdir(), "seamwatch-store-"));
  const path = join(dir, "seamwatch.db");
  const clock = { now };
  const store = openStore({ path, migrationsFolder: MIGRATIONS, now: () => clock.now });
  return {
    store,
    path,
    dir,
    clock,
    async remove() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
