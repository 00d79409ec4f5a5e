import type { AwsCredentialIdentity } from "@smithy/types";
import { CredentialsError } from "../errors/client-errors.js";
import { parseExpiration } from "./env-credentials.js";
import type { ConfigHost } from "./host.js";

/** How long a `credential_process` may run, like the AWS CLI's generous default. */
const PROCESS_TIMEOUT_MS = 60_000;

/**
 * Runs a profile's `credential_process` and reads its JSON (`Version: 1`, `AccessKeyId`, `SecretAccessKey`,
 * optional `SessionToken` and `Expiration`), per
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
 *
 * @throws {@link CredentialsError} when the command fails or prints something else; the output is never quoted.
 */
export async function fromCredentialProcess(
  command: string,
  where: string,
  host: ConfigHost,
): Promise<AwsCredentialIdentity> {
  let stdout: string;
  try {
    stdout = await host.runProcess(command, PROCESS_TIMEOUT_MS);
  } catch (cause) {
    const { code, signal, message } = (cause ?? {}) as {
      code?: number | string | null;
      signal?: string | null;
      message?: unknown;
    };
    const how = signal ? `was killed by ${signal}` : `exited with code ${code ?? "?"}`;
    const stderr = typeof message === "string" && message ? `: ${message}` : "";
    throw new CredentialsError(`credential_process (${where}) ${how}${stderr}`, { cause });
  }
  return parseProcessOutput(stdout, where);
}

function parseProcessOutput(stdout: string, where: string): AwsCredentialIdentity {
  const fail = (why: string): CredentialsError =>
    new CredentialsError(`credential_process (${where}) printed ${why}`);
  let output: unknown;
  try {
    output = JSON.parse(stdout);
  } catch {
    throw fail("something that is not JSON");
  }
  if (typeof output !== "object" || output === null) throw fail("JSON that is not an object");
  const { Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration } = output as Record<
    string,
    unknown
  >;
  if (Version !== 1) throw fail(`Version ${JSON.stringify(Version)}; only Version 1 is supported`);
  if (
    typeof AccessKeyId !== "string" ||
    !AccessKeyId ||
    typeof SecretAccessKey !== "string" ||
    !SecretAccessKey
  ) {
    throw fail("no AccessKeyId/SecretAccessKey strings");
  }
  if (SessionToken !== undefined && typeof SessionToken !== "string")
    throw fail("a SessionToken that is not a string");
  if (Expiration !== undefined && typeof Expiration !== "string")
    throw fail("an Expiration that is not a string");
  const expiration = parseExpiration(Expiration, `credential_process Expiration (${where})`);
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    ...(SessionToken && { sessionToken: SessionToken }),
    ...(expiration && { expiration }),
  };
}
