// Compile-only: `npm run typecheck` checks this file and vitest never runs it. It uses the whole public surface
// of src/index.ts, so an accidental break of a public type fails CI; `@ts-expect-error` lines pin what must not
// compile.
import type {
  DescribePullThroughCacheRulesCommandInput as SdkInput,
  DescribePullThroughCacheRulesCommandOutput as SdkOutput,
  PullThroughCacheRule as SdkRule,
} from "@aws-sdk/client-ecr";
import type { fromIni } from "@aws-sdk/credential-providers";
import { Sha256 } from "@aws-crypto/sha256-js";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  AbortError,
  Command,
  ConfigurationError,
  CredentialsError,
  DescribePullThroughCacheRulesCommand,
  DeserializationError,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  InputValidationError,
  InvalidParameterException,
  iteratePullThroughCacheRules,
  NetworkError,
  paginateDescribePullThroughCacheRules,
  PaginationError,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  StandardRetryStrategy,
  TimeoutError,
  ValidationException,
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  type DescribePullThroughCacheRulesCommandInput,
  type DescribePullThroughCacheRulesCommandOutput,
  type ECRClientConfig,
  type ECRPaginationConfiguration,
  type HttpRequestHandler,
  type InputValidationRule,
  type Logger,
  type MetadataBearer,
  type ModelledExceptionOptions,
  type Operation,
  type PaginationClient,
  type Provider,
  type PullThroughCacheRule,
  type RawErrorResponse,
  type ResponseMetadata,
  type RetryErrorType,
  type RetryFailure,
  type RetryStrategy,
  type RetrySuccess,
  type SendOptions,
  type ServiceExceptionOptions,
  type Sha256Constructor,
  type UpstreamRegistry,
} from "../../src/index.js";

