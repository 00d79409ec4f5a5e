import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity } from "@smithy/types";
import { ConfigurationError, CredentialsError } from "../errors/client-errors.js";
import { defaultSha256 } from "../transport/defaults.js";
import { type Endpoint, parseCustomEndpoint } from "./endpoint.js";
import { memoizeCredentials } from "./memoize-credentials.js";
import type { ECRClientConfig } from "./types.js";

/** Everything a send needs, resolved once per client. */
export interface ResolvedConfig {
  readonly region: string;
  readonly endpoint: Endpoint;
  readonly signer: SignatureV4;
  readonly credentials: () => Promise<AwsCredentialIdentity>;
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Returns a memoized resolver: the first send resolves region, endpoint and credentials; later sends reuse
 * the result. A failed resolution is not cached, so the next send tries again.
 */
export function createConfigResolver(config: ECRClientConfig): () => Promise<ResolvedConfig> {
  let pending: Promise<ResolvedConfig> | undefined;
  return () => {
    pending ??= resolveConfig(config).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function resolveConfig(config: ECRClientConfig): Promise<ResolvedConfig> {
  const region = await resolveRegion(config.region);
  const endpoint =
    config.endpoint === undefined
      ? { protocol: "https:" as const, hostname: `api.ecr.${region}.amazonaws.com`, path: "/" }
      : parseCustomEndpoint(config.endpoint);
  const source = config.credentials;
  if (source === undefined) {
    throw new CredentialsError("no credentials: pass `credentials` to new ECRClient({ credentials })");
  }
  const credentials = memoizeCredentials(typeof source === "function" ? source : () => Promise.resolve(source));
  const signer = new SignatureV4({ service: "ecr", region, credentials, sha256: config.sha256 ?? defaultSha256 });
  return { region, endpoint, signer, credentials };
}

async function resolveRegion(option: ECRClientConfig["region"]): Promise<string> {
  const region = typeof option === "function" ? await option() : option;
  if (region === undefined || region === "") {
    throw new ConfigurationError("region", "no region: pass `region` to new ECRClient({ region: \"us-east-1\" })");
  }
  if (typeof region !== "string" || !HOST_LABEL.test(region)) {
    throw new ConfigurationError("region", `region ${JSON.stringify(region)} is not a valid host label (letters, digits and hyphens)`);
  }
  return region;
}
