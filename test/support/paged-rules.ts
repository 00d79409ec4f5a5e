import { http, HttpResponse } from "msw";
import type { PaginationClient } from "../../src/index.js";
import { wireRule } from "./fixtures.js";
import { capture, ENDPOINT } from "./msw.js";

const JSON_HEADERS = { "content-type": "application/x-amz-json-1.1" };

/** The prefix of rule `index` as {@link wireRule} builds it, to compare what the client yields. */
export const prefixOf = (index: number): string => `docker-hub-${index}`;

/** Prefixes of rules `0 … count - 1`, in order. */
export const prefixes = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => prefixOf(index));

/** The opaque token of the page starting at `offset` (what `nextToken` looks like to the client). */
export const tokenAt = (offset: number): string => Buffer.from(`offset=${offset}`).toString("base64url");

function offsetOf(token: unknown): number | undefined {
  if (typeof token !== "string") return undefined;
  const match = /^offset=(\d+)$/.exec(Buffer.from(token, "base64url").toString());
  return match ? Number(match[1]) : undefined;
}

function serviceError(code: string, message: string, status = 400): Response {
  return HttpResponse.json({ __type: code, message }, { status, headers: JSON_HEADERS });
}

/** A page of the fake service, or the error it answers with. */
type Served = { page: Record<string, unknown> } | { error: { code: string; message: string } };

/**
 * The service's paging semantics over `rules`: `maxResults` 1–1000 (100 when omitted), an opaque `nextToken`
 * (unknown ones are an `InvalidParameterException`), no token on the last page.
 */
function servePage(rules: readonly Record<string, unknown>[], body: Record<string, unknown>): Served {
  const maxResults = body["maxResults"] ?? 100;
  if (typeof maxResults !== "number" || maxResults < 1 || maxResults > 1000) {
    return { error: { code: "ValidationException", message: "maxResults must be between 1 and 1000" } };
  }
  const offset = body["nextToken"] === undefined ? 0 : offsetOf(body["nextToken"]);
  if (offset === undefined || offset > rules.length) {
    return { error: { code: "InvalidParameterException", message: "Invalid NextToken" } };
  }
  const end = Math.min(offset + maxResults, rules.length);
  const page: Record<string, unknown> = { pullThroughCacheRules: rules.slice(offset, end) };
  if (end < rules.length) page["nextToken"] = tokenAt(end);
  return { page };
}

type RuleMaker = (index: number) => Record<string, unknown>;
const makeRules = (total: number, make: RuleMaker = wireRule) =>
  Array.from({ length: total }, (_, index) => make(index));

/**
 * A fake ECR over msw holding `total` rules (see {@link servePage}), made by `makeRule` (default {@link wireRule}).
 * `failOnRequest` answers that request (1-based) with `failWith` (default a 400 `InvalidParameterException`);
 * `onRequest` sees each request number before it is answered.
 */
export function pagedRules(
  total: number,
  options: {
    failOnRequest?: number;
    failWith?: { status: number; code: string };
    makeRule?: RuleMaker;
    onRequest?: (seen: number) => Promise<void>;
  } = {},
) {
  const rules = makeRules(total, options.makeRule);
  let seen = 0;
  return http.post(ENDPOINT, async ({ request }) => {
    const body = JSON.parse((await capture(request)).body) as Record<string, unknown>;
    seen++;
    await options.onRequest?.(seen);
    if (seen === options.failOnRequest) {
      const { status, code } = options.failWith ?? { status: 400, code: "InvalidParameterException" };
      return serviceError(code, "injected failure", status);
    }
    const served = servePage(rules, body);
    if ("error" in served) return serviceError(served.error.code, served.error.message);
    return HttpResponse.json(served.page, {
      headers: { ...JSON_HEADERS, "x-amzn-requestid": `req-${seen}` },
    });
  });
}

/**
 * The same fake service in process, as a {@link PaginationClient}: the command's own serializer and
 * deserializer run, HTTP and signing do not. For page-size-1 runs over thousands of rules, which would take
 * seconds over msw. `bodies` records every request body sent.
 */
export function inProcessClient(total: number): PaginationClient & { bodies: Record<string, unknown>[] } {
  const rules = makeRules(total);
  const bodies: Record<string, unknown>[] = [];
  return {
    bodies,
    send(command) {
      const { operation, input } = command;
      operation.validate(input);
      const body = JSON.parse(operation.serialize(input)) as Record<string, unknown>;
      bodies.push(body);
      const served = servePage(rules, body);
      if ("error" in served) return Promise.reject(new Error(served.error.code));
      const $metadata = {
        httpStatusCode: 200,
        requestId: `req-${bodies.length}`,
        attempts: 1,
        totalRetryDelay: 0,
      };
      return Promise.resolve(operation.deserialize(served.page, $metadata));
    },
  };
}

/**
 * A scripted service: the n-th request (0-based) gets one rule, {@link wireRule}(n), and `nextTokens[n]` as its
 * token (`undefined` leaves the member out); requests past the script get a 500.
 */
export function scriptedPages(nextTokens: readonly (string | null | undefined)[]) {
  let seen = 0;
  return http.post(ENDPOINT, async ({ request }) => {
    await capture(request);
    const index = seen++;
    if (index >= nextTokens.length) return serviceError("ServerException", "script exhausted", 500);
    const page: Record<string, unknown> = { pullThroughCacheRules: [wireRule(index)] };
    const nextToken = nextTokens[index];
    if (nextToken !== undefined) page["nextToken"] = nextToken;
    return HttpResponse.json(page, { headers: { ...JSON_HEADERS, "x-amzn-requestid": `req-${index + 1}` } });
  });
}
