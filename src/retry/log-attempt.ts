import type { Logger } from "../config/types.js";
import type { ResponseMetadata } from "../metadata.js";
import type { RetryErrorType } from "./classify-error.js";

/** One attempt's outcome, as logged: only names, numbers and ids, never messages, headers or bodies. */
export interface AttemptRecord {
  readonly operation: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly $metadata: ResponseMetadata;
  /** The error's `name` (and Node code), when the attempt failed. */
  readonly error?: string | undefined;
  readonly errorType?: RetryErrorType | undefined;
  /** Milliseconds until the next attempt, when there is one. */
  readonly retryDelay?: number | undefined;
}

/**
 * Writes one debug line per attempt. Error messages are left out on purpose: a signature-mismatch message
 * can quote the canonical request, which holds the session token.
 */
export function logAttempt(logger: Logger | undefined, record: AttemptRecord): void {
  if (!logger) return;
  const next = record.retryDelay === undefined ? "" : `; retrying in ${record.retryDelay} ms`;
  logger.debug(`${summary(record)}${next}`, fields(record));
}

/** Writes the warning for a retryable failure that will not be retried any more. */
export function logGiveUp(logger: Logger | undefined, record: AttemptRecord, reason: string): void {
  logger?.warn(`${summary(record)}; giving up: ${reason}`, fields(record));
}

/** `DescribePullThroughCacheRules attempt 1/3: HTTP 503 ServiceUnavailableException (request id …)` */
function summary(record: AttemptRecord): string {
  const { httpStatusCode, requestId } = record.$metadata;
  const status = httpStatusCode === undefined ? "no response" : `HTTP ${httpStatusCode}`;
  const error = record.error === undefined ? "" : ` ${record.error}`;
  const id = requestId === undefined ? "" : ` (request id ${requestId})`;
  return `${record.operation} attempt ${record.attempt}/${record.maxAttempts}: ${status}${error}${id}`;
}

function fields(record: AttemptRecord): Record<string, unknown> {
  const { $metadata, error, errorType, retryDelay } = record;
  return {
    operation: record.operation,
    attempt: record.attempt,
    maxAttempts: record.maxAttempts,
    httpStatusCode: $metadata.httpStatusCode,
    requestId: $metadata.requestId,
    ...(error === undefined ? {} : { error, errorType }),
    ...(retryDelay === undefined ? {} : { retryDelay }),
  };
}

/** `name` plus Node's `code` (`NetworkError ECONNRESET`), the only parts of an error that are logged. */
export function errorLabel(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const label = typeof name === "string" ? name : "Error";
  return typeof code === "string" ? `${label} ${code}` : label;
}
