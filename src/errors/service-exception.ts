import { KIND, isBrandedInstance } from "./brand.js";
import type { ResponseMetadata } from "../metadata.js";

/** The raw HTTP response behind a service error: status, headers and the (size-capped) body text. */
export interface RawErrorResponse {
  /** The HTTP status, ≥ 300. */
  readonly statusCode: number;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text, cut at the client's size cap. */
  readonly body: string;
}

/** Options for constructing a service exception. */
export interface ServiceExceptionOptions {
  readonly name: string;
  readonly message: string;
  readonly $fault: "client" | "server";
  readonly $metadata: ResponseMetadata;
  readonly $response?: RawErrorResponse;
  readonly cause?: unknown;
}

/**
 * Base of every error that the service (or a proxy in front of it) answered with a status ≥ 300.
 * `name` is the sanitized error code and the documented primary check; `instanceof` also works, even
 * across two copies of this package.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["nope"] }));
 * } catch (error) {
 *   if (error instanceof ECRServiceException && error.name === "PullThroughCacheRuleNotFoundException") {
 *     // …
 *   }
 * }
 * ```
 */
export class ECRServiceException extends Error {
  /** @internal The brand that `instanceof` checks, shared by every copy of this package. */
  static readonly [KIND]: string = "ECRServiceException";
  /** `instanceof` works across two copies of this package: it checks a brand, not the prototype chain. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }
  /** The sanitized error code, e.g. `ThrottlingException`: the primary check. */
  override name: string;
  /** `"client"` for status < 500 and the modelled client errors, `"server"` otherwise. */
  readonly $fault: "client" | "server";
  /** Status, request id and attempts of the call that failed. */
  readonly $metadata: ResponseMetadata;
  /** The raw response (not enumerable, so it stays out of logs and `JSON.stringify`). */
  declare readonly $response?: RawErrorResponse;

  constructor(options: ServiceExceptionOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
    if (options.$response) {
      Object.defineProperty(this, "$response", { value: options.$response, enumerable: false });
    }
  }
}

/** Modelled options: the subclasses fix `name` and `$fault`. */
export type ModelledExceptionOptions = Omit<ServiceExceptionOptions, "name" | "$fault">;

/**
 * ECR failed internally (HTTP 500).
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof ServerException) console.error(error.message, error.$metadata.requestId);
 * }
 * ```
 */
export class ServerException extends ECRServiceException {
  /** @internal */
  static override readonly [KIND] = "ServerException";
  declare readonly name: "ServerException";
  declare readonly $fault: "server";
  constructor(options: ModelledExceptionOptions) {
    super({ ...options, name: "ServerException", $fault: "server" });
  }
}

/**
 * A parameter is invalid (for example a `nextToken` the service does not recognise).
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({ nextToken: "stale-token" }));
 * } catch (error) {
 *   if (error instanceof InvalidParameterException) console.error(error.message, error.$metadata.requestId);
 * }
 * ```
 */
export class InvalidParameterException extends ECRServiceException {
  /** @internal */
  static override readonly [KIND] = "InvalidParameterException";
  declare readonly name: "InvalidParameterException";
  declare readonly $fault: "client";
  constructor(options: ModelledExceptionOptions) {
    super({ ...options, name: "InvalidParameterException", $fault: "client" });
  }
}

/**
 * No pull through cache rule matches the given registry and prefixes.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["quay"] }));
 * } catch (error) {
 *   if (error instanceof PullThroughCacheRuleNotFoundException) console.error(error.message, error.$metadata.requestId);
 * }
 * ```
 */
export class PullThroughCacheRuleNotFoundException extends ECRServiceException {
  /** @internal */
  static override readonly [KIND] = "PullThroughCacheRuleNotFoundException";
  declare readonly name: "PullThroughCacheRuleNotFoundException";
  declare readonly $fault: "client";
  constructor(options: ModelledExceptionOptions) {
    super({ ...options, name: "PullThroughCacheRuleNotFoundException", $fault: "client" });
  }
}

/**
 * The service rejected the input's shape or constraints.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new DescribePullThroughCacheRulesCommand({}));
 * } catch (error) {
 *   if (error instanceof ValidationException) console.error(error.message, error.$metadata.requestId);
 * }
 * ```
 */
export class ValidationException extends ECRServiceException {
  /** @internal */
  static override readonly [KIND] = "ValidationException";
  declare readonly name: "ValidationException";
  declare readonly $fault: "client";
  constructor(options: ModelledExceptionOptions) {
    super({ ...options, name: "ValidationException", $fault: "client" });
  }
}

/** Modelled error codes and their classes; every other code becomes a plain {@link ECRServiceException}. */
export const MODELLED_EXCEPTIONS: Readonly<
  Record<string, new (options: ModelledExceptionOptions) => ECRServiceException>
> = {
  ServerException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ValidationException,
};
