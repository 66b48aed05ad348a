// Docker calls against an engine that does not answer: a private dockerd frozen with SIGSTOP (its socket
// still accepts connections, nothing answers on them), the real docker CLI, and the timeouts that stop it.
// No timing is asserted: the test timeout is the bound.
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildRules } from "../../core/classify/index.ts";
import { indexKey } from "../../core/images/index.ts";
import {
  type DockerCli,
  DockerCommandError,
  listImages,
  loadImage,
  type PullRetryOptions,
  pullImage,
} from "../../docker/docker-cli.ts";
import { IMAGE_FILE, type ImageStore, INDEX_FILE } from "../../docker/image-store.ts";
import { restoreImages } from "../../docker/restore-images.ts";
import { type BuiltImage, buildBusyboxImage, docker } from "../support/busybox-images.ts";
import { type DockerEngine, dockerEngine } from "../support/docker-engine.ts";

const PREFIX = "seamwatch-images-test";
let engine: DockerEngine;
let cli: DockerCli;
let image: BuiltImage;

beforeAll(async () => {
  engine = dockerEngine();
  await engine.start();
  cli = { env: { ...process.env, DOCKER_HOST: engine.host } };
  image = buildBusyboxImage({
    dockerHost: engine.host,
    reference: "seamwatch-timeouts:1",
    extraBytes: 100_000,
  });
});

afterAll(async () => {
  await engine?.dispose();
});

// A failed assertion must not leave the engine frozen for the next test.
afterEach(() => engine.thaw());

/** Processes named `name` this test process started that are still there (zombies included), from /proc. */
function children(name: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // `pid (comm) state ppid ...`; comm may hold spaces and parentheses, so split after the last `)`.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return comm === name && ppid === process.pid;
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(50);
}

/** The engine's tagged references, straight from the CLI. */
function engineReferences(): string[] {
  return docker(engine.host, ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}"])
    .split("\n")
    .filter(Boolean);
}

describe("a Docker engine that does not answer", () => {
  it("`image ls` is stopped at the metadata timeout, and no docker process outlives it", async () => {
    engine.freeze();
    const listing = listImages({ ...cli, timeouts: { metadataMs: 1500 } }).then(
      () => null,
      (cause: unknown) => cause,
    );
    // The CLI is running (and so visible to the check) while the engine keeps it waiting.
    await until(() => children("docker").length === 1);
    const error = await listing;

    expect(error).toBeInstanceOf(DockerCommandError);
    expect((error as DockerCommandError).message).toBe(
      "docker image ls timed out after 1.5 s (the Docker engine did not answer)",
    );
    expect((error as DockerCommandError).timedOut).toBe(true);
    expect(children("docker")).toEqual([]);
  });

  it("a CLI that ignores SIGTERM is killed, even while a child of its own holds its output", {
    timeout: 20_000,
  }, async () => {
    // A wedged CLI: ignores SIGTERM, and leaves behind a process that keeps the output pipes open for 30 s,
    // past this test's own timeout.
    const wedged = join(mkdtempSync(join(tmpdir(), "seamwatch-timeouts-")), "docker");
    writeFileSync(wedged, "#!/bin/sh\ntrap '' TERM\nsleep 30 &\nexec sleep 600\n");
    chmodSync(wedged, 0o755);

    await expect(listImages({ ...cli, command: wedged, timeouts: { metadataMs: 1500 } })).rejects.toThrow(
      "docker image ls timed out after 1.5 s (the Docker engine did not answer)",
    );
    expect(children("sleep")).toEqual([]);
  });

  it("a pull that timed out is infrastructure: retried, then reported as not pulled", async () => {
    engine.freeze();
    const lines: string[] = [];
    const retry: PullRetryOptions = {
      maxAttempts: 2,
      delayMs: () => 1000,
      sleep: async () => {},
      log: (line) => lines.push(line),
      rules: buildRules(),
    };
    const result = await pullImage({ ...cli, timeouts: { transferMs: 1500 } }, "seamwatch-timeouts:never", {
      retry,
    });

    expect(result.pulled).toBe(false);
    expect(result.attempts).toHaveLength(2);
    for (const attempt of result.attempts) {
      expect(attempt.classification.outcome).toBe("infra-failure");
      // The timeout itself decided, not some other signature from an engine that did answer.
      expect(attempt.classification.infraFailures.map((failure) => failure.evidence.rule)).toEqual([
        "infra-command-timed-out",
      ]);
      expect(attempt.outputTail.at(-1)).toBe(
        "docker pull timed out after 1.5 s (the Docker engine did not finish it)",
      );
    }
    expect(lines).toEqual([
      expect.stringMatching(
        /attempt 1\/2 failed, infra \(infra-command-timed-out\): stopped at its timeout.*retrying in 1 s/,
      ),
      expect.stringMatching(
        /attempt 2\/2 failed, infra \(infra-command-timed-out\): stopped at its timeout.*giving up/,
      ),
    ]);
    expect(children("docker")).toEqual([]);
  });

  it("thawed, the same engine answers again", async () => {
    engine.freeze();
    await expect(listImages({ ...cli, timeouts: { metadataMs: 1500 } })).rejects.toThrow(/timed out/);
    engine.thaw();

    const images = await listImages(cli);
    expect(images.map((local) => `${local.reference} ${local.id}`)).toEqual([
      `${image.reference} ${image.id}`,
    ]);
  });
});

