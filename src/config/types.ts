import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ChecksumConstructor,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
} from "@smithy/types";
import type { RetryStrategy } from "../retry/standard-retry-strategy.js";

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider };

/**
 * An async (or sync) source of a value, like the AWS SDK's `Provider<T>`.
 *
 * @example
 * ```ts
 * const region: Provider<string> = async () => (await readDeploymentSettings()).region;
 * const client = new ECRClient({ region });
 * ```
 */
export type Provider<T> = () => T | Promise<T>;

/**
 * Any Smithy HTTP handler, such as `FetchHttpHandler` or `NodeHttpHandler`: `handle(request, { abortSignal })`
 * resolving to `{ response }`. (Method syntax on purpose: handlers typed against Smithy's `HttpRequest` class
 * must fit too.)
 *
 * @example
 * ```ts
 * import { NodeHttpHandler } from "@smithy/node-http-handler";
 *
 * const client = new ECRClient({ region: "us-east-1", requestHandler: new NodeHttpHandler({ connectionTimeout: 1_000 }) });
 * ```
 */
export interface HttpRequestHandler {
  /** Sends one signed request; rejects when `options.abortSignal` fires. */
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  /** Closes idle sockets; called by {@link ECRClient.destroy}. */
  destroy?(): void;
}

/**
 * A SHA-256 checksum constructor (`Sha256` from `@aws-crypto/sha256-js`, or one backed by `node:crypto`).
 *
 * @example
 * ```ts
 * import { Sha256 } from "@aws-crypto/sha256-js";
 *
 * const client = new ECRClient({ region: "us-east-1", sha256: Sha256 });
 * ```
 */
export type Sha256Constructor = ChecksumConstructor;

/**
 * Options of {@link ECRClient}.
 *
 * @example
 * ```ts
 * const config: ECRClientConfig = {
 *   region: "eu-west-1",
 *   credentials: { accessKeyId: "AKIA…", secretAccessKey: "…" },
 *   endpoint: "http://127.0.0.1:4566", // a local ECR
 *   logger: console,
 * };
 * const client = new ECRClient(config);
 * ```
 */
export interface ECRClientConfig {
  /**
   * The AWS region, e.g. `us-east-1`, or a function that resolves it. `fips-<region>` and `<region>-fips` mean
   * `<region>` with the FIPS endpoint.
   * @default `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region` in the shared config files
   * @throws `ConfigurationError` on the first send when no source has a region or it is not a host label.
   */
  region?: string | Provider<string> | undefined;
  /**
   * Static credentials or any provider of the `AwsCredentialIdentityProvider` shape, such as the factories
   * of `@aws-sdk/credential-providers`. Resolved credentials are shared by concurrent sends and refreshed
   * five minutes before their `expiration`.
   * @default the chain: environment → shared files profile → web identity → container (ECS, EKS) → EC2 IMDSv2
   * @throws `CredentialsError` on the first send when the chain finds nothing (the message lists every source).
   * @example
   * ```ts
   * import { fromIni } from "@aws-sdk/credential-providers";
   * new ECRClient({ region: "eu-west-1", credentials: fromIni({ profile: "ci" }) });
   * ```
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /**
   * A custom endpoint (scheme, host, port and base path kept), e.g. the local emulator's. Cannot be combined
   * with FIPS or dual-stack.
   * @default `AWS_ENDPOINT_URL_ECR`, else `AWS_ENDPOINT_URL`, else the region's endpoint in its partition, e.g.
   * `https://api.ecr.{region}.amazonaws.com`
   */
  endpoint?: string | URL | undefined;
  /**
   * Use the FIPS endpoint (`api.ecr-fips.{region}.{dnsSuffix}`, or `ecr-fips.{region}.{dualStackDnsSuffix}`
   * with dual-stack).
   * @default `AWS_USE_FIPS_ENDPOINT`, else false; a FIPS pseudo-region (`fips-us-east-1`) turns it on regardless
   */
  useFipsEndpoint?: boolean | Provider<boolean> | undefined;
  /**
   * Use the dual-stack (IPv4 and IPv6) endpoint (`ecr.{region}.{dualStackDnsSuffix}`, e.g. `ecr.us-east-1.api.aws`).
   * @default `AWS_USE_DUALSTACK_ENDPOINT`, else false
   */
  useDualstackEndpoint?: boolean | Provider<boolean> | undefined;
  /**
   * The shared-config profile for the default credential chain and region. A profile chosen by name (here or
   * in `AWS_PROFILE`) wins over keys in the environment and must exist, as in the AWS SDK.
   * @default `AWS_PROFILE`, else `default`
   */
  profile?: string | undefined;
  /**
   * The HTTP handler.
   * @default in Node, the package's own keep-alive `node:http(s)` transport; in the `browser` / `worker` builds,
   *   `FetchHttpHandler` from `@smithy/fetch-http-handler` (redirects not followed)
   */
  requestHandler?: HttpRequestHandler | undefined;
  /**
   * The SHA-256 implementation used for signing.
   * @default in Node, `node:crypto`; in the `browser` / `worker` builds, `Sha256` from `@aws-crypto/sha256-js`
   */
  sha256?: Sha256Constructor | undefined;
  /**
   * How many HTTP attempts a send may make, the first included (1 disables retries). A whole number ≥ 1, or a
   * function resolving one (called on every send).
   * @default `AWS_MAX_ATTEMPTS`, else 3
   */
  maxAttempts?: number | Provider<number> | undefined;
  /**
   * Milliseconds one attempt (signing, connect, response headers and the whole body) may take; a slower
   * attempt fails with a retryable `TimeoutError`. It bounds each attempt, not the call: to bound the whole
   * call (for example by a Lambda's remaining time), pass `abortSignal: AbortSignal.timeout(ms)` to `send`.
   * @default none
   */
  requestTimeout?: number | undefined;
  /**
   * Decides which failed attempts are retried and after how long. Called only while attempts remain, never
   * for aborts. Its state (such as the standard retry quota) is shared by every send of the client.
   * @default a `StandardRetryStrategy` per client: throttling and transient errors, full-jitter backoff from
   *   50 ms (1 s when throttled) up to 20 s, `retry-after` honoured up to backoff + 5 s, a 500-token quota
   */
  retryStrategy?: RetryStrategy | undefined;
  /**
   * Receives one debug line per attempt (attempt, status, request id, retry delay) and a warning when a
   * retryable failure is given up on; never credentials, signatures, tokens or error messages.
   * @default silent
   */
  logger?: Logger | undefined;
}

/**
 * A console-like logger; `console` itself fits.
 *
 * @example
 * ```ts
 * const client = new ECRClient({ region: "us-east-1", logger: console });
 * ```
 */
export interface Logger {
  /** One line per attempt. */
  debug(...content: unknown[]): void;
  /** Informational messages. */
  info(...content: unknown[]): void;
  /** Recoverable problems, such as exhausted retries. */
  warn(...content: unknown[]): void;
  /** Failures. */
  error(...content: unknown[]): void;
}
