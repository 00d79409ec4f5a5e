import type { DescribePullThroughCacheRulesCommandInput } from "../commands/describe-pull-through-cache-rules.js";

/** Placeholder until the validator of issue #3 lands: accepts every input. */
export function validateDescribeInput(input: DescribePullThroughCacheRulesCommandInput): DescribePullThroughCacheRulesCommandInput {
  return input;
}
