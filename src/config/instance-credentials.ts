import type { AwsCredentialIdentity } from "@smithy/types";
import type { ConfigHost } from "./host.js";
import type { LinkResult } from "./default-credentials.js";

/** Per-request time-out and overall deadline: with no metadata service (a laptop) the chain fails fast. */
const REQUEST_TIMEOUT_MS = 1000;
const DEADLINE_MS = 3000;

/**
 * EC2 instance role credentials over IMDSv2 (with the library's v1 fallback), via
 * `@smithy/credential-provider-imds`. Skipped when `AWS_EC2_METADATA_DISABLED` is `true`.
 */
export async function fromInstanceMetadata(profile: string, host: ConfigHost): Promise<LinkResult> {
  if (host.env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === "true") {
    return { notFound: "EC2 instance metadata disabled by AWS_EC2_METADATA_DISABLED" };
  }
  const imds = await host.importImds();
  const provider = imds.fromInstanceMetadata({ timeout: REQUEST_TIMEOUT_MS, maxRetries: 0, profile });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${DEADLINE_MS} ms`));
    }, DEADLINE_MS);
    timer.unref();
  });
  try {
    const identity: AwsCredentialIdentity = await Promise.race([provider(), deadline]);
    return identity;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { notFound: `EC2 instance metadata service: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}
