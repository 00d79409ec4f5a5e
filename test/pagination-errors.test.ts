import { describe, expect, it } from "vitest";
import {
  AbortError,
  type DescribePullThroughCacheRulesCommandInput,
  type ECRPaginationConfiguration,
  ECRClient,
  ECRClientError,
  InputValidationError,
  InvalidParameterException,
  iteratePullThroughCacheRules,
  paginateDescribePullThroughCacheRules,
  PaginationError,
} from "../src/index.js";
import { CREDENTIALS } from "./support/fixtures.js";
import { useMsw } from "./support/msw.js";
import { pagedRules, prefixes, scriptedPages } from "./support/paged-rules.js";

const { server, requests } = useMsw();
const client = new ECRClient({ region: "us-east-1", credentials: CREDENTIALS });

const PAGINATORS = [
  ["pages", paginateDescribePullThroughCacheRules],
  ["items", iteratePullThroughCacheRules],
] as const;

type Rule = { ecrRepositoryPrefix?: string };

/** Runs a paginator to its end or first error, keeping what it yielded (flattened to rule prefixes). */
async function drain(
  iterable: AsyncIterable<unknown>,
): Promise<{ seen: string[]; pages: number; error: unknown }> {
  const seen: string[] = [];
  let pages = 0;
  try {
    for await (const value of iterable) {
      const page = value as { $metadata?: unknown; pullThroughCacheRules?: Rule[] };
      const rules: Rule[] = page.$metadata ? (pages++, page.pullThroughCacheRules ?? []) : [value as Rule];
      seen.push(...rules.map((rule) => rule.ecrRepositoryPrefix!));
    }
  } catch (error) {
    return { seen, pages, error };
  }
  return { seen, pages, error: undefined };
}

type Case = [
  label: string,
  config: Record<string, unknown>,
  input: unknown,
  field: string,
  rule: string,
  value: unknown,
];
const withClient = (config: Record<string, unknown>) => ({ client, ...config });

// prettier-ignore
const INVALID: Case[] = [
  ["pageSize 0", withClient({ pageSize: 0 }), {}, "pageSize", "range", 0],
  ["pageSize 1001", withClient({ pageSize: 1001 }), {}, "pageSize", "range", 1001],
  ["pageSize -1", withClient({ pageSize: -1 }), {}, "pageSize", "range", -1],
  ["pageSize 1.5", withClient({ pageSize: 1.5 }), {}, "pageSize", "integer", 1.5],
  ["pageSize NaN", withClient({ pageSize: NaN }), {}, "pageSize", "integer", NaN],
  ["pageSize Infinity", withClient({ pageSize: Infinity }), {}, "pageSize", "integer", Infinity],
  ["pageSize a string", withClient({ pageSize: "10" }), {}, "pageSize", "type", "10"],
  ["pageSize 0 even when maxResults is valid", withClient({ pageSize: 0 }), { maxResults: 10 }, "pageSize", "range", 0],
  ["maxResults 0", withClient({}), { maxResults: 0 }, "maxResults", "range", 0],
  ["maxResults 1001", withClient({}), { maxResults: 1001 }, "maxResults", "range", 1001],
  ["maxResults 1.5", withClient({}), { maxResults: 1.5 }, "maxResults", "integer", 1.5],
  ["maxResults NaN", withClient({}), { maxResults: NaN }, "maxResults", "integer", NaN],
  ["maxResults a string", withClient({}), { maxResults: "100" }, "maxResults", "type", "100"],
  ["maxResults 0 even when pageSize is valid", withClient({ pageSize: 10 }), { maxResults: 0 }, "maxResults", "range", 0],
  ["an empty startingToken", withClient({ startingToken: "" }), {}, "startingToken", "length", ""],
  ["a numeric startingToken", withClient({ startingToken: 7 }), {}, "startingToken", "type", 7],
  ["an empty input.nextToken", withClient({}), { nextToken: "" }, "nextToken", "length", ""],
  ["stopOnSameToken a string", withClient({ stopOnSameToken: "yes" }), {}, "stopOnSameToken", "type", "yes"],
  ["abortSignal not a signal", withClient({ abortSignal: {} }), {}, "abortSignal", "type", {}],
  ["no client", {}, {}, "client", "required", undefined],
  ["a client without send()", { client: {} }, {}, "client", "type", {}],
  ["config.pagesize (a typo)", withClient({ pagesize: 10 }), {}, "pagesize", "unknown-member", 10],
  ["input.maxresults (a typo)", withClient({}), { maxresults: 10 }, "maxresults", "unknown-member", 10],
  ["a bad registryId", withClient({}), { registryId: "123" }, "registryId", "pattern", "123"],
  ["no prefixes", withClient({}), { ecrRepositoryPrefixes: [] }, "ecrRepositoryPrefixes", "items", []],
  ["an input that is not an object", withClient({}), null, "input", "type", null],
];

