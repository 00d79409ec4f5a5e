import type { MetadataBearer } from "../metadata.js";
import type { PullThroughCacheRule } from "../models.js";
import { validateDescribeInput } from "../validation/describe-input.js";
import { Command, type Operation } from "./command.js";
import { deserializeDescribeOutput } from "./deserialize-rules.js";

/** Input of `DescribePullThroughCacheRules`; every member is optional. */
export interface DescribePullThroughCacheRulesCommandInput {
  /** The 12-digit registry (account) id; defaults to the caller's account. */
  registryId?: string | undefined;
  /** 1–100 repository prefixes to describe (each 2–30 characters, or `ROOT`); all rules when omitted. */
  ecrRepositoryPrefixes?: string[] | undefined;
  /** The token from a previous page; never an empty string. */
  nextToken?: string | undefined;
  /** Page size, 1–1000; the service returns up to 100 when omitted. */
  maxResults?: number | undefined;
}

/** Output of `DescribePullThroughCacheRules`. */
export interface DescribePullThroughCacheRulesCommandOutput extends MetadataBearer {
  /** The rules of this page. */
  pullThroughCacheRules?: PullThroughCacheRule[] | undefined;
  /** The token of the next page; absent on the last page. */
  nextToken?: string | undefined;
}

const INPUT_MEMBERS = ["registryId", "ecrRepositoryPrefixes", "nextToken", "maxResults"] as const;

const describePullThroughCacheRules: Operation<
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput
> = {
  name: "DescribePullThroughCacheRules",
  validate: validateDescribeInput,
  serialize(input) {
    // Known members only, in model order; undefined and null are omitted, so empty input sends "{}".
    const body: Record<string, unknown> = {};
    for (const key of INPUT_MEMBERS) {
      const value: unknown = input[key]; // plain-JS callers may pass null, which means absent
      if (value !== undefined && value !== null) body[key] = value;
    }
    return JSON.stringify(body);
  },
  deserialize: deserializeDescribeOutput,
};

/**
 * Describes the pull through cache rules of a registry, one page at a time.
 *
 * @example
 * ```ts
 * import { ECRClient, DescribePullThroughCacheRulesCommand } from "ecr-pull-through-cache";
 *
 * const client = new ECRClient({ region: "us-east-1" });
 * const { pullThroughCacheRules, nextToken } = await client.send(
 *   new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["docker-hub"], maxResults: 100 }),
 * );
 * // pullThroughCacheRules: [{ ecrRepositoryPrefix: "docker-hub", upstreamRegistryUrl: "registry-1.docker.io",
 * //   createdAt: Date, registryId: "123456789012", upstreamRegistry: "docker-hub", … }]
 * ```
 * @throws {@link InputValidationError} when the input breaks a rule (nothing is sent).
 * @throws {@link PullThroughCacheRuleNotFoundException} when no rule matches the prefixes.
 * @throws {@link InvalidParameterException}, {@link ValidationException}, {@link ServerException} from the service.
 */
export class DescribePullThroughCacheRulesCommand extends Command<
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput
> {
  readonly operation = describePullThroughCacheRules;
  constructor(input: DescribePullThroughCacheRulesCommandInput = {}) {
    super(input);
  }
}
