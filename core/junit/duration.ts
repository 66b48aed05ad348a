// Report `time` attributes come in many shapes: missing, empty, "1,234.5", "1.5E-4", "0,25" (decimal comma).

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Seconds as written in a report, to milliseconds; anything unreadable or negative counts as 0. */
export function parseSecondsToMs(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const simple = parseSimpleDecimal(raw);
  if (simple >= 0) return roundMs(simple * 1000);
  const plain = Number(raw); // exponents, spaces; Number("") is 0
  if (plain >= 0 && plain < Number.POSITIVE_INFINITY) return roundMs(plain * 1000);
  let text = raw.trim();
  if (text.length === 0) return 0;
  if (text.includes(",")) {
    text = THOUSANDS.test(text) || text.includes(".") ? text.replaceAll(",", "") : text.replace(",", ".");
  }
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) return 0;
  return roundMs(seconds * 1000);
}

/** Milliseconds kept to the microsecond, so sums do not print floating-point noise. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * "12", "0.249": the shape nearly every report writes, read without Number()'s general parser (which
 * showed up in profiles of million-test reports). -1 for anything else.
 */
function parseSimpleDecimal(raw: string): number {
  const length = raw.length;
  if (length === 0 || length > 15) return -1;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0) return -1;
  if (i === length) return whole;
  if (raw.charCodeAt(i) !== 46 /* . */ || i === length - 1) return -1;
  let fraction = 0;
  let scale = 1;
  for (i++; i < length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    fraction = fraction * 10 + digit;
    scale *= 10;
  }
  return whole + fraction / scale;
}
