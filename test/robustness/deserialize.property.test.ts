import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deserializeDescribeOutput } from "../../src/commands/deserialize-rules.js";
import { DeserializationError } from "../../src/index.js";
import { anyString, edgeNumber, junk, PROPERTY_RUNS, viaJson } from "../support/arbitraries.js";
import { RULE_MEMBERS } from "../support/fixtures.js";

const MEMBERS = RULE_MEMBERS;
const DATE_MEMBERS: readonly string[] = ["createdAt", "updatedAt"];
const STRING_MEMBERS = MEMBERS.filter((key) => !DATE_MEMBERS.includes(key));
const PATH = new RegExp(`^(nextToken|pullThroughCacheRules(\\[\\d+\\](\\.(${MEMBERS.join("|")}))?)?)$`);
const $metadata = { httpStatusCode: 200, requestId: "req-property" } as const;

/** Independent oracle for the timestamp rule of ECR-API.md: epoch seconds → ms, or undefined when refused. */
function expectedMillis(value: unknown): number | undefined {
  const numeric = (text: string): boolean =>
    text.trim() === text && /^-?[.\d]/.test(text) && !/[xob]/i.test(text) && Number.isFinite(Number(text));
  const seconds =
    typeof value === "number" ? value : typeof value === "string" && numeric(value) ? Number(value) : NaN;
  if (!Number.isFinite(seconds)) return undefined;
  const ms = Math.round(seconds * 1000);
  return Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

/** Timestamps as a server might send them: numbers, numeric strings, near-misses and junk. */
const timestampish = fc.oneof(
  edgeNumber,
  edgeNumber.map(String),
  fc
    .tuple(edgeNumber, fc.constantFrom(" ", "+", "0x", "\n", "_", "e"))
    .map(([n, affix]) => `${affix}${String(n)}`),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -400, max: 400 })).map(([i, f, e]) => `${i}.${f}E${e}`),
  fc.constantFrom(
    "",
    ".",
    "-",
    "1.",
    ".5",
    "-.5",
    "1e",
    "Infinity",
    "-Infinity",
    "NaN",
    "1_000",
    "1.563223656E9",
  ),
  anyString,
  junk,
);

const ruleish = fc.dictionary(
  fc.oneof(fc.constantFrom(...MEMBERS), fc.string({ maxLength: 6 })),
  fc.oneof(anyString, timestampish, junk),
  { maxKeys: 12 },
);

/** A response object with junk in every position: the list, its items, each member, the token, extra keys. */
const hostileBody = fc
  .record(
    {
      pullThroughCacheRules: fc.oneof(junk, fc.array(fc.oneof(ruleish, junk), { maxLength: 6 })),
      nextToken: fc.oneof(anyString, junk),
      extra: junk,
    },
    { requiredKeys: [] },
  )
  .map((body) => viaJson(body) as Record<string, unknown>);

function run(body: Record<string, unknown>): {
  output?: ReturnType<typeof deserializeDescribeOutput>;
  error?: unknown;
} {
  try {
    return { output: deserializeDescribeOutput(body, $metadata) };
  } catch (error) {
    return { error };
  }
}

