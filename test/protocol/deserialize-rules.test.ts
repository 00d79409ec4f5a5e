import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deserializeDescribeOutput } from "../../src/commands/deserialize-rules.js";
import { DeserializationError, type ResponseMetadata } from "../../src/index.js";
import { RULE_MEMBERS, wireRule } from "../support/fixtures.js";

const $metadata: ResponseMetadata = { httpStatusCode: 200, requestId: "req-1" };
const MODEL_ORDER: readonly string[] = RULE_MEMBERS;

/** Runs the deserializer on a JSON text, as the client does after parsing the body. */
const deserialize = (json: string) =>
  deserializeDescribeOutput(JSON.parse(json) as Record<string, unknown>, $metadata);

function deserializationError(json: string): DeserializationError {
  try {
    deserialize(json);
  } catch (error) {
    if (error instanceof DeserializationError) return error;
    throw error;
  }
  throw new Error("expected a DeserializationError");
}

describe("DescribePullThroughCacheRules deserializer: valid bodies", () => {
  it("maps all nine members, with Dates", () => {
    const output = deserializeDescribeOutput(
      { pullThroughCacheRules: [wireRule(1)], nextToken: "t2" },
      $metadata,
    );
    expect(output).toStrictEqual({
      $metadata,
      nextToken: "t2",
      pullThroughCacheRules: [
        {
          ecrRepositoryPrefix: "docker-hub-1",
          upstreamRegistryUrl: "registry-1.docker.io",
          createdAt: new Date(1_700_000_001_000),
          registryId: "012345678901",
          credentialArn:
            "arn:aws:secretsmanager:us-east-1:012345678901:secret:ecr-pullthroughcache/docker-hub-1",
          customRoleArn: "arn:aws:iam::012345678901:role/ptc",
          upstreamRepositoryPrefix: "library-1",
          upstreamRegistry: "docker-hub",
          updatedAt: new Date(1_700_000_000_500),
        },
      ],
    });
    expect(output.$metadata).toBe($metadata);
  });

  it("writes rule members in model order whatever the wire order", () => {
    const reversed = Object.fromEntries(Object.entries(wireRule(2)).reverse());
    const [rule] =
      deserializeDescribeOutput({ pullThroughCacheRules: [reversed] }, $metadata).pullThroughCacheRules ?? [];
    expect(Object.keys(rule ?? {})).toEqual(MODEL_ORDER);
  });

  it.each<[string, string, unknown]>([
    ["an empty body", "{}", { $metadata }],
    ["null members are absent", '{"pullThroughCacheRules":null,"nextToken":null}', { $metadata }],
    ["an empty list stays a list", '{"pullThroughCacheRules":[]}', { $metadata, pullThroughCacheRules: [] }],
    [
      "null list items are dropped",
      '{"pullThroughCacheRules":[null,{"registryId":"1"},null]}',
      { $metadata, pullThroughCacheRules: [{ registryId: "1" }] },
    ],
    [
      "a list of only nulls is empty",
      '{"pullThroughCacheRules":[null]}',
      { $metadata, pullThroughCacheRules: [] },
    ],
    [
      "null rule members are absent",
      '{"pullThroughCacheRules":[{"ecrRepositoryPrefix":"q","createdAt":null,"credentialArn":null}]}',
      { $metadata, pullThroughCacheRules: [{ ecrRepositoryPrefix: "q" }] },
    ],
    ["an empty rule", '{"pullThroughCacheRules":[{}]}', { $metadata, pullThroughCacheRules: [{}] }],
    [
      "unknown top-level members are ignored",
      '{"rules":[1],"NextToken":5,"nextToken":"n"}',
      { $metadata, nextToken: "n" },
    ],
    [
      "unknown rule members are ignored",
      '{"pullThroughCacheRules":[{"registryId":"1","futureMember":{"a":1},"CreatedAt":"junk"}]}',
      { $metadata, pullThroughCacheRules: [{ registryId: "1" }] },
    ],
    [
      "__proto__ members do nothing",
      '{"__proto__":{"nextToken":"evil"},"pullThroughCacheRules":[{"__proto__":{"registryId":"evil"}}]}',
      { $metadata, pullThroughCacheRules: [{}] },
    ],
    [
      "registry ids keep leading zeros",
      '{"pullThroughCacheRules":[{"registryId":"000000000001"}]}',
      { $metadata, pullThroughCacheRules: [{ registryId: "000000000001" }] },
    ],
    [
      "an unknown upstream registry is kept as a string",
      '{"pullThroughCacheRules":[{"upstreamRegistry":"brand-new-registry"}]}',
      { $metadata, pullThroughCacheRules: [{ upstreamRegistry: "brand-new-registry" }] },
    ],
    [
      "E-notation dates",
      '{"pullThroughCacheRules":[{"createdAt":1.563223656E9,"updatedAt":"1.5632236565E9"}]}',
      {
        $metadata,
        pullThroughCacheRules: [
          { createdAt: new Date(1_563_223_656_000), updatedAt: new Date(1_563_223_656_500) },
        ],
      },
    ],
    ["an empty nextToken is kept (the paginator decides)", '{"nextToken":""}', { $metadata, nextToken: "" }],
  ])("%s", (_, json, expected) => {
    expect(deserialize(json)).toStrictEqual(expected);
  });
});

