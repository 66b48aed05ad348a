// The last lines of a command's output, kept for classification while the whole output streams through.
// Bounded by lines and by bytes, so a chatty or binary-spewing command cannot grow memory.
import { StringDecoder } from "node:string_decoder";
import type { OutputStream } from "../process/spawn.ts";

export interface TailLimits {
  readonly maxLines: number;
  readonly maxBytes: number;
  /** Longer lines are cut: classification only needs their start. */
  readonly maxLineLength: number;
}

export const defaultTailLimits: TailLimits = Object.freeze({
  maxLines: 200,
  maxBytes: 64 * 1024,
  maxLineLength: 4096,
});

interface Pending {
  readonly decoder: StringDecoder;
  partial: string;
}

export class OutputTail {
  readonly #limits: TailLimits;
  readonly #lines: string[] = [];
  #bytes = 0;
  // Each stream keeps its own unfinished line, so interleaved chunks never splice two lines together.
  readonly #pending: Record<OutputStream, Pending> = {
    stdout: { decoder: new StringDecoder("utf8"), partial: "" },
    stderr: { decoder: new StringDecoder("utf8"), partial: "" },
  };

  constructor(limits: TailLimits = defaultTailLimits) {
    this.#limits = limits;
  }

  write(chunk: Buffer, stream: OutputStream): void {
    const pending = this.#pending[stream];
    const text = pending.partial + pending.decoder.write(chunk);
    const parts = text.split(/\r?\n/);
    pending.partial = this.#cap(parts.pop() ?? "");
    for (const line of parts) this.#push(line);
  }

  /** Flushes unfinished lines and returns the tail, oldest line first. */
  end(): string[] {
    for (const pending of Object.values(this.#pending)) {
      const rest = pending.partial + pending.decoder.end();
      pending.partial = "";
      if (rest.length > 0) this.#push(rest);
    }
    return [...this.#lines];
  }

  #push(line: string): void {
    const capped = this.#cap(line);
    this.#lines.push(capped);
    this.#bytes += Buffer.byteLength(capped) + 1;
    while (this.#lines.length > this.#limits.maxLines || this.#bytes > this.#limits.maxBytes) {
      const dropped = this.#lines.shift();
      if (dropped === undefined) break;
      this.#bytes -= Buffer.byteLength(dropped) + 1;
    }
  }

  #cap(line: string): string {
    return line.length > this.#limits.maxLineLength ? line.slice(0, this.#limits.maxLineLength) : line;
  }
}
