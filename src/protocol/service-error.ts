import { ECRServiceException, MODELLED_EXCEPTIONS } from "../errors/service-exception.js";
import type { ResponseMetadata } from "../metadata.js";
import { sanitizeErrorCode } from "./error-code.js";
import { decodeUtf8, decodeUtf8Prefix, excerpt } from "./parse-json.js";
import { redactSecrets } from "./redact.js";

/** Longest service message kept in `error.message`; the whole body stays in `$response.body`. */
export const MAX_MESSAGE_LENGTH = 2048;

/** A response with status ≥ 300, body already read (and size-capped). */
export interface ErrorResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Set when the body was longer than this many bytes and `body` holds only its first `truncatedAt` bytes. */
  readonly truncatedAt?: number | undefined;
  /** Strings to redact from the message and the kept body (the request's session token and signature). */
  readonly secrets?: readonly string[];
}

/**
 * Turns an error response into the typed exception: code from body `__type`, else body `code`, else the
 * `x-amzn-errortype` header; message from `message`, else `Message`. Bodies that are not JSON objects (an HTML
 * 502 from a proxy, an empty 503) still give an {@link ECRServiceException}, whose message shows what came back;
 * the message also says when the body was cut at the size cap.
 */
export function toServiceException(
  response: ErrorResponse,
  $metadata: ResponseMetadata,
): ECRServiceException {
  // The request's own secrets, echoed back by a proxy, must not reach the message or the kept body.
  const hide = (value: string): string => redactSecrets(value, response.secrets ?? []);
  const { truncatedAt } = response;
  const decoded = truncatedAt === undefined ? decodeUtf8(response.body) : decodeUtf8Prefix(response.body);
  const text = hide(decoded ?? "<invalid UTF-8>");
  const body = parseObject(text);
  const rawCode =
    stringMember(body, "__type") ?? stringMember(body, "code") ?? response.headers["x-amzn-errortype"];
  const code = rawCode === undefined ? "" : hide(sanitizeErrorCode(rawCode));
  const name = code || "Unknown";
  const $response = { statusCode: response.statusCode, headers: response.headers, body: text };
  // Parsed members are redacted again: JSON escapes (`\/`, `\u002b`) can hide a secret from the raw text.
  const message =
    capLength(
      hide(
        stringMember(body, "message") ??
          stringMember(body, "Message") ??
          fallbackMessage(name, response, text, body),
      ),
    ) + truncationNote(truncatedAt);
  const Modelled = Object.hasOwn(MODELLED_EXCEPTIONS, code) ? MODELLED_EXCEPTIONS[code] : undefined;
  if (Modelled) return new Modelled({ message, $metadata, $response });
  const $fault = response.statusCode >= 500 ? "server" : "client";
  return new ECRServiceException({ name, message, $fault, $metadata, $response });
}

/** Says what came back when the service gave no message: the status, content-type and a body excerpt. */
function fallbackMessage(
  name: string,
  response: ErrorResponse,
  text: string,
  body: object | undefined,
): string {
  const status = `HTTP ${response.statusCode}`;
  if (body) return `${name}: ${status} with no error message`;
  const contentType = response.headers["content-type"];
  const type = contentType ? `(${contentType})` : "(no content-type)";
  if (text.trim() === "") return `${status} with an empty body ${type}`;
  return `${status} with a body that is not a JSON object ${type}: ${excerpt(text)}`;
}

/** Says that the message and `$response.body` come from the start of a body cut at the size cap. */
function truncationNote(truncatedAt: number | undefined): string {
  return truncatedAt === undefined
    ? ""
    : ` (response body truncated: only its first ${truncatedAt} bytes were read)`;
}

/** A hostile or broken server can send megabytes of "message"; logs should not carry them. */
function capLength(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const rest = message.length - MAX_MESSAGE_LENGTH;
  return `${message.slice(0, MAX_MESSAGE_LENGTH)}… (${rest} more characters in $response.body)`;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringMember(body: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = body?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}
