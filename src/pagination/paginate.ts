import type { SendOptions } from "../client.js";
import type {
  DescribePullThroughCacheRulesCommand,
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput,
} from "../commands/describe-pull-through-cache-rules.js";
import { pageWalker } from "./page-walker.js";

/** What the paginators need of a client: an {@link ECRClient} fits, and so does a test double. */
export interface PaginationClient {
  /** Sends one page's request, as {@link ECRClient.send} does. */
  send(
    command: DescribePullThroughCacheRulesCommand,
    options?: SendOptions,
  ): Promise<DescribePullThroughCacheRulesCommandOutput>;
}

/** Options of {@link paginateDescribePullThroughCacheRules} and {@link iteratePullThroughCacheRules}. */
export interface ECRPaginationConfiguration {
  /** The client that sends each page's request. */
  client: PaginationClient;
  /**
   * Rules per page, an integer from 1 to 1000; `input.maxResults` wins when both are given.
   * @default the service's page size (100)
   */
  pageSize?: number | undefined;
  /**
   * Resume from this token (a `nextToken` from an earlier page); wins over `input.nextToken`.
   * @default `input.nextToken`, else the first page
   */
  startingToken?: string | undefined;
  /**
   * When the service returns a token already sent in this iteration (`A, A` or a cycle `A, B, A`): `false`
   * throws a {@link PaginationError}; `true` yields that page and stops quietly, like the AWS SDK option.
   * @default false
   */
  stopOnSameToken?: boolean | undefined;
  /**
   * Passed to every page's `send()`: aborting it rejects the pending (or next) page with an `AbortError`,
   * and no further request is sent.
   * @default none
   */
  abortSignal?: AbortSignal | undefined;
}

/**
 * Pages through `DescribePullThroughCacheRules`, yielding each whole page (with `$metadata`) until the service
 * returns no `nextToken` (missing, `null` or `""`). The configuration and input are checked before the first
 * request, and the caller's `input` is never modified. Leaving the loop early (`break`, `return()`) sends
 * no further request.
 *
 * @example
 * ```ts
 * import { ECRClient, paginateDescribePullThroughCacheRules } from "ecr-pull-through-cache";
 *
 * const client = new ECRClient({ region: "us-east-1" });
 * for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize: 500 }, {})) {
 *   console.log(page.$metadata.requestId, page.pullThroughCacheRules?.length);
 * }
 * ```
 * @throws {@link InputValidationError} (on the first `next()`, before any request) when `pageSize`,
 *   `startingToken` or a member of `input` breaks a rule.
 * @throws {@link PaginationError} when a token repeats and `stopOnSameToken` is not set; the page carrying
 *   it is not yielded.
 * @throws whatever {@link ECRClient.send} throws for a page, after the earlier pages were yielded.
 */
export async function* paginateDescribePullThroughCacheRules(
  config: ECRPaginationConfiguration,
  input: DescribePullThroughCacheRulesCommandInput = {},
): AsyncGenerator<DescribePullThroughCacheRulesCommandOutput, void, undefined> {
  const nextPage = pageWalker(config, input);
  for (let page = await nextPage(); page !== undefined; page = await nextPage()) yield page;
}
