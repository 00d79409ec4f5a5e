// What the items iterator keeps alive: a walk over many pages must hold one page at most, and not the rules its
// caller has already taken. Checked with weak references and a forced full GC, so it holds on any machine.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  type DescribePullThroughCacheRulesCommandOutput,
  iteratePullThroughCacheRules,
  type PaginationClient,
  type PullThroughCacheRule,
} from "../src/index.js";

setFlagsFromString("--expose-gc");
const fullGc = runInNewContext("gc") as () => void;
/**
 * A full GC in a fresh macrotask: a WeakRef's target (and whatever `deref()` returned) is kept alive until the
 * current job's microtasks are done, and a walk over resolved promises is one long run of microtasks.
 */
async function gc(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  fullGc();
}

const PAGE_SIZE = 50;
const PAGES = 4;

/**
 * A client double serving `PAGES` pages of `PAGE_SIZE` fresh rules, that tracks every rule and every page it
 * served with a weak reference and, on each request, counts those still alive after a full GC.
 */
function trackingClient() {
  const rules: WeakRef<PullThroughCacheRule>[] = [];
  const pages: WeakRef<object>[] = [];
  const aliveAtRequest: { rules: number; pages: number }[] = [];
  const count = (refs: readonly WeakRef<object>[]) => refs.filter((ref) => ref.deref() !== undefined).length;
  const client: PaginationClient = {
    async send(command) {
      await gc();
      aliveAtRequest.push({ rules: count(rules), pages: count(pages) });
      const index = Number(command.input.nextToken ?? 0);
      const page: DescribePullThroughCacheRulesCommandOutput = {
        $metadata: { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
        pullThroughCacheRules: Array.from({ length: PAGE_SIZE }, (_, i) => ({
          ecrRepositoryPrefix: `rule-${index * PAGE_SIZE + i}`,
        })),
        ...(index + 1 < PAGES ? { nextToken: String(index + 1) } : {}),
      };
      for (const rule of page.pullThroughCacheRules!) rules.push(new WeakRef(rule));
      pages.push(new WeakRef(page), new WeakRef(page.pullThroughCacheRules!));
      return page;
    },
  };
  return { client, aliveAtRequest, aliveRules: () => count(rules) };
}

/** Walks the items without keeping any (not even in a loop variable); returns the count and the alive counts. */
async function walk(
  items: AsyncIterator<PullThroughCacheRule>,
  aliveRules: () => number,
): Promise<{ count: number; aliveMidPage: number[] }> {
  let count = 0;
  const aliveMidPage: number[] = [];
  while (!(await items.next()).done) {
    if (++count % PAGE_SIZE === PAGE_SIZE / 2) {
      await gc();
      aliveMidPage.push(aliveRules());
    }
  }
  return { count, aliveMidPage };
}

describe("iteratePullThroughCacheRules memory", () => {
  it("holds no earlier page while it fetches the next one", async () => {
    const { client, aliveAtRequest, aliveRules } = trackingClient();
    const { count } = await walk(iteratePullThroughCacheRules({ client }), aliveRules);

    expect(count).toBe(PAGES * PAGE_SIZE);
    expect(aliveAtRequest).toHaveLength(PAGES);
    // Before the fix the previous page (its object, its array and all its rules) was still held here.
    // At most the rule last handed to the caller may still be referenced by the caller's own frame.
    for (const alive of aliveAtRequest) {
      expect(alive.pages).toBe(0);
      expect(alive.rules).toBeLessThanOrEqual(1);
    }
  });

  it("lets go of each rule once it is yielded, mid-page", async () => {
    const { client, aliveRules } = trackingClient();
    const { aliveMidPage } = await walk(iteratePullThroughCacheRules({ client }), aliveRules);

    // Half-way through each page only the rules not yet yielded (and the one just yielded) are alive.
    expect(aliveMidPage).toHaveLength(PAGES);
    for (const alive of aliveMidPage) expect(alive).toBeLessThanOrEqual(PAGE_SIZE / 2 + 1);
  });

  it("never modifies a page the client returned", async () => {
    const served: DescribePullThroughCacheRulesCommandOutput[] = [];
    const client: PaginationClient = {
      send(command) {
        const index = Number(command.input.nextToken ?? 0);
        const page = {
          $metadata: { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
          pullThroughCacheRules: [
            { ecrRepositoryPrefix: `a-${index}` },
            { ecrRepositoryPrefix: `b-${index}` },
          ],
          ...(index < 2 ? { nextToken: String(index + 1) } : {}),
        };
        served.push(page);
        return Promise.resolve(page);
      },
    };
    const yielded: PullThroughCacheRule[] = [];
    for await (const rule of iteratePullThroughCacheRules({ client })) yielded.push(rule);

    expect(yielded.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
      "a-0",
      "b-0",
      "a-1",
      "b-1",
      "a-2",
      "b-2",
    ]);
    expect(served.map((page) => page.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix))).toEqual(
      [
        ["a-0", "b-0"],
        ["a-1", "b-1"],
        ["a-2", "b-2"],
      ],
    );
  });
});
