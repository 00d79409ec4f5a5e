/** A server clock this far from ours (ECR-API.md "Retries") corrects the offset and earns one more try. */
export const CLOCK_SKEW_THRESHOLD_MS = 4 * 60_000;

/**
 * The client's view of the service's time: the local clock plus an offset learnt from response `Date`
 * headers. It lives on the client, so one correction serves every later send.
 */
export class SkewClock {
  #offset = 0;
  readonly #localNow: () => number;

  constructor(localNow: () => number) {
    this.#localNow = localNow;
  }

  /** Milliseconds to add to the local clock to get the service's. */
  get offset(): number {
    return this.#offset;
  }

  /** The service's time, as best known (used to sign). */
  now(): number {
    return this.#localNow() + this.#offset;
  }

  /**
   * Reads a response's `Date` header; when it says the offset is off by at least four minutes, adopts the new
   * offset and returns true. Small drifts are ignored (`Date` has one-second resolution).
   */
  observe(dateHeader: string | undefined): boolean {
    if (dateHeader === undefined) return false;
    const serverTime = Date.parse(dateHeader);
    if (Number.isNaN(serverTime)) return false;
    const offset = serverTime - this.#localNow();
    if (Math.abs(offset - this.#offset) < CLOCK_SKEW_THRESHOLD_MS) return false;
    this.#offset = offset;
    return true;
  }
}
