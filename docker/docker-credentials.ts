// The credentials `docker login` left for a registry, found the way the docker CLI finds them: the Docker
// config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), then a credential helper named for
// the registry (`credHelpers`), else the default one (`credsStore`), else the config's own `auths` entry.
// Helpers run as `docker-credential-<name> get` with a time limit: a helper waiting on a locked keychain
// must not hold the job.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { credentialsAddress, DOCKER_HUB } from "../core/images/index.ts";
import { type ProcessEnd, ProcessStartError, startProcess } from "../process/spawn.ts";

export type RegistryCredentials =
  | { readonly kind: "password"; readonly username: string; readonly password: string }
  /** A refresh token from an OAuth login (`identitytoken`; a helper's `<token>` user): traded for access. */
  | { readonly kind: "identity-token"; readonly token: string }
  /** A bearer token to send as it is (`registrytoken`). */
  | { readonly kind: "registry-token"; readonly token: string };

export interface CredentialLookup {
  /** Null: ask anonymously. */
  readonly credentials: RegistryCredentials | null;
  /** Where the credentials came from, or why there are none, for messages: `docker-credential-pass`. */
  readonly source: string;
}

export interface CredentialOptions {
  /** DOCKER_CONFIG, HOME and PATH (for the helpers) come from here. */
  readonly env: NodeJS.ProcessEnv;
  /** How long a credential helper may take. */
  readonly helperTimeoutMs: number;
}

export const DEFAULT_HELPER_TIMEOUT_MS = 5_000;

interface DockerConfig {
  readonly auths: Readonly<Record<string, AuthEntry>>;
  readonly credsStore: string | null;
  readonly credHelpers: Readonly<Record<string, string>>;
}

interface AuthEntry {
  readonly auth?: unknown;
  readonly username?: unknown;
  readonly password?: unknown;
  readonly identitytoken?: unknown;
  readonly registrytoken?: unknown;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG
    ? join(env.DOCKER_CONFIG, "config.json")
    : join(env.HOME || homedir(), ".docker", "config.json");
}

/**
 * A lookup for the registries of one job: the config is read once, and each registry's credentials are
 * looked up once however many of its images are checked.
 */
export function createCredentialLookup(
  options: CredentialOptions,
): (registry: string) => Promise<CredentialLookup> {
  let config: Promise<DockerConfig | { readonly problem: string }> | undefined;
  const byRegistry = new Map<string, Promise<CredentialLookup>>();
  return (registry) => {
    config ??= readDockerConfig(dockerConfigPath(options.env));
    let lookup = byRegistry.get(registry);
    if (!lookup) {
      lookup = config.then((read) => findCredentials(registry, read, options));
      byRegistry.set(registry, lookup);
    }
    return lookup;
  };
}

