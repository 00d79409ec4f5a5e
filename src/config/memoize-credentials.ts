import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { CredentialsError, ECRClientError } from "../errors/client-errors.js";

/** Credentials are refreshed this long before they expire, like the AWS SDK. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * Wraps a provider so that concurrent callers share one resolution and the result is reused until it is
 * within five minutes of its `expiration`. A failing provider is not cached. When an early refresh fails while
 * the current credentials have not expired yet, those are used (the next call tries again), so a blip of the
 * metadata service inside the five-minute window does not fail sends.
 */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): () => Promise<AwsCredentialIdentity> {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (identity: AwsCredentialIdentity): boolean =>
    identity.expiration === undefined || identity.expiration.getTime() - now() > REFRESH_BEFORE_EXPIRY_MS;
  return () => {
    if (current && fresh(current)) return Promise.resolve(current);
    pending ??= resolve(provider)
      .then(
        (identity) => (current = identity),
        (error: unknown) => {
          if (current?.expiration && current.expiration.getTime() > now()) return current;
          throw error;
        },
      )
      .finally(() => (pending = undefined));
    return pending;
  };
}

async function resolve(provider: AwsCredentialIdentityProvider): Promise<AwsCredentialIdentity> {
  let identity: unknown;
  try {
    identity = await provider();
  } catch (cause) {
    // Our own typed errors (no credentials, bad settings) already say what to fix.
    if (cause instanceof ECRClientError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CredentialsError(`could not resolve credentials: ${reason}`, { cause });
  }
  const { accessKeyId, secretAccessKey } = (identity ?? {}) as Partial<AwsCredentialIdentity>;
  if (
    typeof accessKeyId !== "string" ||
    typeof secretAccessKey !== "string" ||
    !accessKeyId ||
    !secretAccessKey
  ) {
    throw new CredentialsError("the credentials provider returned no accessKeyId/secretAccessKey");
  }
  return identity as AwsCredentialIdentity;
}
