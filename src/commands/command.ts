import type { ResponseMetadata } from "../metadata.js";

/**
 * What the client needs to know to run one awsJson 1.1 operation: validate, serialize and deserialize.
 * Commands carry one; users do not implement it.
 */
export interface Operation<Input, Output> {
  /** The operation name, e.g. `DescribePullThroughCacheRules`. */
  readonly name: string;
  /** Throws an {@link InputValidationError} before anything is sent. */
  validate(input: Input): void;
  /** The JSON request body. */
  serialize(input: Input): string;
  /** Maps the parsed response object to the typed output; throws a {@link DeserializationError}. */
  deserialize(body: Record<string, unknown>, $metadata: ResponseMetadata): Output;
}

/**
 * A command: the input of one call and the operation that runs it. {@link ECRClient.send} accepts any command
 * and returns that command's output type.
 *
 * @example
 * ```ts
 * import { type Command, type MetadataBearer, ECRClient } from "ecr-pull-through-cache";
 *
 * // A helper that logs the request id of any command it sends.
 * async function sendLogged<I, O extends MetadataBearer>(client: ECRClient, command: Command<I, O>): Promise<O> {
 *   const output = await client.send(command);
 *   console.log(output.$metadata.requestId);
 *   return output;
 * }
 * ```
 */
export abstract class Command<Input, Output> {
  /** The operation that runs this command. */
  abstract readonly operation: Operation<Input, Output>;
  /** The input given to the constructor (never mutated). */
  readonly input: Input;
  constructor(input: Input) {
    this.input = input;
  }
}
