import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, ROOT } from "./tarball.js";

const DIST = join(ROOT, "dist");

/** Every JavaScript file of one build: the Node ESM build (with its chunks), a CommonJS entry, or the browser build. */
const BUILDS = [
  {
    build: "Node ESM (index, emulator and CLI share chunks)",
    files: (all: string[]) => all.filter(isNodeEsm),
  },
  { build: "CommonJS index.cjs", files: () => ["index.cjs"] },
  { build: "CommonJS emulator/index.cjs", files: () => ["emulator/index.cjs"] },
  { build: "browser", files: (all: string[]) => all.filter((file) => /^browser\/.*\.js$/.test(file)) },
];

function isNodeEsm(file: string): boolean {
  return file.endsWith(".js") && !file.startsWith("browser/");
}

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
    const text = await read(files(await listFiles(DIST)));
    expect(text.match(/\bvar SignatureV4\d* = class\b/g)).toHaveLength(1);
    expect(text).toContain("// node_modules/@smithy/signature-v4/dist-es/SignatureV4.js");
    expect(text).not.toMatch(/node_modules\/@smithy\/[^/]+\/dist-cjs\//);
    // scripts/signer-core-subset.ts: only the @smithy/core files the signer uses, never their index modules.
    expect(text).not.toMatch(
      /node_modules\/@smithy\/core\/dist-es\/submodules\/(serde|protocols|client)\/index/,
    );
  });
});
