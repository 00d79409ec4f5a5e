import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./tarball.js";

// The TSDoc contract of the public surface (what typedoc and editors show): every export of src/index.ts is
// documented, every class and function has an @example, and every @throws links what it names with {@link …}.
const entry = join(ROOT, "src", "index.ts");
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

interface PublicExport {
  readonly name: string;
  readonly symbol: ts.Symbol;
}

function publicExports(): PublicExport[] {
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${entry}`);
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => ({
    name: symbol.name,
    symbol: symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
  }));
}

const exports = publicExports();
// Re-exported third-party types (AwsCredentialIdentity from @smithy/types) are documented by their package.
const ownExports = exports.filter(({ symbol }) =>
  symbol.declarations?.every(
    (declaration) => !declaration.getSourceFile().fileName.includes("/node_modules/"),
  ),
);
const valueExports = exports.filter(
  ({ symbol }) => symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Function),
);

/**
 * The raw blocks of a symbol's `@name` tags, read from the comment text: TypeScript parses `@throws {@link X}` as a
 * type expression and loses the link, so the parsed tags cannot be used.
 */
function tags(symbol: ts.Symbol, name: string): string[] {
  const comments = (symbol.declarations ?? [])
    .flatMap((declaration) => ts.getJSDocCommentsAndTags(declaration))
    .filter((node) => ts.isJSDoc(node))
    .map((doc) => doc.getText());
  return comments.flatMap((text) => {
    const blocks: string[] = [];
    for (const line of text.split("\n")) {
      const content = line.replace(/\s*\*\/\s*$/, "").replace(/^\s*(\/\*\*|\*)\s?/, "");
      if (/^@\w+/.test(content)) blocks.push(content);
      else if (blocks.length > 0) blocks.push(`${blocks.pop() ?? ""}\n${content}`);
    }
    return blocks.filter((block) => new RegExp(`^@${name}\\b`).test(block));
  });
}

/** Members that throw on purpose: their docs must say what with @throws. */
function throwingMembers(): [string, ts.Symbol][] {
  const client = exports.find(({ name }) => name === "ECRClient")?.symbol;
  const send =
    client &&
    checker.getTypeOfSymbol(client).getConstructSignatures()[0]?.getReturnType().getProperty("send");
  const command = exports.find(({ name }) => name === "DescribePullThroughCacheRulesCommand")?.symbol;
  if (!send || !command)
    throw new Error("ECRClient.send or DescribePullThroughCacheRulesCommand is not exported");
  return [
    ["ECRClient.send", send],
    ["DescribePullThroughCacheRulesCommand", command],
  ];
}

describe("TSDoc of the public surface", () => {
  it("finds the exports", () => {
    expect(exports.map(({ name }) => name)).toEqual(
      expect.arrayContaining(["ECRClient", "DescribePullThroughCacheRulesCommand", "ECRClientConfig"]),
    );
  });

  it.each(ownExports)("documents $name", ({ symbol }) => {
    expect(ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()).not.toBe("");
  });

  it.each(valueExports)("gives $name an @example with code", ({ symbol }) => {
    expect(tags(symbol, "example").join("\n")).toContain("```ts");
  });

  it.each(throwingMembers())("says what %s throws, with {@link …}", (_name, symbol) => {
    const throws = tags(symbol, "throws");
    expect(throws.length).toBeGreaterThan(0);
    for (const tag of throws) expect(tag).toMatch(/^@throws \{@link \w+\}/);
  });

  it("links what every @throws of every export names", () => {
    const loose = ownExports.flatMap(({ name, symbol }) =>
      tags(symbol, "throws")
        .filter((tag) => !/\{@link [\w.]+\}/.test(tag))
        .map((tag) => `${name}: ${tag}`),
    );
    expect(loose).toEqual([]);
  });
});
