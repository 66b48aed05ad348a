// A real Docker engine for tests: its own dockerd with its own socket, data and exec roots under a temp
// directory, so tests never touch (or depend on) a system engine and can stop and start it at will.
// Needs root and Debian's docker.io (installed by .ci/run).
//
// Two variables pick another engine for the same tests (vitest.config.ts sets them for its
// containerd-image-store project): SEAMWATCH_TEST_DOCKERD, the dockerd binary (default: `dockerd` on PATH),
// and SEAMWATCH_TEST_IMAGE_STORE=containerd, which turns on the containerd image store (the default for
// fresh installs from Docker 29) instead of the classic one; `start` checks the engine really uses it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface DockerEngine {
  /** `unix://...` for DOCKER_HOST. */
  readonly host: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * SIGSTOP to dockerd: a hung engine. Its socket still accepts connections (the kernel does that), but
   * nothing answers on them until `thaw`.
   */
  freeze(): void;
  /** SIGCONT to dockerd: it answers again, including the requests that waited meanwhile. */
  thaw(): void;
  /** Stops the engine and removes its directories. */
  dispose(): Promise<void>;
}

export function dockerEngine(): DockerEngine {
  // Short path: unix socket paths are limited to 108 bytes.
  const root = mkdtempSync(join(tmpdir(), "swd-"));
  const host = `unix://${join(root, "docker.sock")}`;
  let daemon: ChildProcess | null = null;

  const reachable = (): boolean => {
    try {
      execFileSync("docker", ["-H", host, "version", "--format", "{{.Server.Version}}"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };

  const signal = (name: NodeJS.Signals): void => {
    if (daemon && daemon.exitCode === null) daemon.kill(name);
  };

  const engine: DockerEngine = {
    host,
    async start() {
      if (daemon) return;
      mkdirSync(join(root, "data"), { recursive: true });
      const log = openSync(join(root, "dockerd.log"), "a");
      const binary = process.env.SEAMWATCH_TEST_DOCKERD || "dockerd";
      if (binary !== "dockerd") {
        try {
          accessSync(binary, constants.X_OK);
        } catch {
          throw new Error(
            `SEAMWATCH_TEST_DOCKERD: ${binary} is missing; run \`bash scripts/setup-test-machine.sh\` (\`npm test\` does)`,
          );
        }
      }
      const config = join(root, "daemon.json");
      const containerdStore = process.env.SEAMWATCH_TEST_IMAGE_STORE === "containerd";
      writeFileSync(
        config,
        JSON.stringify(containerdStore ? { features: { "containerd-snapshotter": true } } : {}),
      );
      daemon = spawn(
        binary,
        [
          `--config-file=${config}`,
          `--host=${host}`,
          `--data-root=${join(root, "data")}`,
          `--exec-root=${join(root, "exec")}`,
          `--pidfile=${join(root, "docker.pid")}`,
          "--bridge=none",
          "--iptables=false",
          "--ip6tables=false",
        ],
        { stdio: ["ignore", log, log] },
      );
      const deadline = Date.now() + 30_000;
      while (!reachable()) {
        if (daemon.exitCode !== null || Date.now() > deadline) {
          throw new Error(`dockerd did not start; see ${join(root, "dockerd.log")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const driver = execFileSync("docker", ["-H", host, "info", "--format", "{{.DriverStatus}}"], {
        encoding: "utf8",
      });
      if (containerdStore !== driver.includes("io.containerd.snapshotter")) {
        throw new Error(`dockerd started with the wrong image store (driver status: ${driver.trim()})`);
      }
    },
    async stop() {
      const running = daemon;
      daemon = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      // A frozen daemon would hold SIGTERM pending forever: it has to run to act on it.
      running.kill("SIGCONT");
      running.kill("SIGTERM");
      await exited;
    },
    freeze() {
      signal("SIGSTOP");
    },
    thaw() {
      signal("SIGCONT");
    },
    async dispose() {
      // `stop` thaws the daemon first, so a test that failed while it was frozen still cleans up.
      await engine.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return engine;
}
