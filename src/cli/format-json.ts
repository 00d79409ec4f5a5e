import type { PullThroughCacheRule } from "../models.js";

/**
 * An ISO-8601 date as the AWS CLI v2 prints it (Python's `isoformat`): microseconds only when there is a
 * fraction, and an explicit `+00:00` offset, e.g. `2024-05-01T10:00:00.123000+00:00`.
 */
export function isoDate(date: Date): string {
  const iso = date.toISOString(); // 2024-05-01T10:00:00.123Z
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${ms === "000" ? "" : `.${ms}000`}+00:00`;
}

/** A rule with its dates as ISO-8601 strings, members in model order. */
export function printableRule(rule: PullThroughCacheRule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(rule) as [string, string | Date | undefined][]) {
    if (value !== undefined) out[key] = value instanceof Date ? isoDate(value) : value;
  }
  return out;
}

/** The AWS CLI's JSON document for this command (4-space indent). */
export function formatJson(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 4)}\n`;
}
