import fc from "fast-check";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type HttpRequestHandler,
  InputValidationError,
} from "../../src/index.js";
import { CREDENTIALS } from "../support/fixtures.js";
import { anyString, junk, PROPERTY_RUNS } from "../support/arbitraries.js";

const MEMBERS = ["registryId", "ecrRepositoryPrefixes", "nextToken", "maxResults"];
/** The prefix pattern of ECR-API.md ("Input"). */
const PREFIX = /^([a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\/?|ROOT)$/;

/**
 * Independent oracle of the input rules (ECR-API.md "Input"): which inputs may be sent. Known members that are
 * `null`/`undefined` are absent; an unknown member is refused whatever its value (a typo is never dropped).
 */
function acceptable(input: Record<string, unknown>): boolean {
  if (Object.keys(input).some((key) => !MEMBERS.includes(key))) return false;
  const present = Object.entries(input).filter(([, value]) => value !== undefined && value !== null);
  return present.every(([key, value]) => {
    switch (key) {
      case "registryId":
        return typeof value === "string" && /^[0-9]{12}$/.test(value);
      case "ecrRepositoryPrefixes":
        return (
          Array.isArray(value) &&
          value.length >= 1 &&
          value.length <= 100 &&
          value.every(
            (item) => typeof item === "string" && item.length >= 2 && item.length <= 30 && PREFIX.test(item),
          )
        );
      case "nextToken":
        return typeof value === "string" && value !== "";
      case "maxResults":
        return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000;
      default:
        return false;
    }
  });
}

const prefix = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,8}([._-][a-z0-9]{1,6}){0,2}(\/[a-z0-9]{1,6})?\/?$/),
  fc.constantFrom(
    "ROOT",
    "root",
    "a",
    "ab",
    "docker-hub",
    "a--b",
    "a__b",
    "a___b",
    "a/b/",
    "-ab",
    "ab-",
    "Ab",
    "a".repeat(31),
  ),
  anyString,
  junk,
);

/** Inputs with near-misses and junk in every member, and sometimes a misspelt or unknown member. */
const hostileInput = fc.record(
  {
    registryId: fc.oneof(
      fc.stringMatching(/^[0-9]{11,13}$/),
      fc.constantFrom("012345678901", " 12345678901"),
      junk,
    ),
    ecrRepositoryPrefixes: fc.oneof(
      fc.array(prefix, { minLength: 0, maxLength: 4 }),
      fc.constant(Array<string>(101).fill("ab")),
      junk,
    ),
    nextToken: fc.oneof(fc.constantFrom("", "t"), anyString, junk),
    maxResults: fc.oneof(
      fc.integer({ min: -2, max: 1002 }),
      fc.constantFrom(0.5, NaN, Infinity, -0, 1e21, "10"),
      junk,
    ),
    maxresults: fc.integer({ min: 1, max: 1000 }),
    [`__proto__`]: junk,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

/** A transport that records what would have gone on the wire and answers `{}`. */
function recordingHandler(sent: string[]): HttpRequestHandler {
  return {
    handle(request: HttpRequest) {
      sent.push(String(request.body));
      return Promise.resolve({ response: { statusCode: 200, headers: {}, body: "{}" } });
    },
  };
}

describe("input validation properties", () => {
  it("an invalid value never reaches the wire; a valid input is sent exactly, member for member", async () => {
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        const sent: string[] = [];
        const client = new ECRClient({
          region: "us-east-1",
          credentials: CREDENTIALS,
          requestHandler: recordingHandler(sent),
        });
        const command = new DescribePullThroughCacheRulesCommand(input);
        const error: unknown = await client.send(command).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        if (acceptable(input)) {
          expect(error).toBeUndefined();
          expect(sent).toHaveLength(1);
          const expected = Object.fromEntries(
            MEMBERS.filter((key) => input[key] !== undefined && input[key] !== null).map((key) => [
              key,
              input[key],
            ]),
          );
          expect(JSON.parse(sent[0]!)).toEqual(expected);
        } else {
          expect(error).toBeInstanceOf(InputValidationError);
          expect(sent).toEqual([]);
          const { field } = error as InputValidationError;
          expect(Object.keys(input).some((key) => field === key || field.startsWith(`${key}[`))).toBe(true);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 300 },
    );
  });
});
