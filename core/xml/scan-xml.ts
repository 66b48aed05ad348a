// A streaming, non-validating XML scanner made for test reports.
//
// Why not a general SAX library: the strict ones (saxes, sax) inspect every character in JavaScript and top
// out far below the 100 MB/s we need for multi-gigabyte reports; the fast ones (htmlparser2) are lenient
// HTML tokenizers that do not report malformed or truncated XML. Decoding the whole document to a string
// costs more than everything else together, so this scanner works on the UTF-8 bytes: it validates them with
// simdutf (`isUtf8`), jumps between markup with memchr (`Buffer#indexOf`), and decodes only tag and attribute
// names and values, plus the text its handler asks for. It refuses DOCTYPE (so no entity is ever declared or
// expanded) and reports every well-formedness error with its line and column. It holds only the unconsumed
// tail of the input. `node:buffer` is a runtime primitive here, not an I/O dependency.

import { isUtf8 } from "node:buffer";

export type Attributes = Record<string, string>;

export interface XmlHandler {
  openTag(name: string, attributes: Attributes, selfClosing: boolean): void;
  closeTag(name: string): void;
  /** Decoded character data (text or CDATA). One text node may arrive in several pieces. */
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = "XmlSyntaxError";
    this.line = line;
    this.column = column;
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const NEWLINE = 0x0a;

const CDATA_END = Buffer.from("]]>");
const COMMENT_END = Buffer.from("-->");
const INSTRUCTION_END = Buffer.from("?>");
const EMPTY = Buffer.alloc(0);
/** How much of a new chunk is joined to the previous chunk's unconsumed tail (see `feed`). */
const JOIN_HEAD = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isNameEnd(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d ||
    code === GT ||
    code === SLASH ||
    code === EQUALS
  );
}

function startsWith(buf: Buffer, at: number, ascii: string): boolean {
  if (at + ascii.length > buf.length) return false;
  for (let k = 0; k < ascii.length; k++) if (buf[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

// Buffer#toString goes through argument checks and an encoding switch before reaching the native
// decoder; profiles showed that detour costing a tenth of the parse time. utf8Slice is that decoder, on
// Buffer.prototype in every Node release we support; the fallback keeps us correct should it go away.
declare global {
  interface Buffer {
    utf8Slice?(start: number, end: number): string;
  }
}
function decodeUtf8(buf: Buffer, start: number, end: number): string {
  return buf.utf8Slice?.(start, end) ?? buf.toString("utf8", start, end);
}

const LINE_BREAK_OR_TAB = /\r\n?|[\n\t]/g;

/**
 * XML 1.0 §3.3.3 (and §2.11 before it): in an attribute value a literal line break (CRLF, CR or LF) or tab is
 * read as one space, so names and ids agree with every conforming reader; `&#10;` and `&#9;` still stand for
 * the characters they reference, because references are replaced after this step.
 */
export function normalizeAttributeWhitespace(raw: string): string {
  return raw.replace(LINE_BREAK_OR_TAB, " ");
}

const TAB = 0x09;
const CR = 0x0d;

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Replaces the five predefined entities and numeric character references. Anything else that starts with
 * `&` is kept as written: undeclared entities are never expanded.
 */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf("&");
  if (amp === -1) return raw;
  let out = "";
  let last = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi === -1) break;
    if (semi - amp <= 10) {
      const replacement = decodeReference(raw.slice(amp + 1, semi));
      if (replacement !== undefined) {
        out += raw.slice(last, amp) + replacement;
        last = semi + 1;
      }
    }
    amp = raw.indexOf("&", amp + 1);
  }
  return last === 0 ? raw : out + raw.slice(last);
}

