import { KIND, isBrandedInstance } from "./brand.js";
import type { ResponseMetadata } from "../metadata.js";

/**
 * Base of the errors raised when the client could not ask the service or could not understand its
 * answer: bad input, configuration, credentials, network, time-outs, aborts and unreadable responses.
 * The service's own refusals are {@link ECRServiceException}s instead.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof ECRClientError) console.error(error.name, error.message, error.cause);
 *   throw error;
 * }
 * ```
 */
export class ECRClientError extends Error {
  /** @internal The brand that `instanceof` checks, shared by every copy of this package. */
  static readonly [KIND]: string = "ECRClientError";
  /** `instanceof` works across two copies of this package: it checks a brand, not the prototype chain. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }
  /** Present when an HTTP exchange took place (or was attempted). */
  $metadata: ResponseMetadata;

  constructor(message: string, options?: { cause?: unknown; $metadata?: ResponseMetadata }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.$metadata = options?.$metadata ?? {};
  }
}

/** Which rule an input member broke. */
export type InputValidationRule =
  "required" | "type" | "integer" | "range" | "length" | "items" | "pattern" | "unknown-member";

/**
 * The input of a command or the options of a paginator break the API's rules; nothing was sent.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 0 }));
 * } catch (error) {
 *   if (error instanceof InputValidationError) console.error(error.field, error.rule, error.value); // maxResults range 0
 * }
 * ```
 */
export class InputValidationError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "InputValidationError";
  override readonly name = "InputValidationError" as const;
  /** Path of the offending member, such as `ecrRepositoryPrefixes[2]`, `maxResults` or `pageSize`. */
  readonly field: string;
  /**
   * The rule it broke (`unknown-member` for a member the API does not have, often a typo); always set on the
   * errors this library throws.
   */
  readonly rule: InputValidationRule | undefined;
  /** The offending value as given. */
  readonly value: unknown;
  constructor(field: string, message: string, details: { rule?: InputValidationRule; value?: unknown } = {}) {
    super(`${field}: ${message}`);
    this.field = field;
    this.rule = details.rule;
    this.value = details.value;
  }
}

/**
 * The service handed back a page token that was already sent in this iteration (`A, A` or a cycle such as
 * `A, B, A`): following it would loop forever. Raised by the paginators unless `stopOnSameToken` is set.
 * `$metadata` is that of the response carrying the repeated token.
 *
 * @example
 * ```ts
 * try {
 *   for await (const page of paginateDescribePullThroughCacheRules({ client })) handle(page);
 * } catch (error) {
 *   if (error instanceof PaginationError) console.error("ECR repeated page token", error.token, error.$metadata.requestId);
 * }
 * ```
 */
export class PaginationError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "PaginationError";
  override readonly name = "PaginationError" as const;
  /** The repeated token. */
  readonly token: string;
  constructor(token: string, message: string, options: { $metadata: ResponseMetadata }) {
    super(message, options);
    this.token = token;
  }
}

/**
 * The client's configuration is missing or contradictory (region, endpoint, credentials settings).
 *
 * @example
 * ```ts
 * try {
 *   await new ECRClient({ region: "not a region" }).send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof ConfigurationError) console.error(`fix ${error.setting}: ${error.message}`);
 * }
 * ```
 */
export class ConfigurationError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "ConfigurationError";
  override readonly name = "ConfigurationError" as const;
  /** The option or environment variable at fault, such as `region` or `AWS_ENDPOINT_URL_ECR`. */
  readonly setting: string;
  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.setting = setting;
  }
}

/**
 * No credentials could be resolved, or the provider failed.
 *
 * @example
 * ```ts
 * const credentials = async () => {
 *   throw new Error("vault unreachable");
 * };
 * await new ECRClient({ region: "us-east-1", credentials })
 *   .send(new DescribePullThroughCacheRulesCommand({}))
 *   .catch((error: unknown) => console.log(error instanceof CredentialsError)); // true
 * ```
 */
export class CredentialsError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "CredentialsError";
  override readonly name = "CredentialsError" as const;
}

/**
 * A 2xx response whose body is not the documented shape; `path` names the member, e.g. `pullThroughCacheRules[3].createdAt`.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof DeserializationError) console.error(error.path, error.$metadata.requestId);
 * }
 * ```
 */
export class DeserializationError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "DeserializationError";
  override readonly name = "DeserializationError" as const;
  /** The offending member, e.g. `pullThroughCacheRules[3].createdAt` (empty for the whole body). */
  readonly path: string;
  constructor(path: string, message: string, options: { cause?: unknown; $metadata: ResponseMetadata }) {
    super(path ? `${path}: ${message}` : message, options);
    this.path = path;
  }
}

/**
 * The connection failed (reset, refused, DNS, TLS). `code` is Node's error code when there is one.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof NetworkError && error.code === "ECONNREFUSED") console.error("is the endpoint up?");
 * }
 * ```
 */
export class NetworkError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "NetworkError";
  override readonly name = "NetworkError" as const;
  /** Node's error code, such as `ECONNRESET` or `ENOTFOUND`. */
  readonly code: string | undefined;
  constructor(
    message: string,
    options: { cause?: unknown; code?: string | undefined; $metadata?: ResponseMetadata },
  ) {
    super(message, options);
    this.code = options.code;
  }
}

/**
 * An attempt took longer than `requestTimeout`; retryable.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof TimeoutError) console.error(`gave up after ${error.$metadata.attempts} attempts`);
 * }
 * ```
 */
export class TimeoutError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "TimeoutError";
  override readonly name = "TimeoutError" as const;
}

/**
 * The caller's `abortSignal` fired (including `AbortSignal.timeout()`); never retried.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = client.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal: controller.signal });
 * controller.abort();
 * await pending.catch((error: unknown) => console.log(error instanceof AbortError)); // true
 * ```
 */
export class AbortError extends ECRClientError {
  /** @internal */
  static override readonly [KIND] = "AbortError";
  override readonly name = "AbortError" as const;
}
