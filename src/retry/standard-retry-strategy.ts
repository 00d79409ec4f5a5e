import type { RetryErrorType } from "./classify-error.js";

/** What a {@link RetryStrategy} is told after a failed attempt that may be retried. */
export interface RetryFailure {
  /** The typed error of the attempt. */
  readonly error: unknown;
  /** How the error counts, see {@link RetryErrorType}. */
  readonly errorType: RetryErrorType;
  /** 1-based number of the attempt that failed; always below `maxAttempts`. */
  readonly attempt: number;
  /** The most attempts this send may make. */
  readonly maxAttempts: number;
  /** Milliseconds the service asked to wait (`retry-after` / `x-amz-retry-after`), when it did. */
  readonly retryAfter?: number | undefined;
}

/**
 * Decides whether, and after how long, a failed attempt is retried. The client calls it only while attempts
 * remain and never for aborts (those always stop at once); the client sleeps, re-signs and sends again.
 *
 * @example
 * ```ts
 * // Retry everything the standard policy retries, but with a fixed 200 ms pause and no quota.
 * const standard = new StandardRetryStrategy();
 * const client = new ECRClient({
 *   retryStrategy: { retryDelay: (failure) => (standard.retryDelay(failure) === undefined ? undefined : 200) },
 * });
 * ```
 */
export interface RetryStrategy {
  /** Milliseconds to wait before the next attempt, or `undefined` to stop and throw `failure.error`. */
  retryDelay(failure: RetryFailure): number | undefined;
  /** Told when a send succeeds (for example to refill a retry quota). */
  recordSuccess?(success: RetrySuccess): void;
}

/** What a {@link RetryStrategy} is told when a send succeeds. */
export interface RetrySuccess {
  /** 1-based number of the attempt that succeeded. */
  readonly attempt: number;
  /** How the error before the successful retry counted; absent when the first attempt succeeded. */
  readonly retriedErrorType?: RetryErrorType | undefined;
}

// The AWS SDKs' "standard" retry mode with its current numbers (ECR-API.md "Retries"; @smithy/core/retry
// util-retry/retries-2026-config.ts and constants.ts; https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
const BASE_DELAY = 50;
const THROTTLING_BASE_DELAY = 1_000;
const MAX_BACKOFF = 20_000;
/** How much longer than the computed backoff a `retry-after` hint may make the wait. */
const MAX_RETRY_AFTER_EXTRA = 5_000;
const INITIAL_QUOTA = 500;
const RETRY_COST = 14;
const THROTTLING_RETRY_COST = 5;
/** What a success without retries gives back to the quota. */
const NO_RETRY_INCREMENT = 1;

/**
 * The standard retry policy: retries throttling and transient errors with full-jitter exponential backoff
 * (`random() × min(base × 2^retry, 20 s)`, base 50 ms, 1 s for throttling), honours `retry-after` up to
 * backoff + 5 s, and spends a per-client quota of 500 tokens (14 per retry, 5 per throttling retry; a success
 * refunds what its retry cost, or 1) so that a failing service is not hammered by every caller.
 *
 * @example
 * ```ts
 * const client = new ECRClient({ region: "us-east-1", retryStrategy: new StandardRetryStrategy() });
 * ```
 */
export class StandardRetryStrategy implements RetryStrategy {
  #quota = INITIAL_QUOTA;
  readonly #random: () => number;

  /** @param random - source of jitter in [0, 1); inject one for deterministic tests. @default Math.random */
  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** Retry tokens left (starts at 500). */
  get quota(): number {
    return this.#quota;
  }

  retryDelay(failure: RetryFailure): number | undefined {
    const { errorType } = failure;
    if (errorType !== "THROTTLING" && errorType !== "TRANSIENT") return undefined;
    const cost = retryCost(errorType);
    if (this.#quota < cost) return undefined;
    this.#quota -= cost;
    const base = errorType === "THROTTLING" ? THROTTLING_BASE_DELAY : BASE_DELAY;
    const backoff = Math.floor(this.#random() * Math.min(base * 2 ** (failure.attempt - 1), MAX_BACKOFF));
    if (failure.retryAfter === undefined) return backoff;
    return Math.max(backoff, Math.min(failure.retryAfter, backoff + MAX_RETRY_AFTER_EXTRA));
  }

  recordSuccess(success: RetrySuccess): void {
    const refund =
      success.retriedErrorType === undefined ? NO_RETRY_INCREMENT : retryCost(success.retriedErrorType);
    this.#quota = Math.min(INITIAL_QUOTA, this.#quota + refund);
  }
}

function retryCost(errorType: RetryErrorType): number {
  return errorType === "THROTTLING" ? THROTTLING_RETRY_COST : RETRY_COST;
}
