// Where a command of the CLI reads and writes: its working directory and its output streams.
import { writeSync } from "node:fs";

export interface CommandIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** This process's streams, written synchronously: it may exit right after, and large JSON must not be cut off. */
export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => writeAll(1, text),
    stderr: (text) => writeAll(2, text),
  };
}

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
