import { existsSync } from "node:fs";
import { defineConfig } from "tsup";

// Entries that exist on this branch (the emulator and CLI land with their own issue).
const entry = ["src/index.ts", "src/emulator/index.ts", "src/cli/main.ts"].filter((file) => existsSync(file));

export default defineConfig({
  entry,
  format: ["esm", "cjs"],
  // tsup sets baseUrl for its declaration build, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  clean: true,
  target: "node20",
  platform: "node",
  splitting: true,
  sourcemap: false,
  treeshake: true,
});
