import type { UpstreamRegistry } from "../models.js";

/** The repository-prefix pattern of the ECR API model (also used for upstream prefixes). */
export const PREFIX_PATTERN =
  /^(?:[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*\/?|ROOT)$/;
/** The pattern as the service quotes it in validation messages. */
export const PREFIX_PATTERN_TEXT =
  "^([a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*\\/?|ROOT)$";
export const REGISTRY_ID_PATTERN = /^[0-9]{12}$/;
export const CREDENTIAL_ARN_PATTERN =
  /^arn:aws(?:-[a-z]+)*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache\/[a-zA-Z0-9/_+=.@-]+$/;

/** Upstream registries ECR only accepts with a Secrets Manager credential (CreatePullThroughCacheRule rejects them otherwise). */
export const NEEDS_CREDENTIAL: ReadonlySet<string> = new Set<UpstreamRegistry>([
  "docker-hub",
  "github-container-registry",
  "gitlab-container-registry",
  "azure-container-registry",
  "chainguard",
]);

const HOSTS: readonly (readonly [RegExp, UpstreamRegistry])[] = [
  [/^registry-1\.docker\.io$/, "docker-hub"],
  [/^public\.ecr\.aws$/, "ecr-public"],
  [/^quay\.io$/, "quay"],
  [/^registry\.k8s\.io$/, "k8s"],
  [/^ghcr\.io$/, "github-container-registry"],
  [/^registry\.gitlab\.com$/, "gitlab-container-registry"],
  [/\.azurecr\.io$/, "azure-container-registry"],
  [/^cgr\.dev$/, "chainguard"],
  [/^[0-9]{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/, "ecr"],
];

/** The upstream registry kind ECR reports for an upstream URL, or `undefined` for a host it does not support. */
export function upstreamRegistryOf(url: string): UpstreamRegistry | undefined {
  return HOSTS.find(([pattern]) => pattern.test(url))?.[1];
}
