import type { AwsCredentialIdentity } from "@smithy/types";
import { ConfigurationError, CredentialsError } from "../errors/client-errors.js";
import type { ConfigHost } from "./host.js";
import type { LinkResult } from "./default-credentials.js";

const ECS_HOST = "169.254.170.2";
// http is allowed only to these hosts (loopback, ECS, EKS Pod Identity), as in the AWS SDK's fromHttp.
const HTTP_HOSTS = new Set([ECS_HOST, "169.254.170.23", "[fd00:ec2::23]", "localhost", "[::1]"]);
const TIMEOUT_MS = 2000;
const ATTEMPTS = 2;

interface Target {
  readonly url: URL;
  readonly setting: string;
}

/**
 * ECS task role and EKS Pod Identity credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (ECS agent) or
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on every fetch, as
 * EKS rotates it) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`. The HTTP call is `@smithy/credential-provider-imds`'s.
 *
 * @throws {@link ConfigurationError} for a URI that is not allowed; {@link CredentialsError} when the endpoint fails.
 */
export async function fromContainer(host: ConfigHost): Promise<LinkResult> {
  const target = containerTarget(host.env);
  if (!target)
    return {
      notFound: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
    };
  const { url, setting } = target;
  const imds = await host.importImds();
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const authorization = await authorizationToken(host);
      const body = await imds.httpRequest({
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname + url.search,
        headers: authorization ? { Authorization: authorization } : {},
        timeout: TIMEOUT_MS,
      });
      return parseContainerCredentials(new TextDecoder().decode(body), setting);
    } catch (error) {
      if (error instanceof ConfigurationError || error instanceof CredentialsError) throw error;
      lastError = error;
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new CredentialsError(
    `container credentials endpoint (${setting}: ${url.origin}${url.pathname}) failed: ${reason}`,
    { cause: lastError },
  );
}

function containerTarget(env: ConfigHost["env"]): Target | undefined {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (relative)
    return {
      url: new URL(relative, `http://${ECS_HOST}`),
      setting: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    };
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!full) return undefined;
  const setting = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
  let url: URL;
  try {
    url = new URL(full);
  } catch (cause) {
    throw new ConfigurationError(setting, `${setting} is not a URL`, { cause });
  }
  if (url.protocol !== "http:") {
    throw new ConfigurationError(
      setting,
      `${setting} must be an http: URL (https container endpoints are not supported; pass fromContainerMetadata() or fromHttp() from @aws-sdk/credential-providers)`,
    );
  }
  if (!HTTP_HOSTS.has(url.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(url.hostname)) {
    throw new ConfigurationError(
      setting,
      `${setting} host ${url.hostname} is not allowed over http: use loopback, ${ECS_HOST} (ECS) or 169.254.170.23 (EKS Pod Identity)`,
    );
  }
  return { url, setting };
}

async function authorizationToken(host: ConfigHost): Promise<string | undefined> {
  const file = host.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  let token = host.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  let setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
  if (file) {
    setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    try {
      token = (await host.readFile(file)).trim();
    } catch (cause) {
      throw new CredentialsError(`cannot read ${setting} (${file})`, { cause });
    }
  }
  if (token && /[\r\n]/.test(token))
    throw new ConfigurationError(setting, `${setting} holds a line break; it must be one line`);
  return token || undefined;
}

function parseContainerCredentials(text: string, setting: string): AwsCredentialIdentity {
  const fail = (why: string): CredentialsError =>
    new CredentialsError(`container credentials endpoint (${setting}) answered ${why}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail("something that is not JSON");
  }
  if (typeof body !== "object" || body === null) throw fail("JSON that is not an object");
  const { AccessKeyId, SecretAccessKey, Token, Expiration, AccountId } = body as Record<string, unknown>;
  if (
    typeof AccessKeyId !== "string" ||
    typeof SecretAccessKey !== "string" ||
    typeof Token !== "string" ||
    typeof Expiration !== "string"
  ) {
    throw fail("without AccessKeyId, SecretAccessKey, Token and Expiration strings");
  }
  const expiration = new Date(Expiration);
  if (Number.isNaN(expiration.getTime())) throw fail("an Expiration that is not a date");
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: Token,
    expiration,
    ...(typeof AccountId === "string" && AccountId && { accountId: AccountId }),
  };
}
