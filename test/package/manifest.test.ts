import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./tarball.js";

// package.json must publish exactly the entries tsup builds (tsup.config.ts builds the emulator and the CLI once
// their sources exist), each with per-condition types. publint and attw check that the files resolve; this checks
// that nothing built is left unpublished and that the shape stays the one the README documents.
const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
const has = (file: string): boolean => existsSync(join(ROOT, file));

const node = (base: string) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});
const fetchBuild = { types: "./dist/index.d.ts", default: "./dist/browser/index.js" };

describe("package.json", () => {
  it("maps each public entry with per-condition types (browser/worker for the main entry)", () => {
    const expected: Record<string, unknown> = {
      ".": { browser: fetchBuild, worker: fetchBuild, ...node("index") },
      ...(has("src/emulator/index.ts") && { "./emulator": node("emulator/index") }),
      "./package.json": "./package.json",
    };
    expect(manifest["exports"]).toEqual(expected);
  });

  it("declares the ecr-ptc bin exactly when the CLI exists", () => {
    expect(manifest["bin"]).toEqual(has("src/cli/main.ts") ? { "ecr-ptc": "./dist/cli/main.js" } : undefined);
  });

  it("gives node10 TypeScript users types for every subpath", () => {
    expect(manifest["types"]).toBe("./dist/index.d.cts");
    const subpaths = has("src/emulator/index.ts") ? { emulator: ["./dist/emulator/index.d.cts"] } : undefined;
    expect(manifest["typesVersions"]).toEqual(subpaths && { "*": subpaths });
  });

  it.each([
    ["type", "module"],
    ["main", "./dist/index.cjs"],
    ["module", "./dist/index.js"],
    ["files", ["dist"]],
    ["sideEffects", false],
    ["engines", { node: ">=20" }],
  ])("sets %s", (field, value) => {
    expect(manifest[field]).toEqual(value);
  });

  it("builds and checks the package in npm test", () => {
    const scripts = manifest["scripts"] as Record<string, string>;
    expect(scripts["test"]).toMatch(/npm run build && npm run check:package && .*vitest run/);
    expect(scripts["check:package"]).toBe("publint --strict && attw --pack .");
  });
});
