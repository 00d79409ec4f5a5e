/** What the loopback server serves and every contender asks for. */

export const REGION = "us-east-1";
export const TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules";
export const PAGE_RULES = 100;
export const PAGINATION_TOTAL = 100_000;
export const PAGINATION_PAGE_SIZE = 1000;
/** Test credentials (never real) for the signed contenders; the server does not check signatures. */
export const BENCH_CREDENTIALS = {
  accessKeyId: "AKIDBENCHBENCHBENCH0",
  secretAccessKey: "bench/secret/key/not+real/0123456789abcd",
} as const;

/** One wire-format Docker Hub rule as ECR returns it (~270 bytes: a 100-rule page is ~27 KB). */
export function wireRule(index: number): Record<string, unknown> {
  return {
    ecrRepositoryPrefix: `docker-hub-${index}`,
    upstreamRegistryUrl: "registry-1.docker.io",
    createdAt: 1_700_000_000 + index,
    registryId: "012345678901",
    credentialArn: "arn:aws:secretsmanager:us-east-1:012345678901:secret:ecr-pullthroughcache/docker-hub",
    upstreamRegistry: "docker-hub",
    updatedAt: 1_700_000_500.5 + index,
  };
}
