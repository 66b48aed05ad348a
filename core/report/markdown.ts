// Markdown primitives for GitHub-flavoured Markdown built from untrusted text (test names, failure
// messages, output lines). Everything a report shows goes through `escapeMarkdown` or `codeSpan`: a test
// named `@octocat fixes #1 <img src=x> | col` must render as those characters, not as a mention, an issue
// reference, HTML or a new table column.

const ZERO_WIDTH_SPACE = "\u200b";

// Control characters would not render; bidi overrides could reorder what the reader sees (Trojan Source).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEWLINES = /[ \t]*(?:\r\n|\r|\n|\u2028|\u2029)[ \t]*/g;

/** One line of plain text: newlines folded to a visible ⏎, tabs to spaces, control characters removed. */
export function plainLine(text: string): string {
  return text.replace(NEWLINES, " ⏎ ").replace(/\t/g, " ").replace(INVISIBLE, "");
}

/** Cuts text to at most `max` characters, marking the cut with …, never splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

// One pass over the text, so an escape is never escaped again:
// - Markdown punctuation that can start emphasis, links, images, code, strikethrough, math or a table cell;
// - `<`, `>` and `&` as entities (no HTML, no entity references);
// - a zero-width space after `@` (mentions, emails), after `#` before a digit (issue references, closing
//   keywords such as `fixes #1`), inside `GH-1`, after a URL scheme's colon and inside `www.` (autolinks).
//   GitHub links these in the rendered text, after backslash escapes and entities are resolved, so only
//   a character that stays in the text breaks them.
const INLINE_TOKEN =
  /[\\`*_{}[\]()!|~$]|[<>&]|@(?=[\p{L}\p{N}])|#(?=\d)|\bGH-(?=\d)|\b(?:https?|ftp|mailto|xmpp):|\bwww\./giu;
// Only at the start of a line do these open a block (heading, list item, setext underline).
const BLOCK_START = /^(\s*)(?:([#+=-])|(\d+)([.)]))/;

/**
 * Escapes untrusted text for use inline in Markdown: a paragraph, a list item or a table cell. The result
 * is one line that renders as the original characters (newlines shown as ⏎).
 */
export function escapeMarkdown(text: string): string {
  const escaped = plainLine(text).replace(INLINE_TOKEN, (token) => {
    const entity = HTML_ENTITIES[token];
    if (entity) return entity;
    if (token.length === 1 && token !== "@" && token !== "#") return `\\${token}`;
    if (/^GH-$/i.test(token)) return `${token.slice(0, 2)}${ZERO_WIDTH_SPACE}-`;
    if (/^www\.$/i.test(token)) return `${token.slice(0, 3)}${ZERO_WIDTH_SPACE}.`;
    return `${token}${ZERO_WIDTH_SPACE}`;
  });
  return escaped.replace(
    BLOCK_START,
    (_match, space: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
  );
}

export interface CodeSpanOptions {
  /** The span sits in a table cell: pipes are escaped, which GFM resolves inside code spans in tables. */
  readonly table?: boolean;
}

/**
 * Wraps untrusted text in an inline code span: nothing inside renders as Markdown, HTML, a mention or a
 * reference. The fence is one backtick longer than the longest run of backticks in the text, so the text
 * cannot close it.
 */
export function codeSpan(text: string, options: CodeSpanOptions = {}): string {
  let body = plainLine(text);
  if (options.table) {
    // A backslash right before a pipe would make `\\|`, which some table scanners read as an escaped
    // backslash followed by a real cell border.
    body = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
  }
  const longestRun = (body.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = "`".repeat(longestRun + 1);
  // CommonMark strips one space from each end when both ends have one: pad so the text keeps its own.
  if (body === "") return "` `";
  const pad = /^[`\s]|[`\s]$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** 1234567 -> "1,234,567", independent of the machine's locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1 test`, `2 tests`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** Bytes of the text in UTF-8 (lone surrogates count as the 3 bytes of U+FFFD, as TextEncoder writes them). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
