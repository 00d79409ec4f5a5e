import { describe, expect, it } from "vitest";
import {
  type DescribePullThroughCacheRulesCommandInput,
  type DescribePullThroughCacheRulesCommandOutput,
  ECRClient,
  iteratePullThroughCacheRules,
  paginateDescribePullThroughCacheRules,
  type PullThroughCacheRule,
} from "../src/index.js";
import { CREDENTIALS } from "./support/fixtures.js";
import { useMsw } from "./support/msw.js";
import { inProcessClient, pagedRules, prefixes, tokenAt } from "./support/paged-rules.js";

const { server, requests } = useMsw();

/**
 * Thousands of rules, so every page size crosses many page boundaries and ends on a partial page. Page size 1
 * runs over msw with fewer rules (a request costs about a millisecond there, far more on a loaded machine)
 * and over all of them with the in-process fake client.
 */
const TOTAL = 2_345;
const client = new ECRClient({ region: "us-east-1", credentials: CREDENTIALS });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
const sentBodies = () => requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);
const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each([
  { label: "the service default (100)", pageSize: undefined, perPage: 100, total: TOTAL },
  { label: "1", pageSize: 1, perPage: 1, total: 64 },
  { label: "1000", pageSize: 1000, perPage: 1000, total: TOTAL },
])("page size $label over $total rules (msw)", ({ pageSize, perPage, total }) => {
  const pageCount = Math.ceil(total / perPage);
  const expectedBodies = Array.from({ length: pageCount }, (_, page) => ({
    ...(pageSize === undefined ? {} : { maxResults: pageSize }),
    ...(page === 0 ? {} : { nextToken: tokenAt(page * perPage) }),
  }));

  it("yields every page once, in order, each with $metadata, and follows each token once", async () => {
    server.use(pagedRules(total));
    const pages = await collect(paginateDescribePullThroughCacheRules({ client, pageSize }));

    expect(pages).toHaveLength(pageCount);
    expect(
      pages.flatMap((page) => page.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)),
    ).toEqual(prefixes(total));
    expect(pages.map((page) => page.$metadata.requestId)).toEqual(
      pages.map((_, index) => `req-${index + 1}`),
    );
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    expect(sentBodies()).toEqual(expectedBodies);
  });

  it("yields every rule once, in order, as items, over the same requests", async () => {
    server.use(pagedRules(total));
    const rules = await collect(iteratePullThroughCacheRules({ client, pageSize }));

    expect(rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(prefixes(total));
    expect(rules[0]?.createdAt).toEqual(new Date(1_700_000_000_000));
    expect(sentBodies()).toEqual(expectedBodies);
  });
});

