import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/fixtures/**", "node_modules/**"],
    globalSetup: ["test/support/build-cli.ts"],
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
