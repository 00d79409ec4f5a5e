import type { AwsCredentialIdentity, IniSection } from "@smithy/types";
import { ConfigurationError } from "../errors/client-errors.js";
import type { LinkResult } from "./default-credentials.js";
import type { ConfigHost } from "./host.js";
import type { DelegatedSetting } from "./node-provider.js";
import { describeProfile, loadProfile, type ProfileSource } from "./shared-files.js";

const SSO_SETTINGS = ["sso_session", "sso_start_url", "sso_account_id", "sso_role_name"] as const;

/**
 * Credentials from the shared files' profile, in the SDK's order: `role_arn` (delegated), static keys,
 * `web_identity_token_file` (delegated), `credential_process`, `sso_*` (delegated).
 *
 * @throws {@link ConfigurationError} when a profile chosen by name does not exist or has half a key pair.
 */
export async function fromSharedFiles(source: ProfileSource, host: ConfigHost): Promise<LinkResult> {
  const files = await loadProfile(source, host);
  if (!files.credentialsFile && !files.configFile) {
    if (source.chosenBy) {
      throw new ConfigurationError(
        source.chosenBy,
        `${source.chosenBy} chooses ${describeProfile(source)}, but neither file has it: add the profile or choose another`,
      );
    }
    return { notFound: `no ${describeProfile(source)}` };
  }
  // Like the SDK's `mergeConfigFiles(config, credentials)`: the credentials file wins.
  const profile: IniSection = { ...files.configFile, ...files.credentialsFile };
  const where = `profile "${source.name}"`;
  const delegate = async (setting: string): Promise<AwsCredentialIdentity> => {
    const found: DelegatedSetting = { setting, where, alternative: `fromIni({ profile: "${source.name}" })` };
    return (await import("./node-provider.js")).fromNodeProvider(found, source, host);
  };
  if (profile.role_arn) return delegate("role_arn");
  const staticKeys = fromStaticKeys(profile, where);
  if (staticKeys) return staticKeys;
  if (profile.web_identity_token_file) return delegate("web_identity_token_file");
  if (profile.credential_process) {
    return (await import("./process-credentials.js")).fromCredentialProcess(
      profile.credential_process,
      where,
      host,
    );
  }
  const sso = SSO_SETTINGS.find((setting) => profile[setting]);
  if (sso) return delegate(sso);
  return {
    notFound: `${describeProfile(source)} has no credentials (keys, credential_process, role_arn, sso_* or web_identity_token_file)`,
  };
}

function fromStaticKeys(profile: IniSection, where: string): AwsCredentialIdentity | undefined {
  const {
    aws_access_key_id: accessKeyId,
    aws_secret_access_key: secretAccessKey,
    aws_session_token: sessionToken,
  } = profile;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    const missing = accessKeyId ? "aws_secret_access_key" : "aws_access_key_id";
    throw new ConfigurationError(missing, `${where} sets only half of a key pair: add ${missing}`);
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
}
