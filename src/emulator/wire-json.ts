import type { StoredRule } from "./rule-store.js";

/**
 * Writes an epoch-millisecond time as the epoch seconds ECR sends: Java's `Double.toString`, i.e. E-notation
 * for times after 1970-04-26 (`1.700000000123E9`), which clients must accept.
 */
export function javaEpochSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 1e7 || !Number.isFinite(seconds)) return String(seconds);
  const [whole = "", fraction = ""] = String(seconds).split(".");
  const digits = `${whole}${fraction}`.replace(/0+$/, "");
  return `${digits[0] ?? "0"}.${digits.slice(1) || "0"}E${whole.length - 1}`;
}

/** One rule in model member order, with E-notation timestamps. */
function ruleJson(rule: StoredRule): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(rule) as [keyof StoredRule, string | number][]) {
    parts.push(
      `${JSON.stringify(key)}:${typeof value === "number" ? javaEpochSeconds(value) : JSON.stringify(value)}`,
    );
  }
  return `{${parts.join(",")}}`;
}

/** The `DescribePullThroughCacheRules` response body. */
export function describeResponseJson(rules: readonly StoredRule[], nextToken: string | undefined): string {
  const list = `"pullThroughCacheRules":[${rules.map(ruleJson).join(",")}]`;
  return nextToken === undefined ? `{${list}}` : `{${list},"nextToken":${JSON.stringify(nextToken)}}`;
}
