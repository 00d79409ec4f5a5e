import type { HttpRequest } from "@smithy/types";

const REDACTED = "<redacted>";

/**
 * The secrets a signed request puts on the wire: the session token and the signature. (The secret key never
 * leaves the process.) A server or proxy that echoes the request back must not get them into our errors.
 */
export function requestSecrets(request: HttpRequest): string[] {
  const secrets: string[] = [];
  const token = request.headers["x-amz-security-token"];
  if (token) secrets.push(token);
  const signature = /Signature=([0-9a-f]+)/.exec(request.headers["authorization"] ?? "")?.[1];
  if (signature) secrets.push(signature);
  return secrets;
}

/** Replaces every occurrence of each secret in `text` with `<redacted>`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret !== "" && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** {@link redactSecrets} over every header value. */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: readonly string[],
): Record<string, string> {
  if (secrets.length === 0) return headers;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redactSecrets(value, secrets);
  return out;
}
