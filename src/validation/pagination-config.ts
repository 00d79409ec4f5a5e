import type { ECRPaginationConfiguration } from "../pagination/paginate.js";
import type { MemberRule, Shape } from "./validate-shape.js";
import { validateShape } from "./validate-shape.js";

const PAGINATION_CONFIG_SHAPE = {
  name: "config",
  typeName: "ECRPaginationConfiguration",
  members: {
    client: {
      type: "object",
      required: true,
      expected: "a client with a send() method, such as new ECRClient(…)",
      accepts: (value) => typeof (value as { send?: unknown }).send === "function",
    },
    pageSize: { type: "integer", min: 1, max: 1000 },
    startingToken: { type: "string", minLength: 1 },
    stopOnSameToken: { type: "boolean" },
    abortSignal: {
      type: "object",
      expected: "an AbortSignal",
      // Duck-typed so signals from another realm or a polyfill pass too.
      accepts: (value) => {
        const signal = value as Partial<AbortSignal>;
        return typeof signal.aborted === "boolean" && typeof signal.addEventListener === "function";
      },
    },
  } satisfies Record<keyof ECRPaginationConfiguration, MemberRule>,
} as const satisfies Shape;

/**
 * Checks the paginators' configuration: a client, `pageSize` an integer 1–1000, `startingToken` non-empty,
 * `stopOnSameToken` a boolean, `abortSignal` an `AbortSignal`, no unknown members.
 *
 * @throws {@link InputValidationError} naming the member, the rule and the value.
 */
export function validatePaginationConfig(config: ECRPaginationConfiguration): void {
  validateShape(PAGINATION_CONFIG_SHAPE, config);
}
