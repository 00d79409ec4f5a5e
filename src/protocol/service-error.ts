import { ECRServiceException, MODELLED_EXCEPTIONS } from "../errors/service-exception.js";
import type { ResponseMetadata } from "../metadata.js";
import { sanitizeErrorCode } from "./error-code.js";
import { decodeUtf8, excerpt } from "./parse-json.js";
import { redactSecrets } from "./redact.js";

/** A response with status ≥ 300, body already read (and size-capped). */
export interface ErrorResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Strings to redact from the message and the kept body (the request's session token and signature). */
  readonly secrets?: readonly string[];
}

/**
 * Turns an error response into the typed exception: code from body `__type`, else body `code`, else the
 * `x-amzn-errortype` header; message from `message`, else `Message`. Bodies that are not JSON objects (an HTML
 * 502 from a proxy, an empty 503) still give an {@link ECRServiceException}, whose message shows what came back.
 */
export function toServiceException(response: ErrorResponse, $metadata: ResponseMetadata): ECRServiceException {
  const hide = (value: string): string => redactSecrets(value, response.secrets ?? []);
  const text = hide(decodeUtf8(response.body) ?? "<invalid UTF-8>");
  const body = parseObject(text);
  const rawCode = stringMember(body, "__type") ?? stringMember(body, "code") ?? response.headers["x-amzn-errortype"];
  const code = rawCode === undefined ? "" : hide(sanitizeErrorCode(rawCode));
  const name = code || "Unknown";
  const $response = { statusCode: response.statusCode, headers: response.headers, body: text };
  const message =
    (body && redactDefined(stringMember(body, "message") ?? stringMember(body, "Message"), hide)) ??
    (body
      ? `${name}: HTTP ${response.statusCode} with no error message`
      : text.trim() === ""
        ? `HTTP ${response.statusCode} with an empty body ${describeContentType(response.headers)}`
        : `HTTP ${response.statusCode} with a non-JSON body ${describeContentType(response.headers)}: ${excerpt(text)}`);
  const Modelled = Object.hasOwn(MODELLED_EXCEPTIONS, code) ? MODELLED_EXCEPTIONS[code] : undefined;
  if (Modelled) return new Modelled({ message, $metadata, $response });
  const $fault = response.statusCode >= 500 ? "server" : "client";
  return new ECRServiceException({ name, message, $fault, $metadata, $response });
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

function describeContentType(headers: Readonly<Record<string, string>>): string {
  const type = headers["content-type"];
  return type ? `(${type})` : "(no content-type)";
}

/** The parsed message can hold a secret the raw text hid behind JSON escapes (`\/`, `\u002b`). */
function redactDefined(value: string | undefined, hide: (value: string) => string): string | undefined {
  return value === undefined ? undefined : hide(value);
}
