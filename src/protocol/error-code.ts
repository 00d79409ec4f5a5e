/**
 * Reduces a raw awsJson error code to its short name: cut at the first `,`, then at the first `:`, then keep
 * what follows `#` (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
 *
 * @example sanitizeErrorCode("com.amazonaws.ecr#PullThroughCacheRuleNotFoundException") // "PullThroughCacheRuleNotFoundException"
 */
export function sanitizeErrorCode(raw: string): string {
  let code = raw;
  const comma = code.indexOf(",");
  if (comma >= 0) code = code.slice(0, comma);
  const colon = code.indexOf(":");
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.indexOf("#");
  if (hash >= 0) code = code.slice(hash + 1);
  return code.trim();
}
