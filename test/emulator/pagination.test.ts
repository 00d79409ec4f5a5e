import { describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, type ECRClient } from "../../src/index.js";
import { cleanUpLocalEcrs, localEcr, manyRules } from "../support/local-ecr.js";

cleanUpLocalEcrs();

async function listAll(
  client: ECRClient,
  maxResults?: number,
): Promise<{ prefixes: string[]; pages: number[] }> {
  const prefixes: string[] = [];
  const pages: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new DescribePullThroughCacheRulesCommand({ nextToken, maxResults }));
    const rules = page.pullThroughCacheRules ?? [];
    pages.push(rules.length);
    prefixes.push(...rules.map((rule) => rule.ecrRepositoryPrefix!));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return { prefixes, pages };
}

describe("local ECR: pagination", () => {
  const total = 2500;
  const expected = manyRules(total).map((rule) => rule.ecrRepositoryPrefix);

  it.each([
    { name: "the default page of 100", maxResults: undefined, pages: 25, last: 100 },
    { name: "maxResults 1000", maxResults: 1000, pages: 3, last: 500 },
    { name: "maxResults 7", maxResults: 7, pages: 358, last: 1 },
  ])("walks 2,500 rules with $name", async ({ maxResults, pages, last }) => {
    const { client } = await localEcr({ rules: manyRules(total) });
    const result = await listAll(client, maxResults);
    expect(result.prefixes).toEqual(expected);
    expect(result.pages).toHaveLength(pages);
    expect(result.pages.at(-1)).toBe(last);
  });

  it("ends without a token when the last page is exactly full", async () => {
    const { client } = await localEcr({ rules: manyRules(200) });
    const result = await listAll(client);
    expect(result.pages).toEqual([100, 100]);
  });

  it("pages a prefix filter too, and its token only resumes that filter", async () => {
    const { client } = await localEcr({ rules: manyRules(10) });
    const input = { ecrRepositoryPrefixes: ["team-00003", "team-00001", "team-00007"], maxResults: 2 };
    const first = await client.send(new DescribePullThroughCacheRulesCommand(input));
    const second = await client.send(
      new DescribePullThroughCacheRulesCommand({ ...input, nextToken: first.nextToken }),
    );
    expect(first.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
      "team-00001",
      "team-00003",
    ]);
    expect(second.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual(["team-00007"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("honours defaultPageSize", async () => {
    const { client } = await localEcr({ rules: manyRules(30), defaultPageSize: 25 });
    const result = await listAll(client);
    expect(result.pages).toEqual([25, 5]);
  });

  it("issues opaque tokens that do not reveal the offset in plain text", async () => {
    const { client } = await localEcr({ rules: manyRules(30) });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 10 }));
    expect(page.nextToken).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });
});
