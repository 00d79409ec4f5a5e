import { randomUUID } from "node:crypto";
import type { Runtime } from "../../src/retry/runtime.js";

/** The real clock (the emulator checks signature age) with instant sleeps, each recorded in `sleeps`. */
export function instantRuntime(sleeps: number[], random: () => number = () => 0.5): Runtime {
  return {
    now: Date.now,
    random,
    sleep: (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      return Promise.resolve();
    },
    uuid: randomUUID,
    env: {},
  };
}