/** True only when A and B are the same type (the deferred-conditional trick). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the lone T is the trick
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equal<A, B>): Equal<A, B> => proof;
const is = <T>(value: T): T => value;

declare const sdkCredentialProvider: ReturnType<typeof fromIni>;
declare const nodeHandler: NodeHttpHandler;

export const configs: ECRClientConfig[] = [
  {},
  { region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "s" } },
  {
    region: () => Promise.resolve("eu-west-1"),
    credentials: { accessKeyId: "a", secretAccessKey: "s", sessionToken: "t", expiration: new Date() },
    endpoint: "http://127.0.0.1:4566/base",
    requestHandler: new FetchHttpHandler({ requestTimeout: 1000 }),
    sha256: Sha256,
    maxAttempts: 5,
    requestTimeout: 2000,
    useFipsEndpoint: false,
    useDualstackEndpoint: () => true,
    profile: "dev",
    logger: console,
  },
  {
    region: () => "ap-south-1",
    endpoint: new URL("https://ecr.internal"),
    credentials: sdkCredentialProvider,
  },
  {
    credentials: () => Promise.resolve({ accessKeyId: "a", secretAccessKey: "s" }),
    requestHandler: nodeHandler,
  },
  { region: undefined, credentials: undefined, endpoint: undefined, maxAttempts: () => Promise.resolve(2) },
  // @ts-expect-error region is a string or a provider of one
  { region: 1 },
  // @ts-expect-error static credentials need a secretAccessKey
  { credentials: { accessKeyId: "a" } },
  // @ts-expect-error the endpoint is a URL string or URL, not a port
  { endpoint: 4566 },
  // @ts-expect-error unknown options are typos
  { regoin: "us-east-1" },
  // @ts-expect-error a logger needs debug/info/warn/error
  { logger: { log: () => undefined } },
];

export const inputs: DescribePullThroughCacheRulesCommandInput[] = [
  {},
  {
    registryId: "012345678901",
    ecrRepositoryPrefixes: ["docker-hub", "ROOT"],
    nextToken: "t",
    maxResults: 100,
  },
  { registryId: undefined, ecrRepositoryPrefixes: undefined, nextToken: undefined, maxResults: undefined },
  // @ts-expect-error a typo is an unknown member, not silently dropped
  { maxresults: 5 },
  // @ts-expect-error maxResults is a number
  { maxResults: "5" },
  // @ts-expect-error prefixes are an array
  { ecrRepositoryPrefixes: "docker-hub" },
  // @ts-expect-error a registry id is a string (leading zeros)
  { registryId: 12345678901 },
  // @ts-expect-error nextToken is a string
  { nextToken: null },
];

export async function sendAndRead(client: ECRClient, signal: AbortSignal): Promise<Date | undefined> {
  const options: SendOptions = { abortSignal: signal };
  const command = new DescribePullThroughCacheRulesCommand({ maxResults: 10 });
  is<DescribePullThroughCacheRulesCommandInput>(command.input);
  is<Command<DescribePullThroughCacheRulesCommandInput, DescribePullThroughCacheRulesCommandOutput>>(command);
  const operation: Operation<
    DescribePullThroughCacheRulesCommandInput,
    DescribePullThroughCacheRulesCommandOutput
  > = command.operation;
  is<string>(operation.name);
  is<string>(operation.serialize({}));

  const output = await client.send(command, options);
  same<typeof output, DescribePullThroughCacheRulesCommandOutput>(true);
  is<MetadataBearer>(output);
  const metadata: ResponseMetadata = output.$metadata;
  is<[number | undefined, string | undefined, string | undefined, string | undefined]>([
    metadata.httpStatusCode,
    metadata.requestId,
    metadata.extendedRequestId,
    metadata.cfId,
  ]);
  is<[number | undefined, number | undefined]>([metadata.attempts, metadata.totalRetryDelay]);
  // @ts-expect-error $metadata is read-only
  output.$metadata.requestId = "forged";
  is<string | undefined>(output.nextToken);

  const rule: PullThroughCacheRule | undefined = output.pullThroughCacheRules?.[0];
  // @ts-expect-error a rule may be missing (noUncheckedIndexedAccess) and createdAt is optional
  rule.createdAt.getTime();
  // @ts-expect-error timestamps are Dates, not epoch numbers
  is<number | undefined>(rule?.updatedAt);
  is<[string | undefined, string | undefined, string | undefined, string | undefined]>([
    rule?.ecrRepositoryPrefix,
    rule?.upstreamRegistryUrl,
    rule?.registryId,
    rule?.credentialArn,
  ]);
  is<[string | undefined, string | undefined]>([rule?.customRoleArn, rule?.upstreamRepositoryPrefix]);
  const registry: UpstreamRegistry | undefined = rule?.upstreamRegistry;
  is<string | undefined>(registry);
  client.destroy();
  return rule?.createdAt;
}

export async function wrongSends(client: ECRClient): Promise<void> {
  // @ts-expect-error send takes a command, not its input
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the point of the line
  await client.send({ maxResults: 5 });
  // @ts-expect-error abortSignal is an AbortSignal
  await client.send(new DescribePullThroughCacheRulesCommand(), { abortSignal: true });
  // @ts-expect-error the command's input is checked
  new DescribePullThroughCacheRulesCommand({ maxResults: [5] });
}

export const upstreamRegistries: UpstreamRegistry[] = [
  "ecr",
  "ecr-public",
  "quay",
  "k8s",
  "docker-hub",
  "github-container-registry",
  "azure-container-registry",
  "gitlab-container-registry",
  "chainguard",
  "a-registry-added-later",
  // @ts-expect-error an open union of strings, not of anything
  42,
];

export function handleError(error: unknown): string {
  if (error instanceof PullThroughCacheRuleNotFoundException) {
    same<typeof error.name, "PullThroughCacheRuleNotFoundException">(true);
    same<typeof error.$fault, "client">(true);
    return error.message;
  }
  if (error instanceof ServerException) {
    same<typeof error.$fault, "server">(true);
    // @ts-expect-error a ServerException is never a client fault
    const fault: "client" = error.$fault;
    return fault;
  }
  if (error instanceof InvalidParameterException || error instanceof ValidationException) {
    same<typeof error.name, "InvalidParameterException" | "ValidationException">(true);
    return error.$fault;
  }
  if (error instanceof ECRServiceException) {
    is<string>(error.name);
    is<"client" | "server">(error.$fault);
    is<ResponseMetadata>(error.$metadata);
    const raw: RawErrorResponse | undefined = error.$response;
    is<[number, Readonly<Record<string, string>>, string] | undefined>(
      raw && [raw.statusCode, raw.headers, raw.body],
    );
    return `${error.name} ${error.$metadata.httpStatusCode ?? 0} ${error.$metadata.requestId ?? ""}`;
  }
  if (error instanceof InputValidationError) {
    same<typeof error.name, "InputValidationError">(true);
    is<InputValidationRule | undefined>(error.rule);
    is<unknown>(error.value);
    return error.field;
  }
  if (error instanceof PaginationError) {
    same<typeof error.name, "PaginationError">(true);
    return `${error.token} ${error.$metadata.requestId ?? ""}`;
  }
  if (error instanceof ConfigurationError) return error.setting;
  if (error instanceof DeserializationError) return `${error.path} ${String(error.$metadata.httpStatusCode)}`;
  if (error instanceof NetworkError) return error.code ?? "no code";
  if (error instanceof CredentialsError || error instanceof TimeoutError || error instanceof AbortError) {
    same<typeof error.name, "CredentialsError" | "TimeoutError" | "AbortError">(true);
    return error.name;
  }
  if (error instanceof ECRClientError) {
    is<ResponseMetadata>(error.$metadata);
    is<unknown>(error.cause);
    return error.message;
  }
  return "not ours";
}

export function constructErrors(): Error[] {
  const $metadata: ResponseMetadata = { httpStatusCode: 400, requestId: "r" };
  const $response: RawErrorResponse = { statusCode: 400, headers: {}, body: "{}" };
  const modelled: ModelledExceptionOptions = { message: "m", $metadata, $response, cause: new Error("c") };
  const base: ServiceExceptionOptions = {
    name: "ThrottlingException",
    message: "m",
    $fault: "client",
    $metadata,
  };
  return [
    new ECRServiceException(base),
    new ServerException(modelled),
    new InvalidParameterException(modelled),
    new ValidationException({ message: "m", $metadata }),
    new PullThroughCacheRuleNotFoundException(modelled),
    new InputValidationError("maxResults", "must be 1–1000"),
    new InputValidationError("maxResults", "must be 1–1000", { rule: "range", value: 0 }),
    new PaginationError("token", "repeated", { $metadata }),
    // @ts-expect-error the rule is one of the listed names
    new InputValidationError("maxResults", "m", { rule: "too-big" }),
    new ConfigurationError("region", "no region", { cause: new Error("c") }),
    new CredentialsError("none"),
    new DeserializationError("nextToken", "expected a string", { $metadata }),
    new NetworkError("reset", { code: "ECONNRESET", cause: new Error("c") }),
    new TimeoutError("slow"),
    new AbortError("aborted", { $metadata }),
    // @ts-expect-error modelled exceptions fix their own name
    new ServerException({ ...modelled, name: "Other" }),
    // @ts-expect-error $metadata is required
    new ValidationException({ message: "m" }),
    // @ts-expect-error $fault is "client" or "server"
    new ECRServiceException({ ...base, $fault: "both" }),
    // @ts-expect-error a DeserializationError carries $metadata
    new DeserializationError("p", "m", {}),
  ];
}

export function plumbing(): void {
  const identity: AwsCredentialIdentity = { accessKeyId: "a", secretAccessKey: "s" };
  const provider: AwsCredentialIdentityProvider = () => Promise.resolve(identity);
  const region: Provider<string> = () => "us-east-1";
  const sha256: Sha256Constructor = Sha256;
  const handler: HttpRequestHandler = new FetchHttpHandler();
  const logger: Logger = console;
  is<ECRClientConfig>({ credentials: provider, region, sha256, requestHandler: handler, logger });
}

export function retries(failure: RetryFailure): (number | undefined)[] {
  const standard = new StandardRetryStrategy(() => 0.5);
  const type: RetryErrorType = failure.errorType;
  const success: RetrySuccess = { attempt: 2, retriedErrorType: type };
  standard.recordSuccess(success);
  const custom: RetryStrategy = { retryDelay: (f) => (f.errorType === "THROTTLING" ? undefined : 100) };
  is<ECRClientConfig>({ retryStrategy: standard, maxAttempts: 4 });
  is<ECRClientConfig>({ retryStrategy: custom });
  // @ts-expect-error a retry strategy must say how long to wait
  is<ECRClientConfig>({ retryStrategy: { recordSuccess: () => undefined } });
  // @ts-expect-error error types are Smithy's literal names
  is<RetryErrorType>("throttling");
  return [standard.retryDelay(failure), standard.quota, custom.retryDelay(failure)];
}

// Drop-in for code typed against @aws-sdk/client-ecr.
export function sdkCompatibility(
  sdkInput: SdkInput,
  sdkOutput: SdkOutput,
  sdkRule: SdkRule,
  input: DescribePullThroughCacheRulesCommandInput,
) {
  const ourInput: DescribePullThroughCacheRulesCommandInput = sdkInput;
  const backToSdk: SdkInput = input;
  const ourOutput: DescribePullThroughCacheRulesCommandOutput = sdkOutput;
  const ourRule: PullThroughCacheRule = sdkRule;
  return [ourInput, backToSdk, ourOutput, ourRule];
}

export async function paging(client: ECRClient, abortSignal: AbortSignal): Promise<number> {
  const config: ECRPaginationConfiguration = {
    client,
    pageSize: 100,
    startingToken: "t",
    stopOnSameToken: true,
    abortSignal,
  };
  const pages = paginateDescribePullThroughCacheRules(config, {
    ecrRepositoryPrefixes: ["ROOT"],
    maxResults: 10,
  });
  same<typeof pages, AsyncGenerator<DescribePullThroughCacheRulesCommandOutput, void, undefined>>(true);
  let count = 0;
  for await (const page of pages) count += page.pullThroughCacheRules?.length ?? 0;
  for await (const rule of iteratePullThroughCacheRules({ client })) is<PullThroughCacheRule>(rule);
  // Any object with a compatible send() works as the client (a test double, a wrapper).
  const double: PaginationClient = { send: () => Promise.resolve({ $metadata: {} }) };
  is<AsyncGenerator<PullThroughCacheRule, void, undefined>>(iteratePullThroughCacheRules({ client: double }));
  // @ts-expect-error pageSize is a number
  paginateDescribePullThroughCacheRules({ client, pageSize: "10" });
  // @ts-expect-error a client is required
  paginateDescribePullThroughCacheRules({ pageSize: 10 });
  // @ts-expect-error unknown options are typos
  iteratePullThroughCacheRules({ client, pagesize: 10 });
  // @ts-expect-error the input is checked like the command's
  iteratePullThroughCacheRules({ client }, { maxresults: 10 });
  return count;
}
