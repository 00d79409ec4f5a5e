import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // msw patches globals per file; files run in separate workers so they never see each other's handlers.
    pool: "forks",
    // Every worker drops the AWS_* variables and the real home directory first (test/hermetic-env.test.ts).
    setupFiles: ["./test/support/vitest-setup.ts"],
    // .ci/run reads the pass/fail counts from this JSON report.
    reporters: process.env.VITEST_JSON_REPORT
      ? ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ["default"],
  },
});
