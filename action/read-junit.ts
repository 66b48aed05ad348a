// Reads JUnit files from disk through the streaming parser. One unreadable or broken file never stops
// the others: its error is kept on its own result.

import { createReadStream } from "node:fs";
import { glob } from "tinyglobby";
import type { JunitFile } from "../core/junit/model.ts";
import { JunitParser, type ParseOptions } from "../core/junit/parse-junit.ts";

export type ReadOptions = Omit<ParseOptions, "path">;

const CHUNK_BYTES = 1024 * 1024;

export async function readJunitFile(path: string, options: ReadOptions = {}): Promise<JunitFile> {
  const parser = new JunitParser({ ...options, path });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      parser.write(chunk as Buffer);
    }
  } catch (cause) {
    parser.fail(describeReadError(cause));
  }
  return parser.end();
}

function describeReadError(cause: unknown): string {
  const error = cause as NodeJS.ErrnoException;
  switch (error.code) {
    case "ENOENT":
      return "cannot read: no such file";
    case "EISDIR":
      return "cannot read: it is a directory";
    case "EACCES":
      return "cannot read: permission denied";
    default:
      return `cannot read: ${error.message ?? String(cause)}`;
  }
}

export interface MatchedFiles {
  readonly paths: readonly string[];
  /** Patterns that matched nothing, in the order given. */
  readonly unmatched: readonly string[];
}

/** Expands file names and glob patterns; a plain file name matches itself even if it does not exist. */
export async function findJunitFiles(patterns: readonly string[], cwd = process.cwd()): Promise<MatchedFiles> {
  const paths = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const matches = await glob(pattern, { cwd, onlyFiles: true, dot: false, expandDirectories: false });
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches.sort()) paths.add(match);
  }
  return { paths: [...paths], unmatched };
}
