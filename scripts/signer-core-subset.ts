// An esbuild plugin shared by tsup.config.ts (what ships in dist/), the size budget test and the bench's
// composition: it resolves the @smithy/core subpaths that @smithy/signature-v4 imports to the few @smithy/core
// files the signer actually uses, so their index modules' top-level work never runs and never ships.
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Plugin } from "esbuild";

/**
 * What @smithy/signature-v4 (5.7) imports from each @smithy/core subpath. A name the signer imports but this
 * table lacks fails the build ("No matching export"); a name the subpath no longer takes from a file of its own
 * fails it too (see {@link findSource}).
 */
export const SIGNER_CORE_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  "@smithy/core/serde": [
    "fromHex",
    "fromUtf8",
    "hasOwn",
    "isArrayBuffer",
    "toHex",
    "toUint8Array",
    "writeKey",
  ],
  "@smithy/core/protocols": ["HttpRequest", "escapeUri"],
  "@smithy/core/client": ["normalizeProvider"],
};

const NAMESPACE = "signer-core-subset";
const SIGNER = /[\\/]node_modules[\\/]@smithy[\\/]signature-v4[\\/]/;
const SUBPATH = /^@smithy\/core\/(?:serde|protocols|client)$/;
// `import { a, b as c } from "./x"` and `export { a, b as c } from "./x"`, across lines.
const BINDING = /\b(?:import|export)\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

/** Where an index module takes `name` from: the specifier and the name there. */
export interface NameSource {
  readonly specifier: string;
  readonly imported: string;
}

/**
 * Finds the module an index re-exports `name` from (`export { name } from "…"`, or `import { name } from "…"`
 * followed by a local `export { name }`).
 *
 * @throws {Error} when the index does not take `name` from another module (its layout changed).
 */
export function findSource(name: string, indexSource: string, where: string): NameSource {
  for (const [, list = "", specifier = ""] of indexSource.matchAll(BINDING)) {
    for (const binding of list.split(",")) {
      const [imported = "", local = imported] = binding.trim().split(/\s+as\s+/);
      if (local === name) return { specifier, imported };
    }
  }
  throw new Error(
    `signer-core-subset: ${where} no longer takes "${name}" from a module of its own; ` +
      "check what @smithy/signature-v4 imports from @smithy/core and update scripts/signer-core-subset.ts",
  );
}

/** The subset module for one subpath: one re-export per name the signer uses. */
export function subsetModule(subpath: string, indexSource: string, where: string): string {
  const names = SIGNER_CORE_IMPORTS[subpath];
  if (!names) throw new Error(`signer-core-subset: no table entry for ${subpath}`);
  return names
    .map((name) => {
      const { specifier, imported } = findSource(name, indexSource, where);
      const binding = imported === name ? name : `${imported} as ${name}`;
      return `export { ${binding} } from ${JSON.stringify(specifier)};\n`;
    })
    .join("");
}

/**
 * Resolves `@smithy/core/serde`, `/protocols` and `/client`, when @smithy/signature-v4 imports them, to a module
 * that re-exports only the signer's names from the files the subpath's own index takes them from (the index
 * esbuild picks for the platform, so the browser build gets the browser files). The index modules' top-level
 * work (a Uint8Array subclass, a uuid generator bound to crypto, base64 tables) is left out; the functions stay
 * @smithy's code.
 */
export const signerCoreSubset: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: SUBPATH }, async (args) => {
      if (args.pluginData === NAMESPACE || !SIGNER.test(args.importer)) return undefined;
      const index = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: NAMESPACE,
      });
      if (index.errors.length > 0) return { errors: index.errors };
      // Named after the subpath (it shows in the build's comments); the index file travels in pluginData.
      return { path: args.path, namespace: NAMESPACE, pluginData: index.path };
    });
    build.onLoad({ filter: /./, namespace: NAMESPACE }, async (args) => {
      const index = String(args.pluginData);
      const contents = subsetModule(args.path, await readFile(index, "utf8"), `${args.path} (${index})`);
      return { contents, loader: "js", resolveDir: dirname(index) };
    });
  },
};
