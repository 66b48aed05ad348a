// A large JSON document written in pieces: a million tests never become one giant string.

/** Pieces are cut once they pass this many characters. */
const PIECE_CHARS = 1 << 20;

/**
 * The pieces of `{...head, [listName]: [...items]}` followed by a newline, in order. `items` is read
 * lazily, one at a time.
 */
export function* jsonPieces(
  head: Readonly<Record<string, unknown>>,
  listName: string,
  items: Iterable<unknown>,
): Generator<string> {
  const opening = JSON.stringify(head).slice(0, -1);
  let piece = `${opening}${opening === "{" ? "" : ","}${JSON.stringify(listName)}:[`;
  let first = true;
  for (const item of items) {
    piece += (first ? "" : ",") + JSON.stringify(item);
    first = false;
    if (piece.length > PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}]}\n`;
}
