import type { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import type { HttpRequestHandler } from "../config/types.js";
import { AbortError, DeserializationError, NetworkError, TimeoutError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import { lowerCaseHeaders, responseMetadata } from "../protocol/metadata.js";
import { redactHeaders, requestSecrets } from "../protocol/redact.js";
import { toServiceException } from "../protocol/service-error.js";
import { BodyTooLargeError, readBody } from "./read-body.js";

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
  /** Milliseconds the whole attempt (connect, headers and body) may take; none when undefined. */
  readonly requestTimeout?: number | undefined;
  readonly maxResponseBytes: number;
  /** Extra headers for this attempt (e.g. `amz-sdk-request`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One signed HTTP exchange. Resolves with a 2xx response; throws the typed service exception for a status
 * ≥ 300, or a {@link NetworkError}, {@link TimeoutError} or {@link AbortError} when no whole response came.
 */
export async function sendAttempt(request: HttpRequest, options: AttemptOptions): Promise<AttemptResponse> {
  const { abortSignal, requestTimeout } = options;
  if (abortSignal?.aborted) throw abortError(abortSignal);
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(abortSignal?.reason);
  };
  abortSignal?.addEventListener("abort", onAbort, { once: true });
  // The attempt's own controller fires for the caller's signal or for the time-out; which one is told apart
  // by looking at the caller's signal afterwards.
  const timer =
    requestTimeout === undefined
      ? undefined
      : setTimeout(() => {
          controller.abort();
        }, requestTimeout);
  let statusCode: number | undefined;
  let headers: Record<string, string> = {};
  try {
    const signed = await options.signer.sign(
      { ...request, headers: { ...request.headers, ...options.headers } },
      { signingDate: options.signingDate },
    );
    const secrets = requestSecrets(signed);
    const { response } = await options.handler.handle(signed, { abortSignal: controller.signal });
    statusCode = response.statusCode;
    headers = redactHeaders(lowerCaseHeaders(response.headers), secrets);
    const body = await readBody(response.body, options.maxResponseBytes);
    const $metadata = responseMetadata(statusCode, headers);
    if (statusCode >= 300) throw toServiceException({ statusCode, headers, body, secrets }, $metadata);
    return { statusCode, headers, body, $metadata, secrets };
  } catch (error) {
    const $metadata = responseMetadata(statusCode, headers);
    if (abortSignal?.aborted) throw abortError(abortSignal, error, $metadata);
    if (controller.signal.aborted) {
      throw new TimeoutError(`no complete response within requestTimeout (${requestTimeout} ms)`, { cause: error, $metadata });
    }
    if (error instanceof BodyTooLargeError) {
      throw new DeserializationError("", `${error.message}; refusing to buffer it`, { cause: error, $metadata });
    }
    if (isTyped(error)) throw error;
    throw networkError(error, $metadata);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    abortSignal?.removeEventListener("abort", onAbort);
  }
}

function isTyped(error: unknown): boolean {
  return typeof (error as { $metadata?: unknown } | undefined)?.$metadata === "object";
}

function abortError(signal: AbortSignal, cause?: unknown, $metadata: ResponseMetadata = {}): AbortError {
  const reason: unknown = signal.reason;
  const why = reason instanceof Error && reason.name === "TimeoutError" ? "the abort signal timed out" : "the request was aborted";
  return new AbortError(why, { cause: cause ?? reason, $metadata });
}

/** Finds Node's error code (`ECONNRESET`, …) on the error or its causes. */
function networkError(error: unknown, $metadata: ResponseMetadata): NetworkError {
  let code: string | undefined;
  for (let e: unknown = error, depth = 0; e && depth < 5 && code === undefined; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = (e as { code?: unknown }).code;
    if (typeof candidate === "string") code = candidate;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new NetworkError(`request failed${code ? ` (${code})` : ""}: ${reason}`, { cause: error, code, $metadata });
}
