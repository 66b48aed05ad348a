// A store on a fresh database of the test run's kind (test/support/web/database.ts), with a clock tests move.
import type { Store } from "../../../store/queries.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export { MIGRATIONS } from "./database.ts";

export interface TempStore {
  readonly store: Store;
  readonly database: TestDatabase;
  /** The clock the store dates rows with; tests move it. */
  readonly clock: { now: number };
  /** Another store on the same database, as a second server or process opens it. */
  openAnother(): Promise<Store>;
  remove(): Promise<void>;
}

export async function createTempStore(now = Date.UTC(2026, 2, 2, 12)): Promise<TempStore> {
  const database = await createTestDatabase();
  const clock = { now };
  const store = await database.open(() => clock.now);
  const others: Store[] = [];
  return {
    store,
    database,
    clock,
    async openAnother() {
      const other = await database.open(() => clock.now);
      others.push(other);
      return other;
    },
    async remove() {
      for (const other of others.splice(0)) await other.close();
      await store.close();
      await database.remove();
    },
  };
}