describe("DescribePullThroughCacheRules deserializer: wrong types", () => {
  const rules = (...items: string[]): string => `{"pullThroughCacheRules":[${items.join(",")}]}`;
  const ok = '{"registryId":"123456789012"}';
  it.each<[string, string, RegExp]>([
    ["pullThroughCacheRules", '{"pullThroughCacheRules":{"0":{}}}', /expected an array, got an object/],
    ["pullThroughCacheRules", '{"pullThroughCacheRules":"rules"}', /expected an array, got a string/],
    ["pullThroughCacheRules", '{"pullThroughCacheRules":7}', /expected an array, got number 7/],
    ["pullThroughCacheRules", '{"pullThroughCacheRules":true}', /expected an array, got boolean true/],
    ["nextToken", '{"nextToken":42}', /expected a string, got number 42/],
    ["nextToken", '{"nextToken":["t"]}', /expected a string, got an array/],
    ["nextToken", '{"nextToken":{}}', /expected a string, got an object/],
    ["pullThroughCacheRules[0]", rules('"rule"'), /expected an object, got a string/],
    ["pullThroughCacheRules[1]", rules(ok, "[]"), /expected an object, got an array/],
    ["pullThroughCacheRules[2]", rules(ok, ok, "3"), /expected an object, got number 3/],
    ["pullThroughCacheRules[0]", rules("false"), /expected an object, got boolean false/],
    // The path keeps the wire index, counting the null items that are dropped.
    [
      "pullThroughCacheRules[3].createdAt",
      rules(ok, "null", ok, '{"createdAt":"junk"}'),
      /got the string "junk"/,
    ],
    ["pullThroughCacheRules[0].createdAt", rules('{"createdAt":true}'), /got boolean true/],
    ["pullThroughCacheRules[0].createdAt", rules('{"createdAt":{}}'), /got an object/],
    ["pullThroughCacheRules[0].createdAt", rules('{"createdAt":[1]}'), /got an array/],
    ["pullThroughCacheRules[0].createdAt", rules('{"createdAt":1e20}'), /outside the range of a Date/],
    ["pullThroughCacheRules[0].updatedAt", rules('{"updatedAt":"NaN"}'), /got the string "NaN"/],
    ["pullThroughCacheRules[0].updatedAt", rules('{"updatedAt":1e400}'), /finite number/],
    [
      "pullThroughCacheRules[0].ecrRepositoryPrefix",
      rules('{"ecrRepositoryPrefix":1}'),
      /expected a string, got number 1/,
    ],
    [
      "pullThroughCacheRules[0].upstreamRegistryUrl",
      rules('{"upstreamRegistryUrl":{}}'),
      /expected a string, got an object/,
    ],
    [
      "pullThroughCacheRules[0].registryId",
      rules('{"registryId":123456789012}'),
      /expected a string, got number 123456789012/,
    ],
    [
      "pullThroughCacheRules[0].credentialArn",
      rules('{"credentialArn":false}'),
      /expected a string, got boolean false/,
    ],
    [
      "pullThroughCacheRules[0].customRoleArn",
      rules('{"customRoleArn":["arn"]}'),
      /expected a string, got an array/,
    ],
    [
      "pullThroughCacheRules[0].upstreamRepositoryPrefix",
      rules('{"upstreamRepositoryPrefix":0}'),
      /expected a string, got number 0/,
    ],
    [
      "pullThroughCacheRules[1].upstreamRegistry",
      rules(ok, '{"upstreamRegistry":true}'),
      /expected a string, got boolean true/,
    ],
  ])("%s ← %s", (path, json, reason) => {
    const error = deserializationError(json);
    expect(error.name).toBe("DeserializationError");
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toMatch(reason);
    expect(error.$metadata).toEqual($metadata);
  });

  it("reports the first bad member of a rule, in model order", () => {
    expect(deserializationError(rules('{"updatedAt":"x","createdAt":"y"}')).path).toBe(
      "pullThroughCacheRules[0].createdAt",
    );
  });
});

