import type { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import type { HttpRequestHandler } from "../config/types.js";
import { DeserializationError, NetworkError, TimeoutError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import { lowerCaseHeaders, responseMetadata } from "../protocol/metadata.js";
import { redactHeaders, requestSecrets } from "../protocol/redact.js";
import { type ErrorResponse, toServiceException } from "../protocol/service-error.js";
import { abortError, untilAborted } from "../retry/abort.js";
import { BodyTooLargeError, readBody, readBodyPrefix } from "./read-body.js";

/** A whole HTTP response with a 2xx status, its body read. */
export interface AttemptResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  $metadata: ResponseMetadata;
  /** Session token and signature of the request, to redact from anything the body makes us print. */
  readonly secrets: readonly string[];
}

export interface AttemptOptions {
  readonly handler: HttpRequestHandler;
  readonly signer: SignatureV4;
  readonly signingDate: Date;
  readonly abortSignal?: AbortSignal | undefined;
  /** Milliseconds the whole attempt (signing, connect, headers and body) may take; none when undefined. */
  readonly requestTimeout?: number | undefined;
  readonly maxResponseBytes: number;
  /** Extra headers for this attempt (e.g. `amz-sdk-request`); they are signed. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Told the (lower-cased) response headers as soon as they arrive, before the body is read. */
  readonly onHeaders?: ((headers: Readonly<Record<string, string>>) => void) | undefined;
}

/**
 * One signed HTTP exchange. Resolves with a 2xx response; throws the typed service exception for a status
 * ≥ 300, or a {@link NetworkError}, {@link TimeoutError} or {@link AbortError} when no whole response came.
 * The caller's signal and the time-out both cut the exchange short at once, even mid-body and even when the
 * transport ignores its `abortSignal`.
 */
export async function sendAttempt(request: HttpRequest, options: AttemptOptions): Promise<AttemptResponse> {
  const { abortSignal, maxResponseBytes } = options;
  if (abortSignal?.aborted) throw abortError(abortSignal);
  const cutoff = attemptSignal(abortSignal, options.requestTimeout);
  const { signal } = cutoff;
  let statusCode: number | undefined;
  let headers: Record<string, string> = {};
  try {
    // Object.assign, not spreads: a spread followed by more properties takes V8's slow path (~1 µs a call).
    const unsigned = { ...request, headers: Object.assign({}, request.headers, options.headers) };
    const signed = await untilAborted(
      options.signer.sign(unsigned, { signingDate: options.signingDate }),
      signal,
    );
    const secrets = requestSecrets(signed);
    const handled = options.handler.handle(signed, signal ? { abortSignal: signal } : {});
    const { response } = await untilAborted(handled, signal, () => {
      releaseLater(handled);
    });
    statusCode = response.statusCode;
    headers = redactHeaders(lowerCaseHeaders(response.headers), secrets);
    options.onHeaders?.(headers);
    const exchange = { statusCode, headers, secrets };
    const body = await untilAborted(readChecked(exchange, response.body, maxResponseBytes), signal, () => {
      release(response.body);
    });
    return { statusCode, headers, secrets, body, $metadata: responseMetadata(statusCode, headers) };
  } catch (error) {
    throw typedError(error, responseMetadata(statusCode, headers), options, cutoff.timedOut());
  } finally {
    cutoff.dispose();
  }
}

/**
 * Reads a 2xx body whole ({@link BodyTooLargeError} past `limit`). An error response's body is read only up to
 * `limit` — a huge 503 from a proxy stays a retryable 503 — and its service exception is thrown.
 */
async function readChecked(
  exchange: Omit<ErrorResponse, "body">,
  body: unknown,
  limit: number,
): Promise<Uint8Array> {
  if (exchange.statusCode < 300) return readBody(body, limit);
  const { bytes, truncated } = await readBodyPrefix(body, limit);
  const $metadata = responseMetadata(exchange.statusCode, exchange.headers);
  throw toServiceException(
    { ...exchange, body: bytes, truncatedAt: truncated ? limit : undefined },
    $metadata,
  );
}

/**
 * One signal for the attempt that fires for the caller's signal or when `requestTimeout` ms have passed; none
 * when there is neither (the common case costs nothing).
 */
function attemptSignal(abortSignal: AbortSignal | undefined, requestTimeout: number | undefined) {
  if (abortSignal === undefined && requestTimeout === undefined) {
    return { signal: undefined, timedOut: () => false, dispose() {} };
  }
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => {
    controller.abort(abortSignal?.reason);
  };
  abortSignal?.addEventListener("abort", onAbort, { once: true });
  const timer =
    requestTimeout === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`requestTimeout of ${requestTimeout} ms passed`, "TimeoutError"));
        }, requestTimeout);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose(): void {
      clearTimeout(timer);
      abortSignal?.removeEventListener("abort", onAbort);
    },
  };
}

function typedError(
  error: unknown,
  $metadata: ResponseMetadata,
  options: AttemptOptions,
  timedOut: boolean,
): Error {
  const { abortSignal, requestTimeout } = options;
  if (abortSignal?.aborted) return abortError(abortSignal, error, $metadata);
  if (timedOut) {
    return new TimeoutError(`no complete response within requestTimeout (${requestTimeout} ms)`, {
      cause: error,
      $metadata,
    });
  }
  if (error instanceof BodyTooLargeError) {
    return new DeserializationError("", `${error.message}; refusing to buffer it`, {
      cause: error,
      $metadata,
    });
  }
  if (isTyped(error)) return error;
  return networkError(error, $metadata);
}

/** Releases the body of a response that arrives after its attempt was abandoned. */
function releaseLater(handled: Promise<{ response: { body?: unknown } }>): void {
  handled.then(
    ({ response }) => {
      release(response.body);
    },
    () => {},
  );
}

/** Stops an abandoned body stream (web `cancel()` or Node `destroy()`) so its socket is freed. */
function release(body: unknown): void {
  const stream = body as { cancel?: () => Promise<void>; destroy?: () => void; locked?: boolean } | undefined;
  if (typeof stream?.destroy === "function") stream.destroy();
  else if (typeof stream?.cancel === "function" && !stream.locked) void stream.cancel().catch(() => {});
}

function isTyped(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === "object";
}

/** Finds Node's error code (`ECONNRESET`, …) on the error or its causes. */
function networkError(error: unknown, $metadata: ResponseMetadata): NetworkError {
  let code: string | undefined;
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5 && code === undefined;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const candidate = (e as { code?: unknown }).code;
    if (typeof candidate === "string") code = candidate;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new NetworkError(`request failed${code ? ` (${code})` : ""}: ${reason}`, {
    cause: error,
    code,
    $metadata,
  });
}
