// The suite's config without its hermetic-env setup file. Only test/hermetic-env.test.ts uses it, to show that the
// hostile environment it builds really breaks the files it runs when nothing cleans the environment up.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import suite from "../../vitest.config.js";

export default defineConfig({
  ...suite,
  root: fileURLToPath(new URL("../../", import.meta.url)),
  test: { ...suite.test, setupFiles: [] },
});
