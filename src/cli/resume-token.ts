import { UsageError } from "./exit-codes.js";

/** Where a listing resumes: the service token of the page to fetch, and how many of its rules were already printed. */
export interface ResumePoint {
  readonly nextToken?: string;
  readonly skip: number;
}

/**
 * Encodes a resume point as the AWS CLI (botocore) does: base64 of
 * `{"nextToken": "<service token>", "boto_truncate_amount": <rules of that page already printed>}`, each member
 * present only when needed. Tokens are interchangeable with `aws ecr describe-pull-through-cache-rules`.
 */
export function encodeResumeToken(point: ResumePoint): string {
  const token: Record<string, string | number> = {};
  if (point.nextToken !== undefined) token["nextToken"] = point.nextToken;
  if (point.skip > 0) token["boto_truncate_amount"] = point.skip;
  return Buffer.from(JSON.stringify(token), "utf8").toString("base64");
}

/** Decodes a `--starting-token`; a {@link UsageError} when it is not one this CLI (or the AWS CLI) printed. */
export function decodeResumeToken(text: string): ResumePoint {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error("not base64");
    value = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    throw new UsageError(`--starting-token: not a NextToken printed by this command (base64 JSON expected)`);
  }
  const { nextToken, boto_truncate_amount: skip = 0 } = (value ?? {}) as {
    nextToken?: unknown;
    boto_truncate_amount?: unknown;
  };
  const validToken = nextToken === undefined || (typeof nextToken === "string" && nextToken !== "");
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    !validToken ||
    !Number.isSafeInteger(skip) ||
    Number(skip) < 0
  ) {
    throw new UsageError(`--starting-token: not a NextToken printed by this command (unexpected content)`);
  }
  return nextToken === undefined ? { skip: skip as number } : { nextToken: nextToken, skip: skip as number };
}
