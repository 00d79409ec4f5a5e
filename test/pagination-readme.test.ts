import { readFileSync } from "node:fs";
import { format } from "node:util";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { CREDENTIALS, wireRule } from "./support/fixtures.js";
import { useMsw } from "./support/msw.js";
import { pagedRules, tokenAt } from "./support/paged-rules.js";

const { server, requests } = useMsw();

/** The fenced blocks of the README's paging and validation section, in order. */
function readmeBlocks(): { lang: string; code: string }[] {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(
    readme.indexOf("<!-- examples:paging -->"),
    readme.indexOf("<!-- /examples:paging -->"),
  );
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang = "", code = ""]) => ({
    lang,
    code,
  }));
}

type Globals = { client: lib.ECRClient; AbortSignal?: Pick<typeof AbortSignal, "timeout"> };

/**
 * Runs a README block as written, except that its `import { … } from "ecr-pull-through-cache"` reads this
 * checkout's exports, and `client` (plus any global the test replaces) is passed in. Returns what it logged.
 */
async function runBlock(code: string, globals: Globals): Promise<string[]> {
  const logs: string[] = [];
  const imports = /import\s*\{([^}]*)\}\s*from\s*"ecr-pull-through-cache";/g;
  for (const [, names = ""] of code.matchAll(imports)) {
    for (const name of names
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean))
      expect(lib).toHaveProperty(name);
  }
  const body = transformSync(code.replace(imports, "const {$1} = lib;"), { loader: "ts" }).code;
  const names = ["lib", "console", ...Object.keys(globals)];
  const AsyncFunction = (async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const console = { log: (...args: unknown[]) => logs.push(format(...args)) };
  await new AsyncFunction(...names, body)(lib, console, ...Object.values(globals));
  return logs;
}

const blocks = readmeBlocks();
const tsBlocks = blocks.filter((block) => block.lang === "ts");
const client = new lib.ECRClient({ region: "us-east-1", credentials: CREDENTIALS });

describe("the README's paging and validation examples run as written", () => {
  it("has the four examples", () => {
    expect(tsBlocks).toHaveLength(4);
  });

  it("pages: one line per page", async () => {
    server.use(pagedRules(1_234));
    const logs = await runBlock(tsBlocks[0]!.code, { client });
    expect(logs).toEqual(["req-1 500", "req-2 500", "req-3 234"]);
  });

  it("items: every rule until the break, and no request after it", async () => {
    const makeRule = (index: number) =>
      index === 142 ? { ...wireRule(index), upstreamRegistry: "quay" } : wireRule(index);
    server.use(pagedRules(1_000, { makeRule }));
    const logs = await runBlock(tsBlocks[1]!.code, { client });
    expect(logs).toHaveLength(143);
    expect(logs[0]).toBe("docker-hub-0 → registry-1.docker.io");
    expect(requests).toHaveLength(2);
    expect(JSON.parse(requests[0]!.body)).toEqual({ ecrRepositoryPrefixes: ["docker-hub", "quay"] });
  });

  it("deadline and resume: the aborted page is fetched again from its token, nothing is lost", async () => {
    const controller = new AbortController();
    // The "deadline" passes while the second page is in flight.
    const onRequest = async (seen: number) => {
      if (seen !== 2) return;
      controller.abort(new DOMException("deadline", "TimeoutError"));
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    server.use(pagedRules(450, { onRequest }));
    const logs = await runBlock(tsBlocks[2]!.code, {
      client,
      AbortSignal: { timeout: () => controller.signal },
    });
    expect(logs).toEqual([
      "100 rules",
      "100 more rules",
      "100 more rules",
      "100 more rules",
      "50 more rules",
    ]);
    const tokens = requests.map((request) => (JSON.parse(request.body) as { nextToken?: string }).nextToken);
    expect(tokens).toEqual([undefined, tokenAt(100), tokenAt(100), tokenAt(200), tokenAt(300), tokenAt(400)]);
  });

  it("validation: prints what the README says, and sends nothing", async () => {
    server.use(pagedRules(10));
    const logs = await runBlock(tsBlocks[3]!.code, { client });
    const printed = blocks
      .find((block) => block.lang === "text")!
      .code.trimEnd()
      .split("\n");
    expect(logs).toEqual(printed);
    expect(requests).toHaveLength(0);
  });
});
