// The job summary's Images section: what the image cache did with each image at the start and the end of the
// job, and where the time went.
import {
  type DigestProblem,
  type FreshnessVerdict,
  formatBytes,
  type ImageRestore,
  type ImageSave,
  type SkipReason,
  shortDigest,
} from "../images/index.ts";
import { codeSpan, escapeMarkdown, plural } from "./markdown.ts";

const SKIP_TEXT: Record<SkipReason, string> = {
  unchanged: "unchanged",
  "key-exists": "already cached",
  "read-only": "read-only",
  "over-size-cap": "over cache-max-gb",
  "not-present": "not in Docker",
  "pinned-by-digest": "pinned by digest (docker load cannot restore a digest)",
};

export interface ImageTimes {
  /** Wall time of the restore, pulls included. */
  readonly restoreSeconds: number;
  readonly saveSeconds: number;
}

/**
 * One row per image, then where the time went. `saves` is null when the save did not run (the cache off or
 * unavailable).
 */
export function renderImagesSection(
  restores: readonly ImageRestore[],
  saves: readonly ImageSave[] | null,
  times: ImageTimes,
): string {
  const saveOf = new Map((saves ?? []).map((image) => [image.reference, image]));
  const references = [...new Set([...restores.map((image) => image.reference), ...saveOf.keys()])];
  const lines = ["### Images", ""];
  if (references.length === 0) {
    lines.push("No images to restore or save.", "");
    return lines.join("\n");
  }
  lines.push("| image | start of job | size | time | end of job |", "| --- | --- | --- | --- | --- |");
  const restoreOf = new Map(restores.map((image) => [image.reference, image]));
  for (const reference of references) {
    const restore = restoreOf.get(reference);
    const save = saveOf.get(reference);
    const bytes = restore?.result === "loaded" ? restore.bytes : save && "bytes" in save ? save.bytes : null;
    const time = [
      ...(restore && restore.result !== "present" ? [seconds(restore.seconds)] : []),
      ...(save && save.result !== "skipped" ? [`save ${seconds(save.seconds)}`] : []),
    ].join(", ");
    lines.push(
      `| \`${reference.replace(/[`|]/g, "")}\` | ${restore ? restoreText(restore) : "not restored"} | ${bytes === null ? "" : formatBytes(bytes)} | ${time} | ${save ? saveText(save) : saves ? "" : "not saved"} |`,
    );
  }
  lines.push("", ...freshnessLines(restores), timeLine(restores, saves, times), "");
  return lines.join("\n");
}

const PROBLEM_TEXT: Record<DigestProblem, string> = {
  unreachable: "registry unreachable",
  "rate-limited": "registry rate limit",
  unauthorized: "registry refused access",
  "not-found": "tag not in the registry",
  "timed-out": "registry too slow",
  "registry-error": "registry error",
  "not-checkable": "not checkable",
};

/** Which tags moved since they were cached, and which cached copies were used without knowing. */
function freshnessLines(restores: readonly ImageRestore[]): string[] {
  const moved: string[] = [];
  const unverified: string[] = [];
  for (const image of restores) {
    const freshness = freshnessOf(image);
    if (freshness?.kind === "moved") {
      const from = freshness.from === null ? "an unrecorded digest" : codeSpan(shortDigest(freshness.from));
      const used = image.result === "pulled" ? "" : " (not pulled: the cached copy was used)";
      moved.push(
        `${codeSpan(image.reference)} from ${from} to ${codeSpan(shortDigest(freshness.to))}${used}`,
      );
    } else if (freshness?.kind === "unverified") {
      const when =
        freshness.cachedAt === null
          ? "cached on an unknown date"
          : `cached on ${freshness.cachedAt.slice(0, 10)}`;
      unverified.push(
        `${codeSpan(image.reference)} (${escapeMarkdown(when)}): ${escapeMarkdown(freshness.reason)}`,
      );
    }
  }
  return [
    ...(moved.length > 0 ? [`Tags that moved since they were cached: ${moved.join("; ")}.`, ""] : []),
    ...(unverified.length > 0
      ? [`Cached copies used without knowing whether their tag moved: ${unverified.join("; ")}.`, ""]
      : []),
  ];
}

