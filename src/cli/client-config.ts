import type { ECRClientConfig } from "../config/types.js";

/** The connection options of a command line. */
export interface ConnectionOptions {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  /** `--cli-read-timeout` in seconds; 0 means no limit. */
  readonly readTimeout?: number | undefined;
}

/**
 * Builds the client configuration from the command line and the command's environment (injected, so commands
 * run in-process in tests never see the test runner's): `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`;
 * `--endpoint-url`; `--cli-read-timeout` as the per-attempt `requestTimeout`; credentials from `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` unless
 * `--profile` names a profile. Anything left unset falls to the client's own resolution (profile region, endpoint
 * variables, the default credential chain), as in the AWS CLI.
 */
export function clientConfig(
  options: ConnectionOptions,
  env: Readonly<Record<string, string | undefined>>,
): ECRClientConfig {
  const config: ECRClientConfig = {};
  const region =
    options.region ?? (env["AWS_REGION"] || undefined) ?? (env["AWS_DEFAULT_REGION"] || undefined);
  if (region !== undefined) config.region = region;
  if (options.endpointUrl !== undefined) config.endpoint = options.endpointUrl;
  // Per attempt, like the AWS CLI's read timeout: a timed-out attempt is retried.
  if (options.readTimeout !== undefined && options.readTimeout > 0)
    config.requestTimeout = options.readTimeout * 1000;
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
