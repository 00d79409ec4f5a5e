import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ChecksumConstructor,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
} from "@smithy/types";

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider };

/** An async (or sync) source of a value, like the AWS SDK's `Provider<T>`. */
export type Provider<T> = () => T | Promise<T>;

/**
 * Any Smithy HTTP handler, such as `FetchHttpHandler` or `NodeHttpHandler`: `handle(request, { abortSignal })`
 * resolving to `{ response }`. (Method syntax on purpose: handlers typed against Smithy's `HttpRequest` class
 * must fit too.)
 */
export interface HttpRequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  destroy?(): void;
}

/** A SHA-256 checksum constructor (`Sha256` from `@aws-crypto/sha256-js`, or one backed by `node:crypto`). */
export type Sha256Constructor = ChecksumConstructor;

/** Options of {@link ECRClient}. */
export interface ECRClientConfig {
  /**
   * The AWS region, e.g. `us-east-1`, or a function that resolves it.
   */
  region?: string | Provider<string> | undefined;
  /**
   * Static credentials or any provider of the `AwsCredentialIdentityProvider` shape, such as the factories
   * of `@aws-sdk/credential-providers`.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /**
   * A custom endpoint (scheme, host, port and base path kept), e.g. the local emulator's.
   * @default `https://api.ecr.{region}.amazonaws.com`
   */
  endpoint?: string | URL | undefined;
  /** The HTTP handler. */
  requestHandler?: HttpRequestHandler | undefined;
  /** The SHA-256 implementation used for signing. */
  sha256?: Sha256Constructor | undefined;
}
