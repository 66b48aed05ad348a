import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const base = {
  include: ["test/**/*.test.ts"],
  exclude: ["test/fixtures/**", "node_modules/**"],
};

export default defineConfig({
  test: {
    globalSetup: ["test/support/build-cli.ts"],
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { ...base, name: "default" } },
      {
        // The image cache again on Docker's containerd image store (the default for fresh installs from
        // Docker 29), on Debian trixie's dockerd 26 that scripts/fetch-dockerd-trixie.sh unpacks.
        extends: true,
        test: {
          ...base,
          name: "containerd-image-store",
          include: ["test/docker-images.test.ts", "test/action-images.test.ts"],
          env: {
            SEAMWATCH_TEST_DOCKERD: fileURLToPath(
              new URL("./tools/dockerd-trixie/usr/sbin/dockerd", import.meta.url),
            ),
            SEAMWATCH_TEST_IMAGE_STORE: "containerd",
          },
        },
      },
    ],
  },
});
