import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DescribePullThroughCacheRulesCommand,
  type DescribePullThroughCacheRulesCommandOutput,
  iteratePullThroughCacheRules,
  PaginationError,
  type PaginationClient,
} from "../../src/index.js";
import { PROPERTY_RUNS } from "../support/arbitraries.js";

/**
 * A service whose page tokens are scripted by the test: page n carries rule `r-n` and the n-th token of the
 * script (`undefined` ends the listing). Tokens may repeat, cycle, be empty or never end.
 */
function scriptedService(tokens: readonly (string | undefined)[]) {
  const sent: (string | undefined)[] = [];
  const client: PaginationClient = {
    send(command: DescribePullThroughCacheRulesCommand): Promise<DescribePullThroughCacheRulesCommandOutput> {
      const n = sent.length;
      sent.push(command.input.nextToken);
      const nextToken = tokens[n];
      return Promise.resolve({
        pullThroughCacheRules: [{ ecrRepositoryPrefix: `r-${n}` }],
        ...(nextToken === undefined ? {} : { nextToken }),
        $metadata: { httpStatusCode: 200, requestId: `req-${n}` },
      });
    },
  };
  return { client, sent };
}

const token = fc.constantFrom("a", "b", "c", "d", "");
/** Scripts that end, cycle, repeat at once or run on forever (the last token repeats past the script's end). */
const script = fc.array(fc.option(token, { nil: undefined }), { minLength: 1, maxLength: 12 });

describe("pagination against a hostile token sequence", () => {
  it("always terminates: it follows each new token once, then stops at the end or with a PaginationError", async () => {
    await fc.assert(
      fc.asyncProperty(script, async (tokens) => {
        // Past the script the service keeps answering with its last token (an endless listing when it repeats).
        const endless = [...tokens, ...Array<string | undefined>(100).fill(tokens.at(-1))];
        const { client, sent } = scriptedService(endless);
        const rules: string[] = [];
        let failure: unknown;
        try {
          for await (const rule of iteratePullThroughCacheRules({ client }))
            rules.push(rule.ecrRepositoryPrefix!);
        } catch (error) {
          failure = error;
        }

        // Model: follow tokens until one is missing or empty (the end) or was already sent (a loop).
        const seen = new Set<string>();
        let expectedRequests = 0;
        let expectedFailure: string | undefined;
        for (const next of endless) {
          expectedRequests++;
          if (next === undefined || next === "") break;
          if (seen.has(next)) {
            expectedFailure = next;
            break;
          }
          seen.add(next);
        }
        expect(sent).toHaveLength(expectedRequests);
        expect(sent[0]).toBeUndefined();
        expect(new Set(sent.slice(1)).size).toBe(sent.length - 1);
        // Every page before the failing one was yielded, once and in order; the looping page was not.
        const yielded = expectedFailure === undefined ? expectedRequests : expectedRequests - 1;
        expect(rules).toEqual(Array.from({ length: yielded }, (_, n) => `r-${n}`));
        if (expectedFailure === undefined) {
          expect(failure).toBeUndefined();
        } else {
          expect(failure).toBeInstanceOf(PaginationError);
          expect((failure as PaginationError).token).toBe(expectedFailure);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 300 },
    );
  });
});
