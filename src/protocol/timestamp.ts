/**
 * Strict full-match grammar for a numeric string timestamp: optional sign, digits, fraction, exponent. Written
 * so that no two quantifiers can split the same digits (`\d+\.?\d*` backtracks quadratically: a 200 kB run of
 * digits ending in a letter from a hostile server took 20 s).
 */
const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The ECMAScript `Date` range: ±8.64e15 ms around the epoch. */
const MAX_DATE_MS = 8.64e15;

/**
 * Converts an awsJson epoch-seconds timestamp (number, fractional or E-notation, or a strict numeric
 * string) to a `Date`. Returns a reason string instead of throwing so the caller can name the field.
 */
export function parseEpochSeconds(value: unknown): Date | string {
  let seconds: number;
  if (typeof value === "number") {
    seconds = value;
  } else if (typeof value === "string") {
    if (!NUMBER_PATTERN.test(value))
      return `expected epoch seconds, got the string ${JSON.stringify(value.slice(0, 40))}`;
    seconds = Number(value);
  } else {
    return `expected epoch seconds as a number, got ${describeType(value)}`;
  }
  if (!Number.isFinite(seconds)) return `expected a finite number of epoch seconds, got ${String(seconds)}`;
  const ms = Math.round(seconds * 1000);
  if (Math.abs(ms) > MAX_DATE_MS) return `epoch seconds ${String(seconds)} are outside the range of a Date`;
  return new Date(ms);
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}
