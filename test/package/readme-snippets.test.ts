import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./tarball.js";

// The README's import snippets are the files the tarball smoke test runs: each is marked
// `<!-- snippet: test/package/fixtures/<file> -->` and must equal that file byte for byte.
const SNIPPETS = ["cjs.cjs", "esm.mjs", "typed.ts", "handler.ts"];

async function readmeSnippets(): Promise<Map<string, string>> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const blocks = readme.matchAll(
    /<!-- snippet: test\/package\/fixtures\/(\S+) -->\n```\w*\n([\s\S]*?)```\n/g,
  );
  return new Map([...blocks].map(([, file = "", code = ""]) => [file, code]));
}

describe("README snippets", () => {
  it("marks exactly the smoke-tested fixtures", async () => {
    expect([...(await readmeSnippets()).keys()].sort()).toEqual([...SNIPPETS].sort());
  });

  it.each(SNIPPETS)("shows %s exactly as the smoke test runs it", async (file) => {
    const snippets = await readmeSnippets();
    expect(snippets.get(file)).toBe(await readFile(join(FIXTURES, file), "utf8"));
  });
});
