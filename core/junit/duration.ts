// Report `time` attributes come in many shapes: missing, empty, "1,234.5", "1.5E-4", "0,25" (decimal comma).

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Seconds as written in a report, to milliseconds; anything unreadable or negative counts as 0. */
export function parseSecondsToMs(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const plain = Number(raw); // the common case; Number("") is 0
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
