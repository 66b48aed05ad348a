// The `seamwatch` command line: one subcommand per job, the same engine as the GitHub Action.

import { writeSync } from "node:fs";
import { EXIT, UsageError } from "./exit-codes.ts";
import { PARSE_USAGE, runParseCommand } from "./parse-command.ts";
import { runRunCommand } from "./run-cli-command.ts";

const USAGE = `Usage: seamwatch <command> [options]

Commands:
  parse <glob or file>...   read JUnit XML reports and summarise them (seamwatch parse --help)
  run [options] -- <cmd>    run tests, retrying only infrastructure failures (seamwatch run --help)

Run "seamwatch <command> --help" for a command's options.`;

// Synchronous writes: the process may exit right after, and large JSON must not be cut off.
const io = {
  cwd: process.cwd(),
  stdout: (text: string) => writeAll(1, text),
  stderr: (text: string) => writeAll(2, text),
};

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (cause) {
      // A non-blocking pipe that is full: wait for the reader and try again.
      if ((cause as NodeJS.ErrnoException).code !== "EAGAIN") throw cause;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return runParseCommand(rest, io);
    case "run":
      return runRunCommand(rest, io);
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.stderr(`seamwatch: ${error.message}\n\n${process.argv[2] === "parse" ? PARSE_USAGE : USAGE}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    io.stderr(
      `seamwatch: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
