/** One AWS partition: which regions belong to it and the DNS suffixes of its endpoints. */
export interface Partition {
  readonly name: PartitionName;
  readonly regionPattern: RegExp;
  readonly dnsSuffix: string;
  readonly dualStackDnsSuffix: string;
}

/** The eight AWS partitions. */
export type PartitionName =
  "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b" | "aws-iso-e" | "aws-iso-f" | "aws-eusc";

// The ECR endpoint rules' partition data, as listed in ECR-API.md ("Endpoints"). Order matters only for
// readability: the patterns do not overlap (`\w` never matches `-`).
export const PARTITIONS: readonly Partition[] = [
  {
    name: "aws",
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    dnsSuffix: "amazonaws.com",
    dualStackDnsSuffix: "api.aws",
  },
  {
    name: "aws-cn",
    regionPattern: /^cn-\w+-\d+$/,
    dnsSuffix: "amazonaws.com.cn",
    dualStackDnsSuffix: "api.amazonwebservices.com.cn",
  },
  {
    name: "aws-us-gov",
    regionPattern: /^us-gov-\w+-\d+$/,
    dnsSuffix: "amazonaws.com",
    dualStackDnsSuffix: "api.aws",
  },
  {
    name: "aws-iso",
    regionPattern: /^us-iso-\w+-\d+$/,
    dnsSuffix: "c2s.ic.gov",
    dualStackDnsSuffix: "api.aws.ic.gov",
  },
  {
    name: "aws-iso-b",
    regionPattern: /^us-isob-\w+-\d+$/,
    dnsSuffix: "sc2s.sgov.gov",
    dualStackDnsSuffix: "api.aws.scloud",
  },
  {
    name: "aws-iso-e",
    regionPattern: /^eu-isoe-\w+-\d+$/,
    dnsSuffix: "cloud.adc-e.uk",
    dualStackDnsSuffix: "api.cloud-aws.adc-e.uk",
  },
  {
    name: "aws-iso-f",
    regionPattern: /^us-isof-\w+-\d+$/,
    dnsSuffix: "csp.hci.ic.gov",
    dualStackDnsSuffix: "api.aws.hci.ic.gov",
  },
  {
    name: "aws-eusc",
    regionPattern: /^eusc-(de)-\w+-\d+$/,
    dnsSuffix: "amazonaws.eu",
    dualStackDnsSuffix: "api.amazonwebservices.eu",
  },
];

const [AWS] = PARTITIONS as [Partition, ...Partition[]];

/** The partition a region belongs to; unknown regions fall back to `aws`, as the SDK's rules do. */
export function partitionOf(region: string): Partition {
  return (
    PARTITIONS.find((partition) => partition.name !== "aws" && partition.regionPattern.test(region)) ?? AWS
  );
}

/** Which endpoint variant to use. */
export interface EndpointVariant {
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
}

/**
 * The ECR API host name of a region: `api.ecr.{region}.{dnsSuffix}`, `api.ecr-fips…`, or with dual-stack
 * `ecr[-fips].{region}.{dualStackDnsSuffix}` (no `api.` prefix).
 */
export function ecrHostname(region: string, variant: EndpointVariant): string {
  const partition = partitionOf(region);
  const service = variant.useFipsEndpoint ? "ecr-fips" : "ecr";
  return variant.useDualstackEndpoint
    ? `${service}.${region}.${partition.dualStackDnsSuffix}`
    : `api.${service}.${region}.${partition.dnsSuffix}`;
}
