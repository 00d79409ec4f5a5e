import { DEFAULT_MAX_ATTEMPTS, INITIAL_RETRY_TOKENS, MAXIMUM_RETRY_DELAY, Retry } from "@smithy/util-retry";
import { describe, expect, it } from "vitest";
import { StandardRetryStrategy } from "../../src/index.js";
import type { RetryErrorType } from "../../src/retry/classify-error.js";
import { DEFAULT_MAX_ATTEMPTS as OUR_DEFAULT_MAX_ATTEMPTS } from "../../src/retry/retry-settings.js";

const ALMOST_ONE = 1 - 2 ** -40;

function failure(errorType: RetryErrorType, attempt: number, retryAfter?: number) {
  return { error: new Error("x"), errorType, attempt, maxAttempts: 99, retryAfter };
}

describe("StandardRetryStrategy", () => {
  // Expected values come from the installed @smithy/util-retry (the official standard mode), so an upstream
  // change of the numbers fails here.
  const base = Retry.delay();
  const throttlingBase = Retry.throttlingDelay();

  it("uses the current standard numbers (ECR-API.md: 3 attempts, 50 ms / 1 s, 20 s, quota 500, cost 14 / 5)", () => {
    expect([
      OUR_DEFAULT_MAX_ATTEMPTS,
      base,
      throttlingBase,
      MAXIMUM_RETRY_DELAY,
      INITIAL_RETRY_TOKENS,
      Retry.cost(),
      Retry.throttlingCost(),
    ]).toEqual([DEFAULT_MAX_ATTEMPTS, 50, 1_000, 20_000, 500, 14, 5]);
  });

  it.each<[string, RetryErrorType, number, number, number]>([
    // label, type, failed attempt, random, expected delay = floor(random × min(base × 2^(attempt-1), 20 s))
    ["first transient retry, top of the range", "TRANSIENT", 1, ALMOST_ONE, base - 1],
    ["second transient retry doubles", "TRANSIENT", 2, ALMOST_ONE, 2 * base - 1],
    ["full jitter can be zero", "TRANSIENT", 3, 0, 0],
    ["half jitter", "TRANSIENT", 3, 0.5, 2 * base],
    ["throttling uses the 1 s base", "THROTTLING", 1, 0.5, throttlingBase / 2],
    ["throttling doubles", "THROTTLING", 3, 0.5, 2 * throttlingBase],
    ["capped at 20 s", "THROTTLING", 10, ALMOST_ONE, MAXIMUM_RETRY_DELAY - 1],
    ["transient capped at 20 s too", "TRANSIENT", 30, 0.5, MAXIMUM_RETRY_DELAY / 2],
  ])("%s", (_label, type, attempt, random, expected) => {
    expect(new StandardRetryStrategy(() => random).retryDelay(failure(type, attempt))).toBe(expected);
  });

  it.each<[string, number | undefined, number]>([
    // backoff is 25 ms here (random 0.5, base 50): the hint wins when larger, but by at most 5 s
    ["no hint", undefined, 25],
    ["a smaller hint does not shorten the backoff", 10, 25],
    ["a larger hint is honoured", 3_000, 3_000],
    ["a hint beyond backoff + 5 s is cut there", 60_000, 5_025],
  ])("retry-after: %s", (_label, hint, expected) => {
    expect(new StandardRetryStrategy(() => 0.5).retryDelay(failure("TRANSIENT", 1, hint))).toBe(expected);
  });

  it.each<RetryErrorType>(["SERVER_ERROR", "CLIENT_ERROR"])("never retries %s", (type) => {
    const strategy = new StandardRetryStrategy();
    expect(strategy.retryDelay(failure(type, 1))).toBeUndefined();
    expect(strategy.quota).toBe(INITIAL_RETRY_TOKENS);
  });

  it.each<[RetryErrorType, number]>([
    ["TRANSIENT", Retry.cost()],
    ["THROTTLING", Retry.throttlingCost()],
  ])("spends the quota on %s retries (cost %i) until it is empty", (type, cost) => {
    const strategy = new StandardRetryStrategy(() => 0);
    let granted = 0;
    for (let i = 0; i < 1_000 && strategy.retryDelay(failure(type, 1)) !== undefined; i++) granted++;
    expect(granted).toBe(Math.floor(INITIAL_RETRY_TOKENS / cost));
    expect(strategy.quota).toBe(INITIAL_RETRY_TOKENS % cost);
  });

  it("refunds the retry's cost when the retried attempt succeeds, 1 for a first-try success, up to 500", () => {
    const strategy = new StandardRetryStrategy(() => 0);
    strategy.retryDelay(failure("TRANSIENT", 1));
    strategy.retryDelay(failure("THROTTLING", 1));
    expect(strategy.quota).toBe(500 - 14 - 5);
    strategy.recordSuccess({ attempt: 2, retriedErrorType: "THROTTLING" });
    expect(strategy.quota).toBe(500 - 14);
    strategy.recordSuccess({ attempt: 1 });
    expect(strategy.quota).toBe(500 - 13);
    strategy.recordSuccess({ attempt: 2, retriedErrorType: "TRANSIENT" });
    expect(strategy.quota).toBe(500);
  });
});