/**
 * The test image saved to a file and removed from the engine, and a `docker` that is the real CLI except
 * that `load` hangs after the engine has loaded and tagged the image: the worst moment for a timeout, when
 * the image is in the engine but the CLI never said so.
 */
function imageFileAndHangingLoad(): { file: string; hangingLoad: string } {
  const dir = mkdtempSync(join(tmpdir(), "seamwatch-timeouts-"));
  const file = join(dir, "image.tar");
  docker(engine.host, ["save", "-o", file, image.reference]);
  docker(engine.host, ["image", "rm", image.reference]);
  const hangingLoad = join(dir, "docker");
  writeFileSync(
    hangingLoad,
    '#!/bin/sh\nif [ "$1" = load ]; then docker "$@" >/dev/null && exec sleep 600; fi\nexec docker "$@"\n',
  );
  chmodSync(hangingLoad, 0o755);
  return { file, hangingLoad };
}

describe("a load that timed out", () => {
  it("is undone: the reference it brought in is removed, and the error says so", async () => {
    const { file, hangingLoad } = imageFileAndHangingLoad();

    const error = await loadImage({ ...cli, command: hangingLoad, timeouts: { transferMs: 10_000 } }, file, {
      reference: image.reference,
      id: image.id,
    }).then(
      () => null,
      (cause: unknown) => cause,
    );

    expect(error).toBeInstanceOf(DockerCommandError);
    expect((error as DockerCommandError).message).toBe(
      `the cached image file for ${image.reference} was not used: docker load timed out after 10 s (the Docker engine did not finish it); undone: removed ${image.reference}`,
    );
    expect(engineReferences()).toEqual([]);
    // Put back for the other tests.
    docker(engine.host, ["load", "-i", file]);
  });

  it("in a restore: a warning, and no pull from an engine that is not answering", async () => {
    const { file, hangingLoad } = imageFileAndHangingLoad();
    const key = "seamwatch-images-test-img-timeouts";
    // The cache holds the image and an index that names it; each restore copies its file in.
    const store: ImageStore = {
      async restore(wanted, into) {
        if (wanted === indexKey(PREFIX)) {
          const index = { version: 1, images: [{ ...image, key }] };
          writeFileSync(join(into, INDEX_FILE), JSON.stringify(index));
          return true;
        }
        if (wanted !== key) return false;
        copyFileSync(file, join(into, IMAGE_FILE));
        return true;
      },
      save: async () => "saved",
    };
    const pulls: string[] = [];

    const restored = await restoreImages({
      store,
      docker: { ...cli, command: hangingLoad, timeouts: { transferMs: 5_000 } },
      prefix: PREFIX,
      listed: [image.reference],
      pull: {
        maxAttempts: 2,
        delayMs: () => 0,
        sleep: async () => {},
        log: (line) => pulls.push(line),
        rules: buildRules(),
      },
    });

    expect(restored.images).toMatchObject([{ reference: image.reference, result: "missing" }]);
    expect(restored.warnings).toEqual([
      expect.stringMatching(
        /docker load timed out after 5 s .*; not pulling it: the Docker engine is not answering$/,
      ),
    ]);
    expect(pulls).toEqual([]);
    docker(engine.host, ["load", "-i", file]);
  });
});
