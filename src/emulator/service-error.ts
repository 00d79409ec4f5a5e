/**
 * An error the local ECR answers with, shaped like the real service's awsJson 1.1 errors: `{"__type", "message"}`.
 * Errors raised by AWS's request front end (authentication, serialization) carry Coral's namespaced type, as
 * the real endpoint does.
 */
export class LocalEcrServiceError extends Error {
  override readonly name = "LocalEcrServiceError";
  readonly statusCode: number;
  readonly type: string;
  /** The `message` member of the body; absent for errors the service sends without one. */
  readonly bodyMessage: string | undefined;

  constructor(statusCode: number, type: string, message: string | undefined) {
    super(message ?? type);
    this.statusCode = statusCode;
    this.type = type;
    this.bodyMessage = message;
  }

  /** The awsJson body. */
  body(): string {
    return JSON.stringify(
      this.bodyMessage === undefined
        ? { __type: this.type }
        : { __type: this.type, message: this.bodyMessage },
    );
  }
}

type ErrorFactory = (message?: string) => LocalEcrServiceError;
const make =
  (statusCode: number, type: string, defaultMessage?: string): ErrorFactory =>
  (message) =>
    new LocalEcrServiceError(statusCode, type, message ?? defaultMessage);

/** Every error the local ECR can raise, with the status and default message the real service uses. */
export const ERRORS = {
  missingAuthentication: make(400, "MissingAuthenticationTokenException", "Missing Authentication Token"),
  incompleteSignature: make(400, "IncompleteSignatureException"),
  unrecognizedClient: make(
    400,
    "UnrecognizedClientException",
    "The security token included in the request is invalid.",
  ),
  invalidSignature: make(
    403,
    "InvalidSignatureException",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  ),
  unknownOperation: make(400, "com.amazon.coral.service#UnknownOperationException"),
  serialization: make(400, "com.amazon.coral.service#SerializationException"),
  validation: make(400, "ValidationException"),
  invalidParameter: make(400, "InvalidParameterException"),
  ruleNotFound: make(400, "PullThroughCacheRuleNotFoundException"),
  throttling: make(400, "ThrottlingException", "Rate exceeded"),
  server: make(500, "ServerException", "We encountered an internal error. Please try again."),
} as const satisfies Record<string, ErrorFactory>;