describe.each(PAGINATORS)("invalid options and input (%s): typed error, zero requests", (_, paginate) => {
  it.each(INVALID)("rejects %s", async (_label, config, input, field, rule, value) => {
    server.use(pagedRules(50));
    const { seen, error } = await drain(
      paginate(
        config as unknown as ECRPaginationConfiguration,
        input as DescribePullThroughCacheRulesCommandInput,
      ),
    );
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ name: "InputValidationError", field, rule });
    expect((error as InputValidationError).value).toStrictEqual(value);
    expect((error as Error).message).toMatch(new RegExp(`^${field}: `));
    expect(seen).toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe("the messages say what to do", () => {
  // prettier-ignore
  it.each([
    [{ pageSize: 0 }, {}, "pageSize: must be an integer from 1 to 1000, got 0"],
    [{ pagesize: 10 }, {}, 'pagesize: is not a member of ECRPaginationConfiguration; did you mean "pageSize"?'],
    [{}, { maxresults: 10 }, 'maxresults: is not a member of DescribePullThroughCacheRulesCommandInput; did you mean "maxResults"?'],
  ])("%j %j → %s", async (config: object, input: object, message: string) => {
    const paginator = paginateDescribePullThroughCacheRules({ client, ...config }, input);
    const { error } = await drain(paginator);
    expect((error as Error).message).toBe(message);
  });
});

describe.each(PAGINATORS)("repeated and cycling tokens (%s)", (_, paginate) => {
  // The script's tokens, the startingToken, how many rules come before the error and how many requests are sent.
  // prettier-ignore
  const CASES = [
    { label: "A, A", script: ["A", "A", undefined], start: undefined, before: 1, sent: 2 },
    { label: "A, B, A", script: ["A", "B", "A", undefined], start: undefined, before: 2, sent: 3 },
    { label: "the startingToken again", script: ["A", undefined], start: "A", before: 0, sent: 1 },
  ];

  it.each(CASES)("$label: throws a PaginationError naming the token, after the earlier pages", async (c) => {
    server.use(scriptedPages(c.script));
    const { seen, error } = await drain(paginate({ client, startingToken: c.start }));

    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(ECRClientError);
    expect(error).toMatchObject({
      name: "PaginationError",
      token: "A",
      $metadata: { requestId: `req-${c.sent}` },
    });
    expect((error as Error).message).toContain(
      `request ${c.sent} of this iteration returned the page token "A"`,
    );
    expect(seen).toEqual(prefixes(c.before));
    expect(requests).toHaveLength(c.sent);
  });

  it.each(CASES)("$label with stopOnSameToken: yields that page, then stops quietly", async (c) => {
    server.use(scriptedPages(c.script));
    const { seen, error } = await drain(paginate({ client, startingToken: c.start, stopOnSameToken: true }));

    expect(error).toBeUndefined();
    expect(seen).toEqual(prefixes(c.sent));
    expect(requests).toHaveLength(c.sent);
  });
});

describe("the end of the pages", () => {
  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
  ])("stops when the token is %s", async (_, last) => {
    // A third request would get a 500 from the script.
    server.use(scriptedPages(["A", last]));
    const { seen, pages, error } = await drain(paginateDescribePullThroughCacheRules({ client }));
    expect(error).toBeUndefined();
    expect([seen, pages]).toEqual([prefixes(2), 2]);
    expect(requests).toHaveLength(2);
  });
});

describe.each(PAGINATORS)("failures mid-way (%s)", (_, paginate) => {
  it("surfaces an error on page 3 after pages 1–2 were yielded", async () => {
    server.use(pagedRules(1_000, { failOnRequest: 3 }));
    const { seen, error } = await drain(paginate({ client }));

    expect(seen).toEqual(prefixes(200));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ message: "injected failure", $metadata: { httpStatusCode: 400 } });
    expect(requests).toHaveLength(3);
  });

  it("retries a transient failure within its page: every rule once, in order", async () => {
    const failWith = { status: 503, code: "ServiceUnavailableException" };
    server.use(pagedRules(1_000, { failOnRequest: 3, failWith }));
    const { seen, error } = await drain(paginate({ client }));

    expect(error).toBeUndefined();
    expect(seen).toEqual(prefixes(1_000));
    expect(requests).toHaveLength(10 + 1);
    expect(requests[3]!.body).toBe(requests[2]!.body);
  });

  it("rejects with an AbortError and sends nothing when the signal is already aborted", async () => {
    server.use(pagedRules(1_000));
    const { seen, error } = await drain(paginate({ client, abortSignal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it("rejects the next page with an AbortError when aborted between pages, and sends nothing more", async () => {
    server.use(pagedRules(1_000));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const value of paginate({ client, abortSignal: controller.signal })) {
        seen.push("$metadata" in value ? "page" : "rule");
        if (seen.length === 1) controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });
});
