import { DeserializationError } from "../errors/client-errors.js";
import type { ResponseMetadata } from "../metadata.js";
import { redactSecrets } from "./redact.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes a response body as strict UTF-8; `undefined` when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the start of a body that was cut at an arbitrary byte: a character the cut split in two is dropped
 * rather than making the whole text invalid; `undefined` when the bytes before it are not valid UTF-8.
 */
export function decodeUtf8Prefix(bytes: Uint8Array): string | undefined {
  try {
    // In streaming mode an incomplete sequence at the end waits for more bytes instead of failing.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

/**
 * Parses a 2xx awsJson body, which must be a JSON object, or throws a {@link DeserializationError} (the
 * request's `secrets` are redacted from its body excerpt).
 */
export function parseJsonObject(
  bytes: Uint8Array,
  $metadata: ResponseMetadata,
  secrets: readonly string[] = [],
): Record<string, unknown> {
  const text = decodeUtf8(bytes);
  if (text === undefined)
    throw new DeserializationError("", "response body is not valid UTF-8", { $metadata });
  if (text.trim() === "") throw new DeserializationError("", "response body is empty", { $metadata });
  const shown = (): string => excerpt(redactSecrets(text, secrets));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DeserializationError("", `response body is not valid JSON: ${shown()}`, {
      cause,
      $metadata,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DeserializationError("", `response body must be a JSON object, got ${shown()}`, {
      $metadata,
    });
  }
  return value as Record<string, unknown>;
}

/**
 * What a debugging proxy may echo back from our request: the signature and the session token. Redacted before
 * a body excerpt goes into an error message, so a secret never reaches a log through it.
 */
const ECHOED_SECRETS = [
  /(signature=)[0-9a-f]{16,}/gi,
  /(x-amz-security-token["']?\s*[:=]\s*["']?)[^\s"'&,;<]+/gi,
];

/** A short, single-line excerpt of a body for error messages, with echoed secrets redacted. */
export function excerpt(text: string, max = 120): string {
  let flat = text.replace(/\s+/g, " ").trim();
  for (const pattern of ECHOED_SECRETS) flat = flat.replace(pattern, "$1<redacted>");
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
