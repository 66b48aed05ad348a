// The image cache's `ImageStore` on GitHub's Actions cache, through the real @actions/cache client.
//
// @actions/cache hashes the path strings into each entry's version, and a restore only finds entries of the
// same version: an entry must be restored from and saved to the same path string on every run. The
// engine's entry directories are `<workDir>/entries/<key>` and `<workDir>/index`, so the caller must give a
// stable `workDir`; the action uses `$RUNNER_TEMP/seamwatch-images` (see `imageWorkDir`).
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import type { ImageFileStream } from "../docker/docker-cli.ts";
import type { ImageStore } from "../docker/image-store.ts";
import { messageOf } from "../process/errors.ts";
import { ProcessStartError, type StartedProcess, startProcess } from "../process/spawn.ts";

/** The cache service refused an entry or could not be reached; the image cache turns it into a warning. */
export class ImageCacheStoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ImageCacheStoreError";
  }
}

/**
 * Where the image cache unpacks and writes entries. RUNNER_TEMP rather than a fresh temp directory: its path
 * is the same on every run of a hosted runner (`/home/runner/work/_temp`), which keeps the entries' versions
 * (and so cache hits) stable, and the runner empties it after each job. Not the workspace: a checkout or a
 * `git clean` there must not meet half-written image files.
 */
export function imageWorkDir(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch-images");
}

// How long the download may go without a byte before it counts as broken off (the client's own per-chunk
// timeout is the same).
const DOWNLOAD_IDLE_MS = 30_000;
// The end of tar's complaints is enough to say why an entry could not be unpacked.
const STDERR_TAIL_CHARS = 2_000;
// How long a stopped program gets to end on SIGTERM before SIGKILL.
const STOP_GRACE_MS = 2_000;

export function actionsCacheImageStore(): ImageStore {
  // Loaded on first use: @actions/cache and the Azure SDK are most of the bundle, and a post step with
  // nothing to save should not pay for parsing them.
  const client = async () => {
    const cache = await import("@actions/cache");
    if (!cache.isFeatureAvailable())
      throw new ImageCacheStoreError("the Actions cache service is not available");
    return cache;
  };
  const internals = () => import("./actions-cache-internals.ts");
  const restore: ImageStore["restore"] = async (key, dir) => {
    const cache = await client();
    const prefix = key.endsWith("-");
    // The client does not tell a miss from a failed download (it warns and returns undefined), and a
    // failed extraction can leave partial files: start from an empty directory and leave one after a miss.
    await emptyDir(dir);
    const matched = await cache.restoreCache([dir], key, prefix ? [key] : undefined);
    // The service also matches a primary key as a prefix: an exact key must come back exactly.
    const hit = matched !== undefined && (prefix ? matched.startsWith(key) : matched === key);
    if (!hit || (await isEmpty(dir))) {
      await emptyDir(dir);
      return false;
    }
    return true;
  };
  return {
    restore,
    /**
     * The image file of an exact key's entry, unpacked as it downloads and never written to disk: the
     * client's restoreCache writes each byte three times (a buffer, the archive file, the unpacked file)
     * before `docker load` reads it again, and on a 2-core machine that made the download cost more CPU
     * than the load itself (npm run bench:images). The v1 protocol (GitHub Enterprise Server) has no
     * streaming path here: its entry is restored to `dir` and read from there.
     */
    async stream(key, dir, file) {
      const [, lib] = await Promise.all([client(), internals()]);
      if (lib.getCacheServiceVersion() !== "v2") {
        if (!(await restore(key, dir))) return null;
        return fileStream(join(dir, file));
      }
      // What restoreCache does with a cache-mode that forbids reads: nothing, as a miss.
      if (!lib.isCacheReadable(lib.getCacheMode())) return null;
      const compression = await lib.getCompressionMethod();
      let found: { ok: boolean; signedDownloadUrl: string; matchedKey: string };
      try {
        found = await lib.internalCacheTwirpClient().GetCacheEntryDownloadURL({
          key,
          restoreKeys: [],
          version: lib.getCacheVersion([dir], compression),
        });
      } catch (cause) {
        const message = `the cache service could not be asked for ${key}: ${messageOf(cause)}`;
        throw new ImageCacheStoreError(message, { cause });
      }
      // The service also matches a primary key as a prefix: an exact key must come back exactly.
      if (!found.ok || found.matchedKey !== key) return null;
      return downloadAndUnpack(key, found.signedDownloadUrl, compression, file);
    },
    async save(key, dir) {
      const cache = await client();
      // Entries are immutable: ask first, so an existing key is "exists" and not a refused save.
      const found = await cache.restoreCache([dir], key, undefined, { lookupOnly: true });
      if (found === key) return "exists";
      const id = await cache.saveCache([dir], key);
      if (id === -1) {
        throw new ImageCacheStoreError(
          `the cache service did not take the entry ${key} (refused, unreachable, or another job is saving it; see the log above)`,
        );
      }
      return "saved";
    },
  };
}

async function emptyDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

async function isEmpty(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length === 0;
}

/** The decompressor for an archive made with each of @actions/cache's compression methods. */
function decompressor(compression: string): [string, ...string[]] {
  switch (compression) {
    case "gzip":
      return ["gzip", "-d"];
    case "zstd":
      return ["unzstd", "--long=30"];
    default:
      return ["unzstd"];
  }
}

