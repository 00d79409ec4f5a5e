import { DeserializationError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import type { PullThroughCacheRule } from "../models.js";
import { describeType, parseEpochSeconds } from "../protocol/timestamp.js";
import type { DescribePullThroughCacheRulesCommandOutput } from "./describe-pull-through-cache-rules.js";

/** The rule's members in model order (so printed rules read like the AWS CLI's) with their wire types. */
const RULE_MEMBERS = {
  ecrRepositoryPrefix: "string",
  upstreamRegistryUrl: "string",
  createdAt: "date",
  registryId: "string",
  credentialArn: "string",
  customRoleArn: "string",
  upstreamRepositoryPrefix: "string",
  upstreamRegistry: "string",
  updatedAt: "date",
} as const satisfies Record<keyof PullThroughCacheRule, "string" | "date">;
const RULE_KEYS = Object.keys(RULE_MEMBERS) as (keyof typeof RULE_MEMBERS)[];

/**
 * Maps a `DescribePullThroughCacheRules` response object to the typed output. Unknown members are ignored,
 * `null` means absent and `null` list items are dropped; anything of the wrong type is a
 * {@link DeserializationError} naming its path.
 */
export function deserializeDescribeOutput(
  body: Record<string, unknown>,
  $metadata: ResponseMetadata,
): DescribePullThroughCacheRulesCommandOutput {
  const fail = (path: string, message: string): never => {
    throw new DeserializationError(path, message, { $metadata });
  };
  const output: { -readonly [K in keyof DescribePullThroughCacheRulesCommandOutput]: DescribePullThroughCacheRulesCommandOutput[K] } = { $metadata };
  const rules = body["pullThroughCacheRules"];
  if (rules !== undefined && rules !== null) {
    if (!Array.isArray(rules)) fail("pullThroughCacheRules", `expected an array, got ${describeType(rules)}`);
    const list: PullThroughCacheRule[] = [];
    (rules as unknown[]).forEach((item, index) => {
      if (item !== null) list.push(deserializeRule(item, `pullThroughCacheRules[${index}]`, fail));
    });
    output.pullThroughCacheRules = list;
  }
  const nextToken = body["nextToken"];
  if (nextToken !== undefined && nextToken !== null) {
    if (typeof nextToken !== "string") fail("nextToken", `expected a string, got ${describeType(nextToken)}`);
    output.nextToken = nextToken as string;
  }
  return output;
}

function deserializeRule(item: unknown, path: string, fail: (path: string, message: string) => never): PullThroughCacheRule {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return fail(path, `expected an object, got ${describeType(item)}`);
  }
  const source = item as Record<string, unknown>;
  const rule: Record<string, string | Date> = {};
  for (const key of RULE_KEYS) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (RULE_MEMBERS[key] === "date") {
      const date = parseEpochSeconds(value);
      rule[key] = typeof date === "string" ? fail(`${path}.${key}`, date) : date;
    } else {
      rule[key] = typeof value === "string" ? value : fail(`${path}.${key}`, `expected a string, got ${describeType(value)}`);
    }
  }
  return rule;
}
