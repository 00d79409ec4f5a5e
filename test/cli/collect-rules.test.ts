import { describe, expect, it } from "vitest";
import { collectRules, type FetchedPage } from "../../src/cli/collect-rules.js";
import type { ResumePoint } from "../../src/cli/resume-token.js";
import { PaginationError } from "../../src/index.js";

/** A fake service over `count` rules named r0, r1, …: tokens are "@offset", pages of `pageSize`. */
function service(count: number, pageSize: number) {
  const calls: (string | undefined)[] = [];
  const fetchPage = (token: string | undefined): Promise<FetchedPage> => {
    calls.push(token);
    const offset = token === undefined ? 0 : Number(token.slice(1));
    const end = Math.min(count, offset + pageSize);
    const rules = Array.from({ length: end - offset }, (_, i) => ({ ecrRepositoryPrefix: `r${offset + i}` }));
    return Promise.resolve(end < count ? { rules, nextToken: `@${end}` } : { rules });
  };
  return { fetchPage, calls };
}
const names = (count: number, from = 0): string[] => Array.from({ length: count }, (_, i) => `r${from + i}`);

describe("collectRules", () => {
  it.each<{
    name: string;
    count: number;
    pageSize: number;
    maxItems?: number;
    start?: ResumePoint;
    rules: string[];
    resume?: ResumePoint;
    calls: number;
  }>([
    { name: "all pages", count: 10, pageSize: 4, rules: names(10), calls: 3 },
    { name: "an empty registry", count: 0, pageSize: 4, rules: [], calls: 1 },
    {
      name: "maxItems in mid-page",
      count: 10,
      pageSize: 4,
      maxItems: 6,
      rules: names(6),
      resume: { nextToken: "@4", skip: 2 },
      calls: 2,
    },
    {
      name: "maxItems inside the first page",
      count: 10,
      pageSize: 4,
      maxItems: 3,
      rules: names(3),
      resume: { skip: 3 },
      calls: 1,
    },
    {
      name: "maxItems at a page end",
      count: 10,
      pageSize: 4,
      maxItems: 8,
      rules: names(8),
      resume: { nextToken: "@8", skip: 0 },
      calls: 2,
    },
    { name: "maxItems equal to the total", count: 8, pageSize: 4, maxItems: 8, rules: names(8), calls: 2 },
    { name: "maxItems above the total", count: 5, pageSize: 4, maxItems: 50, rules: names(5), calls: 2 },
    {
      name: "resuming in mid-page",
      count: 10,
      pageSize: 4,
      start: { nextToken: "@4", skip: 2 },
      rules: names(4, 6),
      calls: 2,
    },
    {
      name: "resuming past a smaller page",
      count: 10,
      pageSize: 1,
      start: { nextToken: "@4", skip: 2 },
      rules: names(4, 6),
      calls: 6,
    },
    {
      name: "resuming in the first page",
      count: 10,
      pageSize: 4,
      start: { skip: 3 },
      maxItems: 2,
      rules: ["r3", "r4"],
      resume: { nextToken: "@4", skip: 1 },
      calls: 2,
    },
  ])("$name", async ({ count, pageSize, maxItems, start, rules, resume, calls }) => {
    const fake = service(count, pageSize);
    const result = await collectRules({ fetchPage: fake.fetchPage, maxItems, start });
    expect(result.rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(rules);
    expect(result.resume).toEqual(resume);
    expect(fake.calls).toHaveLength(calls);
  });

  it.each<[string, (string | undefined)[], string | undefined, number, string]>([
    ["the same token twice (A, A)", ["A", "A"], undefined, 2, "A"],
    ["a cycle (A, B, A)", ["A", "B", "A"], undefined, 3, "A"],
    ["the starting token handed back", ["S"], "S", 1, "S"],
  ])(
    "fails with a PaginationError on %s instead of looping or printing a partial listing",
    async (_label, tokens, startToken, calls, repeated) => {
      const sent: (string | undefined)[] = [];
      const fetchPage = (token: string | undefined): Promise<FetchedPage> => {
        sent.push(token);
        return Promise.resolve({
          rules: [{ ecrRepositoryPrefix: `page-${sent.length}` }],
          nextToken: tokens[sent.length - 1],
          $metadata: { requestId: `req-${sent.length}` },
        });
      };
      const start = startToken === undefined ? undefined : { nextToken: startToken, skip: 0 };
      const error = await collectRules({ fetchPage, start }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PaginationError);
      expect(error).toMatchObject({ token: repeated, $metadata: { requestId: `req-${calls}` } });
      expect(sent).toHaveLength(calls);
    },
  );

  it("reports running totals per page", async () => {
    const seen: [number, number][] = [];
    await collectRules({
      fetchPage: service(10, 4).fetchPage,
      onPage: (rules, pages) => seen.push([rules, pages]),
    });
    expect(seen).toEqual([
      [4, 1],
      [8, 2],
      [10, 3],
    ]);
  });
});
