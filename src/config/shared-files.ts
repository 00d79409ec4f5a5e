import type { IniSection } from "@smithy/types";
import type { ConfigHost } from "./host.js";

/** Which profile the default chain and region lookup read; the files' paths are found only when read. */
export interface ProfileSource {
  readonly name: string;
  /** The setting that chose the profile (`profile`, `AWS_PROFILE`), or undefined for `default`. */
  readonly chosenBy: "profile" | "AWS_PROFILE" | undefined;
  /**
   * The shared files' paths. Loads `node:path` (and `node:os` without `HOME`) on the first call only, so
   * environment credentials never do, and fetch runtimes never load a Node built-in unless they read files.
   */
  paths(): Promise<SharedFilePaths>;
}

/** Where the shared credentials and config files are. */
export interface SharedFilePaths {
  readonly filepath: string;
  readonly configFilepath: string;
}

/** The profile's settings as found in each file (`[name]` in credentials, `[profile name]` in config). */
export interface LoadedProfile {
  readonly name: string;
  readonly paths: SharedFilePaths;
  readonly credentialsFile: IniSection | undefined;
  readonly configFile: IniSection | undefined;
}

/**
 * Names the profile (`profile` option, then `AWS_PROFILE`, then `default`) and, on demand, the files
 * (`AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, else `~/.aws/credentials` / `~/.aws/config`).
 */
export function profileSource(profileOption: string | undefined, host: ConfigHost): ProfileSource {
  const { env } = host;
  let paths: Promise<SharedFilePaths> | undefined;
  return {
    name: profileOption || env.AWS_PROFILE || "default",
    chosenBy: profileOption ? "profile" : env.AWS_PROFILE ? "AWS_PROFILE" : undefined,
    paths: () => (paths ??= sharedFilePaths(host)),
  };
}

async function sharedFilePaths(host: ConfigHost): Promise<SharedFilePaths> {
  const path = await import("node:path");
  const join = (...parts: string[]): string => path.join(...parts);
  const home = await host.homedir();
  const { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config } = host.env;
  const expand = (path: string): string => (path.startsWith("~/") ? join(home, path.slice(2)) : path);
  return {
    filepath: expand(credentials || join(home, ".aws", "credentials")),
    configFilepath: expand(config || join(home, ".aws", "config")),
  };
}

/** Reads both shared files (lazily loading the INI parser) and picks the profile out of each. */
export async function loadProfile(source: ProfileSource, host: ConfigHost): Promise<LoadedProfile> {
  const paths = await source.paths();
  const files = await host.loadSharedFiles(paths);
  return {
    name: source.name,
    paths,
    credentialsFile: files.credentialsFile[source.name],
    configFile: files.configFile[source.name],
  };
}

/** Where a profile lives, for messages: `profile "dev" in /home/me/.aws/credentials or /home/me/.aws/config`. */
export function describeProfile(profile: LoadedProfile): string {
  return `profile "${profile.name}" in ${profile.paths.filepath} or ${profile.paths.configFilepath}`;
}
