import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, ROOT } from "./tarball.js";

const DIST = join(ROOT, "dist");

/**
 * The files a Node ESM entry loads: itself and every chunk it imports, statically or (with `lazy`) through
 * `import()`, transitively.
 */
async function closure(entry: string, lazy = true): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(join(DIST, file), "utf8");
    const pattern = lazy ? /(?:from|import\()\s*"(\.[^"]+)"/g : /from\s*"(\.[^"]+)"/g;
    for (const [, specifier = ""] of text.matchAll(pattern)) {
      await visit(posix.join(posix.dirname(file), specifier));
    }
  };
  await visit(entry);
  return [...seen];
}

/** Every JavaScript file of one build: a Node ESM entry with its chunks, a CommonJS entry, or the browser build. */
const BUILDS = [
  { build: "Node ESM index.js", files: () => closure("index.js") },
  { build: "Node ESM emulator/index.js", files: () => closure("emulator/index.js") },
  { build: "Node ESM cli/main.js", files: () => closure("cli/main.js") },
  { build: "CommonJS index.cjs", files: () => ["index.cjs"] },
  { build: "CommonJS emulator/index.cjs", files: () => ["emulator/index.cjs"] },
  {
    build: "browser",
    files: async () => (await listFiles(DIST)).filter((file) => /^browser\/.*\.js$/.test(file)),
  },
];

async function read(files: readonly string[]): Promise<string> {
  return (await Promise.all(files.map((file) => readFile(join(DIST, file), "utf8")))).join("\n");
}

// `npm test` builds dist/ before vitest runs.
describe.skipIf(!existsSync(join(DIST, "index.js")))("@smithy/signature-v4 inlined into dist/", () => {
  it("is never imported from node_modules at run time, nor is @smithy/core", async () => {
    const text = await read((await listFiles(DIST)).filter((file) => /\.c?js$/.test(file)));
    const specifiers = [
      ...text.matchAll(/(?:from|import\(|require\()\s*["'](@smithy\/(?:signature-v4|core)[^"']*)["']/g),
    ];
    expect(specifiers.map(([, specifier]) => specifier)).toEqual([]);
  });

  it.each(BUILDS)("defines the signer once, from its ES build, in the $build build", async ({ files }) => {
    const text = await read(await files());
    expect(text.match(/\bvar SignatureV4\d* = class\b/g)).toHaveLength(1);
    expect(text).toContain("// node_modules/@smithy/signature-v4/dist-es/SignatureV4.js");
    expect(text).not.toMatch(/node_modules\/@smithy\/[^/]+\/dist-cjs\//);
    // scripts/signer-core-subset.ts: only the @smithy/core files the signer uses, never their index modules.
    expect(text).not.toMatch(
      /node_modules\/@smithy\/core\/dist-es\/submodules\/(serde|protocols|client)\/index/,
    );
  });

  // tsup.config.ts: each module file costs an unbundled cold start a resolve, a read and a compile, so the client
  // is one file plus the few chunks it shares with its lazily loaded credential sources, never the emulator's.
  it('lets `import "ecr-pull-through-cache"` load at most 4 files of ours before the first lazy import', async () => {
    const files = await closure("index.js", false);
    expect(files.length).toBeLessThanOrEqual(4);
    expect(await read(files)).not.toContain("// src/emulator/");
  });
});
