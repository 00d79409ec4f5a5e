import type { AwsCredentialIdentity } from "@smithy/types";
import { ConfigurationError } from "../errors/client-errors.js";

/**
 * Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and
 * `AWS_CREDENTIAL_EXPIRATION`; `undefined` when neither key is set. Synchronous and import-free on purpose:
 * this is the Lambda path.
 *
 * @throws {@link ConfigurationError} when only one of the two keys is set or the expiration is not a date.
 */
export function fromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): AwsCredentialIdentity | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    const [set, missing] = accessKeyId
      ? ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
      : ["AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID"];
    throw new ConfigurationError(missing, `${set} is set but ${missing} is not: set both, or neither`);
  }
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  const expiration = parseExpiration(env.AWS_CREDENTIAL_EXPIRATION, "AWS_CREDENTIAL_EXPIRATION");
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken && { sessionToken }),
    ...(expiration && { expiration }),
  };
}

/** Parses an ISO 8601 expiration; `undefined` when absent. */
export function parseExpiration(value: string | undefined, setting: string): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new ConfigurationError(
      setting,
      `${setting} ${JSON.stringify(value)} is not an ISO 8601 date, e.g. "2030-01-01T00:00:00Z"`,
    );
  }
  return date;
}
