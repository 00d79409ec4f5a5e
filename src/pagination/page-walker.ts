import {
  DescribePullThroughCacheRulesCommand,
  type DescribePullThroughCacheRulesCommandInput,
  type DescribePullThroughCacheRulesCommandOutput,
} from "../commands/describe-pull-through-cache-rules.js";
import { PaginationError } from "../errors/client-errors.js";
import { validateDescribeInput } from "../validation/describe-input.js";
import { validatePaginationConfig } from "../validation/pagination-config.js";
import { formatValue } from "../validation/validate-shape.js";
import type { ECRPaginationConfiguration } from "./paginate.js";

/**
 * The page loop both paginators share, as a function that sends the next page's request and resolves with
 * that page, or with `undefined` once the service returned no `nextToken` (missing, `null` or `""`). The
 * configuration and input are checked at once (both paginators call this on their first `next()`); the
 * caller's `input` is never modified. It holds no page itself, so each paginator decides how long a page lives.
 *
 * @example
 * ```ts
 * const nextPage = pageWalker({ client, pageSize: 1000 }, {});
 * for (let page = await nextPage(); page !== undefined; page = await nextPage()) console.log(page.nextToken);
 * ```
 * @throws {@link InputValidationError} (from this call, before any request) when `pageSize`,
 *   `startingToken` or a member of `input` breaks a rule.
 * @throws {@link PaginationError} (from the returned function) when a token repeats and `stopOnSameToken` is
 *   not set; with it set, the page carrying the token is the last.
 */
export function pageWalker(
  config: ECRPaginationConfiguration,
  input: DescribePullThroughCacheRulesCommandInput,
): () => Promise<DescribePullThroughCacheRulesCommandOutput | undefined> {
  validatePaginationConfig(config);
  validateDescribeInput(input);
  const { client, abortSignal, stopOnSameToken = false } = config;
  const base = requestBase(input, config.pageSize);
  const sent = new Set<string>();
  let token = config.startingToken ?? input.nextToken ?? undefined;
  let request = 0;
  let done = false;
  return async () => {
    if (done) return undefined;
    request++;
    if (token !== undefined) sent.add(token);
    const page = await client.send(new DescribePullThroughCacheRulesCommand({ ...base, nextToken: token }), {
      abortSignal,
    });
    const next = page.nextToken;
    const repeated = next !== undefined && sent.has(next);
    if (repeated && !stopOnSameToken) throw repeatedTokenError(next, page, request);
    if (next === undefined || next === "" || repeated) done = true;
    else token = next;
    return page;
  };
}

/** What every page's request shares: a copy of the caller's input (its array too) with the effective page size. */
function requestBase(
  input: DescribePullThroughCacheRulesCommandInput,
  pageSize: number | undefined,
): DescribePullThroughCacheRulesCommandInput {
  const prefixes = input.ecrRepositoryPrefixes ?? undefined;
  return {
    registryId: input.registryId ?? undefined,
    ecrRepositoryPrefixes: prefixes && [...prefixes],
    maxResults: input.maxResults ?? pageSize,
  };
}

function repeatedTokenError(
  token: string,
  page: DescribePullThroughCacheRulesCommandOutput,
  request: number,
): PaginationError {
  return new PaginationError(
    token,
    `request ${request} of this iteration returned the page token ${formatValue(token)}, which was already sent: ` +
      "following it would loop forever (set stopOnSameToken: true to stop quietly instead)",
    { $metadata: page.$metadata },
  );
}
