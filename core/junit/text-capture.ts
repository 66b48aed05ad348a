// Collects an element's text up to a cap, so one enormous stack trace or system-out never costs more memory
// than the cap. Past the cap the text ends with a visible marker.

export const DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;

export class TextCapture {
  private readonly parts: string[] = [];
  private length = 0;
  private truncated = false;

  constructor(private readonly maxLength: number) {}

  /** False once the cap is reached: the caller may stop decoding text. */
  get wantsMore(): boolean {
    return !this.truncated;
  }

  append(text: string): void {
    if (this.truncated) return;
    const room = this.maxLength - this.length;
    if (text.length <= room) {
      this.parts.push(text);
      this.length += text.length;
      return;
    }
    let cut = room;
    // Never split a surrogate pair.
    if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    this.parts.push(text.slice(0, cut));
    this.length += cut;
    this.truncated = true;
  }

  /** The collected text, or null when the element had none. */
  finish(): string | null {
    const text = this.parts.join("");
    if (this.truncated)
      return `${text}\n… [truncated by seamwatch: longer than ${this.maxLength} characters]`;
    return text.length === 0 ? null : text;
  }
}

/** Stands in for a capture when no text is kept (counting only): the scanner decodes nothing for it. */
class NoText extends TextCapture {
  override get wantsMore(): boolean {
    return false;
  }
  override append(): void {}
  override finish(): null {
    return null;
  }
}

export const NO_TEXT: TextCapture = new NoText(0);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
