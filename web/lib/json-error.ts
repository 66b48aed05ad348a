// Where a JSON text first goes wrong, for an error that names the line and column. JSON.parse says where
// only for some mistakes ("at position 12"); this walks the text itself, without recursion, and runs only
// after JSON.parse has already failed.

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ["true", "false", "null"];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Offset of the first character that makes `source` invalid JSON (its length when it ends too early). */
export function locateJsonError(source: string): number {
  let at = 0;
  // What may come next, inside objects and arrays: "{" / "[" frames.
  const stack: ("{" | "[")[] = [];
  const skip = () => {
    while (at < source.length && WHITESPACE.has(source.charCodeAt(at))) at++;
  };
  const readString = (): boolean => {
    if (source[at] !== '"') return false;
    at++;
    while (at < source.length) {
      const code = source.charCodeAt(at);
      if (code === 0x22) {
        at++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        const next = source[at + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(at + 2, at + 6))) return false;
          at += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return false;
        at += 2;
        continue;
      }
      at++;
    }
    return false;
  };
  /** One value; containers push a frame and return. */
  const readValue = (): boolean => {
    skip();
    const char = source[at];
    if (char === "{" || char === "[") {
      stack.push(char);
      at++;
      skip();
      if (source[at] === (char === "{" ? "}" : "]")) {
        stack.pop();
        at++;
        return true;
      }
      return char === "[" ? readValue() : readMember();
    }
    if (char === '"') return readString();
    for (const literal of LITERALS) {
      if (source.startsWith(literal, at)) {
        at += literal.length;
        return true;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(source);
    if (number) {
      at += number[0].length;
      return true;
    }
    return false;
  };
  const readMember = (): boolean => {
    skip();
    if (!readString()) return false;
    skip();
    if (source[at] !== ":") return false;
    at++;
    return readValue();
  };

  if (!readValue()) return at;
  for (;;) {
    skip();
    const frame = stack[stack.length - 1];
    if (!frame) return at < source.length ? at : -1;
    const char = source[at];
    if (char === ",") {
      at++;
      if (!(frame === "{" ? readMember() : readValue())) return at;
    } else if (char === (frame === "{" ? "}" : "]")) {
      stack.pop();
      at++;
    } else {
      return at;
    }
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = source.indexOf("\n");
    index !== -1 && index < offset;
    index = source.indexOf("\n", index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
