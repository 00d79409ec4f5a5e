import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  type DescribePullThroughCacheRulesCommandInput,
} from "../../src/index.js";

const serialize = (input: DescribePullThroughCacheRulesCommandInput): string =>
  new DescribePullThroughCacheRulesCommand(input).operation.serialize(input);

/** Plain-JS callers may pass null where the types say undefined. */
const loose = (input: Record<string, unknown>): DescribePullThroughCacheRulesCommandInput => input;

describe("DescribePullThroughCacheRules serializer", () => {
  it.each<[string, DescribePullThroughCacheRulesCommandInput, string]>([
    ["empty input sends {}", {}, "{}"],
    [
      "undefined members are omitted",
      {
        registryId: undefined,
        maxResults: undefined,
        nextToken: undefined,
        ecrRepositoryPrefixes: undefined,
      },
      "{}",
    ],
    [
      "null members are omitted",
      loose({ registryId: null, ecrRepositoryPrefixes: null, nextToken: null, maxResults: null }),
      "{}",
    ],
    ["one member", { maxResults: 5 }, '{"maxResults":5}'],
    [
      "a registry id keeps its leading zeros",
      { registryId: "012345678901" },
      '{"registryId":"012345678901"}',
    ],
    [
      "prefixes are sent as an array",
      { ecrRepositoryPrefixes: ["docker-hub", "ROOT"] },
      '{"ecrRepositoryPrefixes":["docker-hub","ROOT"]}',
    ],
    [
      "members are written in model order, whatever the input order",
      { maxResults: 10, nextToken: "t", ecrRepositoryPrefixes: ["quay"], registryId: "123456789012" },
      '{"registryId":"123456789012","ecrRepositoryPrefixes":["quay"],"nextToken":"t","maxResults":10}',
    ],
    [
      "present and absent members mix",
      loose({ nextToken: "abc/+=", registryId: null, maxResults: undefined }),
      '{"nextToken":"abc/+="}',
    ],
    ["non-ASCII text is plain JSON", { nextToken: "é✓" }, '{"nextToken":"é✓"}'],
    // Rejecting unknown members is the validator's job; the serializer never writes them.
    [
      "only modelled members are written",
      loose({ maxResults: 1, maxresults: 2, extra: "x" }),
      '{"maxResults":1}',
    ],
  ])("%s", (_, input, body) => {
    expect(serialize(input)).toBe(body);
  });

  it("sends {} for a command built without input", () => {
    const command = new DescribePullThroughCacheRulesCommand();
    expect(command.input).toEqual({});
    expect(command.operation.serialize(command.input)).toBe("{}");
  });

  it("never mutates the caller's input (a frozen input serializes)", () => {
    const input = Object.freeze({
      registryId: "123456789012",
      ecrRepositoryPrefixes: Object.freeze(["quay"]) as string[],
    });
    const command = new DescribePullThroughCacheRulesCommand(input);
    expect(command.input).toBe(input);
    expect(serialize(input)).toBe('{"registryId":"123456789012","ecrRepositoryPrefixes":["quay"]}');
    expect(input).toEqual({ registryId: "123456789012", ecrRepositoryPrefixes: ["quay"] });
  });

  it("names the awsJson operation", () => {
    expect(new DescribePullThroughCacheRulesCommand().operation.name).toBe("DescribePullThroughCacheRules");
  });
});
