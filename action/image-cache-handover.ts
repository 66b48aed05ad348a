// What the main step hands to the step that saves the images (the post step, or the separate save step): the
// image cache's settings and what the restore did. It travels as JSON, in action state and in a file in
// RUNNER_TEMP, and is checked when it is read back, the way the image index is.
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ImageCacheState,
  type ImageRestore,
  isRecord,
  parseJsonObject,
  readImageCacheState,
  readImageFreshness,
  readImageRestore,
  readList,
  saveModes,
} from "../core/images/index.ts";
import type { ImageCacheInputs } from "./inputs.ts";

export interface ImageCacheHandover {
  /** Tells this job's main step apart from an earlier one's left in the same RUNNER_TEMP (self-hosted). */
  readonly restoreId: string;
  /** Set in the handover file by the save step once it has saved. */
  readonly savedByStep?: boolean;
  readonly settings: ImageCacheInputs & { readonly workDir: string; readonly cacheAvailable: boolean };
  readonly state: ImageCacheState;
  readonly restores: readonly ImageRestore[];
  /** Wall time of the restore, pulls included. */
  readonly restoreSeconds: number;
}

/** The handover as written by `JSON.stringify`; null when the text is not one. */
export function parseHandover(text: string): ImageCacheHandover | null {
  const value = parseJsonObject(text);
  if (!value || typeof value.restoreId !== "string" || typeof value.restoreSeconds !== "number") return null;
  if (value.savedByStep !== undefined && typeof value.savedByStep !== "boolean") return null;
  const settings = readSettings(value.settings);
  const state = readImageCacheState(value.state);
  const restores = readList(value.restores, readImageRestore);
  if (!settings || !state || !restores) return null;
  return {
    restoreId: value.restoreId,
    ...(value.savedByStep === undefined ? {} : { savedByStep: value.savedByStep }),
    settings,
    state,
    restores,
    restoreSeconds: value.restoreSeconds,
  };
}

function readSettings(value: unknown): ImageCacheHandover["settings"] | null {
  if (!isRecord(value)) return null;
  const { mode, prefix, readOnly, maxBytes, workDir, cacheAvailable } = value;
  const listed = readList(value.listed, (item) => (typeof item === "string" ? item : null));
  const freshness = readImageFreshness(value.freshness);
  if (
    !listed ||
    !freshness ||
    !saveModes.some((known) => known === mode) ||
    typeof prefix !== "string" ||
    typeof readOnly !== "boolean" ||
    typeof maxBytes !== "number" ||
    typeof workDir !== "string" ||
    typeof cacheAvailable !== "boolean"
  ) {
    return null;
  }
  return {
    listed,
    mode: mode as ImageCacheInputs["mode"],
    prefix,
    readOnly,
    maxBytes,
    freshness,
    workDir,
    cacheAvailable,
  };
}

/** Where main leaves the handover for the save step (RUNNER_TEMP is per job on hosted runners). */
function handoverFile(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch-images-handover.json");
}

/** The handover main left in RUNNER_TEMP; null when there is none, or it is unreadable. */
export async function readHandoverFile(env: NodeJS.ProcessEnv): Promise<ImageCacheHandover | null> {
  try {
    return parseHandover(await readFile(handoverFile(env), "utf8"));
  } catch {
    return null;
  }
}

export async function writeHandoverFile(env: NodeJS.ProcessEnv, handover: ImageCacheHandover): Promise<void> {
  await writeFile(handoverFile(env), JSON.stringify(handover));
}
