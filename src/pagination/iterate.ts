import type { DescribePullThroughCacheRulesCommandInput } from "../commands/describe-pull-through-cache-rules.js";
import type { PullThroughCacheRule } from "../models.js";
import { type ECRPaginationConfiguration, paginateDescribePullThroughCacheRules } from "./paginate.js";

/**
 * Every pull through cache rule, one at a time, across all pages: the page loop of
 * {@link paginateDescribePullThroughCacheRules} (same options, checks and errors), flattened. Leaving the loop
 * early sends no further request.
 *
 * @example
 * ```ts
 * import { ECRClient, iteratePullThroughCacheRules } from "ecr-pull-through-cache";
 *
 * const client = new ECRClient({ region: "us-east-1" });
 * for await (const rule of iteratePullThroughCacheRules({ client }, { ecrRepositoryPrefixes: ["docker-hub"] })) {
 *   console.log(rule.ecrRepositoryPrefix, rule.upstreamRegistryUrl);
 * }
 * ```
 * @throws {@link InputValidationError} before any request when the options or input break a rule.
 * @throws {@link PaginationError} when a page token repeats and `stopOnSameToken` is not set.
 * @throws whatever {@link ECRClient.send} throws for a page, after the rules of the earlier pages.
 */
export async function* iteratePullThroughCacheRules(
  config: ECRPaginationConfiguration,
  input: DescribePullThroughCacheRulesCommandInput = {},
): AsyncGenerator<PullThroughCacheRule, void, undefined> {
  for await (const page of paginateDescribePullThroughCacheRules(config, input)) {
    yield* page.pullThroughCacheRules ?? [];
  }
}
