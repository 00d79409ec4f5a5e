import { KIND, isBrandedInstance } from "./brand.js";
import type { ResponseMetadata } from "../metadata.js";

/**
 * Base of the errors raised when the client could not ask the service or could not understand its
 * answer: bad input, configuration, credentials, network, time-outs, aborts and unreadable responses.
 * The service's own refusals are {@link ECRServiceException}s instead.
 */
export class ECRClientError extends Error {
  static readonly [KIND]: string = "ECRClientError";
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

/** The input of a command breaks the API's rules; nothing was sent. */
export class InputValidationError extends ECRClientError {
  static override readonly [KIND] = "InputValidationError";
  override readonly name = "InputValidationError" as const;
  /** Path of the offending member, such as `ecrRepositoryPrefixes[2]` or `maxResults`. */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** The client's configuration is missing or contradictory (region, endpoint, credentials settings). */
export class ConfigurationError extends ECRClientError {
  static override readonly [KIND] = "ConfigurationError";
  override readonly name = "ConfigurationError" as const;
  /** The option or environment variable at fault, such as `region` or `AWS_ENDPOINT_URL_ECR`. */
  readonly setting: string;
  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.setting = setting;
  }
}

/** No credentials could be resolved, or the provider failed. */
export class CredentialsError extends ECRClientError {
  static override readonly [KIND] = "CredentialsError";
  override readonly name = "CredentialsError" as const;
}

/** A 2xx response whose body is not the documented shape; `path` names the member, e.g. `pullThroughCacheRules[3].createdAt`. */
export class DeserializationError extends ECRClientError {
  static override readonly [KIND] = "DeserializationError";
  override readonly name = "DeserializationError" as const;
  readonly path: string;
  constructor(path: string, message: string, options: { cause?: unknown; $metadata: ResponseMetadata }) {
    super(path ? `${path}: ${message}` : message, options);
    this.path = path;
  }
}

/** The connection failed (reset, refused, DNS, TLS). `code` is Node's error code when there is one. */
export class NetworkError extends ECRClientError {
  static override readonly [KIND] = "NetworkError";
  override readonly name = "NetworkError" as const;
  readonly code: string | undefined;
  constructor(message: string, options: { cause?: unknown; code?: string | undefined; $metadata?: ResponseMetadata }) {
    super(message, options);
    this.code = options.code;
  }
}

/** An attempt took longer than `requestTimeout`; retryable. */
export class TimeoutError extends ECRClientError {
  static override readonly [KIND] = "TimeoutError";
  override readonly name = "TimeoutError" as const;
}

/** The caller's `abortSignal` fired (including `AbortSignal.timeout()`); never retried. */
export class AbortError extends ECRClientError {
  static override readonly [KIND] = "AbortError";
  override readonly name = "AbortError" as const;
}
