import { describe, expect, it } from "vitest";
import { createConfigResolver } from "../../src/config/resolve-config.js";
import type { ECRClientConfig } from "../../src/config/types.js";
import { ConfigurationError } from "../../src/errors/client-errors.js";
import { testHost } from "../support/config-host.js";

async function endpointOf(config: ECRClientConfig, env: Record<string, string> = {}): Promise<string> {
  const { host } = testHost({ env });
  const { endpoint } = await createConfigResolver(config, host)();
  return `${endpoint.protocol}//${endpoint.hostname}${endpoint.port === undefined ? "" : `:${endpoint.port}`}${endpoint.path}`;
}

async function configError(
  config: ECRClientConfig,
  env: Record<string, string> = {},
): Promise<ConfigurationError> {
  const { host } = testHost({ env });
  const error: unknown = await createConfigResolver(config, host)().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as ConfigurationError;
}

describe("endpoint resolution", () => {
  it.each([
    ["default", { region: "us-west-2" }, {}, "https://api.ecr.us-west-2.amazonaws.com/"],
    [
      "option flags",
      { region: "us-west-2", useFipsEndpoint: true },
      {},
      "https://api.ecr-fips.us-west-2.amazonaws.com/",
    ],
    [
      "provider flags",
      { region: "cn-north-1", useDualstackEndpoint: () => Promise.resolve(true) },
      {},
      "https://ecr.cn-north-1.api.amazonwebservices.com.cn/",
    ],
    [
      "env FIPS",
      { region: "us-gov-west-1" },
      { AWS_USE_FIPS_ENDPOINT: "true" },
      "https://api.ecr-fips.us-gov-west-1.amazonaws.com/",
    ],
    [
      "env both (any case)",
      { region: "us-east-1" },
      { AWS_USE_FIPS_ENDPOINT: "TRUE", AWS_USE_DUALSTACK_ENDPOINT: "True" },
      "https://ecr-fips.us-east-1.api.aws/",
    ],
    [
      "option false beats env true",
      { region: "us-east-1", useFipsEndpoint: false },
      { AWS_USE_FIPS_ENDPOINT: "true" },
      "https://api.ecr.us-east-1.amazonaws.com/",
    ],
    [
      "env false",
      { region: "us-east-1" },
      { AWS_USE_DUALSTACK_ENDPOINT: "false" },
      "https://api.ecr.us-east-1.amazonaws.com/",
    ],
    [
      "pseudo-region fips-",
      { region: "fips-us-east-2" },
      {},
      "https://api.ecr-fips.us-east-2.amazonaws.com/",
    ],
    [
      "pseudo-region -fips + dual-stack",
      { region: "us-isob-east-1-fips", useDualstackEndpoint: true },
      {},
      "https://ecr-fips.us-isob-east-1.api.aws.scloud/",
    ],
    [
      "pseudo-region wins over useFipsEndpoint false",
      { region: "fips-us-east-1", useFipsEndpoint: false },
      {},
      "https://api.ecr-fips.us-east-1.amazonaws.com/",
    ],
    [
      "custom endpoint keeps scheme, port, path",
      { region: "us-east-1", endpoint: "http://localhost:4566/base" },
      {},
      "http://localhost:4566/base/",
    ],
    [
      "custom URL object",
      { region: "us-east-1", endpoint: new URL("https://proxy.internal:8443/ecr/") },
      {},
      "https://proxy.internal:8443/ecr/",
    ],
    [
      "option beats env endpoints",
      { region: "us-east-1", endpoint: "http://127.0.0.1:1" },
      { AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:2", AWS_ENDPOINT_URL: "http://127.0.0.1:3" },
      "http://127.0.0.1:1/",
    ],
    [
      "AWS_ENDPOINT_URL_ECR beats AWS_ENDPOINT_URL",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:2/x", AWS_ENDPOINT_URL: "http://127.0.0.1:3" },
      "http://127.0.0.1:2/x/",
    ],
    [
      "AWS_ENDPOINT_URL",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL: "http://[::1]:4566" },
      "http://[::1]:4566/",
    ],
    [
      "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:2", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" },
      "https://api.ecr.us-east-1.amazonaws.com/",
    ],
  ] satisfies [string, ECRClientConfig, Record<string, string>, string][])(
    "%s",
    async (_, config, env, expected) => {
      expect(await endpointOf(config, env)).toBe(expected);
    },
  );

  it("signs for the real region of a pseudo-region", async () => {
    const { host } = testHost();
    const resolved = await createConfigResolver({ region: "us-west-1-fips" }, host)();
    expect(resolved.region).toBe("us-west-1");
  });

  it.each([
    [
      "endpoint option + FIPS option",
      { region: "us-east-1", endpoint: "http://127.0.0.1:1", useFipsEndpoint: true },
      {},
      "endpoint",
      /useFipsEndpoint/,
    ],
    [
      "endpoint option + dual-stack env",
      { region: "us-east-1", endpoint: "http://127.0.0.1:1" },
      { AWS_USE_DUALSTACK_ENDPOINT: "true" },
      "endpoint",
      /AWS_USE_DUALSTACK_ENDPOINT/,
    ],
    [
      "env endpoint + FIPS env",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:1", AWS_USE_FIPS_ENDPOINT: "true" },
      "AWS_ENDPOINT_URL_ECR",
      /AWS_USE_FIPS_ENDPOINT/,
    ],
    [
      "AWS_ENDPOINT_URL + FIPS pseudo-region",
      { region: "fips-us-east-1" },
      { AWS_ENDPOINT_URL: "http://127.0.0.1:1" },
      "AWS_ENDPOINT_URL",
      /FIPS \(region\)/,
    ],
    [
      "bad flag value",
      { region: "us-east-1" },
      { AWS_USE_FIPS_ENDPOINT: "yes" },
      "AWS_USE_FIPS_ENDPOINT",
      /"true" or "false"/,
    ],
    [
      "bad env endpoint",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL_ECR: "not a url" },
      "AWS_ENDPOINT_URL_ECR",
      /not a URL/,
    ],
    [
      "non-http env endpoint",
      { region: "us-east-1" },
      { AWS_ENDPOINT_URL: "ftp://127.0.0.1" },
      "AWS_ENDPOINT_URL",
      /http: or https:/,
    ],
  ] satisfies [string, ECRClientConfig, Record<string, string>, string, RegExp][])(
    "%s is a ConfigurationError naming the setting",
    async (_, config, env, setting, message) => {
      const error = await configError(config, env);
      expect(error.setting).toBe(setting);
      expect(error.message).toMatch(message);
    },
  );

  it("says how to fix a custom endpoint with FIPS", async () => {
    const error = await configError({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:1",
      useFipsEndpoint: true,
    });
    expect(error.message).toBe(
      "endpoint cannot be combined with FIPS (useFipsEndpoint): a custom endpoint is used as is; remove endpoint or turn FIPS off",
    );
  });
});
