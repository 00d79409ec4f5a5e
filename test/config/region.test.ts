import { describe, expect, it } from "vitest";
import { parseRegion } from "../../src/config/region.js";
import { createConfigResolver } from "../../src/config/resolve-config.js";
import type { ECRClientConfig } from "../../src/config/types.js";
import { ConfigurationError } from "../../src/errors/client-errors.js";
import { testHost, type TestHostOptions } from "../support/config-host.js";

async function regionOf(config: ECRClientConfig, options: TestHostOptions = {}): Promise<string> {
  const { host } = testHost(options);
  return (await createConfigResolver(config, host)()).region;
}

const PROFILES = {
  configFile: "[default]\nregion = eu-central-1\n[profile dev]\nregion = ap-south-1\n",
  credentialsFile: "[default]\nregion = sa-east-1\n[creds-only]\nregion = ca-central-1\n",
};

describe("region precedence: option → AWS_REGION → AWS_DEFAULT_REGION → profile", () => {
  it.each([
    [
      "option",
      { region: "us-east-1" },
      { env: { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-west-2" }, ...PROFILES },
      "us-east-1",
    ],
    [
      "async provider",
      { region: () => Promise.resolve("us-east-2") },
      { env: { AWS_REGION: "eu-west-1" } },
      "us-east-2",
    ],
    ["empty option falls through", { region: "" }, { env: { AWS_REGION: "eu-west-1" } }, "eu-west-1"],
    [
      "AWS_REGION",
      {},
      { env: { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-west-2" }, ...PROFILES },
      "eu-west-1",
    ],
    ["AWS_DEFAULT_REGION", {}, { env: { AWS_DEFAULT_REGION: "eu-west-2" }, ...PROFILES }, "eu-west-2"],
    ["default profile, config file wins", {}, PROFILES, "eu-central-1"],
    ["AWS_PROFILE", {}, { env: { AWS_PROFILE: "dev" }, ...PROFILES }, "ap-south-1"],
    [
      "profile option beats AWS_PROFILE",
      { profile: "creds-only" },
      { env: { AWS_PROFILE: "dev" }, ...PROFILES },
      "ca-central-1",
    ],
  ] satisfies [string, ECRClientConfig, TestHostOptions, string][])(
    "%s",
    async (_, config, options, expected) => {
      expect(await regionOf(config, options)).toBe(expected);
    },
  );

  it("does not read the shared files when the region is set", async () => {
    const { host, calls } = testHost({ env: { AWS_REGION: "eu-west-1" } });
    await createConfigResolver({}, host)();
    expect(calls.sharedFileLoads).toBe(0);
  });

  it("fails with the sources to set when there is no region", async () => {
    const { host, home } = testHost();
    const error: unknown = await createConfigResolver({}, host)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ name: "ConfigurationError", setting: "region" });
    expect((error as Error).message).toContain('set AWS_REGION, or set region in profile "default"');
    expect((error as Error).message).toContain(home);
  });

  it.each([
    ["region", { region: "US-EAST-1" }, {}],
    ["region", { region: "us_east_1" }, {}],
    ["region", { region: () => Promise.resolve(42 as unknown as string) }, {}],
    ["AWS_REGION", {}, { AWS_REGION: "us-east-1.evil.com" }],
    ["AWS_DEFAULT_REGION", {}, { AWS_DEFAULT_REGION: "-us-east-1" }],
  ] satisfies [string, ECRClientConfig, Record<string, string>][])(
    "an invalid region from %s is a ConfigurationError",
    async (setting, config, env) => {
      const { host } = testHost({ env });
      const error: unknown = await createConfigResolver(config, host)().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).setting).toBe(setting);
    },
  );

  it("names the profile when its region is invalid", async () => {
    const { host } = testHost({ configFile: "[default]\nregion = not a region\n" });
    await expect(createConfigResolver({}, host)()).rejects.toMatchObject({
      setting: 'region of profile "default"',
    });
  });
});

describe("parseRegion", () => {
  it.each([
    ["us-east-1", "us-east-1", false],
    ["fips-us-east-1", "us-east-1", true],
    ["us-gov-west-1-fips", "us-gov-west-1", true],
    ["fips-eusc-de-east-1", "eusc-de-east-1", true],
    ["local", "local", false],
    ["a", "a", false],
    ["x".repeat(63), "x".repeat(63), false],
  ])("%s → %s (fips %s)", (value, region, fipsFromRegion) => {
    expect(parseRegion(value, "region")).toEqual({ region, fipsFromRegion });
  });

  it.each([
    "",
    "fips-",
    "-fips",
    "fips--fips",
    "us east 1",
    "us-east-1-",
    "x".repeat(64),
    "us-east-1/",
    "ü-1",
  ])("rejects %j", (value) => {
    expect(() => parseRegion(value, "region")).toThrow(ConfigurationError);
  });
});
