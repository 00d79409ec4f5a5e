import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DescribePullThroughCacheRulesCommandOutput,
  iteratePullThroughCacheRules,
  type PaginationClient,
  paginateDescribePullThroughCacheRules,
  PaginationError,
} from "../src/index.js";
import { inProcessClient, prefixes } from "./support/paged-rules.js";

describe("paging properties (in-process fake client)", () => {
  it("any number of rules and any page size: every rule once, in order, in ⌈n / size⌉ pages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        async (total, pageSize) => {
          const client = inProcessClient(total);
          const pages: DescribePullThroughCacheRulesCommandOutput[] = [];
          for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize }))
            pages.push(page);
          const rules = pages.flatMap((page) => page.pullThroughCacheRules ?? []);

          expect(rules.map((rule) => rule.ecrRepositoryPrefix)).toEqual(prefixes(total));
          expect(pages).toHaveLength(Math.max(1, Math.ceil(total / pageSize)));
          expect(client.bodies.every((body) => body["maxResults"] === pageSize)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  const ALPHABET = ["A", "B", "C", "D"];
  const token = fc.oneof(fc.constantFrom(...ALPHABET), fc.constant(""), fc.constant(undefined));

  /** A service that answers request `i` with `script[i % script.length]`: it may never stop on its own. */
  function scripted(script: (string | undefined)[]): PaginationClient & { sent: (string | undefined)[] } {
    const sent: (string | undefined)[] = [];
    return {
      sent,
      send(command) {
        sent.push(command.input.nextToken);
        const nextToken = script[(sent.length - 1) % script.length];
        return Promise.resolve({
          $metadata: {},
          pullThroughCacheRules: [],
          ...(nextToken === undefined ? {} : { nextToken }),
        });
      },
    };
  }

  it("any token script, even an endless one, ends within (distinct tokens + 1) requests, each token sent once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (script, stopOnSameToken) => {
          const client = scripted(script);
          let error: unknown;
          try {
            for await (const rule of iteratePullThroughCacheRules({ client, stopOnSameToken }))
              expect(rule).toBeDefined();
          } catch (caught) {
            error = caught;
          }
          const tokens = client.sent.filter((sent) => sent !== undefined);
          expect(client.sent.length).toBeLessThanOrEqual(ALPHABET.length + 1);
          expect(new Set(tokens).size).toBe(tokens.length);
          expect(tokens).not.toContain("");
          if (error !== undefined) {
            expect(stopOnSameToken).toBe(false);
            expect(error).toBeInstanceOf(PaginationError);
            expect(tokens).toContain((error as PaginationError).token);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
