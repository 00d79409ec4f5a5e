import { PaginationError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import type { PullThroughCacheRule } from "../models.js";
import { formatValue } from "../validation/validate-shape.js";
import type { ResumePoint } from "./resume-token.js";

/** One page as the service returned it. */
export interface FetchedPage {
  readonly rules: readonly PullThroughCacheRule[];
  readonly nextToken?: string | undefined;
  /** The page's `$metadata`, carried by the error when its token repeats. */
  readonly $metadata?: ResponseMetadata | undefined;
}

export interface CollectOptions {
  /** Fetches the page starting at `nextToken` (the first page when undefined). */
  readonly fetchPage: (nextToken: string | undefined) => Promise<FetchedPage>;
  /** Where to start (from `--starting-token`). */
  readonly start?: ResumePoint | undefined;
  /** Stop after this many rules (`--max-items`). */
  readonly maxItems?: number | undefined;
  /** Called after each page with the running totals. */
  readonly onPage?: ((rules: number, pages: number) => void) | undefined;
}

/** The rules collected, and where to resume when `maxItems` cut the listing short. */
export interface Collected {
  readonly rules: PullThroughCacheRule[];
  readonly resume?: ResumePoint;
}

/**
 * Walks the pages like the AWS CLI's paginator. A resume point names the page by the token that fetched it and
 * counts the rules of it already printed, so a listing cut in mid-page resumes at the next rule, whatever the
 * page size. A token that was already sent in this walk (`A, A` or a cycle `A, B, A`) is a
 * {@link PaginationError}, as in the library's paginator and the AWS CLI: following it would loop forever, and
 * stopping quietly would print a listing with duplicates or gaps as if it were complete.
 */
export async function collectRules(options: CollectOptions): Promise<Collected> {
  const { fetchPage, maxItems } = options;
  const rules: PullThroughCacheRule[] = [];
  let token = options.start?.nextToken;
  let skip = options.start?.skip ?? 0;
  const sent = new Set<string>();
  for (let pages = 1; ; pages++) {
    if (token !== undefined) sent.add(token);
    const page = await fetchPage(token);
    const next = page.nextToken || undefined;
    if (next !== undefined && sent.has(next)) throw repeatedTokenError(next, page, pages);
    const fresh = page.rules.slice(skip);
    const room = maxItems === undefined ? Infinity : maxItems - rules.length;
    rules.push(...fresh.slice(0, room));
    options.onPage?.(rules.length, pages);
    if (fresh.length > room) {
      return {
        rules,
        resume: token === undefined ? { skip: skip + room } : { nextToken: token, skip: skip + room },
      };
    }
    skip = Math.max(0, skip - page.rules.length);
    if (next === undefined) return { rules };
    if (rules.length === maxItems) return { rules, resume: { nextToken: next, skip } };
    token = next;
  }
}

function repeatedTokenError(token: string, page: FetchedPage, request: number): PaginationError {
  return new PaginationError(
    token,
    `request ${request} of this listing returned the page token ${formatValue(token)}, which was already ` +
      "sent: following it would loop forever",
    { $metadata: page.$metadata ?? {} },
  );
}
