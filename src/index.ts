export { ECRClient } from "./client.js";
export type { SendOptions } from "./client.js";
export { Command } from "./commands/command.js";
export type { Operation } from "./commands/command.js";
export { DescribePullThroughCacheRulesCommand } from "./commands/describe-pull-through-cache-rules.js";
export type {
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput,
} from "./commands/describe-pull-through-cache-rules.js";
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ECRClientConfig,
  HttpRequestHandler,
  Logger,
  Provider,
  Sha256Constructor,
} from "./config/types.js";
export {
  AbortError,
  ConfigurationError,
  CredentialsError,
  DeserializationError,
  ECRClientError,
  InputValidationError,
  NetworkError,
  PaginationError,
  TimeoutError,
} from "./errors/client-errors.js";
export type { InputValidationRule } from "./errors/client-errors.js";
export {
  ECRServiceException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  ValidationException,
} from "./errors/service-exception.js";
export type {
  ModelledExceptionOptions,
  RawErrorResponse,
  ServiceExceptionOptions,
} from "./errors/service-exception.js";
export type { MetadataBearer, ResponseMetadata } from "./metadata.js";
export { iteratePullThroughCacheRules } from "./pagination/iterate.js";
export { paginateDescribePullThroughCacheRules } from "./pagination/paginate.js";
export type { ECRPaginationConfiguration, PaginationClient } from "./pagination/paginate.js";
export type { PullThroughCacheRule, UpstreamRegistry } from "./models.js";
export type { RetryErrorType } from "./retry/classify-error.js";
export { StandardRetryStrategy } from "./retry/standard-retry-strategy.js";
export type { RetryFailure, RetryStrategy, RetrySuccess } from "./retry/standard-retry-strategy.js";
