// Small real images for tests, built locally (nothing can be pulled from Docker Hub here): Debian's static
// busybox in a `FROM scratch` image plus a layer of random bytes, so every image has its own ID and size.
// Needs Debian's busybox-static (installed by .ci/run) for /bin/busybox.
import { execFileSync } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const STATIC_BUSYBOX = "/bin/busybox";

export interface BuiltImage {
  readonly reference: string;
  readonly id: string;
  readonly sizeBytes: number;
}

/** Builds `reference` in the engine at `dockerHost`, with `extraBytes` of fresh random data as a layer. */
export function buildBusyboxImage({
  dockerHost,
  reference,
  extraBytes,
}: {
  dockerHost: string;
  reference: string;
  extraBytes: number;
}): BuiltImage {
  const context = mkdtempSync(join(tmpdir(), "seamwatch-busybox-"));
  try {
    copyFileSync(STATIC_BUSYBOX, join(context, "busybox"));
    writeRandomFile(join(context, "random.bin"), extraBytes);
    writeFileSync(
      join(context, "Dockerfile"),
      'FROM scratch\nCOPY busybox /bin/busybox\nCOPY random.bin /random.bin\nCMD ["/bin/busybox", "true"]\n',
    );
    // The classic builder: the Debian engine has no buildx plugin beside it.
    docker(dockerHost, ["build", "-q", "-t", reference, context], { DOCKER_BUILDKIT: "0" });
    const [id, size] = docker(dockerHost, ["image", "inspect", "--format", "{{.Id}} {{.Size}}", reference])
      .trim()
      .split(" ");
    return { reference, id: id ?? "", sizeBytes: Number(size) };
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * Builds each image, pushes it to the registry at `registryHost` and removes it from the engine again,
 * so the engine starts empty and a pull has to reach the registry.
 */
export function publishBusyboxImages(
  dockerHost: string,
  registryHost: string,
  images: readonly { name: string; extraBytes: number }[],
): BuiltImage[] {
  return images.map(({ name, extraBytes }) => {
    const built = buildBusyboxImage({ dockerHost, reference: `${registryHost}/${name}`, extraBytes });
    docker(dockerHost, ["push", built.reference]);
    docker(dockerHost, ["image", "rm", built.reference]);
    return built;
  });
}

export function docker(dockerHost: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync("docker", args, {
    env: { ...process.env, ...env, DOCKER_HOST: dockerHost },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `bytes` of fresh random data, written 16 MiB at a time so that a benchmark's large layers fit in memory. */
function writeRandomFile(path: string, bytes: number): void {
  const chunk = Buffer.alloc(Math.min(bytes, 16 * 1024 * 1024));
  const fd = openSync(path, "w");
  try {
    for (let left = bytes; left > 0; left -= chunk.length) {
      const part = chunk.subarray(0, Math.min(left, chunk.length));
      randomFillSync(part);
      writeSync(fd, part);
    }
  } finally {
    closeSync(fd);
  }
}
