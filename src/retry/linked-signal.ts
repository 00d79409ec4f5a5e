/** A signal of one send's own that follows the caller's signal, and how to stop following it. */
export interface LinkedSignal {
  /** Aborts, with the caller's reason, when the caller's signal does; undefined when the caller gave none. */
  readonly signal: AbortSignal | undefined;
  /** Stops following the caller's signal. Call it once, when the send settles. */
  readonly unlink: () => void;
}

/**
 * The internal controllers that follow each caller signal. Every caller signal gets one "abort" listener however
 * many sends share it: Node warns (`MaxListenersExceededWarning`) once a signal has more than 10 listeners, and
 * one signal per Lambda invocation or per incoming HTTP request is commonly passed to dozens of sends at once.
 */
const followers = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Derives an internal signal from the caller's `signal` for one send. Everything below `send()` (provider
 * waits, attempts, backoff sleeps, the transport) listens on the internal signal, so the caller's signal holds at
 * most one listener for all sends in flight, and none once they have settled.
 *
 * @example
 * ```ts
 * const { signal, unlink } = linkSignal(options.abortSignal);
 * try {
 *   return await work(signal);
 * } finally {
 *   unlink();
 * }
 * ```
 */
export function linkSignal(parent: AbortSignal | undefined): LinkedSignal {
  if (parent === undefined) return { signal: undefined, unlink: () => {} };
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, unlink: () => {} };
  }
  let group = followers.get(parent);
  if (group === undefined) {
    group = new Set();
    followers.set(parent, group);
    parent.addEventListener("abort", abortFollowers, { once: true });
  }
  group.add(controller);
  const members = group;
  return {
    signal: controller.signal,
    unlink: () => {
      members.delete(controller);
      if (members.size === 0 && followers.get(parent) === members) {
        followers.delete(parent);
        parent.removeEventListener("abort", abortFollowers);
      }
    },
  };
}

function abortFollowers(event: Event): void {
  const parent = event.currentTarget as AbortSignal;
  const group = followers.get(parent);
  followers.delete(parent);
  for (const controller of group ?? []) controller.abort(parent.reason);
}
