import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveEndpoint } from "../../src/config/endpoint.js";
import { PARTITIONS } from "../../src/config/partitions.js";
import { parseRegion } from "../../src/config/region.js";
import { ConfigurationError } from "../../src/index.js";
import { anyString, PROPERTY_RUNS } from "../support/arbitraries.js";

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SUFFIXES = PARTITIONS.flatMap((partition) => [partition.dnsSuffix, partition.dualStackDnsSuffix]);

/** Region-like strings: real ones, pseudo-regions, near-misses and attempts to smuggle a host or path in. */
const regionish = fc.oneof(
  fc.constantFrom(
    "us-east-1",
    "cn-north-1",
    "us-gov-west-1",
    "us-isob-east-1",
    "eusc-de-east-1",
    "xx-moon-9",
  ),
  fc
    .tuple(
      fc.constantFrom("us", "eu", "cn", "us-gov", "us-iso", "us-isof", "eu-isoe", "eusc-de", "zz"),
      fc.string({ maxLength: 8 }),
      fc.nat(99),
    )
    .map(([area, name, n]) => `${area}-${name}-${n}`),
  fc
    .tuple(fc.constantFrom("fips-", "", "-fips"), fc.stringMatching(/^[a-z0-9-]{1,20}$/))
    .map(([f, r]) => (f === "-fips" ? `${r}-fips` : `${f}${r}`)),
  fc.constantFrom(
    "us-east-1.evil.example",
    "us-east-1/../x",
    "evil.example#",
    "a@b",
    "US-EAST-1",
    "",
    "fips-",
    "-fips",
    "a".repeat(64),
  ),
  anyString,
);

const flag = (setting: string) => fc.boolean().map((value) => ({ value, setting }));

function attempt<T>(run: () => T): { value?: T; error?: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

describe("endpoint resolution properties", () => {
  it("any region string gives a host inside an AWS partition's domain, or a ConfigurationError", () => {
    fc.assert(
      fc.property(
        regionish,
        flag("useFipsEndpoint"),
        flag("useDualstackEndpoint"),
        (raw, fips, dualstack) => {
          const parsed = attempt(() => parseRegion(raw, "region"));
          if (parsed.error !== undefined) {
            expect(parsed.error).toBeInstanceOf(ConfigurationError);
            expect((parsed.error as ConfigurationError).setting).toBe("region");
            return;
          }
          const { region, fipsFromRegion } = parsed.value!;
          const endpoint = resolveEndpoint({
            region,
            custom: undefined,
            fips: fipsFromRegion ? { value: true, setting: "region" } : fips,
            dualstack,
          });
          expect(endpoint).toEqual({ protocol: "https:", hostname: endpoint.hostname, path: "/" });
          // The region cannot smuggle in another host, a port, a path or user info.
          expect(new URL(`https://${endpoint.hostname}/`).hostname).toBe(endpoint.hostname);
          for (const label of endpoint.hostname.split(".")) expect(label).toMatch(DNS_LABEL);
          expect(endpoint.hostname.split(".")).toContain(region);
          expect(SUFFIXES.some((suffix) => endpoint.hostname.endsWith(`.${region}.${suffix}`))).toBe(true);
          expect(endpoint.hostname.includes("ecr-fips")).toBe(fipsFromRegion || fips.value);
          expect(endpoint.hostname.startsWith("api.")).toBe(!dualstack.value);
        },
      ),
      { ...PROPERTY_RUNS, numRuns: 500 },
    );
  });

  it("a custom endpoint is kept as an http(s) URL with a /-terminated base path, refused with FIPS or dual-stack", () => {
    const endpointish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      anyString,
      fc.constantFrom("http://[::1]:4566/base", "ftp://x", "http://u:p@h/"),
    );
    fc.assert(
      fc.property(
        endpointish,
        flag("useFipsEndpoint"),
        flag("useDualstackEndpoint"),
        (value, fips, dualstack) => {
          const custom = { value, setting: "AWS_ENDPOINT_URL_ECR" };
          const { value: endpoint, error } = attempt(() =>
            resolveEndpoint({ region: "us-east-1", custom, fips, dualstack }),
          );
          if (error !== undefined) {
            expect(error).toBeInstanceOf(ConfigurationError);
            expect((error as ConfigurationError).setting).toBe("AWS_ENDPOINT_URL_ECR");
            return;
          }
          expect(fips.value || dualstack.value).toBe(false);
          const url = new URL(value);
          expect(endpoint!.protocol).toBe(url.protocol);
          expect(endpoint!.hostname).toBe(url.hostname);
          expect(endpoint!.path.startsWith("/") && endpoint!.path.endsWith("/")).toBe(true);
          expect(url.search + url.hash + url.username + url.password).toBe("");
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
