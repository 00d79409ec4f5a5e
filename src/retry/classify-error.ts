import type { ResponseMetadata } from "../metadata.js";

/**
 * How a failed attempt counts for retries; the names and the order of the checks are Smithy's
 * (`RetryErrorType` in @smithy/types): throttling first, then transient, then other 5xx, then the rest.
 */
export type RetryErrorType = "THROTTLING" | "TRANSIENT" | "SERVER_ERROR" | "CLIENT_ERROR";

// The tables below are the standard retry mode's, as in @smithy/core/retry
// (service-error-classification/constants.ts, smithy-typescript) and ECR-API.md "Retries". They are written out
// rather than imported because importing that module drags the retry middleware along (+8.9 KB minified);
// test/resilience/classify-error.test.ts checks them against the installed @smithy package.

/** Error codes that mean "slow down". */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);

/** Error codes (or `name`s) of transient failures. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

/** HTTP statuses of transient failures (501 Not Implemented is deliberately absent). */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/**
 * Node error codes of failed connections. The last three are undici's (the `fetch` behind the default
 * transport): a peer that resets or closes the socket surfaces as `UND_ERR_SOCKET`, not `ECONNRESET`.
 */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
]);

/** Error codes that a wrong local clock causes; retried once the clock has been corrected. */
export const CLOCK_SKEW_CODES: ReadonlySet<string> = new Set([
  "AccessDeniedException",
  "AuthFailure",
  "InvalidSignatureException",
  "RequestExpired",
  "RequestInTheFuture",
  "RequestTimeTooSkewed",
  "SignatureDoesNotMatch",
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly $metadata?: ResponseMetadata;
}

/**
 * Classifies a failed attempt. `clockSkewCorrected` says the response moved the client's clock offset, which
 * makes a clock-skew error worth one more try. Aborts are never retried and never reach this function.
 */
export function classifyError(error: unknown, clockSkewCorrected = false): RetryErrorType {
  const e = (error ?? {}) as ErrorLike;
  if (e.$metadata?.httpStatusCode === 429 || THROTTLING_CODES.has(String(e.name))) return "THROTTLING";
  if (isTransient(e, clockSkewCorrected)) return "TRANSIENT";
  const status = e.$metadata?.httpStatusCode ?? 0;
  return status >= 500 && status <= 599 ? "SERVER_ERROR" : "CLIENT_ERROR";
}

function isTransient(e: ErrorLike, clockSkewCorrected: boolean): boolean {
  if (e.name === "AbortError") return false;
  if (clockSkewCorrected && CLOCK_SKEW_CODES.has(String(e.name))) return true;
  if (e.name === "InvalidSignatureException" && String(e.message).includes("Signature expired")) return true;
  if (TRANSIENT_STATUSES.has(e.$metadata?.httpStatusCode ?? 0)) return true;
  // Node reports the code on the error or a cause (fetch: TypeError "fetch failed" ← Error ECONNREFUSED).
  for (
    let c: ErrorLike | undefined = e, depth = 0;
    c && depth < 5;
    c = c.cause as ErrorLike | undefined, depth++
  ) {
    if (TRANSIENT_CODES.has(String(c.name)) || NETWORK_CODES.has(String(c.code))) return true;
  }
  return false;
}
