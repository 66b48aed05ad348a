import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two tiers: `unit` is pure code and fixture files (seconds, `npm run test:fast`): core/, the attempt loop with
// scripted attempts, renderers. `system` runs the real things (CLI processes, dockerd, a registry, Azurite,
// Node 24, servers, a browser), and the tests of the test doubles beside them in test/support/. `npm test`
// runs both. The dashboard's tests run twice, once per database, as two projects of the same files: `web` on
// SQLite files, `web-postgres` on a private PostgreSQL cluster (SEAMWATCH_TEST_DB picks the database, see
// test/support/web/database.ts).
export default defineConfig({
  test: {
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    exclude: ["test/fixtures/**", "node_modules/**"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // PostgreSQL's own tests need the cluster that web-postgres starts.
          exclude: ["test/unit/store-postgres.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "system",
          include: ["test/system/**/*.test.ts", "test/support/**/*.test.ts"],
          exclude: ["test/system/web-*.test.ts"],
          // upload-*.test.ts run the action and the CLI against the dashboard's standalone build.
          globalSetup: ["test/support/build-cli.ts", "test/support/web/build-web.ts"],
        },
      },
      {
        // The dashboard against its production build (one `next build` per test run, skipped when current).
        extends: true,
        test: {
          name: "web",
          include: ["test/system/web-*.test.ts"],
          globalSetup: ["test/support/build-cli.ts", "test/support/web/build-web.ts"],
          env: { SEAMWATCH_TEST_DB: "sqlite" },
        },
      },
      {
        // The same tests, and the data module's, on PostgreSQL (Debian's, a private cluster per test run).
        extends: true,
        test: {
          name: "web-postgres",
          include: [
            "test/system/web-*.test.ts",
            "test/unit/store-queries.test.ts",
            "test/unit/store-baseline.test.ts",
            "test/unit/store-postgres.test.ts",
          ],
          globalSetup: [
            "test/support/build-cli.ts",
            "test/support/web/build-web.ts",
            "test/support/postgres-setup.ts",
          ],
          env: { SEAMWATCH_TEST_DB: "postgres" },
        },
      },
      {
        // The image cache again on Docker's containerd image store (the default for fresh installs from
        // Docker 29), on Debian trixie's dockerd 26 that scripts/fetch-dockerd-trixie.sh unpacks.
        extends: true,
        test: {
          name: "containerd-image-store",
          include: [
            "test/system/docker-images.test.ts",
            "test/system/action-images.test.ts",
            "test/system/image-freshness.test.ts",
          ],
          globalSetup: ["test/support/build-cli.ts"],
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
