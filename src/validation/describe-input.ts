import type { DescribePullThroughCacheRulesCommandInput } from "../commands/describe-pull-through-cache-rules.js";
import type { MemberRule, Shape } from "./validate-shape.js";
import { validateShape } from "./validate-shape.js";

/** ECR's repository prefix pattern (botocore model, `PullThroughCacheRuleRepositoryPrefix`), or `ROOT`. */
const REPOSITORY_PREFIX =
  /^([a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\/?|ROOT)$/;

/** The constraints of `DescribePullThroughCacheRulesRequest` (see ECR-API.md, "Input"). */
export const DESCRIBE_INPUT_SHAPE = {
  name: "input",
  typeName: "DescribePullThroughCacheRulesCommandInput",
  members: {
    registryId: {
      type: "string",
      pattern: { regex: /^[0-9]{12}$/, description: "exactly 12 digits (an AWS account id)" },
    },
    ecrRepositoryPrefixes: {
      type: "list",
      minItems: 1,
      maxItems: 100,
      items: {
        type: "string",
        minLength: 2,
        maxLength: 30,
        pattern: {
          regex: REPOSITORY_PREFIX,
          description:
            "a repository prefix (lowercase letters and digits, separated by ., _, __, - or /) or ROOT",
        },
      },
    },
    nextToken: { type: "string", minLength: 1 },
    maxResults: { type: "integer", min: 1, max: 1000 },
  } satisfies Record<keyof DescribePullThroughCacheRulesCommandInput, MemberRule>,
} as const satisfies Shape;

/**
 * Checks a `DescribePullThroughCacheRules` input before anything is sent: `registryId` 12 digits,
 * `ecrRepositoryPrefixes` 1–100 valid prefixes, `nextToken` non-empty, `maxResults` an integer 1–1000, no
 * unknown members. `undefined` and `null` members mean absent.
 *
 * @throws {@link InputValidationError} naming the member path, the rule and the value.
 */
export function validateDescribeInput(input: DescribePullThroughCacheRulesCommandInput): void {
  validateShape(DESCRIBE_INPUT_SHAPE, input);
}
