import type { ResponseMetadata } from "../metadata.js";

/** What the client needs to know to run one awsJson 1.1 operation. */
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

/** A command: the input of one call and the operation that runs it. */
export abstract class Command<Input, Output> {
  /** The operation that runs this command. */
  abstract readonly operation: Operation<Input, Output>;
  /** The input given to the constructor (never mutated). */
  readonly input: Input;
  constructor(input: Input) {
    this.input = input;
  }
}
