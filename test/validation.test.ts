import { describe, expect, it } from "vitest";
import {
  type DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  InputValidationError,
} from "../src/index.js";
import { didYouMean } from "../src/validation/did-you-mean.js";
import { validateDescribeInput } from "../src/validation/describe-input.js";
import { CREDENTIALS } from "./support/fixtures.js";
import { respond, useMsw } from "./support/msw.js";

const { server, requests } = useMsw();

const hundred = (prefix: string) => Array.from({ length: 100 }, (_, index) => `${prefix}${index}`);

// prettier-ignore
const VALID: [string, unknown][] = [
  ["no members", {}],
  ["every member at its lower bound", { registryId: "000000000000", ecrRepositoryPrefixes: ["ab"], nextToken: "t", maxResults: 1 }],
  ["every member at its upper bound", { ecrRepositoryPrefixes: hundred("prefix-"), maxResults: 1000 }],
  ["ROOT", { ecrRepositoryPrefixes: ["ROOT"] }],
  ["prefixes using every separator", { ecrRepositoryPrefixes: ["a.b_c__d-e---f/g0/", "docker-hub/library", "x1/y2"] }],
  ["a 30-character prefix", { ecrRepositoryPrefixes: ["a".repeat(30)] }],
  ["null and undefined members (absent)", { registryId: null, ecrRepositoryPrefixes: undefined, nextToken: null, maxResults: null }],
];

/** `["quay", <hole>, "k8s"]`: a sparse array, as a careless caller may build one. */
const holey: unknown[] = ["quay"];
holey[2] = "k8s";

type Invalid = [label: string, input: unknown, field: string, rule: string, message: string];
// prettier-ignore
const INVALID: Invalid[] = [
  ["registryId of 11 digits", { registryId: "12345678901" }, "registryId", "pattern", 'must be exactly 12 digits (an AWS account id), got "12345678901"'],
  ["registryId of 13 digits", { registryId: "1234567890123" }, "registryId", "pattern", "exactly 12 digits"],
  ["registryId with a letter", { registryId: "12345678901a" }, "registryId", "pattern", "exactly 12 digits"],
  ["registryId with non-ASCII digits", { registryId: "١٢٣٤٥٦٧٨٩٠١٢" }, "registryId", "pattern", "exactly 12 digits"],
  ["registryId as a number", { registryId: 123456789012 }, "registryId", "type", "must be a string, got a number (123456789012)"],
  ["no prefixes", { ecrRepositoryPrefixes: [] }, "ecrRepositoryPrefixes", "items", "must have 1–100 items, got 0"],
  ["101 prefixes", { ecrRepositoryPrefixes: [...hundred("p-"), "p-100"] }, "ecrRepositoryPrefixes", "items", "got 101"],
  ["prefixes as a string", { ecrRepositoryPrefixes: "docker-hub" }, "ecrRepositoryPrefixes", "type", 'must be an array, got a string ("docker-hub")'],
  ["a null prefix", { ecrRepositoryPrefixes: ["quay", null] }, "ecrRepositoryPrefixes[1]", "type", "must be a string, got null"],
  ["a hole in the prefixes", { ecrRepositoryPrefixes: holey }, "ecrRepositoryPrefixes[1]", "type", "got undefined"],
  ["a numeric prefix", { ecrRepositoryPrefixes: [42] }, "ecrRepositoryPrefixes[0]", "type", "got a number (42)"],
  ["a 1-character prefix", { ecrRepositoryPrefixes: ["ok", "a"] }, "ecrRepositoryPrefixes[1]", "length", 'must be a string of 2–30 characters, got "a" (1 characters)'],
  ["a 31-character prefix", { ecrRepositoryPrefixes: ["a".repeat(31)] }, "ecrRepositoryPrefixes[0]", "length", "(31 characters)"],
  ["a huge prefix (length is checked before the pattern)", { ecrRepositoryPrefixes: ["a-".repeat(50_000)] }, "ecrRepositoryPrefixes[0]", "length", "(100000 characters)"],
  ["an uppercase prefix", { ecrRepositoryPrefixes: ["Docker"] }, "ecrRepositoryPrefixes[0]", "pattern", 'must be a repository prefix (lowercase letters and digits, separated by ., _, __, - or /) or ROOT, got "Docker"'],
  ["a prefix starting with a separator", { ecrRepositoryPrefixes: ["-abc"] }, "ecrRepositoryPrefixes[0]", "pattern", "or ROOT"],
  ["a prefix with a triple underscore", { ecrRepositoryPrefixes: ["a___b"] }, "ecrRepositoryPrefixes[0]", "pattern", "or ROOT"],
  ["a prefix with an empty path segment", { ecrRepositoryPrefixes: ["ab//cd"] }, "ecrRepositoryPrefixes[0]", "pattern", "or ROOT"],
  ["an empty nextToken", { nextToken: "" }, "nextToken", "length", 'must be a non-empty string, got "" (0 characters)'],
  ["a numeric nextToken", { nextToken: 5 }, "nextToken", "type", "got a number (5)"],
  ["maxResults 0", { maxResults: 0 }, "maxResults", "range", "must be an integer from 1 to 1000, got 0"],
  ["maxResults 1001", { maxResults: 1001 }, "maxResults", "range", "got 1001"],
  ["maxResults -1", { maxResults: -1 }, "maxResults", "range", "got -1"],
  ["maxResults 1.5", { maxResults: 1.5 }, "maxResults", "integer", "got 1.5"],
  ["maxResults NaN", { maxResults: NaN }, "maxResults", "integer", "got NaN"],
  ["maxResults Infinity", { maxResults: Infinity }, "maxResults", "integer", "got Infinity"],
  ["maxResults as a string", { maxResults: "10" }, "maxResults", "type", 'got a string ("10")'],
  ["maxResults as a bigint", { maxResults: 10n }, "maxResults", "type", "got a bigint (10n)"],
  ["maxresults", { maxresults: 10 }, "maxresults", "unknown-member", 'is not a member of DescribePullThroughCacheRulesCommandInput; did you mean "maxResults"?'],
  ["MaxResults", { MaxResults: 10 }, "MaxResults", "unknown-member", 'did you mean "maxResults"?'],
  ["nextTokne", { nextTokne: "t" }, "nextTokne", "unknown-member", 'did you mean "nextToken"?'],
  ["registryID", { registryID: "012345678901" }, "registryID", "unknown-member", 'did you mean "registryId"?'],
  ["ecrRepositoryPrefix", { ecrRepositoryPrefix: ["quay"] }, "ecrRepositoryPrefix", "unknown-member", 'did you mean "ecrRepositoryPrefixes"?'],
  ["an unknown member set to undefined", { pageSize: undefined }, "pageSize", "unknown-member", "its members are registryId, ecrRepositoryPrefixes, nextToken, maxResults"],
  ["an own __proto__ member", JSON.parse('{"__proto__": 1}'), "__proto__", "unknown-member", "is not a member"],
  ["a constructor member", { constructor: 1 }, "constructor", "unknown-member", "is not a member"],
  ["null input", null, "input", "type", "must be an object (DescribePullThroughCacheRulesCommandInput), got null"],
  ["an array input", [], "input", "type", "got an array"],
  ["a string input", "maxResults=5", "input", "type", 'got a string ("maxResults=5")'],
];

