// Finds JUnit reports on disk, and moves reports out of the way before an attempt starts, so that a report
// from an earlier run or attempt is never read as this attempt's.
import { copyFile, mkdir, rename, stat, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** Where common tools write JUnit XML when nothing more specific is configured. */
export const defaultJunitPatterns: readonly string[] = Object.freeze([
  "**/junit*.xml",
  "**/TEST-*.xml",
  "**/test-results/**/*.xml",
  "**/reports/**/*.xml",
]);

// Dependencies ship their own test reports and fixtures; they are never the suite's.
const DEPENDENCIES = ["**/node_modules/**", "**/.git/**"];

export interface MatchedFiles {
  readonly paths: readonly string[];
  /** Glob patterns that matched nothing, in the order given. */
  readonly unmatched: readonly string[];
}

interface MatchOptions {
  /** Leave out node_modules and .git. */
  readonly skipDependencies: boolean;
  /** Keep a plain path (no glob characters) that is not a file, so that reading it names the problem. */
  readonly keepMissingPaths: boolean;
  /** Files under it are never matched, even when it lies inside `cwd`. */
  readonly excludeDir: string | null;
}

/**
 * Files matching the patterns, each once, in pattern order then path order. A pattern starting with `!`
 * excludes what it matches from every other pattern.
 */
async function matchFiles(
  patterns: readonly string[],
  cwd: string,
  options: MatchOptions,
): Promise<MatchedFiles> {
  const excluded = options.excludeDir === null ? null : resolve(cwd, options.excludeDir) + sep;
  const ignore = [
    ...(options.skipDependencies ? DEPENDENCIES : []),
    ...patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1)),
  ];
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    if (!isDynamicPattern(pattern)) {
      if (options.keepMissingPaths || (await isFile(resolve(cwd, pattern)))) found.add(pattern);
      continue;
    }
    const matches = await glob(pattern, {
      cwd,
      onlyFiles: true,
      expandDirectories: false,
      absolute: isAbsolute(pattern),
      ignore,
    });
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches.sort()) found.add(match);
  }
  const paths = [...found].filter((path) => excluded === null || !resolve(cwd, path).startsWith(excluded));
  return { paths, unmatched };
}

/**
 * The reports an attempt left: existing files matching the patterns (node_modules and .git left out).
 * Files under `excludeDir` (where earlier reports were moved) are never matched.
 */
export async function findReports(
  patterns: readonly string[],
  cwd: string,
  excludeDir: string | null = null,
): Promise<string[]> {
  const { paths } = await matchFiles(patterns, cwd, {
    skipDependencies: true,
    keepMissingPaths: false,
    excludeDir,
  });
  return [...paths];
}

/**
 * The files `seamwatch parse` was given: a plain path is kept even when it does not exist, so that reading it
 * reports "no such file" for that file instead of silently matching nothing.
 */
export function findJunitFiles(patterns: readonly string[], cwd = process.cwd()): Promise<MatchedFiles> {
  return matchFiles(patterns, cwd, { skipDependencies: false, keepMissingPaths: true, excludeDir: null });
}

/** Moves the files under `dir`, keeping their relative layout. Returns how many were moved. */
export async function setAside(paths: readonly string[], cwd: string, dir: string): Promise<number> {
  let moved = 0;
  for (const path of paths) {
    const from = resolve(cwd, path);
    const to = join(dir, asideName(path));
    await mkdir(dirname(to), { recursive: true });
    try {
      await rename(from, to);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue;
      if (code !== "EXDEV") throw cause;
      // The aside folder is on another file system (a tmpfs /tmp): copy, then remove.
      await copyFile(from, to);
      await unlink(from);
    }
    moved++;
  }
  return moved;
}

// `../x.xml` and absolute paths must land inside the aside folder too.
function asideName(path: string): string {
  if (isAbsolute(path)) return join("_absolute", path);
  return normalize(path)
    .split(sep)
    .map((segment) => (segment === ".." ? "__" : segment))
    .join(sep);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (cause) {
    // Anything but absence is kept, so reading the file reports the problem (permission denied...).
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== "ENOENT" && code !== "ENOTDIR";
  }
}
