import { readFile } from "node:fs/promises";
import type { UpstreamRegistry } from "../models.js";
import type { SeedRule } from "./types.js";
import {
  CREDENTIAL_ARN_PATTERN,
  NEEDS_CREDENTIAL,
  PREFIX_PATTERN,
  REGISTRY_ID_PATTERN,
  upstreamRegistryOf,
} from "./upstream-registries.js";

/** A rule as the local ECR keeps it: wire members, dates in epoch milliseconds. */
export interface StoredRule {
  readonly ecrRepositoryPrefix: string;
  readonly upstreamRegistryUrl: string;
  readonly createdAt: number;
  readonly registryId: string;
  readonly credentialArn?: string;
  readonly customRoleArn?: string;
  readonly upstreamRepositoryPrefix?: string;
  readonly upstreamRegistry: UpstreamRegistry;
  readonly updatedAt: number;
}

/** A seed rule that CreatePullThroughCacheRule would have refused; `message` names the rule and the field. */
export class LocalEcrSeedError extends Error {
  override readonly name = "LocalEcrSeedError";
}

const DEFAULT_CREATED_AT = Date.UTC(2024, 0, 1);

/** Checks and normalizes seed rules the way ECR's CreatePullThroughCacheRule would. */
export function normalizeSeed(rules: readonly SeedRule[], defaultRegistryId: string): StoredRule[] {
  const seen = new Set<string>();
  return rules.map((rule, index) => {
    const fail = (field: string, why: string): never => {
      throw new LocalEcrSeedError(
        `seed rule ${index} (${JSON.stringify(rule.ecrRepositoryPrefix)}): ${field} ${why}`,
      );
    };
    const prefix = rule.ecrRepositoryPrefix;
    if (
      typeof prefix !== "string" ||
      prefix.length < 2 ||
      prefix.length > 30 ||
      !PREFIX_PATTERN.test(prefix)
    ) {
      fail("ecrRepositoryPrefix", "must be 2–30 characters of lower-case letters, digits, . _ - / (or ROOT)");
    }
    const registryId = rule.registryId ?? defaultRegistryId;
    if (!REGISTRY_ID_PATTERN.test(registryId)) fail("registryId", "must be 12 digits");
    const key = `${registryId}/${prefix}`;
    if (seen.has(key)) fail("ecrRepositoryPrefix", `is used twice in registry ${registryId}`);
    seen.add(key);
    if (typeof rule.upstreamRegistryUrl !== "string" || rule.upstreamRegistryUrl === "")
      fail("upstreamRegistryUrl", "is required");
    const upstreamRegistry =
      rule.upstreamRegistry ??
      upstreamRegistryOf(rule.upstreamRegistryUrl) ??
      fail("upstreamRegistry", "is required for an unknown upstream host");
    if (NEEDS_CREDENTIAL.has(upstreamRegistry) && rule.credentialArn === undefined) {
      fail("credentialArn", `is required for ${upstreamRegistry}`);
    }
    if (rule.credentialArn !== undefined && !CREDENTIAL_ARN_PATTERN.test(rule.credentialArn)) {
      fail("credentialArn", "must be a Secrets Manager ARN whose name starts with ecr-pullthroughcache/");
    }
    const createdAt = toMillis(rule.createdAt, DEFAULT_CREATED_AT) ?? fail("createdAt", "is not a date");
    const updatedAt = toMillis(rule.updatedAt, createdAt) ?? fail("updatedAt", "is not a date");
    return {
      ecrRepositoryPrefix: prefix,
      upstreamRegistryUrl: rule.upstreamRegistryUrl,
      createdAt,
      registryId,
      ...(rule.credentialArn === undefined ? {} : { credentialArn: rule.credentialArn }),
      ...(rule.customRoleArn === undefined ? {} : { customRoleArn: rule.customRoleArn }),
      ...(rule.upstreamRepositoryPrefix === undefined
        ? {}
        : { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }),
      upstreamRegistry,
      updatedAt,
    };
  });
}

function toMillis(value: SeedRule["createdAt"], fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const ms =
    value instanceof Date ? value.getTime() : typeof value === "number" ? value * 1000 : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Reads seed rules from a JSON file: an array of rules, or the AWS CLI's `{ "pullThroughCacheRules": [...] }`.
 *
 * @throws {@link LocalEcrSeedError} when the file is not such JSON.
 */
export async function readSeedFile(path: string): Promise<SeedRule[]> {
  const text = await readFile(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new LocalEcrSeedError(`seed file ${path} is not JSON: ${(cause as Error).message}`);
  }
  const list: unknown = Array.isArray(value)
    ? value
    : (value as { pullThroughCacheRules?: unknown } | null)?.pullThroughCacheRules;
  if (!Array.isArray(list) || list.some((item) => typeof item !== "object" || item === null)) {
    throw new LocalEcrSeedError(
      `seed file ${path} must hold an array of rules or { "pullThroughCacheRules": [...] }`,
    );
  }
  return list as SeedRule[];
}
