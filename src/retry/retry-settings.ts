import type { Provider } from "../config/types.js";
import { ConfigurationError } from "../errors/client-errors.js";

/** The standard retry mode's default (ECR-API.md "Retries"). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Resolves how many attempts a send may make: the `maxAttempts` option, else `AWS_MAX_ATTEMPTS`, else 3.
 *
 * @throws {@link ConfigurationError} naming the setting when the value is not a whole number ≥ 1.
 */
export async function resolveMaxAttempts(
  option: number | Provider<number> | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  if (option !== undefined) {
    let value: unknown;
    try {
      value = typeof option === "function" ? await option() : option;
    } catch (cause) {
      throw new ConfigurationError("maxAttempts", "the maxAttempts provider failed", { cause });
    }
    return checked("maxAttempts", value);
  }
  const fromEnv = env["AWS_MAX_ATTEMPTS"]?.trim();
  if (fromEnv === undefined || fromEnv === "") return DEFAULT_MAX_ATTEMPTS;
  return checked("AWS_MAX_ATTEMPTS", /^\d+$/.test(fromEnv) ? Number(fromEnv) : fromEnv);
}

function checked(setting: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError(
      setting,
      `${setting} must be a whole number ≥ 1 (1 disables retries), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Checks the `requestTimeout` option: milliseconds, finite and > 0, or undefined for none.
 *
 * @throws {@link ConfigurationError} naming `requestTimeout`.
 */
export function checkRequestTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(
      "requestTimeout",
      `requestTimeout must be a number of milliseconds > 0, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