describe("page size 1 over thousands of rules (in-process fake client)", () => {
  it.each([
    ["pages", paginateDescribePullThroughCacheRules],
    ["items", iteratePullThroughCacheRules],
  ] as const)("yields every rule once, in order, as %s", async (_, paginate) => {
    const fake = inProcessClient(TOTAL);
    const yielded = await collect<object>(paginate({ client: fake, pageSize: 1 }));
    const rules = yielded.flatMap((value) =>
      "$metadata" in value
        ? ((value as DescribePullThroughCacheRulesCommandOutput).pullThroughCacheRules ?? [])
        : [value as PullThroughCacheRule],
    );

    expect(rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(prefixes(TOTAL));
    expect(fake.bodies).toHaveLength(TOTAL);
    expect(fake.bodies.map((body) => body["nextToken"])).toEqual([
      undefined,
      ...prefixes(TOTAL - 1).map((_, i) => tokenAt(i + 1)),
    ]);
  });
});

describe("paging options", () => {
  it("lets input.maxResults win over pageSize", async () => {
    server.use(pagedRules(TOTAL));
    const pages = await collect(
      paginateDescribePullThroughCacheRules({ client, pageSize: 1000 }, { maxResults: 400 }),
    );
    expect(pages.map((page) => page.pullThroughCacheRules?.length)).toEqual([400, 400, 400, 400, 400, 345]);
    expect(sentBodies().every((body) => body["maxResults"] === 400)).toBe(true);
  });

  it("lets startingToken win over input.nextToken", async () => {
    server.use(pagedRules(TOTAL));
    const rules = await collect(
      iteratePullThroughCacheRules({ client, startingToken: tokenAt(2_000) }, { nextToken: tokenAt(10) }),
    );
    expect(rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(prefixes(TOTAL).slice(2_000));
    expect(sentBodies()[0]).toEqual({ nextToken: tokenAt(2_000) });
  });

  it("starts from input.nextToken when there is no startingToken", async () => {
    server.use(pagedRules(TOTAL));
    const rules = await collect(iteratePullThroughCacheRules({ client }, { nextToken: tokenAt(2_300) }));
    expect(rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(prefixes(TOTAL).slice(2_300));
  });

  it("resumes from a page's nextToken: the two runs together see every rule exactly once", async () => {
    server.use(pagedRules(TOTAL));
    const first: string[] = [];
    let resumeAt: string | undefined;
    for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize: 700 })) {
      first.push(...(page.pullThroughCacheRules ?? []).map((rule) => rule.ecrRepositoryPrefix!));
      resumeAt = page.nextToken;
      if (first.length >= 1_400) break;
    }
    const rest = await collect(
      iteratePullThroughCacheRules({ client, pageSize: 700, startingToken: resumeAt }),
    );
    expect([...first, ...rest.map((rule) => rule.ecrRepositoryPrefix)]).toEqual(prefixes(TOTAL));
    expect(requests).toHaveLength(2 + 2);
  });

  it("treats null input members as absent", async () => {
    server.use(pagedRules(TOTAL));
    const input = {
      maxResults: null,
      nextToken: null,
      registryId: null,
    } as unknown as DescribePullThroughCacheRulesCommandInput;
    const pages = await collect(paginateDescribePullThroughCacheRules({ client, pageSize: 1000 }, input));
    expect(pages).toHaveLength(3);
    expect(sentBodies()[0]).toEqual({ maxResults: 1000 });
  });

  it("never writes to the caller's input or its array", async () => {
    server.use(pagedRules(TOTAL));
    const ecrRepositoryPrefixes = ["docker-hub", "quay"];
    const input: DescribePullThroughCacheRulesCommandInput = {
      registryId: "012345678901",
      ecrRepositoryPrefixes,
    };
    const frozen = Object.freeze({
      ...input,
      ecrRepositoryPrefixes: Object.freeze([...ecrRepositoryPrefixes]),
    });
    const config = { client, pageSize: 1000 };

    await collect(paginateDescribePullThroughCacheRules(config, input));
    await collect(
      iteratePullThroughCacheRules(
        Object.freeze(config),
        frozen as DescribePullThroughCacheRulesCommandInput,
      ),
    );

    expect(input).toEqual({ registryId: "012345678901", ecrRepositoryPrefixes: ["docker-hub", "quay"] });
    expect(input.ecrRepositoryPrefixes).toBe(ecrRepositoryPrefixes);
    expect(config).toEqual({ client, pageSize: 1000 });
    expect(sentBodies().at(-1)).toEqual({ ...input, maxResults: 1000, nextToken: tokenAt(2_000) });
  });
  it("reads the input when iteration starts: changing the caller's array later changes no request", async () => {
    server.use(pagedRules(TOTAL));
    const ecrRepositoryPrefixes = ["docker-hub"];
    for await (const page of paginateDescribePullThroughCacheRules(
      { client, pageSize: 1000 },
      { ecrRepositoryPrefixes },
    )) {
      expect(page.pullThroughCacheRules).not.toHaveLength(0);
      ecrRepositoryPrefixes.push("quay");
    }
    expect(sentBodies().map((body) => body["ecrRepositoryPrefixes"])).toEqual([
      ["docker-hub"],
      ["docker-hub"],
      ["docker-hub"],
    ]);
  });
});

describe("leaving early", () => {
  it("sends nothing more after a break out of the pages", async () => {
    server.use(pagedRules(TOTAL));
    let seen = 0;
    for await (const page of paginateDescribePullThroughCacheRules({ client })) {
      expect(page.pullThroughCacheRules).toHaveLength(100);
      if (++seen === 2) break;
    }
    await idle();
    expect(requests).toHaveLength(2);
  });

  it("sends nothing more after a break out of the items, mid-page", async () => {
    server.use(pagedRules(TOTAL));
    const rules: string[] = [];
    for await (const rule of iteratePullThroughCacheRules({ client })) {
      rules.push(rule.ecrRepositoryPrefix!);
      if (rules.length === 150) break;
    }
    await idle();
    expect(rules).toEqual(prefixes(150));
    expect(requests).toHaveLength(2);
  });

  it("sends nothing more after return() on the generator", async () => {
    server.use(pagedRules(TOTAL));
    const pages = paginateDescribePullThroughCacheRules({ client });
    expect((await pages.next()).done).toBe(false);
    await expect(pages.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(pages.next()).resolves.toEqual({ done: true, value: undefined });
    await idle();
    expect(requests).toHaveLength(1);
  });
});
