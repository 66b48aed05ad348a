// A real Docker engine for tests: its own dockerd with its own socket, data and exec roots under a temp
// directory, so tests never touch (or depend on) a system engine and can stop and start it at will.
// Needs root and Debian's docker.io (installed by .ci/run).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
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
      daemon = spawn(
        "dockerd",
        [
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
