import type {
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput,
} from "../commands/describe-pull-through-cache-rules.js";
import type { PullThroughCacheRule } from "../models.js";
import { pageWalker } from "./page-walker.js";
import type { ECRPaginationConfiguration } from "./paginate.js";

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
  const nextPage = pageWalker(config, input);
  // Each rule is let go of as it is yielded and no page is held while the next one is fetched and parsed, so
  // a loop that keeps nothing leaves nothing behind and the young generation stays small (see bench/). A
  // plain loop, not `yield*`, which adds an async step per rule.
  let rules: (PullThroughCacheRule | undefined)[] | undefined;
  while ((rules = await nextRules(nextPage)) !== undefined) {
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as PullThroughCacheRule;
      rules[index] = undefined;
      yield rule;
    }
  }
}

/**
 * A copy of the next page's rules (empty when it has none), or `undefined` after the last page. A copy, as
 * the caller empties it and the page's own array may belong to a test double.
 */
async function nextRules(
  nextPage: () => Promise<DescribePullThroughCacheRulesCommandOutput | undefined>,
): Promise<(PullThroughCacheRule | undefined)[] | undefined> {
  const page = await nextPage();
  return page && (page.pullThroughCacheRules?.slice() ?? []);
}
