import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";
import { signerCoreSubset } from "./scripts/signer-core-subset.js";

/** Keeps the entries whose source exists on this branch (the emulator and CLI land with their own issue). */
function present(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

/** The entries whose name passes `keep`. */
function pick(entries: Record<string, string>, keep: (name: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([name]) => keep(name)));
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

/**
 * Inlined into dist/ rather than imported from node_modules: importing @smithy/signature-v4 from node_modules
 * loads its CommonJS build and the @smithy/core submodules it requires (~300 KB of JavaScript, about twice the
 * unbundled cold start of raw node:http), whereas its ES build and the few @smithy/core/serde helpers it uses
 * come to ~14 KB. Resolved module-first (`module` condition and main field), so the ES builds are taken, and
 * through signerCoreSubset, so only the @smithy/core files the signer uses are inlined, without the top-level
 * work of @smithy/core's serde/protocols/client index modules.
 */
const INLINED = ["@smithy/signature-v4", "@smithy/core"];

const common: Options = {
  // One clean below instead: tsup runs these builds in parallel, and per-build cleaning would race.
  clean: false,
  sourcemap: false,
  target: "node20",
  // Keep `node:` specifiers (tsup strips them by default for Node < 14.18).
  removeNodeProtocol: false,
  noExternal: INLINED,
  esbuildPlugins: [signerCoreSubset],
  esbuildOptions(options) {
    options.mainFields = ["module", "main"];
  },
};

export default defineConfig(() => {
  rmSync("dist", { recursive: true, force: true });
  const library = present({ index: "src/index.ts", "emulator/index": "src/emulator/index.ts" });
  const cli = present({ "cli/main": "src/cli/main.ts" });
  // tsup sets baseUrl for its declaration build, which TypeScript 6 deprecates.
  const dts = { entry: library, compilerOptions: { ignoreDeprecations: "6.0" } };
  return [
    {
      ...common,
      // Node ESM, the client alone: everything `import "ecr-pull-through-cache"` needs is in index.js, and only
      // the lazily imported credential sources (and the few modules they share with it) are chunks of their own,
      // loaded when used. Unbundled, every extra module file costs a resolve, a read and a compile on a cold
      // start; sharing chunks with the emulator and CLI entries split the client into six files, and one file
      // measured ~0.7–1 ms faster (median of 41 fresh processes). Declarations (.d.ts) for both library entries.
      entry: pick(library, (name) => name === "index"),
      format: ["esm"],
      platform: "node",
      splitting: true,
      // `__dirname` and `__filename` get shims instead of a ReferenceError.
      shims: true,
      dts,
    },
    {
      ...common,
      // Node ESM, the emulator and the CLI, sharing chunks with each other but not with index.js (so they carry
      // their own copy of the client and signer: a bigger tarball, never a bigger user bundle; errors are
      // recognised across copies by brand). No declarations here: the build above writes them.
      entry: pick({ ...library, ...cli }, (name) => name !== "index"),
      format: ["esm"],
      platform: "node",
      splitting: true,
      shims: true,
    },
    {
      ...common,
      // Node CommonJS, one file per entry: esbuild turns each lazy `import()` of our own code into a deferred
      // in-file initializer, so this build never loads an ESM chunk. Declarations: .d.cts.
      entry: library,
      format: ["cjs"],
      platform: "node",
      splitting: false,
      // Lazy `import()`s of dependencies become `Promise.resolve().then(() => require(…))`: a native `import()`
      // in CommonJS crashes where there is no ESM loader (Jest without --experimental-vm-modules, vm contexts).
      // A missing optional package then fails with MODULE_NOT_FOUND rather than ERR_MODULE_NOT_FOUND.
      esbuildOptions(options, context) {
        common.esbuildOptions?.(options, context);
        options.supported = { ...options.supported, "dynamic-import": false };
      },
      // `import.meta.url` gets a shim instead of `undefined`.
      shims: true,
      dts,
    },
    {
      ...common,
      // Browsers and workers (`browser` / `worker` export conditions): fetch and sha256-js defaults, ESM only,
      // in a folder of its own so its chunks never mix with the Node build's.
      entry: { index: "src/index.ts" },
      outDir: "dist/browser",
      format: ["esm"],
      platform: "browser",
      target: "es2022",
      splitting: true,
      // Lazily imported Node-only paths (shared config files, IMDS) stay lazy imports; workers with Node
      // compatibility can still take them.
      external: [/^node:/],
      esbuildPlugins: [fetchRuntimeDefaults, signerCoreSubset],
    },
  ];
});
