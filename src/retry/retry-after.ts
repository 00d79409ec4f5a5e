/**
 * The wait a failed response asks for, in milliseconds: `x-amz-retry-after` (milliseconds) or `retry-after`
 * (delay-seconds or an HTTP date, RFC 9110 §10.2.3), read from the error's raw response. `now` is the
 * server-aligned clock, so an HTTP date is measured against the server's time. Unparseable or past values give
 * `undefined`; the strategy bounds the rest.
 */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const headers = (error as { $response?: { headers?: Readonly<Record<string, string>> } } | undefined)
    ?.$response?.headers;
  if (!headers) return undefined;
  const amz = headers["x-amz-retry-after"];
  if (amz !== undefined && /^\d+$/.test(amz.trim())) return Number(amz);
  const value = headers["retry-after"]?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) || date <= now ? undefined : date - now;
}
