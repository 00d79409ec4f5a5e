import { join } from "node:path";
import type { IniSection } from "@smithy/types";
import type { ConfigHost } from "./host.js";

/** Which profile of which shared files the default chain and region lookup read. */
export interface ProfileSource {
  readonly name: string;
  /** The setting that chose the profile (`profile`, `AWS_PROFILE`), or undefined for `default`. */
  readonly chosenBy: "profile" | "AWS_PROFILE" | undefined;
  readonly filepath: string;
  readonly configFilepath: string;
}

/** The profile's settings as found in each file (`[name]` in credentials, `[profile name]` in config). */
export interface LoadedProfile {
  readonly credentialsFile: IniSection | undefined;
  readonly configFile: IniSection | undefined;
}

/**
 * Names the profile (`profile` option, then `AWS_PROFILE`, then `default`) and the files
 * (`AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, else `~/.aws/credentials` / `~/.aws/config`).
 */
export function profileSource(profileOption: string | undefined, host: ConfigHost): ProfileSource {
  const { env } = host;
  const chosenBy = profileOption ? "profile" : env.AWS_PROFILE ? "AWS_PROFILE" : undefined;
  const expand = (path: string): string =>
    path.startsWith("~/") ? join(host.homedir(), path.slice(2)) : path;
  return {
    name: profileOption || env.AWS_PROFILE || "default",
    chosenBy,
    filepath: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(host.homedir(), ".aws", "credentials")),
    configFilepath: expand(env.AWS_CONFIG_FILE || join(host.homedir(), ".aws", "config")),
  };
}

/** Reads both shared files (lazily loading the INI parser) and picks the profile out of each. */
export async function loadProfile(source: ProfileSource, host: ConfigHost): Promise<LoadedProfile> {
  const files = await host.loadSharedFiles({
    filepath: source.filepath,
    configFilepath: source.configFilepath,
  });
  return { credentialsFile: files.credentialsFile[source.name], configFile: files.configFile[source.name] };
}

/** Where a profile lives, for messages: `profile "dev" in /home/me/.aws/credentials or /home/me/.aws/config`. */
export function describeProfile(source: ProfileSource): string {
  return `profile "${source.name}" in ${source.filepath} or ${source.configFilepath}`;
}
