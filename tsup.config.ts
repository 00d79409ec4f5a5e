import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

/** Keeps the entries whose source exists on this branch (the emulator and CLI land with their own issue). */
function present(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

const NODE_DEFAULTS = resolve("src/transport/defaults.ts");
const FETCH_DEFAULTS = resolve("src/transport/defaults.browser.ts");

/**
 * In the browser/worker build, `./transport/defaults.js` (node:http, node:crypto) is swapped for
 * `./transport/defaults.browser.js` (fetch, sha256-js), which exports the same names.
 */
const fetchRuntimeDefaults: Plugin = {
  name: "fetch-runtime-defaults",
  setup(build) {
    build.onResolve({ filter: /\/defaults\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
      return target === NODE_DEFAULTS && existsSync(FETCH_DEFAULTS) ? { path: FETCH_DEFAULTS } : undefined;
    });
  },
};

const common: Options = {
  // One clean below instead: tsup runs these builds in parallel, and per-build cleaning would race.
  clean: false,
  sourcemap: false,
  target: "node20",
  // Keep `node:` specifiers (tsup strips them by default for Node < 14.18).
  removeNodeProtocol: false,
};

export default defineConfig(() => {
  rmSync("dist", { recursive: true, force: true });
  const cli = present({ "cli/main": "src/cli/main.ts" });
  return [
    {
      ...common,
      // Node: ESM (split, so lazily imported modules stay in their own chunks) and CommonJS (one file per entry:
      // esbuild turns each lazy `import()` of our own code into a deferred in-file initializer, so the
      // CommonJS build never loads an ESM chunk).
      entry: present({ index: "src/index.ts", "emulator/index": "src/emulator/index.ts" }),
      format: ["esm", "cjs"],
      platform: "node",
      // `import.meta.url` in the CommonJS build (and `__dirname` in ESM) get shims instead of `undefined`.
      shims: true,
      // tsup sets baseUrl for its declaration build, which TypeScript 6 deprecates.
      dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    },
    {
      ...common,
      // Browsers and workers (`browser` / `worker` export conditions): fetch and sha256-js defaults, ESM only.
      entry: { "browser/index": "src/index.ts" },
      format: ["esm"],
      platform: "browser",
      target: "es2022",
      splitting: true,
      // Lazily imported Node-only paths (shared config files, IMDS) stay lazy imports; workers with Node
      // compatibility can still take them.
      external: [/^node:/],
      esbuildPlugins: [fetchRuntimeDefaults],
    },
    ...(Object.keys(cli).length > 0
      ? [{ ...common, entry: cli, format: ["esm" as const], platform: "node" as const }]
      : []),
  ];
});
