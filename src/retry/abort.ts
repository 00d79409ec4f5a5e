import { AbortError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";

/** The {@link AbortError} for a fired caller signal; says whether it was an `AbortSignal.timeout()`. */
export function abortError(
  signal: AbortSignal,
  cause?: unknown,
  $metadata: ResponseMetadata = {},
): AbortError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === "TimeoutError";
  const why = timedOut ? "the abort signal timed out" : "the request was aborted";
  return new AbortError(why, { cause: cause ?? reason, $metadata });
}

/**
 * Settles with `promise`, or rejects with the signal's reason the moment `signal` aborts, whatever the
 * promise does. This is what makes an abort or time-out prompt even with a transport or body stream that
 * ignores the signal; `onAbort` releases what the abandoned promise holds.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort?: () => void,
): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort?.();
      reject(abortReason(signal));
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", abort);
    });
  });
}

/** The signal's reason as an `Error` (a `DOMException` `AbortError` unless the caller gave another). */
export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException(typeof reason === "string" ? reason : "aborted", "AbortError");
}
