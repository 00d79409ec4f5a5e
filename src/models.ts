/**
 * The upstream registry of a rule. Known values are listed for completion; any other string the service
 * returns is kept as it is (an open union), so a new registry never breaks deserialization.
 */
export type UpstreamRegistry =
  | "ecr"
  | "ecr-public"
  | "quay"
  | "k8s"
  | "docker-hub"
  | "github-container-registry"
  | "azure-container-registry"
  | "gitlab-container-registry"
  | "chainguard"
  | (string & {});

/**
 * One pull through cache rule, as returned by `DescribePullThroughCacheRules` (all members optional, model
 * order). Members accept `undefined` like the AWS SDK's types, so SDK-typed values and mocks fit under
 * `exactOptionalPropertyTypes`.
 */
export interface PullThroughCacheRule {
  /** The Amazon ECR repository prefix of the rule, e.g. `docker-hub` or `ROOT`. */
  ecrRepositoryPrefix?: string | undefined;
  /** The upstream registry URL, e.g. `registry-1.docker.io`. */
  upstreamRegistryUrl?: string | undefined;
  /** When the rule was created. */
  createdAt?: Date | undefined;
  /** The 12-digit registry (account) id; a string, so leading zeros survive. */
  registryId?: string | undefined;
  /** The Secrets Manager ARN holding the upstream credentials. */
  credentialArn?: string | undefined;
  /** The IAM role ECR assumes for an ECR-to-ECR rule. */
  customRoleArn?: string | undefined;
  /** The upstream repository prefix. */
  upstreamRepositoryPrefix?: string | undefined;
  /** The upstream registry kind. */
  upstreamRegistry?: UpstreamRegistry | undefined;
  /** When the rule was last updated. */
  updatedAt?: Date | undefined;
}
