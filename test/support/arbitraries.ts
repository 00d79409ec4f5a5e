import fc from "fast-check";

/** Fixed seed and bounded runs: property tests are reproducible and fast (override the seed to explore). */
export const PROPERTY_RUNS = { seed: Number(process.env["FC_SEED"] ?? 20_261_204), numRuns: 200 } as const;

/** The `Date` range in seconds: ±8.64e12 (https://tc39.es/ecma262/#sec-time-values-and-time-range). */
export const MAX_DATE_SECONDS = 8.64e12;

/** Keys that trip naive object handling. */
const trickyKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "length",
  "",
);

/** Strings, including astral characters and lone surrogates, now and then very long. */
export const anyString = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.nat({ max: 300_000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map((n) => `${"9".repeat(n)}z`) },
);

/** Numbers at the edges: the Date range, the float range, negative zero, tiny and huge exponents. */
export const edgeNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    MAX_DATE_SECONDS,
    -MAX_DATE_SECONDS,
    MAX_DATE_SECONDS + 0.001,
    -MAX_DATE_SECONDS - 0.001,
    MAX_DATE_SECONDS + 0.0004,
    1e20,
    1.563223656e9,
  ),
  fc.double({ min: -MAX_DATE_SECONDS * 1.001, max: MAX_DATE_SECONDS * 1.001, noNaN: true }),
);

/** Any JSON value, with tricky keys and edge numbers mixed in. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    edgeNumber.filter(Number.isFinite),
    anyString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), trickyKey), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Exactly what a server's JSON text can turn into: `junk` sent through JSON text and parsed back. */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
