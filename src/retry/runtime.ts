import { sleep } from "./sleep.js";

/**
 * The clock, randomness, sleep and environment a client runs on. Production uses the real ones; tests pass
 * their own through the internal {@link RUNTIME} config key (never by patching globals).
 */
export interface Runtime {
  /** Milliseconds since the epoch, as the local clock says. */
  readonly now: () => number;
  /** A number in [0, 1) for the backoff jitter. */
  readonly random: () => number;
  /** Waits `ms`; rejects with the signal's reason as soon as `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A fresh UUID for `amz-sdk-invocation-id`. */
  readonly uuid: () => string;
  /** Environment variables (`AWS_MAX_ATTEMPTS`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Internal config key for a {@link Runtime}; not exported from the package. */
export const RUNTIME: unique symbol = Symbol("ecr-pull-through-cache.runtime");

/** The real runtime; `env` is read when a send needs it, so later changes to `process.env` count. */
export function defaultRuntime(): Runtime {
  return {
    now: Date.now,
    random: Math.random,
    sleep,
    uuid: () => globalThis.crypto.randomUUID(),
    get env() {
      return typeof process === "undefined" ? {} : process.env;
    },
  };
}

/** Picks the runtime out of a config object, if a test put one there. */
export function runtimeOf(config: object): Runtime {
  return (config as { [RUNTIME]?: Runtime })[RUNTIME] ?? defaultRuntime();
}
