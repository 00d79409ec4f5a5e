import { describe, expect, it } from "vitest";
import { parseEpochSeconds } from "../../src/protocol/timestamp.js";

describe("parseEpochSeconds accepts epoch seconds", () => {
  it.each<[string, unknown, number]>([
    ["zero", 0, 0],
    ["negative zero", -0, 0],
    ["an integer", 1_700_000_000, 1_700_000_000_000],
    ["a fraction", 1_563_223_656.123, 1_563_223_656_123],
    ["E-notation", 1.563223656e9, 1_563_223_656_000],
    ["a negative value (before 1970)", -86_400.5, -86_400_500],
    ["a millisecond fraction, rounded up at .5", 1.0005, 1001],
    ["a sub-millisecond fraction, rounded down", 1.0004, 1000],
    ["a tiny fraction", 1e-3, 1],
    ["the largest Date", 8.64e12, 8.64e15],
    ["the smallest Date", -8.64e12, -8.64e15],
    ["just inside the range after rounding", 8.64e12 + 0.0004, 8.64e15],
    ["a numeric string", "1563223656", 1_563_223_656_000],
    ["a fractional string", "1563223656.5", 1_563_223_656_500],
    ["an E-notation string", "1.563223656E9", 1_563_223_656_000],
    ["a lower-case E-notation string with sign", "15632236.56e+2", 1_563_223_656_000],
    ["a negative exponent string", "1563223656000e-3", 1_563_223_656_000],
    ["a negative string", "-1", -1000],
    ["a string with a leading dot", ".5", 500],
    ["a string with a trailing dot", "1.", 1000],
    ["a string with leading zeros", "0001", 1000],
  ])("%s (%j)", (_, value, ms) => {
    const date = parseEpochSeconds(value);
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).getTime()).toBe(ms);
  });

  it("uses Math.round(seconds × 1000) for every fraction", () => {
    for (const seconds of [0.0004, 0.0005, 0.0015, 1.2345, 1_700_000_000.9999, -0.0015, -1.5e-3, 123.4565]) {
      expect((parseEpochSeconds(seconds) as Date).getTime()).toBe(Math.round(seconds * 1000));
    }
  });
});

describe("parseEpochSeconds rejects what is not epoch seconds", () => {
  it.each<[string, unknown, RegExp]>([
    ["true", true, /number, got boolean true/],
    ["false", false, /number, got boolean false/],
    ["null", null, /number, got null/],
    ["undefined", undefined, /number, got undefined/],
    ["an object", { seconds: 1 }, /number, got an object/],
    ["an array", [1_700_000_000], /number, got an array/],
    ["an empty array", [], /number, got an array/],
    ["a bigint", 1_700_000_000n, /number, got bigint/],
    ["NaN", Number.NaN, /finite number .* got NaN/],
    ["Infinity", Number.POSITIVE_INFINITY, /finite number .* got Infinity/],
    ["-Infinity", Number.NEGATIVE_INFINITY, /finite number .* got -Infinity/],
    ["1e20 (out of the Date range)", 1e20, /outside the range of a Date/],
    ["-1e20", -1e20, /outside the range of a Date/],
    ["Number.MAX_VALUE", Number.MAX_VALUE, /outside the range of a Date/],
    ["one millisecond past the range", 8.64e12 + 0.001, /outside the range of a Date/],
    ["an overflowing string", "1e400", /finite number .* got Infinity/],
    ["a string out of range", "1e20", /outside the range of a Date/],
    ["an empty string", "", /got the string ""/],
    ["a blank string", "   ", /got the string/],
    ["a leading space", " 1", /got the string " 1"/],
    ["a trailing space", "1 ", /got the string "1 "/],
    ["a trailing newline", "1\n", /got the string/],
    ["a plus sign", "+1", /got the string "\+1"/],
    ["hexadecimal", "0x10", /got the string "0x10"/],
    ["binary", "0b1", /got the string/],
    ["a bare exponent", "1e", /got the string "1e"/],
    ["an exponent only", "e5", /got the string "e5"/],
    ["a lone dot", ".", /got the string "."/],
    ["a lone minus", "-", /got the string "-"/],
    ["two dots", "1.2.3", /got the string/],
    ["thousands separators", "1,000", /got the string/],
    ["numeric separators", "1_000", /got the string/],
    ["the string Infinity", "Infinity", /got the string "Infinity"/],
    ["the string NaN", "NaN", /got the string "NaN"/],
    ["an ISO date", "2023-11-14T22:13:20Z", /got the string/],
    ["non-ASCII digits", "١٢٣", /got the string/],
    ["junk", "yesterday", /got the string "yesterday"/],
  ])("%s", (_, value, reason) => {
    const result = parseEpochSeconds(value);
    expect(typeof result).toBe("string");
    expect(result).toMatch(reason);
  });

  it("quotes at most 40 characters of a junk string", () => {
    const result = parseEpochSeconds("x".repeat(500)) as string;
    expect(result).toContain(`"${"x".repeat(40)}"`);
    expect(result).not.toContain("x".repeat(41));
  });
});
