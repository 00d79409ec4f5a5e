/** Distinctive test credentials (never real): secret-hygiene tests search outputs for these strings. */
export const CREDENTIALS = {
  accessKeyId: "AKIDTESTACCESSKEY01",
  secretAccessKey: "TESTsecret/KEY+never-print-me-0123456789",
} as const;

export const SESSION_CREDENTIALS = {
  ...CREDENTIALS,
  sessionToken: "TESTsession-TOKEN/never+print+me==",
} as const;

/** One wire-format rule with all nine members. */
export function wireRule(index: number): Record<string, unknown> {
  return {
    ecrRepositoryPrefix: `docker-hub-${index}`,
    upstreamRegistryUrl: "registry-1.docker.io",
    createdAt: 1_700_000_000 + index,
    registryId: "012345678901",
    credentialArn: `arn:aws:secretsmanager:us-east-1:012345678901:secret:ecr-pullthroughcache/docker-hub-${index}`,
    customRoleArn: "arn:aws:iam::012345678901:role/ptc",
    upstreamRepositoryPrefix: `library-${index}`,
    upstreamRegistry: "docker-hub",
    updatedAt: 1.7000000005e9,
  };
}

/** The rule's nine members in model order, as ECR-API.md lists them (stated here once for the tests). */
export const RULE_MEMBERS = [
  "ecrRepositoryPrefix",
  "upstreamRegistryUrl",
  "createdAt",
  "registryId",
  "credentialArn",
  "customRoleArn",
  "upstreamRepositoryPrefix",
  "upstreamRegistry",
  "updatedAt",
] as const;