function decodeReference(ref: string): string | undefined {
  if (ref.charCodeAt(0) !== 0x23 /* # */) return NAMED_ENTITIES[ref];
  const hex = ref.charCodeAt(1) === 0x78 || ref.charCodeAt(1) === 0x58;
  const radix = hex ? 16 : 10;
  let codePoint = 0;
  let k = hex ? 2 : 1;
  if (k >= ref.length) return undefined;
  for (; k < ref.length; k++) {
    const digit = digitValue(ref.charCodeAt(k));
    if (digit >= radix) return undefined;
    codePoint = codePoint * radix + digit;
  }
  if (codePoint <= 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
    return undefined;
  return String.fromCodePoint(codePoint);
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return 99;
}

/** Names the scanner meets millions of times are returned as shared strings instead of being decoded. */
const KNOWN_NAMES = [
  "testsuites",
  "testsuite",
  "testcase",
  "failure",
  "error",
  "skipped",
  "system-out",
  "system-err",
  "properties",
  "property",
  "flakyFailure",
  "flakyError",
  "rerunFailure",
  "rerunError",
  "stackTrace",
  "name",
  "classname",
  "time",
  "file",
  "line",
  "message",
  "type",
  "value",
  "status",
  "result",
  "tests",
  "failures",
  "errors",
  "assertions",
  "class",
].map((name) => ({ name, bytes: Buffer.from(name) }));

/** Known names grouped by byte length, so a lookup compares against two or three candidates at most. */
const KNOWN_BY_LENGTH: { name: string; bytes: Buffer }[][] = [];
for (const known of KNOWN_NAMES) {
  const sameLength = KNOWN_BY_LENGTH[known.bytes.length] ?? [];
  sameLength.push(known);
  KNOWN_BY_LENGTH[known.bytes.length] = sameLength;
}

function readName(buf: Buffer, start: number, end: number): string {
  const length = end - start;
  for (const known of KNOWN_BY_LENGTH[length] ?? []) {
    const bytes = known.bytes;
    if (bytes[0] !== buf[start]) continue;
    let k = 1;
    while (k < length && bytes[k] === buf[start + k]) k++;
    if (k === length) return known.name;
  }
  return decodeUtf8(buf, start, end);
}

enum Mode {
  Content = 0,
  CData = 1,
  Comment = 2,
}

export class XmlScanner {
  /** Set by the handler: when false, text is skipped without being decoded. */
  wantText = false;

  private buffer: Buffer = EMPTY;
  /** The scratch buffer `buffer` lives in (null when it is the caller's chunk), and the free one. */
  private backing: Buffer | null = null;
  private spare: Buffer = EMPTY;
  private position = 0;
  /** Bytes of a character cut at the end of the last chunk, held back until the next one. */
  private pending: Buffer = EMPTY;
  private mode = Mode.Content;
  private readonly open: string[] = [];
  private sawRoot = false;
  private rootClosed = false;
  private sawAnything = false;
  private tagStart = 0;
  private bomChecked = false;
  private bytesBefore = 0;
  // Position bookkeeping: line and column of buffer[0], updated whenever consumed input is dropped.
  private baseLine = 1;
  private baseColumn = 1;

  constructor(private readonly handler: XmlHandler) {}

  /** Scans a chunk. The chunk is not kept after the call returns, so the caller may reuse its memory. */
  write(chunk: Uint8Array): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending.length > 0) {
      // Complete the character cut at the end of the last chunk on its own, rather than copying this chunk.
      const need = Math.min(bytes.length, sequenceLength(this.pending[0] as number) - this.pending.length);
      const head = Buffer.concat([this.pending, bytes.subarray(0, need)]);
      this.pending = EMPTY;
      bytes = bytes.subarray(need);
      if (head.length < sequenceLength(head[0] as number)) {
        this.pending = head;
        return;
      }
      this.writeComplete(head);
    }
    this.writeComplete(bytes);
  }

  private writeComplete(input: Buffer): void {
    let bytes = input;
    if (!this.bomChecked) {
      // A UTF-8 byte order mark may start the file; a chunk shorter than the mark waits for the next one.
      if (bytes.length < 3 && BOM.subarray(0, bytes.length).equals(bytes)) {
        this.pending = Buffer.from(bytes);
        return;
      }
      this.bomChecked = true;
      if (bytes.length >= 3 && BOM.equals(bytes.subarray(0, 3))) bytes = bytes.subarray(3);
    }
    const complete = completeLength(bytes);
    const invalidAt = isUtf8(bytes.subarray(0, complete)) ? -1 : firstInvalidUtf8Offset(bytes, complete);
    const usable = invalidAt === -1 ? complete : invalidAt;
    this.feed(bytes.subarray(0, usable));
    if (invalidAt !== -1) {
      const offset = this.bytesBefore + this.buffer.length;
      throw this.errorAt(this.buffer.length, `invalid UTF-8 at byte offset ${offset}`);
    }
    this.pending = complete < bytes.length ? Buffer.from(bytes.subarray(complete)) : EMPTY;
    if (this.backing === null && this.position < this.buffer.length) this.keepTail();
  }

  /** Copies the unconsumed tail of the caller's chunk into scratch memory: the caller may reuse its chunk. */
  private keepTail(): void {
    const tail = this.buffer.subarray(this.position);
    const target =
      this.spare.length >= tail.length ? this.spare : Buffer.allocUnsafe(Math.max(tail.length, 64 * 1024));
    target.set(tail, 0);
    this.dropConsumed();
    this.spare = EMPTY;
    this.backing = target;
    this.buffer = target.subarray(0, tail.length);
  }

  /** Signals end of input; throws XmlSyntaxError if the document is empty, truncated or malformed. */
  end(): void {
    if (this.pending.length > 0 && this.bomChecked) {
      throw this.errorAt(this.buffer.length, `invalid UTF-8: the file ends inside a character`);
    }
    this.scan(true);
    if (this.mode === Mode.CData) throw this.errorAt(this.position, "unexpected end of file inside CDATA");
    if (this.mode === Mode.Comment)
      throw this.errorAt(this.position, "unexpected end of file inside a comment");
    if (this.position < this.buffer.length) {
      throw this.errorAt(this.position, "unexpected end of file inside markup");
    }
    if (!this.sawRoot) {
      throw this.errorAt(this.position, this.sawAnything ? "no root element" : "empty file");
    }
    if (this.open.length > 0) {
      const names = this.open
        .slice(-3)
        .reverse()
        .map((name) => `<${name}>`)
        .join(" in ");
      throw this.errorAt(this.position, `unexpected end of file: ${names} not closed`);
    }
  }

  /** An error positioned at the tag being reported to the handler (for errors the handler raises). */
  errorAtTag(message: string): XmlSyntaxError {
    return this.errorAt(this.tagStart, message);
  }

  /**
   * Scans new bytes after the unconsumed tail of the previous ones. Copying a whole chunk behind the tail
   * showed up in profiles, so only the chunk's head is joined to the tail; once the token that straddles
   * the boundary is done, scanning moves on in the chunk itself.
   */
  private feed(bytes: Buffer): void {
    if (this.position > 0) this.dropConsumed();
    const tail = this.buffer.length;
    if (tail === 0 || bytes.length <= JOIN_HEAD || tail > JOIN_HEAD) {
      this.append(bytes);
      this.scan(false);
      return;
    }
    this.append(bytes.subarray(0, JOIN_HEAD));
    this.scan(false);
    if (this.position < tail) {
      // The straddling token is longer than the head: fall back to joining everything.
      this.append(bytes.subarray(JOIN_HEAD));
      this.scan(false);
      return;
    }
    const inChunk = this.position - tail;
    this.dropConsumed();
    this.buffer = bytes.subarray(inChunk);
    if (this.backing) this.spare = this.backing;
    this.backing = null;
    this.scan(false);
  }

  private append(bytes: Buffer): void {
    if (this.position > 0) this.dropConsumed();
    if (this.buffer.length === 0) {
      this.buffer = bytes;
      this.backing = null;
      return;
    }
    // The unconsumed tail and the new chunk are joined in one of two reused scratch buffers: allocating a
    // fresh megabyte per chunk showed up in profiles.
    const total = this.buffer.length + bytes.length;
    const target = this.spare.length >= total ? this.spare : Buffer.allocUnsafe(total + (total >> 2));
    // TypedArray#set is a plain memcpy; Buffer#copy goes through a slower JavaScript wrapper.
    target.set(this.buffer, 0);
    target.set(bytes, this.buffer.length);
    this.spare = this.backing ?? EMPTY;
    this.backing = target;
    this.buffer = target.subarray(0, total);
  }

  /** Line and column (1-based, in characters) of a byte offset in the current buffer. */
  private locate(offset: number): { line: number; column: number } {
    const buf = this.buffer;
    let line = this.baseLine;
    let lineStart = -1;
    let nl = buf.indexOf(NEWLINE);
    while (nl !== -1 && nl < offset) {
      line++;
      lineStart = nl;
      nl = buf.indexOf(NEWLINE, nl + 1);
    }
    const characters = buf.toString("utf8", lineStart + 1, offset).length;
    const column = lineStart === -1 ? this.baseColumn + characters : characters + 1;
    return { line, column };
  }

  private errorAt(offset: number, message: string): XmlSyntaxError {
    const { line, column } = this.locate(offset);
    return new XmlSyntaxError(message, line, column);
  }

  private dropConsumed(): void {
    const consumed = this.position;
    const { line, column } = this.locate(consumed);
    this.baseLine = line;
    this.baseColumn = column;
    this.bytesBefore += consumed;
    this.buffer = this.buffer.subarray(consumed);
    this.position = 0;
  }

  /**
   * Where the next tab, LF and CR are in the buffer being scanned (-2: not looked for yet, -1: none). Testing
   * every attribute value for them cost up to a tenth of the parse; with these, each byte is searched once
   * (by memchr) per scan, and a value is checked with three comparisons.
   */
  private nextTab = -2;
  private nextLf = -2;
  private nextCr = -2;

  /** Whether buffer[from, to) holds a tab, LF or CR. `from` only grows within one scan. */
  private hasLineBreakOrTab(from: number, to: number): boolean {
    const buf = this.buffer;
    if (this.nextTab !== -1 && this.nextTab < from) this.nextTab = buf.indexOf(TAB, from);
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = buf.indexOf(NEWLINE, from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = buf.indexOf(CR, from);
    return (
      (this.nextTab !== -1 && this.nextTab < to) ||
      (this.nextLf !== -1 && this.nextLf < to) ||
      (this.nextCr !== -1 && this.nextCr < to)
    );
  }

  private scan(final: boolean): void {
    const buf = this.buffer;
    const length = buf.length;
    let i = this.position;
    this.nextTab = -2;
    this.nextLf = -2;
    this.nextCr = -2;
    while (i < length) {
      if (this.mode === Mode.CData) {
        i = this.scanCData(i, final);
        if (this.mode === Mode.CData) break;
        continue;
      }
      if (this.mode === Mode.Comment) {
        const end = buf.indexOf(COMMENT_END, i);
        if (end === -1) {
          i = Math.max(i, length - 2);
          break;
        }
        i = end + 3;
        this.mode = Mode.Content;
        continue;
      }
      if (buf[i] !== LT) {
        i = this.scanText(i, final);
        if (i < length && buf[i] !== LT) break;
        continue;
      }
      if (i + 1 >= length) break;
      const next = buf[i + 1];
      let end: number;
      if (next === SLASH) end = this.scanCloseTag(i);
      else if (next === BANG) end = this.scanBang(i);
      else if (next === QUESTION) end = this.scanInstruction(i);
      else end = this.scanOpenTag(i);
      if (end === -1) break;
      i = end;
    }
    this.position = i;
  }

  /** Text up to the next `<`. Returns where it stopped (at `<`, or where more input is needed). */
  private scanText(start: number, final: boolean): number {
    const buf = this.buffer;
    let end = buf.indexOf(LT, start);
    if (end === -1) {
      end = buf.length;
      if (!final && this.wantText) {
        // Keep a possibly split entity reference for the next chunk.
        const amp = buf.lastIndexOf(AMP, end - 1);
        if (amp >= start && amp > end - 12 && buf.indexOf(0x3b /* ; */, amp) === -1) end = amp;
      }
    }
    if (end === start) return start;
    if (this.open.length === 0) {
      for (let k = start; k < end; k++) {
        const code = buf[k] as number;
        if (!isSpace(code)) {
          if (!this.sawRoot) {
            throw this.errorAt(
              k,
              this.sawAnything ? "text before the root element" : "not an XML file: expected '<'",
            );
          }
          throw this.errorAt(k, "text after the root element");
        }
      }
    } else if (this.wantText) {
      this.handler.text(decodeEntities(decodeUtf8(buf, start, end)));
    }
    return end;
  }

  private scanCData(start: number, final: boolean): number {
    const buf = this.buffer;
    const close = buf.indexOf(CDATA_END, start);
    if (close === -1) {
      // Emit what we have except a possible partial terminator, so huge CDATA never accumulates.
      const safeEnd = final ? buf.length : Math.max(start, buf.length - 2);
      if (this.wantText && safeEnd > start) this.handler.text(decodeUtf8(buf, start, safeEnd));
      return safeEnd;
    }
    if (this.wantText && close > start) this.handler.text(decodeUtf8(buf, start, close));
    this.mode = Mode.Content;
    return close + 3;
  }

  private scanCloseTag(start: number): number {
    const buf = this.buffer;
    const gt = buf.indexOf(GT, start + 2);
    if (gt === -1) return -1;
    let nameEnd = gt;
    while (nameEnd > start + 2 && isSpace(buf[nameEnd - 1] as number)) nameEnd--;
    const name = readName(buf, start + 2, nameEnd);
    const expected = this.open[this.open.length - 1];
    if (expected === undefined) throw this.errorAt(start, `unexpected closing tag </${name}>`);
    if (name !== expected) {
      throw this.errorAt(start, `expected </${expected}> but found </${name}>`);
    }
    this.open.pop();
    if (this.open.length === 0) this.rootClosed = true;
    this.handler.closeTag(name);
    return gt + 1;
  }

  private scanBang(start: number): number {
    const buf = this.buffer;
    if (startsWith(buf, start, "<!--")) {
      this.mode = Mode.Comment;
      this.sawAnything = true;
      return start + 4;
    }
    if (startsWith(buf, start, "<![CDATA[")) {
      if (this.open.length === 0) throw this.errorAt(start, "CDATA outside the root element");
      this.mode = Mode.CData;
      return start + 9;
    }
    if (buf.length - start < 9) return -1;
    if (startsWith(buf, start, "<!DOCTYPE")) {
      throw this.errorAt(start, "DOCTYPE is not allowed in a test report (entities are never expanded)");
    }
    if (startsWith(buf, start, "<!ENTITY")) throw this.errorAt(start, "entity declarations are not allowed");
    throw this.errorAt(start, "malformed markup after '<!'");
  }

  private scanInstruction(start: number): number {
    const end = this.buffer.indexOf(INSTRUCTION_END, start + 2);
    if (end === -1) return -1;
    this.sawAnything = true;
    return end + 2;
  }

  private scanOpenTag(start: number): number {
    const buf = this.buffer;
    const length = buf.length;
    let i = start + 1;
    while (i < length && !isNameEnd(buf[i] as number)) i++;
    if (i >= length) return -1;
    if (i === start + 1) throw this.errorAt(start, "malformed tag: missing element name");
    const name = readName(buf, start + 1, i);
    this.tagStart = start;
    if (this.rootClosed) throw this.errorAt(start, `unexpected element <${name}> after the root element`);
    const attributes: Attributes = {};
    for (;;) {
      while (i < length && isSpace(buf[i] as number)) i++;
      if (i >= length) return -1;
      const code = buf[i];
      if (code === GT) {
        this.enter(name, attributes, false);
        return i + 1;
      }
      if (code === SLASH) {
        if (i + 1 >= length) return -1;
        if (buf[i + 1] !== GT) throw this.errorAt(i, `malformed tag <${name}>: expected '>' after '/'`);
        this.enter(name, attributes, true);
        return i + 2;
      }
      const nameStart = i;
      while (i < length && !isNameEnd(buf[i] as number)) i++;
      if (i >= length) return -1;
      if (i === nameStart) throw this.errorAt(i, `malformed attribute in <${name}>`);
      const attributeName = readName(buf, nameStart, i);
      while (i < length && isSpace(buf[i] as number)) i++;
      if (i >= length) return -1;
      if (buf[i] !== EQUALS) {
        throw this.errorAt(i, `attribute '${attributeName}' in <${name}> has no value`);
      }
      i++;
      while (i < length && isSpace(buf[i] as number)) i++;
      if (i >= length) return -1;
      const quote = buf[i] as number;
      if (quote !== QUOTE && quote !== APOS) {
        throw this.errorAt(i, `attribute '${attributeName}' in <${name}> must be quoted`);
      }
      const close = buf.indexOf(quote, i + 1);
      if (close === -1) return -1;
      const lt = buf.indexOf(LT, i + 1);
      if (lt !== -1 && lt < close) throw this.errorAt(lt, `'<' in the value of attribute '${attributeName}'`);
      const decoded = decodeUtf8(buf, i + 1, close);
      const raw = this.hasLineBreakOrTab(i + 1, close) ? normalizeAttributeWhitespace(decoded) : decoded;
      attributes[attributeName] = raw.indexOf("&") === -1 ? raw : decodeEntities(raw);
      i = close + 1;
    }
  }

  private enter(name: string, attributes: Attributes, selfClosing: boolean): void {
    this.sawRoot = true;
    this.sawAnything = true;
    if (selfClosing) {
      if (this.open.length === 0) this.rootClosed = true;
      this.handler.openTag(name, attributes, true);
      this.handler.closeTag(name);
      return;
    }
    this.open.push(name);
    this.handler.openTag(name, attributes, false);
  }
}

function sequenceLength(leadByte: number): number {
  return leadByte >= 0xf0 ? 4 : leadByte >= 0xe0 ? 3 : leadByte >= 0xc0 ? 2 : 1;
}

/** Length of `bytes` without a trailing character that the next chunk completes. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? length - back : length;
  }
  return length;
}

/** Byte offset of the first invalid UTF-8 sequence in `bytes[0, end)`. */
export function firstInvalidUtf8Offset(bytes: Uint8Array, end = bytes.length): number {
  let i = 0;
  while (i < end) {
    const byte = bytes[i] as number;
    const size =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      if (i + k >= end) return i;
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return i;
      // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
      if (k === 1 && ((byte === 0xe0 && next < 0xa0) || (byte === 0xed && next >= 0xa0))) return i;
      if (k === 1 && ((byte === 0xf0 && next < 0x90) || (byte === 0xf4 && next >= 0x90))) return i;
    }
    i += size;
  }
  return end;
}
