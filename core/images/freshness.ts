// Whether a cached image is still what its tag names: the `image-freshness` setting, which cached copies
// to ask the registry about, and what its answer means for the copy. Pure: the registry is asked by
// docker/registry-digest.ts, which answers with a `DigestCheck`.

/** Why a check gave no digest; each names something a user can act on or wait out. */
export type DigestProblem =
  /** No connection: refused, reset, DNS, TLS. */
  | "unreachable"
  /** 429: the registry's rate limit. */
  | "rate-limited"
  /** 401/403 after the auth flow: credentials missing, refused, or no access to the repository. */
  | "unauthorized"
  /** 404: the registry has no such tag (any more). */
  | "not-found"
  /** No answer within the check's time limit. */
  | "timed-out"
  /** Any other answer: 5xx, or one that is not a registry's. */
  | "registry-error"
  /** The reference names no tag to check (pinned by digest) or is not a reference. */
  | "not-checkable";

/** The registry's answer for one tag. */
export type DigestCheck =
  | {
      readonly kind: "digest";
      /** `sha256:…`: the tag's manifest (or multi-platform index), as `docker pull` records it. */
      readonly digest: string;
    }
  | { readonly kind: DigestProblem; readonly reason: string };

/** The `image-freshness` setting. */
export type ImageFreshness =
  /** Ask the registry about every cached copy of a tag. */
  | { readonly kind: "check" }
  /** Never ask: a cached copy is used as long as it exists. */
  | { readonly kind: "trust-cache" }
  /** Ask only about copies not confirmed current (cached or checked) within `ms`. */
  | { readonly kind: "check-after"; readonly ms: number; readonly text: string };

export const IMAGE_FRESHNESS_CHOICES = ["check", "trust-cache"] as const;

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** `check`, `trust-cache`, or a duration: a whole number and a unit, `m`, `h`, `d` or `w` (`7d`, `12h`). */
export function parseImageFreshness(
  text: string,
): ImageFreshness | { readonly kind: "invalid"; readonly reason: string } {
  const value = text.trim();
  if (value === "check" || value === "") return { kind: "check" };
  if (value === "trust-cache") return { kind: "trust-cache" };
  const match = /^(\d{1,6})\s*([mhdw])$/.exec(value);
  const unit = match ? UNIT_MS[match[2] ?? ""] : undefined;
  if (!match || unit === undefined || Number(match[1]) === 0) {
    return {
      kind: "invalid",
      reason: "must be check, trust-cache, or a duration such as 7d, 12h or 30m (units m, h, d, w)",
    };
  }
  return { kind: "check-after", ms: Number(match[1]) * unit, text: value };
}

/** A setting as written by `JSON.stringify`; null when it is not one. */
export function readImageFreshness(value: unknown): ImageFreshness | null {
  if (typeof value !== "object" || value === null) return null;
  const item = value as Record<string, unknown>;
  if (item.kind === "check" || item.kind === "trust-cache") return { kind: item.kind };
  if (item.kind !== "check-after" || typeof item.text !== "string") return null;
  const parsed = parseImageFreshness(item.text);
  return parsed.kind === "check-after" && parsed.ms === item.ms ? parsed : null;
}

/** What the index knows of a cached copy, as far as freshness goes. */
export interface CachedCopy {
  readonly reference: string;
  /**
   * The image ID. On Docker's containerd image store it is the digest the image was pulled by (kept by
   * `docker save` and `docker load`), which stands in for a digest the index did not record.
   */
  readonly id?: string;
  /** The digest the copy was pulled by; absent when it was built here or cached before digests were kept. */
  readonly digest?: string;
  /** ISO 8601: when the copy was cached. */
  readonly cachedAt?: string;
  /** ISO 8601: when a check last found the tag still at `digest`. */
  readonly checkedAt?: string;
}

export type CheckDecision =
  | { readonly check: true }
  | {
      readonly check: false;
      /**
       * `trust-cache`: the setting; `recent`: confirmed within the duration; `pinned`: named by digest;
       * `no-registry`: no digest recorded and not listed, so built by a job (there is no tag to ask about).
       */
      readonly why: "trust-cache" | "recent" | "pinned" | "no-registry";
    };

/**
 * Whether to ask the registry about a cached copy. A copy without a recorded digest is asked about only when
 * the user listed it: a listed image comes from a registry; an unlisted one without a digest was built by a
 * job and its tag names nothing in any registry.
 */
