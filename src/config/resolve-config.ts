import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { defaultSha256 } from "../transport/defaults.js";
import { defaultCredentialsProvider } from "./default-credentials.js";
import { type Endpoint, resolveEndpoint } from "./endpoint.js";
import { customEndpointSetting, resolveFlag } from "./endpoint-settings.js";
import { type ConfigHost, nodeHost } from "./host.js";
import { memoizeCredentials } from "./memoize-credentials.js";
import { resolveRegion } from "./region.js";
import { profileSource } from "./shared-files.js";
import type { ECRClientConfig } from "./types.js";

/** Everything a send needs, resolved once per client. */
export interface ResolvedConfig {
  readonly region: string;
  readonly endpoint: Endpoint;
  readonly signer: SignatureV4;
  readonly credentials: () => Promise<AwsCredentialIdentity>;
}

/**
 * Returns a memoized resolver: the first send resolves region, endpoint and credentials; later sends reuse
 * the result. A failed resolution is not cached, so the next send tries again.
 *
 * `host` is the internal seam through which tests inject the environment, home directory and module loaders.
 */
export function createConfigResolver(
  config: ECRClientConfig,
  host: ConfigHost = nodeHost(),
): () => Promise<ResolvedConfig> {
  let pending: Promise<ResolvedConfig> | undefined;
  return () => {
    pending ??= resolveConfig(config, host).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function resolveConfig(config: ECRClientConfig, host: ConfigHost): Promise<ResolvedConfig> {
  const profile = profileSource(config.profile, host);
  const { region, fipsFromRegion } = await resolveRegion(config.region, profile, host);
  const fipsFlag = await resolveFlag(
    config.useFipsEndpoint,
    "useFipsEndpoint",
    "AWS_USE_FIPS_ENDPOINT",
    host,
  );
  const endpoint = resolveEndpoint({
    region,
    custom: customEndpointSetting(config.endpoint, host.env),
    fips: fipsFromRegion ? { value: true, setting: "region" } : fipsFlag,
    dualstack: await resolveFlag(
      config.useDualstackEndpoint,
      "useDualstackEndpoint",
      "AWS_USE_DUALSTACK_ENDPOINT",
      host,
    ),
  });
  const credentials = memoizeCredentials(credentialsProvider(config, host), () => host.now());
  const signer = new SignatureV4({
    service: "ecr",
    region,
    credentials,
    sha256: config.sha256 ?? defaultSha256,
  });
  return { region, endpoint, signer, credentials };
}

function credentialsProvider(config: ECRClientConfig, host: ConfigHost): AwsCredentialIdentityProvider {
  const source = config.credentials;
  if (source === undefined) return defaultCredentialsProvider(config.profile, host);
  return typeof source === "function" ? source : () => Promise.resolve(source);
}
