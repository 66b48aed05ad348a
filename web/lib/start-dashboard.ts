import "server-only";
import { DAY_MS } from "../../store/queries.ts";
import { getSettings, getStore } from "./store.ts";

const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

export async function startDashboard(): Promise<void> {
  try {
    const settings = getSettings();
    const store = await getStore();
    const prune = async () => {
      try {
        const deleted = await store.pruneResults({ before: Date.now() - settings.retentionDays * DAY_MS });
        if (deleted > 0)
          console.log(`seamwatch: pruned ${deleted} test results older than ${settings.retentionDays} days`);
      } catch (error) {
        console.error("seamwatch: pruning old test results failed", error);
      }
    };
    setTimeout(prune, 5_000).unref();
    setInterval(prune, PRUNE_EVERY_MS).unref();
  } catch (error) {
    // Nothing can be served without settings and a database: say why and stop.
    console.error(`seamwatch: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.cause) console.error(error.cause);
    process.exit(1);
  }
}
