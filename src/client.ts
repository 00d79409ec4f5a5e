import type { Command } from "./commands/command.js";
import { createConfigResolver, type ResolvedConfig } from "./config/resolve-config.js";
import type { ECRClientConfig, HttpRequestHandler } from "./config/types.js";
import type { MetadataBearer } from "./metadata.js";
import { parseJsonObject } from "./protocol/parse-json.js";
import { sendAttempt } from "./request/attempt.js";
import { buildRequest } from "./request/build-request.js";
import { withRetry } from "./retry/with-retry.js";
import { defaultRequestHandler } from "./transport/defaults.js";

/** Per-call options of {@link ECRClient.send}. */
export interface SendOptions {
  /** Aborts the in-flight request; the call rejects with an `AbortError`. */
  abortSignal?: AbortSignal | undefined;
}

/** Bodies larger than this are refused; a full page of 1000 rules is well under 1 MiB. */
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
 */
export class ECRClient {
  readonly #resolveConfig: () => Promise<ResolvedConfig>;
  readonly #handler: HttpRequestHandler;

  constructor(config: ECRClientConfig = {}) {
    this.#resolveConfig = createConfigResolver(config);
    this.#handler = config.requestHandler ?? defaultRequestHandler();
  }

  /**
   * Validates, signs and sends a command, and returns its typed output with `$metadata`.
   *
   * @throws {@link InputValidationError} for bad input, before anything is sent.
   * @throws {@link ECRServiceException} (or a modelled subclass) when the service answers with an error.
   * @throws {@link ConfigurationError}, {@link CredentialsError}, {@link NetworkError}, {@link TimeoutError},
   *   {@link AbortError} or {@link DeserializationError} when the call could not be made or understood.
   */
  async send<Input, Output extends MetadataBearer>(command: Command<Input, Output>, options: SendOptions = {}): Promise<Output> {
    const { operation, input } = command;
    operation.validate(input);
    const body = operation.serialize(input);
    const config = await this.#resolveConfig();
    const request = buildRequest(config.endpoint, operation.name, body);
    const response = await withRetry(() =>
      sendAttempt(request, {
        handler: this.#handler,
        signer: config.signer,
        signingDate: new Date(),
        abortSignal: options.abortSignal,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      }),
    );
    const json = parseJsonObject(response.body, response.$metadata, response.secrets);
    return operation.deserialize(json, response.$metadata);
  }

  /** Releases the transport's sockets. The client must not be used afterwards. */
  destroy(): void {
    this.#handler.destroy?.();
  }
}
