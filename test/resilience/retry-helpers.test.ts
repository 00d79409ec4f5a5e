import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { untilAborted } from "../../src/retry/abort.js";
import { SkewClock } from "../../src/retry/clock-skew.js";
import { retryAfterMs } from "../../src/retry/retry-after.js";
import { checkRequestTimeout, resolveMaxAttempts } from "../../src/retry/retry-settings.js";
import { sleep } from "../../src/retry/sleep.js";

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const withHeaders = (headers: Record<string, string>) => ({ $response: { headers } });

describe("retryAfterMs", () => {
  it.each<[string, Record<string, string>, number | undefined]>([
    ["no headers", {}, undefined],
    ["retry-after seconds", { "retry-after": "3" }, 3_000],
    ["retry-after fractional seconds", { "retry-after": "1.5" }, 1_500],
    ["retry-after HTTP date, 7 s ahead", { "retry-after": new Date(NOW + 7_000).toUTCString() }, 7_000],
    ["retry-after HTTP date in the past", { "retry-after": new Date(NOW - 7_000).toUTCString() }, undefined],
    ["retry-after garbage", { "retry-after": "soon" }, undefined],
    ["x-amz-retry-after milliseconds", { "x-amz-retry-after": "1200" }, 1_200],
    ["x-amz-retry-after wins over retry-after", { "x-amz-retry-after": "250", "retry-after": "9" }, 250],
    [
      "x-amz-retry-after garbage falls back to retry-after",
      { "x-amz-retry-after": "-5", "retry-after": "2" },
      2_000,
    ],
  ])("%s", (_label, headers, expected) => {
    expect(retryAfterMs(withHeaders(headers), NOW)).toBe(expected);
  });

  it("ignores errors without a raw response", () => {
    expect(retryAfterMs(new Error("x"), NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });
});

describe("SkewClock", () => {
  it.each<[string, number, boolean, number]>([
    ["server 10 min ahead", 10 * 60_000, true, 10 * 60_000],
    ["server 10 min behind", -10 * 60_000, true, -10 * 60_000],
    ["exactly 4 min", 4 * 60_000, true, 4 * 60_000],
    ["3 min 59 s is tolerated", 4 * 60_000 - 1_000, false, 0],
  ])("%s", (_label, skew, corrected, offset) => {
    const clock = new SkewClock(() => NOW);
    expect(clock.observe(new Date(NOW + skew).toUTCString())).toBe(corrected);
    expect(clock.offset).toBe(offset);
    expect(clock.now()).toBe(NOW + offset);
  });

  it("keeps the offset and reports a correction only when it moves again by 4 min", () => {
    const clock = new SkewClock(() => NOW);
    clock.observe(new Date(NOW + 10 * 60_000).toUTCString());
    expect(clock.observe(new Date(NOW + 10 * 60_000 + 2_000).toUTCString())).toBe(false);
    expect(clock.offset).toBe(10 * 60_000);
    expect(clock.observe(new Date(NOW).toUTCString())).toBe(true);
    expect(clock.offset).toBe(0);
  });

  it.each([undefined, "", "not a date"])("ignores a missing or bad Date header (%s)", (header) => {
    const clock = new SkewClock(() => NOW);
    expect(clock.observe(header)).toBe(false);
    expect(clock.offset).toBe(0);
  });
});

describe("resolveMaxAttempts", () => {
  it.each<[string, Parameters<typeof resolveMaxAttempts>[0], Record<string, string>, number]>([
    ["default", undefined, {}, 3],
    ["option", 5, { AWS_MAX_ATTEMPTS: "7" }, 5],
    ["provider", () => Promise.resolve(2), {}, 2],
    ["AWS_MAX_ATTEMPTS", undefined, { AWS_MAX_ATTEMPTS: "7" }, 7],
    ["AWS_MAX_ATTEMPTS with spaces", undefined, { AWS_MAX_ATTEMPTS: " 1 " }, 1],
    ["empty AWS_MAX_ATTEMPTS means unset", undefined, { AWS_MAX_ATTEMPTS: "" }, 3],
  ])("%s", async (_label, option, env, expected) => {
    await expect(resolveMaxAttempts(option, env)).resolves.toBe(expected);
  });

  it.each<[string, Parameters<typeof resolveMaxAttempts>[0], Record<string, string>, string]>([
    ["zero", 0, {}, "maxAttempts"],
    ["fraction", 1.5, {}, "maxAttempts"],
    ["NaN", Number.NaN, {}, "maxAttempts"],
    ["provider giving a string", () => "3" as unknown as number, {}, "maxAttempts"],
    ["failing provider", () => Promise.reject(new Error("boom")), {}, "maxAttempts"],
    ["AWS_MAX_ATTEMPTS=0", undefined, { AWS_MAX_ATTEMPTS: "0" }, "AWS_MAX_ATTEMPTS"],
    ["AWS_MAX_ATTEMPTS=three", undefined, { AWS_MAX_ATTEMPTS: "three" }, "AWS_MAX_ATTEMPTS"],
    ["AWS_MAX_ATTEMPTS=-1", undefined, { AWS_MAX_ATTEMPTS: "-1" }, "AWS_MAX_ATTEMPTS"],
  ])("rejects %s naming %s", async (_label, option, env, setting) => {
    const error = await resolveMaxAttempts(option, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting, message: expect.stringContaining(setting) as unknown });
  });
});

describe("checkRequestTimeout", () => {
  it.each([undefined, 1, 2_500])("accepts %s", (value) => {
    expect(checkRequestTimeout(value)).toBe(value);
  });
  it.each([0, -1, Number.POSITIVE_INFINITY, Number.NaN, "100"])("rejects %s", (value) => {
    expect(() => checkRequestTimeout(value)).toThrow(ConfigurationError);
  });
});

describe("sleep and untilAborted", () => {
  it("sleep resolves after the delay", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it("sleep rejects at once when the signal aborts, and before starting when it already has", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    await expect(sleep(60_000, controller.signal)).rejects.toThrow("stop");
  });

  it("untilAborted settles on abort even if the promise never does, and releases it", async () => {
    const controller = new AbortController();
    let released = false;
    const pending = untilAborted(new Promise<never>(() => {}), controller.signal, () => {
      released = true;
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(released).toBe(true);
  });

  it("untilAborted passes the promise's own outcome through", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow("no");
  });
});
