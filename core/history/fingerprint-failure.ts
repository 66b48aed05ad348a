// Failure messages are stored once per fingerprint, so "failed 40 times" shows as one message with a count.
// The fingerprint keeps what names the failure (type, the words of the message) and drops what changes
// from run to run (numbers, ids, addresses, ports, temp paths, timestamps).
import type { Failure } from "../junit/index.ts";

const MAX_NORMALISED = 400;

const VOLATILE: readonly [RegExp, string][] = [
  // ISO timestamps and times of day before the numbers inside them are folded.
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>"],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b[0-9a-f]{12,}\b/gi, "<hex>"],
  [/(?:\/tmp|\/var\/folders|[A-Z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)[^\s'"):]*/g, "<tmp>"],
  [/\d+(?:\.\d+)?/g, "#"],
  [/\s+/g, " "],
];

/** The text a fingerprint is made of: type and the first line of the message (or of the details). */
export function normaliseFailure(failure: Pick<Failure, "type" | "message" | "details">): string {
  const message = firstLine(failure.message) ?? firstLine(failure.details) ?? "";
  let text = `${failure.type?.trim() ?? ""}|${message}`;
  for (const [pattern, replacement] of VOLATILE) text = text.replace(pattern, replacement);
  return text.trim().slice(0, MAX_NORMALISED);
}

/** 16 hex digits (two 32-bit FNV-1a variants), stable across processes and versions. */
export function fingerprintFailure(failure: Pick<Failure, "type" | "message" | "details">): string {
  const text = normaliseFailure(failure);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return hex32(h1) + hex32(h2);
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

function firstLine(text: string | null): string | null {
  if (!text) return null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return null;
}