export function decideCheck({
  copy,
  listed,
  freshness,
  now,
}: {
  copy: CachedCopy;
  listed: boolean;
  freshness: ImageFreshness;
  now: Date;
}): CheckDecision {
  if (copy.reference.includes("@")) return { check: false, why: "pinned" };
  if (freshness.kind === "trust-cache") return { check: false, why: "trust-cache" };
  if (copy.digest === undefined && !listed) return { check: false, why: "no-registry" };
  if (freshness.kind === "check-after") {
    const confirmed = latest(copy.cachedAt, copy.checkedAt);
    if (confirmed !== null && now.getTime() - confirmed < freshness.ms)
      return { check: false, why: "recent" };
  }
  return { check: true };
}

/** What a check means for a cached copy. */
export type FreshnessVerdict =
  /** The tag still names the cached copy: restore it. */
  | { readonly kind: "current"; readonly digest: string }
  /**
   * The tag names another image now: pull it. `from` is null when the copy records no digest (cached
   * before seamwatch kept them), so the cache cannot tell whether the tag moved.
   */
  | { readonly kind: "moved"; readonly from: string | null; readonly to: string }
  /** The registry could not say: restore the copy, with a notice naming why and when it was cached. */
  | {
      readonly kind: "unverified";
      readonly problem: DigestProblem;
      readonly reason: string;
      readonly cachedAt: string | null;
    };

const DIGEST_PROBLEMS: readonly DigestProblem[] = [
  "unreachable",
  "rate-limited",
  "unauthorized",
  "not-found",
  "timed-out",
  "registry-error",
  "not-checkable",
];

/** A verdict as written by `JSON.stringify`; null when it is not one. */
export function readFreshnessVerdict(value: unknown): FreshnessVerdict | null {
  if (typeof value !== "object" || value === null) return null;
  const item = value as Record<string, unknown>;
  const text = (field: unknown): field is string => typeof field === "string";
  switch (item.kind) {
    case "current":
      return text(item.digest) ? { kind: "current", digest: item.digest } : null;
    case "moved":
      return (item.from === null || text(item.from)) && text(item.to)
        ? { kind: "moved", from: item.from, to: item.to }
        : null;
    case "unverified": {
      const problem = DIGEST_PROBLEMS.find((known) => known === item.problem);
      if (!problem || !text(item.reason) || !(item.cachedAt === null || text(item.cachedAt))) return null;
      return { kind: "unverified", problem, reason: item.reason, cachedAt: item.cachedAt };
    }
    default:
      return null;
  }
}

export function judgeFreshness(copy: CachedCopy, answer: DigestCheck): FreshnessVerdict {
  if (answer.kind !== "digest") {
    return {
      kind: "unverified",
      problem: answer.kind,
      reason: answer.reason,
      cachedAt: copy.cachedAt ?? null,
    };
  }
  const cached = copy.digest ?? (copy.id === answer.digest ? copy.id : undefined);
  if (cached === answer.digest) return { kind: "current", digest: answer.digest };
  return { kind: "moved", from: cached ?? null, to: answer.digest };
}

/** `sha256:0123456789ab`: enough of a digest to tell two apart in a log line. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(":");
  return colon < 0 ? digest.slice(0, 12) : digest.slice(0, colon + 13);
}

/** The log line for a tag that moved. */
export function describeMove(reference: string, verdict: { from: string | null; to: string }): string {
  return verdict.from === null
    ? `${reference}: the cached copy records no digest (cached by an earlier seamwatch); the registry has ${shortDigest(verdict.to)}: pulling it`
    : `${reference} moved from ${shortDigest(verdict.from)} to ${shortDigest(verdict.to)}: pulling the new image`;
}

/** The notice for a copy restored unchecked: why the registry could not say, and how old the copy is. */
export function describeUnverified(
  reference: string,
  verdict: { reason: string; cachedAt: string | null },
  now: Date,
): string {
  const copy =
    verdict.cachedAt === null
      ? "the cached copy (of unknown date)"
      : `the copy ${describeCachedAt(verdict.cachedAt, now)}`;
  return `${reference}: could not check whether the tag moved (${verdict.reason}); using ${copy}`;
}

/** `cached on 2026-11-30 (3 days ago)`; `of unknown date` when the index did not record it. */
export function describeCachedAt(cachedAt: string | null, now: Date): string {
  const time = cachedAt === null ? Number.NaN : Date.parse(cachedAt);
  if (Number.isNaN(time)) return "of unknown date";
  const days = Math.floor((now.getTime() - time) / 86_400_000);
  const ago = days <= 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
  return `cached on ${new Date(time).toISOString().slice(0, 10)} (${ago})`;
}

function latest(...dates: (string | undefined)[]): number | null {
  const times = dates
    .map((date) => (date === undefined ? Number.NaN : Date.parse(date)))
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? null : Math.max(...times);
}