describe("deserializer properties (arbitrary JSON in every position)", () => {
  it("returns a correctly typed output or throws a DeserializationError naming a real path, nothing else", () => {
    fc.assert(
      fc.property(hostileBody, (body) => {
        const { output, error } = run(body);
        if (error !== undefined) {
          expect(error).toBeInstanceOf(DeserializationError);
          const typed = error as DeserializationError;
          expect(typed.path).toMatch(PATH);
          expect(typed.message.startsWith(typed.path)).toBe(true);
          expect(typed.$metadata).toEqual($metadata);
          return;
        }
        expect(output!.$metadata).toEqual($metadata);
        if (output!.nextToken !== undefined) expect(typeof output!.nextToken).toBe("string");
        const items = body["pullThroughCacheRules"];
        if (output!.pullThroughCacheRules === undefined) {
          expect(items ?? null).toBeNull();
          return;
        }
        expect((items as unknown[]).filter((item) => item !== null)).toHaveLength(
          output!.pullThroughCacheRules.length,
        );
        for (const rule of output!.pullThroughCacheRules) {
          for (const [key, value] of Object.entries(rule)) {
            expect(MEMBERS).toContain(key);
            if (DATE_MEMBERS.includes(key)) {
              expect(value).toBeInstanceOf(Date);
              expect(Number.isFinite((value as Date).getTime())).toBe(true);
            } else {
              expect(typeof value).toBe("string");
            }
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it("accepts a timestamp exactly when the contract does, with Math.round(seconds × 1000) ms", () => {
    fc.assert(
      fc.property(timestampish, (createdAt) => {
        const body = { pullThroughCacheRules: [{ createdAt }] };
        const expected = createdAt === null ? null : expectedMillis(createdAt);
        const { output, error } = run(body);
        if (expected === undefined) {
          expect(error).toBeInstanceOf(DeserializationError);
          expect((error as DeserializationError).path).toBe("pullThroughCacheRules[0].createdAt");
        } else if (expected === null) {
          expect(output!.pullThroughCacheRules).toEqual([{}]);
        } else {
          expect(output!.pullThroughCacheRules![0]!.createdAt!.getTime() === expected).toBe(true);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 1000 },
    );
  });

  it("keeps every well-typed rule member as it came, drops null items and ignores unknown members", () => {
    const seconds = fc.double({ min: -8.64e12, max: 8.64e12, noNaN: true });
    const goodRule = fc.record(
      {
        ...Object.fromEntries(STRING_MEMBERS.map((key) => [key, fc.oneof(anyString, fc.constant(null))])),
        createdAt: fc.oneof(seconds, seconds.map(String), fc.constant(null)),
        updatedAt: fc.oneof(seconds, fc.constant(null)),
        somethingNew: junk,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.option(goodRule, { nil: null }), { maxLength: 8 }),
        fc.option(anyString),
        (rules, token) => {
          const body = viaJson({ pullThroughCacheRules: rules, nextToken: token });
          const output = deserializeDescribeOutput(body, $metadata);
          const expected = (body.pullThroughCacheRules as (Record<string, unknown> | null)[])
            .filter((rule) => rule !== null)
            .map((rule) =>
              Object.fromEntries(
                MEMBERS.filter((key) => rule[key] !== undefined && rule[key] !== null).map((key) => [
                  key,
                  DATE_MEMBERS.includes(key) ? new Date(expectedMillis(rule[key])!) : rule[key],
                ]),
              ),
            );
          expect(output.pullThroughCacheRules).toEqual(expected);
          expect(output.nextToken).toBe(token ?? undefined);
          // Members come out in model order, so printed rules read like the AWS CLI's.
          for (const rule of output.pullThroughCacheRules!) {
            const keys = Object.keys(rule);
            expect(keys).toEqual(MEMBERS.filter((key) => keys.includes(key)));
          }
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it("names the exact path of a single wrong-typed member in an otherwise valid page", () => {
    const wrongForString = junk.filter((value) => value !== null && typeof value !== "string");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.constantFrom(...MEMBERS),
        wrongForString,
        (count, at, member, wrong) => {
          const index = at % count;
          const rules = Array.from({ length: count }, (_, i) => ({
            ecrRepositoryPrefix: `p-${i}`,
            createdAt: 1_700_000_000 + i,
          }));
          const value = DATE_MEMBERS.includes(member) ? timestampOrWrong(wrong) : wrong;
          rules[index] = { ...rules[index]!, [member]: value };
          const { error } = run(viaJson({ pullThroughCacheRules: rules }));
          expect(error).toBeInstanceOf(DeserializationError);
          expect((error as DeserializationError).path).toBe(`pullThroughCacheRules[${index}].${member}`);
        },
      ),
      PROPERTY_RUNS,
    );
  });
});

/** A value a date member must refuse: the junk itself unless it happens to be a valid timestamp. */
function timestampOrWrong(value: unknown): unknown {
  return expectedMillis(value) === undefined ? value : { seconds: value };
}
