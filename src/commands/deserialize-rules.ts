import { DeserializationError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import type { PullThroughCacheRule } from "../models.js";
import { describeType, parseEpochSeconds } from "../protocol/timestamp.js";
import type { DescribePullThroughCacheRulesCommandOutput } from "./describe-pull-through-cache-rules.js";

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
  const output: {
    -readonly [
      K in keyof DescribePullThroughCacheRulesCommandOutput
    ]: DescribePullThroughCacheRulesCommandOutput[K];
  } = { $metadata };
  const rules = body["pullThroughCacheRules"];
  if (rules !== undefined && rules !== null) {
    if (!Array.isArray(rules)) fail("pullThroughCacheRules", `expected an array, got ${describeType(rules)}`);
    const list: PullThroughCacheRule[] = [];
    for (let index = 0; index < (rules as unknown[]).length; index++) {
      const item: unknown = (rules as unknown[])[index];
      if (item !== null) list.push(deserializeRule(item, index, fail));
    }
    output.pullThroughCacheRules = list;
  }
  const nextToken = body["nextToken"];
  if (nextToken !== undefined && nextToken !== null) {
    if (typeof nextToken !== "string") fail("nextToken", `expected a string, got ${describeType(nextToken)}`);
    output.nextToken = nextToken as string;
  }
  return output;
}

type Fail = (path: string, message: string) => never;

/**
 * One rule, its members read by name in model order (so printed rules read like the AWS CLI's). Written out
 * rather than looped over a table of names: reads and writes by a variable key made this 4× slower, and it
 * runs for every rule of every page. The helpers live at module level (no closures per rule) and paths are
 * built only on failure.
 */
function deserializeRule(item: unknown, index: number, fail: Fail): PullThroughCacheRule {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return fail(rulePath(index), `expected an object, got ${describeType(item)}`);
  }
  const s = item as Record<keyof PullThroughCacheRule, unknown>;
  const rule: PullThroughCacheRule = {};
  if (s.ecrRepositoryPrefix != null)
    rule.ecrRepositoryPrefix = text(s.ecrRepositoryPrefix, index, "ecrRepositoryPrefix", fail);
  if (s.upstreamRegistryUrl != null)
    rule.upstreamRegistryUrl = text(s.upstreamRegistryUrl, index, "upstreamRegistryUrl", fail);
  if (s.createdAt != null) rule.createdAt = date(s.createdAt, index, "createdAt", fail);
  if (s.registryId != null) rule.registryId = text(s.registryId, index, "registryId", fail);
  if (s.credentialArn != null) rule.credentialArn = text(s.credentialArn, index, "credentialArn", fail);
  if (s.customRoleArn != null) rule.customRoleArn = text(s.customRoleArn, index, "customRoleArn", fail);
  if (s.upstreamRepositoryPrefix != null)
    rule.upstreamRepositoryPrefix = text(s.upstreamRepositoryPrefix, index, "upstreamRepositoryPrefix", fail);
  if (s.upstreamRegistry != null)
    rule.upstreamRegistry = text(s.upstreamRegistry, index, "upstreamRegistry", fail);
  if (s.updatedAt != null) rule.updatedAt = date(s.updatedAt, index, "updatedAt", fail);
  return rule;
}

function rulePath(index: number, member?: string): string {
  return `pullThroughCacheRules[${index}]${member ? `.${member}` : ""}`;
}

function text(value: unknown, index: number, member: string, fail: Fail): string {
  return typeof value === "string"
    ? value
    : fail(rulePath(index, member), `expected a string, got ${describeType(value)}`);
}

function date(value: unknown, index: number, member: string, fail: Fail): Date {
  const parsed = parseEpochSeconds(value);
  return typeof parsed === "string" ? fail(rulePath(index, member), parsed) : parsed;
}