// tar's archive reads and its writes to stdout are a record at a time, 10 KiB by default: 1 MiB records
// make one image cost a few hundred system calls instead of tens of thousands.
const TAR_BLOCKING_FACTOR = "2048";

/**
 * Starts the download; `pipeTo` then runs the decompressor and tar on it, and tar writes only the member
 * named `file` (whatever directories the entry's paths went through) into the given input. The bytes go
 * from the decompressor to tar to the reader directly, not through this process. The download and both
 * programs are checked in `done`: a download that broke off names the network, a bad archive names the
 * program's complaint.
 */
async function downloadAndUnpack(
  key: string,
  url: string,
  compression: string,
  file: string,
): Promise<ImageFileStream> {
  const { HttpClient } = await import("@actions/http-client");
  const http = new HttpClient("seamwatch", undefined, { socketTimeout: DOWNLOAD_IDLE_MS, keepAlive: false });
  let response: Awaited<ReturnType<typeof http.get>>;
  try {
    response = await http.get(url);
  } catch (cause) {
    throw new ImageCacheStoreError(`the download of ${key} could not start: ${messageOf(cause)}`, { cause });
  }
  const body = response.message;
  if (body.statusCode !== 200) {
    body.resume();
    throw new ImageCacheStoreError(`the download of ${key} was refused (HTTP ${body.statusCode})`);
  }

  // The reader closing its end early (a load that failed) or giving up (`stop`) is not the entry's fault:
  // `done` then resolves, and the broken pipes or the cut download are not reported.
  let stopped = false;
  const stages: StartedProcess[] = [];
  let settle: (outcome: Promise<void>) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (outcome) => outcome.then(resolve, reject);
  });
  done.catch(() => {}); // awaited by the reader; never an unhandled rejection meanwhile

  /** Runs one program of the chain; its stdout is `output`, which it takes over. */
  const stage = (command: string, args: readonly string[], output: Writable) => {
    let stderr = "";
    const decoder = new StringDecoder("utf8");
    const program = startProcess(command, args, {
      stdin: "pipe",
      stdout: output,
      killGraceMs: STOP_GRACE_MS,
      onOutput: (chunk) => {
        stderr = (stderr + decoder.write(chunk)).slice(-STDERR_TAIL_CHARS);
      },
    });
    stages.push(program);
    // The program has its own copy of `output` now. Ours would keep it open after the program ends, and
    // the next one would never see the end of its input.
    output.destroy();
    const ended = program.ended.then(
      ({ exitCode, signal }) => {
        if (exitCode === 0 || stopped || signal === "SIGPIPE" || /broken pipe/i.test(stderr)) return;
        // tar ends with "Exiting with failure status due to previous errors": the error is before it.
        const why =
          stderr
            .split("\n")
            .map((line) => line.trim())
            .find((line) => line.length > 0 && !/Exiting with failure status/.test(line)) ?? "no output";
        throw new ImageCacheStoreError(
          `${key} could not be unpacked (${command} ${signal ? `signal ${signal}` : `exit ${exitCode}`}): ${why}`,
        );
      },
      (cause: unknown) => {
        if (!(cause instanceof ProcessStartError)) throw cause;
        throw new ImageCacheStoreError(`${command} could not be run to unpack ${key}: ${cause.message}`, {
          cause: cause.cause,
        });
      },
    );
    return { child: program.child, ended };
  };

  const unpackInto = (input: Writable) => {
    // Spawned from the reader's end back, so that each program's output is an input already open (a
    // child's stdout handed on would first be read here). -O: the member goes to stdout, nothing to disk.
    // -P: the entry's paths are relative to the workspace and climb out of it (`../_temp/...`); tar refuses
    // such names otherwise, and with -O none is created.
    const tar = stage(
      "tar",
      ["-x", "-O", "-P", "-b", TAR_BLOCKING_FACTOR, "-f", "-", "--no-anchored", file],
      input,
    );
    const [command, ...args] = decompressor(compression);
    const decompress = stage(command, args, tar.child.stdin as Writable);
    const downloaded = pipeline(body, decompress.child.stdin as Writable);
    settle(
      Promise.allSettled([downloaded, decompress.ended, tar.ended]).then(([download, ...programs]) => {
        // A download cut off is the cause of whatever the programs then say about the truncated archive; a
        // broken pipe means they stopped reading, and their own complaint (if any) is the cause.
        if (download.status === "rejected" && !stopped && !isBrokenPipe(download.reason)) {
          throw new ImageCacheStoreError(`the download of ${key} broke off: ${messageOf(download.reason)}`, {
            cause: download.reason,
          });
        }
        for (const program of programs) if (program.status === "rejected") throw program.reason;
      }),
    );
  };

  return {
    pipeTo: unpackInto,
    done,
    stop() {
      stopped = true;
      body.destroy();
      for (const program of stages) void program.stop();
      if (stages.length === 0) settle(Promise.resolve());
    },
  };
}

function isBrokenPipe(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_STREAM_PREMATURE_CLOSE";
}

/** A file restored to disk, piped into its reader (the v1 protocol's way). */
function fileStream(path: string): ImageFileStream {
  const data = createReadStream(path);
  let stopped = false;
  const done = finished(data).catch((cause: unknown) => {
    if (!stopped) throw cause;
  });
  done.catch(() => {}); // awaited by the reader
  return {
    pipeTo: (input) => data.pipe(input),
    done,
    stop() {
      stopped = true;
      data.destroy();
    },
  };
}
