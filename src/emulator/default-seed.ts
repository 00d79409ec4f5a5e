import type { UpstreamRegistry } from "../models.js";
import type { SeedRule } from "./types.js";
import { NEEDS_CREDENTIAL } from "./upstream-registries.js";

/** The account that owns the default seed (and the default caller account). */
export const DEFAULT_ACCOUNT_ID = "123456789012";

interface Upstream {
  readonly registry: UpstreamRegistry;
  /** Short name used in prefixes and secret names. */
  readonly alias: string;
  readonly url: (team: string) => string;
}

const UPSTREAMS: readonly Upstream[] = [
  { registry: "docker-hub", alias: "docker-hub", url: () => "registry-1.docker.io" },
  { registry: "ecr-public", alias: "ecr-public", url: () => "public.ecr.aws" },
  { registry: "quay", alias: "quay", url: () => "quay.io" },
  { registry: "k8s", alias: "k8s", url: () => "registry.k8s.io" },
  { registry: "github-container-registry", alias: "ghcr", url: () => "ghcr.io" },
  { registry: "gitlab-container-registry", alias: "gitlab", url: () => "registry.gitlab.com" },
  {
    registry: "azure-container-registry",
    alias: "acr",
    url: (team) => `${team.replace(/-/g, "")}.azurecr.io`,
  },
  { registry: "chainguard", alias: "chainguard", url: () => "cgr.dev" },
  { registry: "ecr", alias: "ecr", url: () => "210987654321.dkr.ecr.us-west-2.amazonaws.com" },
];

const TEAMS = [
  "platform",
  "payments",
  "search",
  "data",
  "ml",
  "web",
  "mobile",
  "infra",
  "security",
  "identity",
  "billing",
  "analytics",
];
const ENVIRONMENTS = ["prod", "stg", "dev"];
const FIRST_RULE_AT = Date.UTC(2023, 2, 1, 9, 0, 0);
const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A tiny deterministic PRNG (LCG), so the seed is the same on every run and machine. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The bundled default seed: 333 realistic rules of account `123456789012` across every upstream registry —
 * one top-level rule per registry, then `team/env/registry` rules for 12 teams and 3 environments. Rules for
 * registries that need authentication carry a Secrets Manager `credentialArn`; ECR-to-ECR rules carry a
 * `customRoleArn` and an upstream prefix. Deterministic: the same list on every call.
 *
 * @example
 * ```ts
 * const ecr = await startLocalEcr({ rules: defaultSeedRules().slice(0, 10) });
 * ```
 */
export function defaultSeedRules(): SeedRule[] {
  const random = lcg(20_150_921);
  const rules: SeedRule[] = [];
  let createdAt = FIRST_RULE_AT;
  const add = (prefix: string, upstream: Upstream, team: string): void => {
    createdAt += Math.floor(random() * 36 * 3_600_000) + Math.floor(random() * 1000);
    const updatedAt = random() < 0.3 ? createdAt + Math.floor(random() * 90 * 86_400_000) : createdAt;
    rules.push(seedRule(prefix, upstream, team, random, new Date(createdAt), new Date(updatedAt)));
  };
  for (const upstream of UPSTREAMS) add(upstream.alias, upstream, "shared");
  for (const team of TEAMS) {
    for (const env of ENVIRONMENTS) {
      for (const upstream of UPSTREAMS) add(`${team}/${env}/${upstream.alias}`, upstream, team);
    }
  }
  return rules;
}

function seedRule(
  prefix: string,
  upstream: Upstream,
  team: string,
  random: () => number,
  createdAt: Date,
  updatedAt: Date,
): SeedRule {
  const rule: SeedRule = {
    ecrRepositoryPrefix: prefix,
    upstreamRegistryUrl: upstream.url(team),
    registryId: DEFAULT_ACCOUNT_ID,
    upstreamRegistry: upstream.registry,
    createdAt,
    updatedAt,
  };
  if (upstream.registry === "ecr") {
    rule.customRoleArn = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/ecr-pull-through-cache-${team}`;
    rule.upstreamRepositoryPrefix = team === "shared" ? "ROOT" : team;
  } else if (upstream.registry === "docker-hub" && team === "shared") {
    rule.upstreamRepositoryPrefix = "library";
  }
  if (NEEDS_CREDENTIAL.has(upstream.registry)) {
    const suffix = Array.from(
      { length: 6 },
      () => SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)],
    ).join("");
    rule.credentialArn = `arn:aws:secretsmanager:us-east-1:${DEFAULT_ACCOUNT_ID}:secret:ecr-pullthroughcache/${team}-${upstream.alias}-${suffix}`;
  }
  return rule;
}
