import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a page token remembers: where the next page starts and which query it belongs to. */
export interface PagePosition {
  readonly offset: number;
  /** A digest of the query's filters; a token only resumes the query that issued it. */
  readonly query: string;
}

/** Issues and checks opaque, HMAC-signed page tokens; a token from another server or query is refused. */
export interface PageTokens {
  issue(position: PagePosition): string;
  /** The position, or `undefined` when the token was altered, is foreign or does not fit `query`. */
  read(token: string, query: string): number | undefined;
}

export function createPageTokens(secret: Uint8Array = randomBytes(32)): PageTokens {
  const mac = (payload: string): Buffer => createHmac("sha256", secret).update(payload).digest();
  return {
    issue(position) {
      const payload = Buffer.from(JSON.stringify({ v: 1, o: position.offset, q: position.query })).toString(
        "base64url",
      );
      return `${payload}.${mac(payload).toString("base64url")}`;
    },
    read(token, query) {
      const [payload, signature, extra] = token.split(".");
      if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
      const expected = mac(payload);
      const given = Buffer.from(signature, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
        o: number;
        q: string;
      };
      return parsed.q === query ? parsed.o : undefined;
    },
  };
}

/** The digest of a query's filters. */
export function queryDigest(registryId: string, prefixes: readonly string[] | undefined): string {
  return createHash("sha256")
    .update(JSON.stringify([registryId, prefixes ?? null]))
    .digest("base64url")
    .slice(0, 16);
}
