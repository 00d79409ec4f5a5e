import { describe, expect, it } from "vitest";
import { ecrHostname, PARTITIONS, partitionOf } from "../../src/config/partitions.js";

// One region per partition and the four hosts the ECR rules give it (ECR-API.md, "Endpoints").
const TABLE = [
  ["aws", "eu-west-1", "amazonaws.com", "api.aws"],
  ["aws-cn", "cn-north-1", "amazonaws.com.cn", "api.amazonwebservices.com.cn"],
  ["aws-us-gov", "us-gov-west-1", "amazonaws.com", "api.aws"],
  ["aws-iso", "us-iso-east-1", "c2s.ic.gov", "api.aws.ic.gov"],
  ["aws-iso-b", "us-isob-east-1", "sc2s.sgov.gov", "api.aws.scloud"],
  ["aws-iso-e", "eu-isoe-west-1", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"],
  ["aws-iso-f", "us-isof-south-1", "csp.hci.ic.gov", "api.aws.hci.ic.gov"],
  ["aws-eusc", "eusc-de-east-1", "amazonaws.eu", "api.amazonwebservices.eu"],
] as const;

const FLAGS = [
  { fips: false, dualstack: false, host: (r: string, dns: string) => `api.ecr.${r}.${dns}` },
  { fips: true, dualstack: false, host: (r: string, dns: string) => `api.ecr-fips.${r}.${dns}` },
  { fips: false, dualstack: true, host: (r: string, _: string, dual: string) => `ecr.${r}.${dual}` },
  { fips: true, dualstack: true, host: (r: string, _: string, dual: string) => `ecr-fips.${r}.${dual}` },
] as const;

const CASES = TABLE.flatMap(([partition, region, dns, dual]) =>
  FLAGS.map(({ fips, dualstack, host }) => ({
    partition,
    region,
    fips,
    dualstack,
    expected: host(region, dns, dual),
  })),
);

describe("ecrHostname: every partition × flag combination", () => {
  it("covers 8 partitions × 4 variants", () => {
    expect(CASES).toHaveLength(32);
    expect(new Set(TABLE.map(([name]) => name))).toEqual(new Set(PARTITIONS.map((p) => p.name)));
  });

  it.each(CASES)(
    "$partition $region fips=$fips dualstack=$dualstack → $expected",
    ({ partition, region, fips, dualstack, expected }) => {
      expect(partitionOf(region).name).toBe(partition);
      expect(ecrHostname(region, { useFipsEndpoint: fips, useDualstackEndpoint: dualstack })).toBe(expected);
    },
  );
});

describe("partitionOf", () => {
  it.each([
    ["us-east-1", "aws"],
    ["ap-southeast-7", "aws"],
    ["mx-central-1", "aws"],
    ["cn-northwest-1", "aws-cn"],
    ["us-gov-east-1", "aws-us-gov"],
    ["us-isob-west-1", "aws-iso-b"],
    ["eusc-de-east-1", "aws-eusc"],
    // Unknown regions fall back to aws.
    ["xx-future-1", "aws"],
    ["local", "aws"],
    ["eusc-fr-east-1", "aws"],
    ["cn-north", "aws"],
  ])("%s → %s", (region, partition) => {
    expect(partitionOf(region).name).toBe(partition);
  });

  it("gives unknown regions the aws suffixes", () => {
    expect(ecrHostname("xx-future-1", { useFipsEndpoint: false, useDualstackEndpoint: true })).toBe(
      "ecr.xx-future-1.api.aws",
    );
  });
});
