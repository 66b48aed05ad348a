// Test names and messages come from untrusted reports: before they reach a terminal, control characters
// (ANSI escapes that could rewrite the screen or the window title) are shown as visible escapes.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** One line of text: newlines and tabs folded, long text cut with an ellipsis. */
export function oneLine(text: string, max = 200): string {
  const folded = terminalSafe(text.replace(/\s*[\r\n]+\s*/g, " ⏎ ").replace(/\t/g, " "));
  return folded.length > max ? `${folded.slice(0, max - 1)}…` : folded;
}