async function readDockerConfig(path: string): Promise<DockerConfig | { readonly problem: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return { problem: `no Docker config at ${path}` };
    return { problem: `could not read ${path}: ${(cause as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { problem: `${path} is not JSON: ${(cause as Error).message}` };
  }
  if (!isRecord(value)) return { problem: `${path} does not hold a JSON object` };
  const auths: Record<string, AuthEntry> = {};
  if (isRecord(value.auths)) {
    for (const [key, entry] of Object.entries(value.auths)) if (isRecord(entry)) auths[key] = entry;
  }
  const credHelpers: Record<string, string> = {};
  if (isRecord(value.credHelpers)) {
    for (const [key, helper] of Object.entries(value.credHelpers)) {
      if (typeof helper === "string" && helper.length > 0) credHelpers[key] = helper;
    }
  }
  const credsStore =
    typeof value.credsStore === "string" && value.credsStore.length > 0 ? value.credsStore : null;
  return { auths, credsStore, credHelpers };
}

async function findCredentials(
  registry: string,
  config: DockerConfig | { readonly problem: string },
  options: CredentialOptions,
): Promise<CredentialLookup> {
  if ("problem" in config) return { credentials: null, source: config.problem };
  const address = credentialsAddress(registry);
  const hostname = hostnameOf(address);
  const helper = config.credHelpers[hostname] ?? config.credsStore;
  if (helper) return askHelper(helper, address, options);

  const path = dockerConfigPath(options.env);
  // Exact key first, then any key for the same host (`https://ghcr.io`, `ghcr.io/v2/`), as the CLI does.
  const entry =
    config.auths[address] ??
    Object.entries(config.auths).find(([key]) => hostnameOf(key) === hostname)?.[1] ??
    null;
  if (!entry) return { credentials: null, source: `no login for ${describeRegistry(registry)} in ${path}` };
  const credentials = credentialsOfEntry(entry);
  if (!credentials) {
    return {
      credentials: null,
      source: `the entry for ${describeRegistry(registry)} in ${path} holds no credentials`,
    };
  }
  return { credentials, source: path };
}

function credentialsOfEntry(entry: AuthEntry): RegistryCredentials | null {
  if (typeof entry.registrytoken === "string" && entry.registrytoken) {
    return { kind: "registry-token", token: entry.registrytoken };
  }
  if (typeof entry.identitytoken === "string" && entry.identitytoken) {
    return { kind: "identity-token", token: entry.identitytoken };
  }
  if (typeof entry.auth === "string" && entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      return { kind: "password", username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  if (typeof entry.username === "string" && entry.username && typeof entry.password === "string") {
    return { kind: "password", username: entry.username, password: entry.password };
  }
  return null;
}

/** The credential helper protocol: the server address on stdin, `{ServerURL, Username, Secret}` on stdout. */
async function askHelper(
  helper: string,
  address: string,
  options: CredentialOptions,
): Promise<CredentialLookup> {
  const program = `docker-credential-${helper}`;
  const run = await runHelper(program, address, options);
  if (run.kind === "failed") return { credentials: null, source: `${program}: ${run.reason}` };
  if (run.exitCode !== 0) {
    // "credentials not found in native keychain": no login for this registry, so anonymous is right.
    const said = run.output.trim().split("\n").at(-1) || `exit ${run.exitCode}`;
    return { credentials: null, source: `${program} has no credentials for ${address} (${said})` };
  }
  let answer: unknown;
  try {
    answer = JSON.parse(run.output);
  } catch {
    return { credentials: null, source: `${program} did not answer with JSON` };
  }
  if (!isRecord(answer) || typeof answer.Secret !== "string" || answer.Secret.length === 0) {
    return { credentials: null, source: `${program} gave no secret for ${address}` };
  }
  const username = typeof answer.Username === "string" ? answer.Username : "";
  // Helpers hand out an identity token under the user name `<token>`.
  const credentials: RegistryCredentials =
    username === "<token>"
      ? { kind: "identity-token", token: answer.Secret }
      : { kind: "password", username, password: answer.Secret };
  return { credentials, source: program };
}

type HelperRun =
  | { readonly kind: "exited"; readonly exitCode: number | null; readonly output: string }
  | { readonly kind: "failed"; readonly reason: string };

// A helper stopped at its limit gets this long to end on SIGTERM before SIGKILL.
const HELPER_KILL_GRACE_MS = 500;

async function runHelper(program: string, address: string, options: CredentialOptions): Promise<HelperRun> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const started = startProcess(program, ["get"], {
    env: options.env,
    stdin: "pipe",
    timeoutMs: options.helperTimeoutMs,
    killGraceMs: HELPER_KILL_GRACE_MS,
    // Whatever the helper leaves running (an agent it started) must not hold the check.
    pipesAfterExitMs: HELPER_KILL_GRACE_MS,
    onOutput: (chunk, stream) => (stream === "stdout" ? stdout : stderr).push(chunk),
  });
  const input = started.child.stdin as Writable;
  input.on("error", () => {});
  input.end(address);
  let end: ProcessEnd;
  try {
    end = await started.ended;
  } catch (cause) {
    if (!(cause instanceof ProcessStartError)) throw cause;
    const code = (cause.cause as NodeJS.ErrnoException | undefined)?.code;
    return {
      kind: "failed",
      reason: code === "ENOENT" ? "not found on PATH" : `could not be started: ${cause.message}`,
    };
  }
  if (end.timedOut) {
    return { kind: "failed", reason: `no answer within ${options.helperTimeoutMs / 1000} s (stopped)` };
  }
  const output = Buffer.concat(stdout).toString("utf8");
  return {
    kind: "exited",
    exitCode: end.exitCode,
    output: end.exitCode === 0 ? output : `${output}\n${Buffer.concat(stderr).toString("utf8")}`,
  };
}

/** `ghcr.io` from `https://ghcr.io/v2/`, `127.0.0.1:5000` from `http://127.0.0.1:5000`. */
function hostnameOf(address: string): string {
  return address.replace(/^[a-z]+:\/\//i, "").split("/")[0] ?? "";
}

function describeRegistry(registry: string): string {
  return registry === DOCKER_HUB ? "Docker Hub" : registry;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