function freshnessOf(image: ImageRestore): FreshnessVerdict | undefined {
  return "freshness" in image ? image.freshness : undefined;
}

/** `db:1: cache hit, 1.2 MB, 0.4 s`: one image's restore, for the job log. */
export function describeRestore(image: ImageRestore): string {
  const size = image.result === "loaded" ? `, ${formatBytes(image.bytes)}` : "";
  return `${image.reference}: ${restoreText(image)}${size}, ${seconds(image.seconds)}`;
}

function restoreText(image: ImageRestore): string {
  const freshness = freshnessOf(image);
  switch (image.result) {
    case "loaded":
      if (freshness?.kind === "moved") return "cache hit, stale: the tag moved, the pull failed";
      if (freshness?.kind === "unverified")
        return `cache hit, not checked (${PROBLEM_TEXT[freshness.problem]})`;
      return "cache hit";
    case "present":
      if (freshness?.kind === "moved") return "already in Docker, stale: the tag moved, the pull failed";
      if (freshness?.kind === "unverified") {
        return `already in Docker, not checked (${PROBLEM_TEXT[freshness.problem]})`;
      }
      return "already in Docker";
    case "pulled":
      return freshness?.kind === "moved" ? "tag moved, pulled" : "cache miss, pulled";
    case "missing":
      return "cache miss, not pulled";
  }
}

function saveText(image: ImageSave): string {
  switch (image.result) {
    case "skipped":
      return `skipped: ${SKIP_TEXT[image.reason]}`;
    case "exists":
      return "already cached";
    case "saved":
      return "saved";
    case "failed":
      return "save failed (see warnings)";
  }
}

/**
 * Where the time went, in wall time (images are handled in parallel, so their own times overlap). Loading
 * and pulling one image are never both measured in one job, and images differ in size, so each side is stated
 * as measured rather than turned into an invented saving.
 */
function timeLine(
  restores: readonly ImageRestore[],
  saves: readonly ImageSave[] | null,
  times: ImageTimes,
): string {
  const loaded = restores.filter((image) => image.result === "loaded").length;
  const pulled = restores.filter((image) => image.result === "pulled").length;
  const start = [
    ...(loaded > 0 ? [`${images(loaded)} loaded from the cache`] : []),
    ...(pulled > 0 ? [`${images(pulled)} pulled`] : []),
  ];
  const parts = [
    `start of job ${seconds(times.restoreSeconds)}${start.length > 0 ? ` (${start.join(", ")})` : ""}`,
  ];
  if (saves) {
    const written = saves.filter((image) => image.result === "saved").length;
    parts.push(
      `end of job ${seconds(times.saveSeconds)} (${written > 0 ? `${images(written)} saved for later jobs` : "nothing to save"})`,
    );
  }
  return [`Time spent on images: ${parts.join("; ")}.`, ...pullComparison(restores)].join("\n\n");
}

/**
 * The cache against pulling, for the images loaded from the cache whose pull time is on record (the index
 * keeps how long the pull took on the run that first cached each image). Each side is per image: its
 * download and load here, its pull there. Slower is stated as plainly as faster.
 */
function pullComparison(restores: readonly ImageRestore[]): string[] {
  const loaded = restores.flatMap((image) => (image.result === "loaded" ? [image] : []));
  const compared = loaded.flatMap((image) =>
    image.pullSeconds !== null ? [{ restore: image.restoreSeconds, pull: image.pullSeconds }] : [],
  );
  if (compared.length === 0) return [];
  const restore = compared.reduce((sum, image) => sum + image.restore, 0);
  const pull = compared.reduce((sum, image) => sum + image.pull, 0);
  const verdict =
    restore <= pull
      ? `the cache saved ${seconds(pull - restore)}`
      : `the cache cost ${seconds(restore - pull)} more than pulling`;
  const unknown = loaded.length - compared.length;
  return [
    `Compared with pulling: ${images(compared.length)} restored in ${seconds(restore)}, where pulling them took ${seconds(pull)} when they were cached: ${verdict}.${unknown > 0 ? ` (${images(unknown)} without a pull time on record.)` : ""}`,
  ];
}

function images(count: number): string {
  return plural(count, "image");
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}
