import type { Logger } from "../config/types.js";
import type { ResponseMetadata } from "../metadata.js";
import { abortError } from "./abort.js";
import { classifyError, type RetryErrorType } from "./classify-error.js";
import { errorLabel, logAttempt, logGiveUp, type AttemptRecord } from "./log-attempt.js";
import { retryAfterMs } from "./retry-after.js";
import type { RetryStrategy } from "./standard-retry-strategy.js";

/** What one attempt is told, and what it reports back. */
export interface AttemptContext {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** The most attempts this send may make. */
  readonly maxAttempts: number;
  /** Set by the attempt when its response corrected the client's clock (a clock-skew error is then retried). */
  clockSkewCorrected: boolean;
}

export interface RetryOptions {
  /** Operation name, for log lines. */
  readonly operation: string;
  readonly maxAttempts: number;
  readonly strategy: RetryStrategy;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The service-aligned clock, to read `retry-after` dates. */
  readonly now: () => number;
  readonly abortSignal?: AbortSignal | undefined;
  readonly logger?: Logger | undefined;
}

type WithMetadata = { $metadata: ResponseMetadata };

/**
 * Runs `attempt` until it succeeds, fails for good or `maxAttempts` is reached, sleeping between attempts as
 * the strategy says. An abort stops everything at once, including a sleep. `attempts` and `totalRetryDelay`
 * are stamped on the result's `$metadata` or on the thrown error's.
 */
export async function withRetry<T extends WithMetadata>(
  attempt: (context: AttemptContext) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { maxAttempts, strategy, abortSignal } = options;
  let totalRetryDelay = 0;
  let retriedErrorType: RetryErrorType | undefined;
  for (let n = 1; ; n++) {
    const context: AttemptContext = { attempt: n, maxAttempts, clockSkewCorrected: false };
    let record: AttemptRecord = { operation: options.operation, attempt: n, maxAttempts, $metadata: {} };
    try {
      const result = await attempt(context);
      strategy.recordSuccess?.({ attempt: n, retriedErrorType });
      // Built only for a logger: a spread plus a property is V8's slow path, ~0.7 µs a call for nothing.
      if (options.logger) logAttempt(options.logger, { ...record, $metadata: result.$metadata });
      return stamp(result, n, totalRetryDelay);
    } catch (error) {
      const errorType = abortSignal?.aborted ? undefined : classifyError(error, context.clockSkewCorrected);
      record = { ...record, $metadata: metadataOf(error), error: errorLabel(error), errorType };
      const delay =
        errorType && n < maxAttempts
          ? validDelay(strategy.retryDelay(failure(error, errorType, context, options)))
          : undefined;
      logAttempt(options.logger, { ...record, retryDelay: delay });
      if (delay === undefined) {
        if (errorType === "THROTTLING" || errorType === "TRANSIENT") {
          logGiveUp(
            options.logger,
            record,
            n < maxAttempts
              ? "the retry strategy declined (quota spent?)"
              : `all ${maxAttempts} attempts used`,
          );
        }
        throw stamp(error as Error, n, totalRetryDelay);
      }
      await sleepOrAbort(delay, options, error, n, totalRetryDelay);
      totalRetryDelay += delay;
      retriedErrorType = errorType;
    }
  }
}

function failure(error: unknown, errorType: RetryErrorType, context: AttemptContext, options: RetryOptions) {
  return {
    error,
    errorType,
    attempt: context.attempt,
    maxAttempts: context.maxAttempts,
    retryAfter: retryAfterMs(error, options.now()),
  };
}

/** Sleeps the backoff; an abort meanwhile ends the send with an `AbortError` carrying the last attempt's metadata. */
async function sleepOrAbort(
  delay: number,
  options: RetryOptions,
  lastError: unknown,
  attempts: number,
  totalRetryDelay: number,
): Promise<void> {
  const { abortSignal } = options;
  try {
    await options.sleep(delay, abortSignal);
  } catch (reason) {
    if (!abortSignal?.aborted) throw reason;
    throw stamp(abortError(abortSignal, lastError, metadataOf(lastError)), attempts, totalRetryDelay);
  }
}

/** A custom strategy's answer as a usable wait: negative or non-finite numbers mean "at once". */
function validDelay(delay: number | undefined): number | undefined {
  if (delay === undefined) return undefined;
  return Number.isFinite(delay) && delay > 0 ? delay : 0;
}

function metadataOf(error: unknown): ResponseMetadata {
  const $metadata = (error as Partial<WithMetadata> | undefined)?.$metadata;
  return typeof $metadata === "object" ? $metadata : {};
}

function stamp<T>(target: T, attempts: number, totalRetryDelay: number): T {
  const bearer = target as Partial<WithMetadata> | undefined;
  if (bearer && typeof bearer === "object")
    bearer.$metadata = Object.assign({}, bearer.$metadata, { attempts, totalRetryDelay });
  return target;
}
