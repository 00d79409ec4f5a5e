import type { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import type { Command } from "./commands/command.js";
import { createConfigResolver, type ResolvedConfig } from "./config/resolve-config.js";
import type { ECRClientConfig, HttpRequestHandler } from "./config/types.js";
import type { MetadataBearer } from "./metadata.js";
import { parseJsonObject } from "./protocol/parse-json.js";
import { type AttemptResponse, sendAttempt } from "./request/attempt.js";
import { buildRequest } from "./request/build-request.js";
import { abortError, untilAborted } from "./retry/abort.js";
import { SkewClock } from "./retry/clock-skew.js";
import { linkSignal } from "./retry/linked-signal.js";
import { checkRequestTimeout, resolveMaxAttempts } from "./retry/retry-settings.js";
import { runtimeOf, type Runtime } from "./retry/runtime.js";
import { type RetryStrategy, StandardRetryStrategy } from "./retry/standard-retry-strategy.js";
import { type AttemptContext, withRetry } from "./retry/with-retry.js";
import { defaultRequestHandler } from "./transport/defaults.js";

/**
 * Per-call options of {@link ECRClient.send}.
 *
 * @example
 * ```ts
 * // In a Lambda handler: give up (with an AbortError) 500 ms before the invocation would be killed.
 * // (AbortSignal.timeout throws a RangeError for a negative number, hence the floor of 1 ms.)
 * const abortSignal = AbortSignal.timeout(Math.max(context.getRemainingTimeInMillis() - 500, 1));
 * const page = await client.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal });
 * ```
 */
export interface SendOptions {
  /**
   * Cancels the call: the in-flight request and any backoff sleep stop at once, nothing more is sent, and the
   * call rejects with an `AbortError` (also for `AbortSignal.timeout(ms)`; never retried). One signal may be
   * shared by any number of concurrent sends: it holds a single listener for all of them, none once they settle.
   */
  abortSignal?: AbortSignal | undefined;
}

/**
 * 2xx bodies larger than this are refused; error bodies are read up to it and cut (so a huge 503 from a proxy
 * is still a retryable 503). A full page of 1000 rules is well under 1 MiB.
 */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A client for Amazon ECR's pull through cache rules, with the AWS SDK v3 calling convention.
 *
 * @example
 * ```ts
 * import { ECRClient, DescribePullThroughCacheRulesCommand } from "ecr-pull-through-cache";
 *
 * const client = new ECRClient({ region: "eu-west-1" });
 * const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
 * console.log(page.pullThroughCacheRules, page.$metadata.requestId);
 * ```
 * @throws {@link ConfigurationError} when `requestTimeout` is not a positive number of milliseconds.
 */
export class ECRClient {
  readonly #config: ECRClientConfig;
  readonly #resolveConfig: () => Promise<ResolvedConfig>;
  readonly #handler: HttpRequestHandler;
  readonly #runtime: Runtime;
  /** The service's time as learnt from `Date` headers; shared by every send of this client. */
  readonly #clock: SkewClock;
  readonly #retryStrategy: RetryStrategy;
  readonly #requestTimeout: number | undefined;

  constructor(config: ECRClientConfig = {}) {
    this.#config = config;
    this.#resolveConfig = createConfigResolver(config);
    this.#handler = config.requestHandler ?? defaultRequestHandler();
    this.#runtime = runtimeOf(config);
    this.#clock = new SkewClock(this.#runtime.now);
    this.#retryStrategy = config.retryStrategy ?? new StandardRetryStrategy(this.#runtime.random);
    this.#requestTimeout = checkRequestTimeout(config.requestTimeout);
  }

  /**
   * Validates, signs and sends a command, retrying as the retry strategy allows, and returns its typed output
   * with `$metadata` (including `attempts` and `totalRetryDelay`).
   *
   * @throws {@link InputValidationError} for bad input, before anything is sent.
   * @throws {@link ECRServiceException} (or a modelled subclass) when the service answers with an error.
   * @throws {@link ConfigurationError}, {@link CredentialsError}, {@link NetworkError}, {@link TimeoutError},
   *   {@link AbortError} or {@link DeserializationError} when the call could not be made or understood.
   */
  async send<Input, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options: SendOptions = {},
  ): Promise<Output> {
    const { operation, input } = command;
    operation.validate(input);
    const body = operation.serialize(input);
    // Below this point everything listens on this send's own signal, linked once to the caller's: a signal
    // shared by many sends keeps one listener, not one per send, attempt, sleep and provider wait.
    const { signal, unlink } = linkSignal(options.abortSignal);
    try {
      const [config, maxAttempts] = await this.#prepare(signal);
      const request = buildRequest(config.endpoint, operation.name, body);
      const response = await this.#transfer(operation.name, request, config.signer, maxAttempts, signal);
      const json = parseJsonObject(response.body, response.$metadata, response.secrets);
      return operation.deserialize(json, response.$metadata);
    } finally {
      unlink();
    }
  }

  /**
   * Releases the transport's sockets. The client must not be used afterwards.
   *
   * @example
   * ```ts
   * const client = new ECRClient({ region: "us-east-1" });
   * try {
   *   await client.send(new DescribePullThroughCacheRulesCommand({}));
   * } finally {
   *   client.destroy(); // a short-lived script exits without waiting for idle keep-alive sockets
   * }
   * ```
   */
  destroy(): void {
    this.#handler.destroy?.();
  }

  /** Resolves the config (once per client) and `maxAttempts` (per send); an abort cuts a slow provider short. */
  async #prepare(abortSignal: AbortSignal | undefined): Promise<[ResolvedConfig, number]> {
    const settings = Promise.all([
      this.#resolveConfig(),
      resolveMaxAttempts(this.#config.maxAttempts, this.#runtime.env),
    ]);
    try {
      return await untilAborted(settings, abortSignal);
    } catch (error) {
      throw abortSignal?.aborted ? abortError(abortSignal, error) : error;
    }
  }

  /** Sends the signed request, retrying as the strategy allows; one invocation id for all its attempts. */
  #transfer(
    operation: string,
    request: HttpRequest,
    signer: SignatureV4,
    maxAttempts: number,
    abortSignal: AbortSignal | undefined,
  ): Promise<AttemptResponse> {
    const invocationId = this.#runtime.uuid();
    return withRetry((context) => this.#attempt(request, signer, context, invocationId, abortSignal), {
      operation,
      maxAttempts,
      strategy: this.#retryStrategy,
      sleep: this.#runtime.sleep,
      now: () => this.#clock.now(),
      abortSignal,
      logger: this.#config.logger,
    });
  }

  /** One attempt: signed with the service-aligned clock, tagged for the service's retry statistics. */
  #attempt(
    request: HttpRequest,
    signer: SignatureV4,
    context: AttemptContext,
    invocationId: string,
    abortSignal: AbortSignal | undefined,
  ): Promise<AttemptResponse> {
    return sendAttempt(request, {
      handler: this.#handler,
      signer,
      signingDate: new Date(this.#clock.now()),
      abortSignal,
      requestTimeout: this.#requestTimeout,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      headers: {
        "amz-sdk-invocation-id": invocationId,
        "amz-sdk-request": `attempt=${context.attempt}; max=${context.maxAttempts}`,
      },
      onHeaders: (headers) => {
        if (this.#clock.observe(headers["date"])) context.clockSkewCorrected = true;
      },
    });
  }
}
