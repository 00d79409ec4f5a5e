import type { StoredRule } from "./rule-store.js";
import { type PageTokens, queryDigest } from "./page-token.js";
import { ERRORS } from "./service-error.js";
import type { DescribeInput } from "./validate-input.js";

/** One page of rules and the token of the next. */
export interface DescribePage {
  readonly rules: readonly StoredRule[];
  readonly nextToken: string | undefined;
}

export interface DescribeContext {
  readonly rules: readonly StoredRule[];
  /** The caller's account, described when the input has no `registryId`. */
  readonly accountId: string;
  readonly tokens: PageTokens;
  readonly defaultPageSize: number;
}

/**
 * `DescribePullThroughCacheRules` over the stored rules: filter by registry and prefixes (every named prefix
 * must exist), then one page from the token's offset.
 */
export function describeRules(input: DescribeInput, context: DescribeContext): DescribePage {
  const registryId = input.registryId ?? context.accountId;
  const inRegistry = context.rules.filter((rule) => rule.registryId === registryId);
  const matching =
    input.ecrRepositoryPrefixes === undefined
      ? inRegistry
      : byPrefixes(inRegistry, input.ecrRepositoryPrefixes, registryId);
  const query = queryDigest(registryId, input.ecrRepositoryPrefixes);
  let offset = 0;
  if (input.nextToken !== undefined) {
    const position = input.nextToken === "" ? undefined : context.tokens.read(input.nextToken, query);
    if (position === undefined || position > matching.length) {
      throw ERRORS.invalidParameter(
        "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Must be a token returned by a previous call with the same registryId and ecrRepositoryPrefixes'",
      );
    }
    offset = position;
  }
  const end = offset + (input.maxResults ?? context.defaultPageSize);
  const rules = matching.slice(offset, end);
  return {
    rules,
    nextToken: end < matching.length ? context.tokens.issue({ offset: end, query }) : undefined,
  };
}

function byPrefixes(
  rules: readonly StoredRule[],
  prefixes: readonly string[],
  registryId: string,
): StoredRule[] {
  const wanted = new Set(prefixes);
  const found = rules.filter((rule) => wanted.has(rule.ecrRepositoryPrefix));
  if (found.length < wanted.size) {
    const present = new Set(found.map((rule) => rule.ecrRepositoryPrefix));
    const missing = prefixes.find((prefix) => !present.has(prefix)) ?? "";
    throw ERRORS.ruleNotFound(
      `The pull through cache rule with prefix '${missing}' does not exist in the registry with id '${registryId}'`,
    );
  }
  return found;
}
