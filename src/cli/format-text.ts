import type { PullThroughCacheRule } from "../models.js";
import { printableRule } from "./format-json.js";

/** All rule members in alphabetical order, as the AWS CLI's text output orders them. */
const COLUMNS = [
  "createdAt",
  "credentialArn",
  "customRoleArn",
  "ecrRepositoryPrefix",
  "registryId",
  "updatedAt",
  "upstreamRegistry",
  "upstreamRegistryUrl",
  "upstreamRepositoryPrefix",
] as const;

/**
 * The AWS CLI's `text` output: one `PULLTHROUGHCACHERULES` line per rule with tab-separated values in
 * alphabetical member order. Unlike the AWS CLI, every line has all nine columns (`None` when absent), so
 * `cut -f` picks the same member on every line.
 */
export function formatText(
  rules: readonly PullThroughCacheRule[],
  tokens: { NextToken?: string; nextToken?: string },
): string {
  const lines = rules.map((rule) => {
    const printable = printableRule(rule);
    return ["PULLTHROUGHCACHERULES", ...COLUMNS.map((column) => printable[column] ?? "None")].join("\t");
  });
  if (tokens.NextToken !== undefined) lines.push(`NEXTTOKEN\t${tokens.NextToken}`);
  if (tokens.nextToken !== undefined) lines.push(`NEXTTOKEN\t${tokens.nextToken}`);
  return lines.map((line) => `${line}\n`).join("");
}
