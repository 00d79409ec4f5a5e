import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  findSource,
  SIGNER_CORE_IMPORTS,
  signerCoreSubset,
  subsetModule,
} from "../../scripts/signer-core-subset.js";
import { NodeSha256 } from "../../src/transport/node-sha256.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("findSource: where an index module takes a name from", () => {
  it.each([
    {
      index: `export { toHex, fromHex } from "./hex";`,
      name: "fromHex",
      source: { specifier: "./hex", imported: "fromHex" },
    },
    {
      index: `import { fromUtf8 } from "./utf8.browser";\nexport { toUtf8, fromUtf8 };`,
      name: "fromUtf8",
      source: { specifier: "./utf8.browser", imported: "fromUtf8" },
    },
    {
      index: `export {\n  a,\n  hasOwn,\n} from "@smithy/core/transport";`,
      name: "hasOwn",
      source: { specifier: "@smithy/core/transport", imported: "hasOwn" },
    },
    {
      index: `export { own as hasOwn } from "./own";`,
      name: "hasOwn",
      source: { specifier: "./own", imported: "own" },
    },
  ])("$name in $index", ({ index, name, source }) => {
    expect(findSource(name, index, "test index")).toEqual(source);
  });

  it.each([
    {
      why: "defined in the index itself",
      index: `export function toHex() {}\nexport { fromHex } from "./hex";`,
    },
    { why: "exported under another name", index: `export { toHex as hex } from "./hex";` },
    { why: "absent", index: `export { fromHex } from "./hex";` },
  ])("fails loudly when the name is $why", ({ index }) => {
    expect(() => findSource("toHex", index, "@smithy/core/serde (test)")).toThrow(
      /signer-core-subset: @smithy\/core\/serde \(test\) no longer takes "toHex" from a module of its own/,
    );
  });
});

describe("the subset modules of the installed @smithy/core", () => {
  const require = createRequire(join(ROOT, "package.json"));
  const coreRoot = dirname(require.resolve("@smithy/core/package.json"));

  it.each(
    Object.keys(SIGNER_CORE_IMPORTS).flatMap((subpath) =>
      ["index.js", "index.browser.js"].map((file) => ({ subpath, file })),
    ),
  )("$subpath ($file) re-exports every name the signer uses from a file", async ({ subpath, file }) => {
    const dir = join(coreRoot, "dist-es", "submodules", subpath.split("/").pop()!);
    const index = await readFile(join(dir, file), "utf8").catch(() => undefined);
    if (index === undefined) return; // this subpath has no browser index
    const module = subsetModule(subpath, index, subpath);
    expect(module.trim().split("\n")).toHaveLength(SIGNER_CORE_IMPORTS[subpath]!.length);
    expect(module).not.toMatch(/from "\.\/index/);
  });
});

describe("a signer bundled through the plugin", () => {
  const ENTRY = `export { SignatureV4 } from "@smithy/signature-v4";`;

  async function bundle(platform: "node" | "browser") {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: "js" },
      bundle: true,
      format: "esm",
      platform,
      mainFields: ["module", "main"],
      external: ["node:*"],
      plugins: [signerCoreSubset],
      metafile: true,
      write: false,
      logLevel: "silent",
    });
    return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles[0]!.text };
  }

  it.each([
    { platform: "node", utf8: "fromUtf8.js" },
    { platform: "browser", utf8: "fromUtf8.browser.js" },
  ] as const)(
    "on $platform takes the signer's names from @smithy/core's files ($utf8), none of its index modules",
    async ({ platform, utf8 }) => {
      const { inputs, text } = await bundle(platform);
      const files = inputs.filter((input) => !input.startsWith("signer-core-subset:"));
      expect(
        files.filter((input) => /@smithy\/core\/.*\/(serde|protocols|client)\/index/.test(input)),
      ).toEqual([]);
      expect(inputs.filter((input) => input.startsWith("signer-core-subset:"))).toHaveLength(3);
      expect(files.some((input) => input.endsWith(`/util-utf8/${utf8}`))).toBe(true);
      expect(text).not.toContain("Uint8ArrayBlobAdapter");
    },
  );

  it("signs exactly as the signer loaded from node_modules", async () => {
    const { text } = await bundle("node");
    const url = `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`;
    const bundled = (await import(url)) as typeof import("@smithy/signature-v4");
    const installed = await import("@smithy/signature-v4");
    const sign = (Signer: typeof installed.SignatureV4) =>
      new Signer({
        service: "ecr",
        region: "eu-west-1",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
        sha256: NodeSha256,
      }).sign(
        {
          method: "POST",
          protocol: "https:",
          hostname: "api.ecr.eu-west-1.amazonaws.com",
          path: "/",
          query: {},
          headers: { host: "api.ecr.eu-west-1.amazonaws.com", "x-amz-target": "T.Op", "content-type": "a/b" },
          body: '{"maxResults":5}',
        },
        { signingDate: new Date("2026-01-02T03:04:05Z") },
      );
    const [expected, actual] = await Promise.all([sign(installed.SignatureV4), sign(bundled.SignatureV4)]);
    expect(actual.headers).toEqual(expected.headers);
    expect(actual.headers["authorization"]).toMatch(/Signature=[0-9a-f]{64}$/);
  });
});
