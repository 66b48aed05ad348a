// Numbers, times and names written for people: 1.2 s, 3 min 4 s, 12,345, 4.5 %, 3 h ago, "Orders · orders.test.ts".
// Pure, server and client. A number and its unit are joined by a no-break space, so that "13 min 50 s" or
// "95 %" never wraps between them.

import { shownName } from "../../core/report/index.ts";

const NBSP = "\u00a0";
/** Keeps an en dash with the numbers on both sides of it. */
const WORD_JOINER = "\u2060";

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "";
  const value = Math.abs(ms);
  if (value < 1000) return `${sign}${Math.round(value)}${NBSP}ms`;
  const seconds = value / 1000;
  if (seconds < 10) return `${sign}${trimZero(seconds.toFixed(1))}${NBSP}s`;
  if (seconds < 60) return `${sign}${Math.round(seconds)}${NBSP}s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const rest = totalSeconds % 60;
    return `${sign}${minutes}${NBSP}min${rest ? `${NBSP}${rest}${NBSP}s` : ""}`;
  }
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.round((totalSeconds % 3600) / 60);
  return `${sign}${hours}${NBSP}h${minutes ? `${NBSP}${minutes}${NBSP}min` : ""}`;
}

// Steps a duration axis may use: round numbers of the unit people read them in.
const DURATION_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** A duration axis' label: the zero needs no unit. */
export function formatDurationTick(ms: number): string {
  return ms === 0 ? "0" : formatDuration(ms);
}

/**
 * Ticks for a duration axis from 0 to at least `maxMs`: at most `count` steps of a round duration (30 s,
 * 1 min, 5 min), so that the axis reads "1 min 30 s", never "1.7 min".
 */
export function durationTicks(maxMs: number, count = 4): number[] {
  if (!Number.isFinite(maxMs) || maxMs <= 0) return [0];
  const step =
    DURATION_STEPS.find((candidate) => candidate * count >= maxMs) ??
    Math.ceil(maxMs / count / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let tick = 0; tick < maxMs + step; tick += step) ticks.push(tick);
  return ticks;
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}

/** A share as a percentage: one decimal under 10 %, none above. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const percent = share * 100;
  if (percent === 0) return `0${NBSP}%`;
  if (percent < 0.1) return `<${NBSP}0.1${NBSP}%`;
  return `${percentNumber(percent)}${NBSP}%`;
}

/** An interval of shares, the unit written once: `9–91 %`. */
export function formatPercentRange(low: number, high: number): string {
  return `${percentNumber(low * 100)}${WORD_JOINER}–${WORD_JOINER}${percentNumber(high * 100)}${NBSP}%`;
}

/** A rate's 95 % Wilson interval, `95 % interval 9–91 %`; "" for a rate of nothing. */
export function formatInterval(rate: {
  readonly total: number;
  readonly low: number;
  readonly high: number;
}): string {
  return rate.total > 0 ? `95${NBSP}% interval ${formatPercentRange(rate.low, rate.high)}` : "";
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2 Mar 2026, 10:04 UTC`. */
export function formatDateTime(at: number): string {
  const date = new Date(at);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return `${date.getUTCDate()}${NBSP}${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time}${NBSP}UTC`;
}

/** `2 Mar` from an analytics day ("2026-03-02"). */
export function formatDay(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${date}${NBSP}${MONTHS[(month ?? 1) - 1]}`;
}

/** `5 min ago`, `3 h ago`, `2 days ago`. */
export function formatAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}${NBSP}min${NBSP}ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours}${NBSP}h${NBSP}ago`;
  return `${Math.round(hours / 24)}${NBSP}days${NBSP}ago`;
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 8) : "—";
}

// What reporters write where they had no value: jest-junit names a file's top-level suite "undefined",
// surefire writes "null" for a missing name, CTest names its suite "(empty)" when no build name was set.
/** A name from a report as it is shown, or "" when there is none (the rule the job summary uses too). */
export const shownText = shownName;

/** The parts that have something to show, joined: never a dangling separator. */
export function joinShown(parts: readonly (string | null | undefined)[], separator = " · "): string {
  return parts.map(shownText).filter(Boolean).join(separator);
}

export interface NamedTest {
  readonly name: string;
  readonly suite: string;
  readonly classname: string;
  readonly file: string | null;
}

export function testName(test: Pick<NamedTest, "name">): string {
  return test.name.trim() || "(unnamed test)";
}

/**
 * Where a test lives, in one line: its suites and class without repeats, then its file unless already said.
 * Parts the name already says are left out: the name itself, and a class the name ends with (Cypress and
 * jest-junit write the test's title as its class and the full title as its name).
 */
export function testWhere(test: NamedTest): string {
  const name = test.name.trim();
  const parts: string[] = [];
  for (const part of [...test.suite.split(" › "), test.classname]) {
    const text = shownText(part);
    if (!text || text === name || parts.includes(text)) continue;
    if (part === test.classname && name.endsWith(` ${text}`)) continue;
    parts.push(text);
  }
  const file = shownText(test.file);
  return joinShown([parts.join(" › "), parts.includes(file) ? "" : file]);
}

/**
 * `CI / backend 2/4`: a run's workflow and job, with the job key that tells matrix and parallel jobs apart
 * unless it only repeats the job's name.
 */
export function jobLabel(run: {
  readonly workflow: string | null;
  readonly job: string | null;
  readonly jobKey: string | null;
}): string {
  const job = shownText(run.job);
  const key = shownText(run.jobKey);
  const jobPart = !key || key === job ? job : job && key.startsWith(job) ? key : joinShown([job, key], " / ");
  return joinShown([run.workflow, jobPart], " / ") || "(unnamed job)";
}

function percentNumber(percent: number): string {
  if (percent === 0) return "0";
  return trimZero(percent.toFixed(percent < 10 ? 1 : 0));
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, "");
}
