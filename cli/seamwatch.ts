// The `seamwatch` command line: one subcommand per job, the same engine as the GitHub Action.
import { type CommandIo, processIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";
import { PARSE_USAGE, runParseCommand } from "./parse-command.ts";
import { runRunCommand } from "./run-command.ts";

/** Kept here so that a usage error of `token`/`db` does not load the database driver to print it. */
const DASHBOARD_HELP = 'Run "seamwatch token --help" or "seamwatch db --help" for their options.';

const USAGE = `Usage: seamwatch <command> [options]

Commands:
  parse <glob or file>...   read JUnit XML reports and summarise them (seamwatch parse --help)
  run [options] -- <cmd>    run tests, retrying only infrastructure failures (seamwatch run --help)
  token create --project org/repo
                            create an upload token for the dashboard (seamwatch token --help)
  db migrate | db prune     the dashboard's database (seamwatch db --help)

Run "seamwatch <command> --help" for a command's options.`;

async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return runParseCommand(rest, io);
    case "run":
      return runRunCommand(rest, io);
    case "token":
    case "db": {
      // Loaded only for these commands: they bring the database driver, a native addon.
      const { runDashboardCommand } = await import("./dashboard-command.ts");
      return runDashboardCommand(argv, io);
    }
    case undefined:
    case "-h":
    case "--help":
    case "help":
      io.stdout(`${USAGE}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs `seamwatch <argv>` and sets the process's exit code; a user's mistake is printed without a stack. */
export async function runSeamwatch(argv: readonly string[], io: CommandIo = processIo()): Promise<void> {
  try {
    process.exitCode = await runCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage =
        argv[0] === "parse" ? PARSE_USAGE : argv[0] === "token" || argv[0] === "db" ? DASHBOARD_HELP : USAGE;
      io.stderr(`seamwatch: ${error.message}\n\n${usage}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    io.stderr(
      `seamwatch: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.internalError;
  }
}
