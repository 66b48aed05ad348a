// `seamwatch token create` and `seamwatch db …` without building the CLI first (`npm run token:create`,
// `npm run db:migrate`). The build also bundles this into the standalone folder as admin.mjs, so a server
// running from that folder alone (a container) has them: `node admin.mjs token create --project org/repo`.
import { processIo } from "../cli/command-io.ts";
import { DASHBOARD_USAGE, runDashboardCommand } from "../cli/dashboard-command.ts";
import { EXIT, UsageError } from "../cli/exit-codes.ts";

const io = processIo();
runDashboardCommand(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.stderr(`seamwatch: ${(error as Error).message}\n\n${DASHBOARD_USAGE}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    io.stderr(
      `seamwatch: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.internalError;
  },
);
