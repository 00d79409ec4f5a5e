import type { ECRClientConfig } from "../config/types.js";

/** The connection options of a command line. */
export interface ConnectionOptions {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

/**
 * Builds the client configuration the way the AWS CLI resolves it: `--region`, else `AWS_REGION`, else
 * `AWS_DEFAULT_REGION`; `--endpoint-url`, else `AWS_ENDPOINT_URL_ECR`, else `AWS_ENDPOINT_URL`; credentials from
 * `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` unless `--profile` names a profile, in which case
 * the client's own chain resolves them. Anything left unset falls to the client's defaults.
 */
export function clientConfig(
  options: ConnectionOptions,
  env: Readonly<Record<string, string | undefined>>,
): ECRClientConfig {
  const config: ECRClientConfig = {};
  const region =
    options.region ?? (env["AWS_REGION"] || undefined) ?? (env["AWS_DEFAULT_REGION"] || undefined);
  if (region !== undefined) config.region = region;
  const endpoint =
    options.endpointUrl ??
    (env["AWS_ENDPOINT_URL_ECR"] || undefined) ??
    (env["AWS_ENDPOINT_URL"] || undefined);
  if (endpoint !== undefined) config.endpoint = endpoint;
  if (options.profile !== undefined) {
    config.profile = options.profile;
    return config;
  }
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  const sessionToken = env["AWS_SESSION_TOKEN"];
  if (accessKeyId && secretAccessKey) {
    config.credentials = sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey };
  }
  return config;
}
