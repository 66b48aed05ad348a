// Numbers and times written for people: 1.2 s, 3 min 4 s, 12,345, 4.5 %, 3 h ago. Pure, server and client.

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "";
  const value = Math.abs(ms);
  if (value < 1000) return `${sign}${Math.round(value)} ms`;
  const seconds = value / 1000;
  if (seconds < 10) return `${sign}${trimZero(seconds.toFixed(1))} s`;
  if (seconds < 60) return `${sign}${Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const rest = totalSeconds % 60;
    return `${sign}${minutes} min${rest ? ` ${rest} s` : ""}`;
  }
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.round((totalSeconds % 3600) / 60);
  return `${sign}${hours} h${minutes ? ` ${minutes} min` : ""}`;
}

/** Axis ticks: short, the unit chosen by the value. */
export function formatDurationTick(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trimZero((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
  if (ms < 3_600_000) return `${trimZero((ms / 60_000).toFixed(1))} min`;
  return `${trimZero((ms / 3_600_000).toFixed(1))} h`;
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}

/** A share as a percentage: one decimal under 10 %, none above. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const percent = share * 100;
  if (percent === 0) return "0 %";
  if (percent < 0.1) return "< 0.1 %";
  return `${trimZero(percent.toFixed(percent < 10 ? 1 : 0))} %`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2 Mar 2026, 10:04 UTC`. */
export function formatDateTime(at: number): string {
  const date = new Date(at);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
}

/** `2 Mar` from an analytics day ("2026-03-02"). */
export function formatDay(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1]}`;
}

/** `5 min ago`, `3 h ago`, `2 days ago`. */
export function formatAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 8) : "—";
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, "");
}
