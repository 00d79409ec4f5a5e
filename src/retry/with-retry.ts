import type { ResponseMetadata } from "../metadata.js";

/** Facts about the attempts, merged into `$metadata` of the output or the final error. */
export interface RetryStats {
  readonly attempts: number;
  readonly totalRetryDelay: number;
}

/** What one attempt is told. */
export interface AttemptInfo {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** The most attempts this send may make. */
  readonly maxAttempts: number;
}

/**
 * Runs `attempt` until it succeeds or the policy gives up, and stamps `attempts`/`totalRetryDelay` on the
 * result's `$metadata` or on the thrown error's. (Single attempt until the retry policy of issue #5 lands.)
 */
export async function withRetry<T extends { $metadata: ResponseMetadata }>(
  attempt: (info: AttemptInfo) => Promise<T>,
): Promise<T> {
  const stats: RetryStats = { attempts: 1, totalRetryDelay: 0 };
  try {
    const result = await attempt({ attempt: 1, maxAttempts: 1 });
    result.$metadata = { ...result.$metadata, ...stats };
    return result;
  } catch (error) {
    stamp(error, stats);
    throw error;
  }
}

function stamp(error: unknown, stats: RetryStats): void {
  const target = error as { $metadata?: ResponseMetadata } | undefined;
  if (target && typeof target.$metadata === "object") target.$metadata = { ...target.$metadata, ...stats };
}
