import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  type HttpRequestHandler,
} from "../../src/index.js";
import { CREDENTIALS, wireRule } from "../support/fixtures.js";
import { junk, PROPERTY_RUNS } from "../support/arbitraries.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Body texts: a real page, pages with junk spliced in, any JSON, any bytes. */
const bodyText = fc.oneof(
  fc.constant(JSON.stringify({ pullThroughCacheRules: [wireRule(1)], nextToken: "t" })),
  junk.map((value) =>
    JSON.stringify({ pullThroughCacheRules: [{ ...wireRule(2), createdAt: value }], nextToken: value }),
  ),
  junk.map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", maxLength: 60 }),
);

/** The body in whatever shape a (possibly odd) transport hands over, including shapes no transport should. */
const body = fc.oneof(
  bodyText,
  bodyText.map(encode),
  bodyText.map((text) => new Blob([text])),
  fc.uint8Array({ maxLength: 60 }),
  fc.constantFrom(undefined, null, 42, { not: "a stream" }),
);

const response = fc.record({
  statusCode: fc.oneof(
    fc.constantFrom(200, 204, 301, 400, 403, 404, 429, 500, 502, 503),
    fc.integer({ min: 100, max: 599 }),
  ),
  headers: fc.dictionary(
    fc.constantFrom(
      "x-amzn-requestid",
      "x-amzn-errortype",
      "content-type",
      "X-Amz-Id-2",
      "date",
      "retry-after",
    ),
    fc.string({ maxLength: 30 }),
  ),
  body,
});

describe("the whole send pipeline against any response a transport could hand back", () => {
  it("resolves with a typed output or rejects with one of our typed errors carrying $metadata", async () => {
    await fc.assert(
      fc.asyncProperty(response, async (answer) => {
        const handler: HttpRequestHandler = {
          handle: () => Promise.resolve({ response: answer }),
        };
        const client = new ECRClient({
          region: "us-east-1",
          credentials: CREDENTIALS,
          requestHandler: handler,
          maxAttempts: 1,
        });
        const outcome = await client.send(new DescribePullThroughCacheRulesCommand({})).then(
          (output) => ({ output }),
          (error: unknown) => ({ error }),
        );
        if ("output" in outcome) {
          expect(answer.statusCode).toBeLessThan(300);
          expect(outcome.output.$metadata).toMatchObject({ httpStatusCode: answer.statusCode, attempts: 1 });
          for (const rule of outcome.output.pullThroughCacheRules ?? []) {
            if (rule.createdAt !== undefined) expect(Number.isFinite(rule.createdAt.getTime())).toBe(true);
          }
          return;
        }
        const { error } = outcome;
        expect(error instanceof ECRServiceException || error instanceof ECRClientError).toBe(true);
        expect((error as ECRClientError).$metadata).toMatchObject({ attempts: 1 });
        if (answer.statusCode >= 300 && error instanceof ECRServiceException) {
          expect(error.$metadata.httpStatusCode).toBe(answer.statusCode);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 400 },
    );
  });
});