describe("DescribePullThroughCacheRules deserializer: any JSON", () => {
  const member = (arbitrary: fc.Arbitrary<unknown>) => fc.option(arbitrary, { nil: undefined });
  const seconds = fc.double({ min: -8.64e12, max: 8.64e12, noNaN: true });
  const wireRules = fc.array(
    fc.oneof(
      fc.constant(null),
      fc.record(
        {
          ecrRepositoryPrefix: member(fc.string()),
          upstreamRegistryUrl: member(fc.string()),
          createdAt: member(seconds),
          registryId: member(fc.stringMatching(/^\d{12}$/)),
          credentialArn: member(fc.string()),
          customRoleArn: member(fc.string()),
          upstreamRepositoryPrefix: member(fc.string()),
          upstreamRegistry: member(fc.string()),
          updatedAt: member(fc.oneof(seconds, seconds.map(String))),
        },
        { requiredKeys: [] },
      ),
    ),
  );

  it("maps every well-typed page: nulls dropped, strings kept, Dates = Math.round(seconds × 1000)", () => {
    fc.assert(
      fc.property(wireRules, member(fc.string()), (rules, nextToken) => {
        const wire = JSON.parse(JSON.stringify({ pullThroughCacheRules: rules, nextToken })) as Record<
          string,
          unknown
        >;
        const output = deserializeDescribeOutput(wire, $metadata);
        const kept = rules.filter((rule) => rule !== null);
        expect(output.pullThroughCacheRules).toHaveLength(kept.length);
        expect(output.nextToken).toBe(nextToken);
        kept.forEach((rule, index) => {
          const { createdAt, updatedAt, ...strings } = rule;
          const mapped = output.pullThroughCacheRules?.[index];
          expect(mapped).toMatchObject(JSON.parse(JSON.stringify(strings)) as object);
          const ms = (value: unknown) =>
            value === undefined ? undefined : Math.round(Number(value) * 1000) + 0; // + 0: a Date has no -0
          expect(mapped?.createdAt?.getTime()).toBe(ms(createdAt));
          expect(mapped?.updatedAt?.getTime()).toBe(ms(updatedAt));
        });
      }),
    );
  });

  it("returns an output or throws a DeserializationError with $metadata, whatever the JSON", () => {
    const body = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.record({ pullThroughCacheRules: fc.jsonValue(), nextToken: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({
        pullThroughCacheRules: fc.array(
          fc.dictionary(fc.constantFrom(...MODEL_ORDER, "other"), fc.jsonValue()),
        ),
      }),
    );
    fc.assert(
      fc.property(body, (value) => {
        try {
          expect(deserializeDescribeOutput(value, $metadata).$metadata).toBe($metadata);
        } catch (error) {
          expect(error).toBeInstanceOf(DeserializationError);
          expect((error as DeserializationError).$metadata).toBe($metadata);
          expect((error as DeserializationError).path).toMatch(
            /^(nextToken|pullThroughCacheRules(\[\d+\](\.\w+)?)?)$/,
          );
        }
      }),
    );
  });
});
