// Reads JUnit files from disk through the streaming parser. One unreadable or broken file never stops
// the others: its error is kept on its own result.

import { type FileHandle, open } from "node:fs/promises";
import { resolve } from "node:path";
import { type JunitFile, JunitParser, type ParseOptions } from "../core/junit/index.ts";

export type ReadOptions = Omit<ParseOptions, "path">;

const CHUNK_BYTES = 1024 * 1024;

export async function readJunitFile(
  path: string,
  options: ReadOptions & { cwd?: string } = {},
): Promise<JunitFile> {
  const { cwd, ...parseOptions } = options;
  const parser = new JunitParser({ ...parseOptions, path });
  // One buffer, read into again and again: the parser copies what it keeps, so a large file leaves no
  // trail of garbage chunks for the garbage collector to catch up with.
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let file: FileHandle | undefined;
  try {
    file = await open(resolve(cwd ?? ".", path), "r");
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      parser.write(chunk.subarray(0, bytesRead));
    }
  } catch (cause) {
    parser.fail(describeReadError(cause));
  } finally {
    await file?.close();
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
