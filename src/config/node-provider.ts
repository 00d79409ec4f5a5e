import type { AwsCredentialIdentity } from "@smithy/types";
import { ConfigurationError, CredentialsError } from "../errors/client-errors.js";
import type { ConfigHost, NodeProviderModule } from "./host.js";
import type { ProfileSource } from "./shared-files.js";

const PACKAGE = "@aws-sdk/credential-provider-node";

/** What needs STS or SSO and so is delegated: the setting found and where it was found. */
export interface DelegatedSetting {
  readonly setting: string;
  readonly where: string;
  /** The `@aws-sdk/credential-providers` factory a user could pass instead. */
  readonly alternative: string;
}

/**
 * Resolves credentials that need AWS STS or SSO (role_arn, web identity, sso_* profiles) through the optional peer
 * dependency `@aws-sdk/credential-provider-node`, loaded only now.
 *
 * @throws {@link ConfigurationError} naming the setting and the package to install when that package is absent.
 * @throws {@link CredentialsError} when the delegated provider fails.
 */
export async function fromNodeProvider(
  found: DelegatedSetting,
  source: ProfileSource,
  host: ConfigHost,
): Promise<AwsCredentialIdentity> {
  const module = await importNodeProvider(found, host);
  const provider = module.defaultProvider({
    profile: source.name,
    filepath: source.filepath,
    configFilepath: source.configFilepath,
    ignoreCache: true,
  });
  try {
    return await provider();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CredentialsError(
      `${found.setting} (${found.where}): ${PACKAGE} could not resolve credentials: ${reason}`,
      { cause },
    );
  }
}

async function importNodeProvider(found: DelegatedSetting, host: ConfigHost): Promise<NodeProviderModule> {
  try {
    return await host.importNodeProvider();
  } catch (cause) {
    if (!isMissing(cause)) throw cause;
    throw new ConfigurationError(
      found.setting,
      `${found.setting} is set (${found.where}), which needs AWS STS or SSO: install the optional peer dependency ` +
        `${PACKAGE} (npm install ${PACKAGE}), or pass \`credentials: ${found.alternative}\` from @aws-sdk/credential-providers`,
      { cause },
    );
  }
}

function isMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String(message).includes(PACKAGE)
  );
}
