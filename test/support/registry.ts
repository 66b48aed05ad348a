// A real image registry for tests: Debian's `docker-registry` (the CNCF distribution registry) on
// 127.0.0.1 with filesystem storage in a temp directory. Its access log is how tests see pulls.
// Needs Debian's docker-registry package (installed by .ci/run).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOG_FLUSH_TIMEOUT_MS = 5_000;

export interface Registry {
  /** `127.0.0.1:<port>`, the first part of image references in this registry. */
  readonly host: string;
  /** `GET`/`HEAD` requests for manifests since the start (or since `mark`), as `METHOD repo:tag`. */
  manifestRequests(since?: number): Promise<string[]>;
  /**
   * Repositories whose manifests the engine asked for since `since`, sorted: what was pulled. seamwatch's
   * own freshness checks are left out.
   */
  pulledRepositories(since?: number): Promise<string[]>;
  /** Position in the access log, for `manifestRequests(since)`. */
  mark(): Promise<number>;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Requires this user (HTTP Basic auth from an htpasswd file, as a private registry does). */
  readonly htpasswd?: { readonly username: string; readonly password: string };
}

export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  const root = mkdtempSync(join(tmpdir(), "seamwatch-registry-"));
  const port = await freePort();
  const config = join(root, "config.yml");
  const auth: string[] = [];
  if (options.htpasswd) {
    const file = join(root, "htpasswd");
    writeFileSync(file, `${options.htpasswd.username}:${bcrypt(options.htpasswd.password)}\n`);
    auth.push("auth:", "  htpasswd:", "    realm: seamwatch-test", `    path: ${file}`);
  }
  writeFileSync(
    config,
    [
      "version: 0.1",
      ...auth,
      "log:",
      "  level: warn",
      "  accesslog:",
      "    disabled: false",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${join(root, "data")}`,
      "http:",
      `  addr: 127.0.0.1:${port}`,
      "",
    ].join("\n"),
  );
  const logFile = join(root, "registry.log");
  const log = openSync(logFile, "a");
  const server: ChildProcess = spawn("docker-registry", ["serve", config], { stdio: ["ignore", log, log] });
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await answers(`http://${host}/v2/`, options.htpasswd !== undefined))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      throw new Error(`docker-registry did not start: ${readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // The registry writes a request's access-log line after answering it, from its own goroutine: on a busy
  // machine the line can land after the client has moved on. Every read first sends a request of its own
  // and waits for that request's line, so the lines of requests answered before it are in too.
  const accessLines = async (): Promise<string[]> => {
    const marker = `seamwatch-log-flush=${randomUUID()}`;
    await fetch(`http://${host}/v2/?${marker}`).catch(() => {});
    const deadline = Date.now() + LOG_FLUSH_TIMEOUT_MS;
    let text = readFileSync(logFile, "utf8");
    while (!text.includes(marker) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = readFileSync(logFile, "utf8");
    }
    return text
      .split("\n")
      .filter((line) => /^\S+ - - \[/.test(line) && !line.includes("seamwatch-log-flush="));
  };
  const manifestRequests = async (since = 0, { withoutChecks = false } = {}): Promise<string[]> =>
    (await accessLines()).slice(since).flatMap((line) => {
      const match = /"(GET|HEAD) \/v2\/(.+)\/manifests\/([^ ?]+)/.exec(line);
      // The combined log format ends with the quoted user agent.
      if (withoutChecks && /"seamwatch[^"]*"$/.test(line)) return [];
      return match ? [`${match[1]} ${match[2]}:${match[3]}`] : [];
    });
  return {
    host,
    mark: async () => (await accessLines()).length,
    manifestRequests,
    // seamwatch's freshness check asks which digest a tag names (a HEAD, as user agent `seamwatch`); that is
    // not a pull. Pulls are the engine's own requests: on the containerd image store a pull whose manifest
    // the engine still holds is a HEAD alone.
    pulledRepositories: async (since = 0) =>
      [
        ...new Set(
          (await manifestRequests(since, { withoutChecks: true })).map(
            (line) => line.split(" ")[1]?.split(":")[0] ?? "",
          ),
        ),
      ].sort(),
    async stop() {
      // Stopped already (by a signal, so exitCode stays null): the exit event will not come again.
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RateLimitedFront {
  /** `127.0.0.1:<port>`: pull through this host to meet the rate limit. */
  readonly host: string;
  /** Manifest requests answered with 429 so far. */
  readonly refused: () => number;
  /** The limit is over: manifest requests pass through from now on. */
  lift(): void;
  stop(): Promise<void>;
}

/**
 * A front for a registry that answers every manifest request the way Docker Hub does while its pull limit
 * is reached (429, `TOOMANYREQUESTS`) until `lift()`, as when the limit's window resets, and passes
 * everything else through. Engines differ in how many manifest requests one pull makes (the classic image
 * store pings `/v2/` first; containerd's goes straight to the manifest and tries GET after a failed HEAD),
 * so the front refuses for a while rather than a number of requests.
 */
export async function rateLimitedFront(registry: Registry): Promise<RateLimitedFront> {
  let refused = 0;
  let limited = true;
  const server = createServer((incoming, outgoing) => {
    if (limited && /\/manifests\//.test(incoming.url ?? "")) {
      refused++;
      const body = JSON.stringify({
        errors: [
          {
            code: "TOOMANYREQUESTS",
            message: "You have reached your pull rate limit. You may increase the limit by authenticating.",
          },
        ],
      });
      outgoing.writeHead(429, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      outgoing.end(body);
      return;
    }
    const [hostname, port] = registry.host.split(":");
    const upstream = request(
      { hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the rate-limited front has no port");
  return {
    host: `127.0.0.1:${address.port}`,
    refused: () => refused,
    lift: () => {
      limited = false;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Up: `/v2/` answers 200, or 401 when the registry requires a login. */
async function answers(url: string, requiresLogin: boolean): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok || (requiresLogin && response.status === 401);
  } catch {
    return false;
  }
}

/**
 * A bcrypt hash for the registry's htpasswd file (the only format it accepts), made by the C library's
 * crypt(3) through Perl, which every Debian system has (perl-base is essential).
 */
function bcrypt(password: string): string {
  const alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // The 22nd character carries only 4 bits of the salt: crypt(3) takes only those with the other 2 clear.
  const salt =
    [...randomBytes(21)].map((byte) => alphabet[byte % 64]).join("") + ".Oeu"[(randomBytes(1)[0] ?? 0) % 4];
  const hash = execFileSync("perl", ["-e", "print crypt($ARGV[0], $ARGV[1])", password, `$2b$05$${salt}`], {
    encoding: "utf8",
  });
  if (!hash.startsWith("$2b$05$")) throw new Error(`perl's crypt made no bcrypt hash (got "${hash}")`);
  return hash;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const MANIFEST_TYPES = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
];

/**
 * Publishes `name:tag` as a multi-platform image, the way Docker Hub serves official images: an OCI index
 * over images already in the registry in `name`'s repository, each child named by its tag and given the
 * platform to claim. A pull resolves the index and fetches only the child for its own platform.
 */
export async function publishIndex(
  registry: Registry,
  name: string,
  tag: string,
  children: readonly { tag: string; platform: { os: string; architecture: string } }[],
): Promise<string> {
  const manifests = await Promise.all(
    children.map(async (child) => {
      const response = await fetch(`http://${registry.host}/v2/${name}/manifests/${child.tag}`, {
        method: "HEAD",
        headers: { accept: MANIFEST_TYPES.join(", ") },
      });
      if (!response.ok) throw new Error(`${name}:${child.tag} is not in the registry (${response.status})`);
      return {
        mediaType: response.headers.get("content-type"),
        digest: response.headers.get("docker-content-digest"),
        size: Number(response.headers.get("content-length")),
        platform: child.platform,
      };
    }),
  );
  const mediaType = "application/vnd.oci.image.index.v1+json";
  const response = await fetch(`http://${registry.host}/v2/${name}/manifests/${tag}`, {
    method: "PUT",
    headers: { "content-type": mediaType },
    body: JSON.stringify({ schemaVersion: 2, mediaType, manifests }),
  });
  if (response.status !== 201) throw new Error(`the registry refused the index (${response.status})`);
  return response.headers.get("docker-content-digest") ?? "";
}