const validate = (input: unknown) => {
  validateDescribeInput(input as DescribePullThroughCacheRulesCommandInput);
};

describe("validateDescribeInput", () => {
  it.each(VALID)("accepts %s", (_, input) => {
    expect(() => {
      validate(input);
    }).not.toThrow();
  });

  it.each(INVALID)("rejects %s", (_, input, field, rule, message) => {
    const error = (() => {
      try {
        validate(input);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ name: "InputValidationError", field, rule });
    expect((error as Error).message).toContain(`${field}: `);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message.length).toBeLessThan(200);
  });

  it("keeps the offending value on the error", () => {
    const prefixes = ["quay", "Nope"];
    expect(() => {
      validate({ ecrRepositoryPrefixes: prefixes });
    }).toThrow(expect.objectContaining({ field: "ecrRepositoryPrefixes[1]", value: "Nope" }) as Error);
    expect(() => {
      validate({ ecrRepositoryPrefixes: [] });
    }).toThrow(expect.objectContaining({ value: [] }) as Error);
  });

  it("is a client error, not the service's ValidationException", () => {
    const error = new InputValidationError("maxResults", "must be …", { rule: "range", value: 0 });
    expect(error).toBeInstanceOf(ECRClientError);
    expect(error).not.toBeInstanceOf(ECRServiceException);
    expect(error.$metadata).toEqual({});
  });
});

describe("didYouMean", () => {
  const members = ["registryId", "ecrRepositoryPrefixes", "nextToken", "maxResults"];
  it.each([
    ["maxresults", "maxResults"],
    ["MAXRESULTS", "maxResults"],
    ["maxResult", "maxResults"],
    ["nextTokne", "nextToken"],
    ["nexttoken", "nextToken"],
    ["registry_id", "registryId"],
    ["ecrRepositoryPrefix", "ecrRepositoryPrefixes"],
    ["limit", undefined],
    ["token", undefined],
    ["id", undefined],
    ["pageSize", undefined],
  ])("%s → %s", (name, suggestion) => {
    expect(didYouMean(name, members)).toBe(suggestion);
  });
});

describe("client.send validates before any I/O", () => {
  const client = new ECRClient({ region: "us-east-1", credentials: CREDENTIALS });

  it.each(INVALID)("rejects %s and sends nothing", async (_, input, field, rule) => {
    server.use(respond({}));
    const command = new DescribePullThroughCacheRulesCommand(
      input as DescribePullThroughCacheRulesCommandInput,
    );
    await expect(client.send(command)).rejects.toMatchObject({ name: "InputValidationError", field, rule });
    expect(requests).toHaveLength(0);
  });

  it("sends a valid input", async () => {
    server.use(respond({}));
    await client.send(
      new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["ROOT"], maxResults: 1000 }),
    );
    expect(requests.map((request) => request.body)).toEqual([
      '{"ecrRepositoryPrefixes":["ROOT"],"maxResults":1000}',
    ]);
  });
});
