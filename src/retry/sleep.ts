import { abortReason } from "./abort.js";

/**
 * Waits `ms` milliseconds, or rejects at once with the signal's reason when `signal` aborts, clearing the
 * timer so nothing keeps the process (or a Lambda invocation) alive after an abort.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
