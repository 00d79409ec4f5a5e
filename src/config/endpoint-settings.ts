import { ConfigurationError } from "../errors/client-errors.js";
import type { ConfigHost } from "./host.js";
import type { Provider } from "./types.js";

/** A boolean setting with the name of what set it (for error messages). */
export interface Flag {
  readonly value: boolean;
  readonly setting: string;
}

/**
 * Option (value or provider) first, then the environment variable (`true` / `false`, any case), else false.
 *
 * @throws {@link ConfigurationError} for any other value.
 */
export async function resolveFlag(
  option: boolean | Provider<boolean> | undefined,
  optionName: string,
  envName: string,
  host: ConfigHost,
): Promise<Flag> {
  const fromOption: unknown = typeof option === "function" ? await option() : option;
  if (fromOption !== undefined) {
    if (typeof fromOption !== "boolean")
      throw new ConfigurationError(optionName, `${optionName} must be true or false`);
    return { value: fromOption, setting: optionName };
  }
  const fromEnv = host.env[envName];
  if (fromEnv === undefined || fromEnv === "") return { value: false, setting: optionName };
  const lower = fromEnv.toLowerCase();
  if (lower !== "true" && lower !== "false") {
    throw new ConfigurationError(
      envName,
      `${envName} must be "true" or "false", got ${JSON.stringify(fromEnv)}`,
    );
  }
  return { value: lower === "true", setting: envName };
}

/** A custom endpoint and the setting it came from: `endpoint` option → `AWS_ENDPOINT_URL_ECR` → `AWS_ENDPOINT_URL`. */
export function customEndpointSetting(
  option: string | URL | undefined,
  env: ConfigHost["env"],
): { readonly value: string | URL; readonly setting: string } | undefined {
  if (option !== undefined && option !== "") return { value: option, setting: "endpoint" };
  // https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true") return undefined;
  if (env.AWS_ENDPOINT_URL_ECR) return { value: env.AWS_ENDPOINT_URL_ECR, setting: "AWS_ENDPOINT_URL_ECR" };
  if (env.AWS_ENDPOINT_URL) return { value: env.AWS_ENDPOINT_URL, setting: "AWS_ENDPOINT_URL" };
  return undefined;
}
