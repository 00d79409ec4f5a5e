import { randomUUID } from "node:crypto";
import type { ECRClientConfig } from "../../src/index.js";
import { RUNTIME, type Runtime } from "../../src/retry/runtime.js";

/** A runtime with a manual clock and instant, recorded sleeps. */
export interface FakeRuntime extends Runtime {
  /** Every sleep requested, in ms. */
  readonly sleeps: number[];
  /** Moves the local clock. */
  advance(ms: number): void;
}

/** The fake clock starts here: 2026-01-02T03:04:05Z. */
export const FAKE_START = Date.UTC(2026, 0, 2, 3, 4, 5);

/**
 * A deterministic runtime: the clock starts at {@link FAKE_START} and moves only by `advance` or a sleep,
 * `random` is fixed (0.5 unless given), sleeps resolve at once (after checking the signal).
 */
export function fakeRuntime(
  options: { random?: () => number; env?: Record<string, string>; sleep?: Runtime["sleep"] } = {},
): FakeRuntime {
  let now = FAKE_START;
  const sleeps: number[] = [];
  return {
    now: () => now,
    random: options.random ?? (() => 0.5),
    sleep:
      options.sleep ??
      ((ms, signal) => {
        signal?.throwIfAborted();
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      }),
    uuid: randomUUID,
    env: options.env ?? {},
    sleeps,
    advance(ms) {
      now += ms;
    },
  };
}

/** The config with a runtime in the client's internal slot. */
export function withRuntime(config: ECRClientConfig, runtime: Runtime): ECRClientConfig {
  return { ...config, [RUNTIME]: runtime } as ECRClientConfig;
}
