// Azurite, Microsoft's Azure Storage emulator, serves the blob side of the cache for real: the
// client uploads and downloads with the Azure SDK against signed (SAS) URLs, as it does on GitHub.
import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { StorageSharedKeyCredential } from "@azure/storage-blob";

/** Azurite's built-in development account; the key is public (documented by Microsoft). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const START_TIMEOUT_MS = 30_000;

export interface AzuriteBlobService {
  /** e.g. http://127.0.0.1:41234 (path-style: the account is the first path segment). */
  origin: string;
  port: number;
  account: string;
  credential: StorageSharedKeyCredential;
  /** The emulator's process, for benchmarks that account for its CPU time. */
  pid: number | undefined;
  close(): Promise<void>;
}

/** Starts Azurite's blob service on a free loopback port, keeping everything in memory. */
export async function startAzurite(): Promise<AzuriteBlobService> {
  const packageJson = fileURLToPath(import.meta.resolve("azurite/package.json"));
  const entry = join(dirname(packageJson), "dist/src/blob/main.js");
  const child = spawn(
    process.execPath,
    [
      // Azurite outlives a parent that is killed (e.g. a timed-out test worker) unless told to
      // watch the IPC channel, which closes when the parent dies.
      "--import",
      `data:text/javascript,process.on("disconnect",()=>process.exit(0))`,
      entry,
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--inMemoryPersistence",
      // The Azure SDK that @actions/cache pins may speak a newer API version than Azurite knows.
      "--skipApiVersionCheck",
      "--loose",
      "--disableTelemetry",
      "--silent",
    ],
    // In memory, silent and without telemetry it writes nothing; the cwd only keeps it out of the repo.
    { cwd: tmpdir(), stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  try {
    const port = await waitForPort(child);
    return {
      origin: `http://127.0.0.1:${port}`,
      port,
      account: AZURITE_ACCOUNT,
      credential: new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY),
      pid: child.pid,
      close: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Azurite closes gracefully on SIGTERM, but an idle keep-alive connection can hold it open.
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
