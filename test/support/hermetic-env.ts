import { join } from "node:path";

/**
 * Makes `env` hermetic, in place: removes every `AWS_*` variable, disables the EC2 instance metadata service (a
 * client left to the default credentials chain must never try 169.254.169.254) and points `HOME` and
 * `USERPROFILE` at `home`, so no real `~/.aws` is read. npm keeps its cache and user config where they were
 * (test/package installs a packed tarball offline, from that cache).
 *
 * @example
 * const env = { AWS_PROFILE: "prod", HOME: "/home/me" };
 * hermeticEnv(env, "/tmp/empty", "linux");
 * // env: { HOME: "/tmp/empty", USERPROFILE: "/tmp/empty", AWS_EC2_METADATA_DISABLED: "true",
 * //        npm_config_cache: "/home/me/.npm", npm_config_userconfig: "/home/me/.npmrc" }
 */
export function hermeticEnv(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform): void {
  const realHome = env.HOME || env.USERPROFILE;
  if (realHome) {
    const npmCache =
      platform === "win32" && env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "npm-cache") : join(realHome, ".npm");
    env.npm_config_cache ||= npmCache;
    env.npm_config_userconfig ||= join(realHome, ".npmrc");
  }
  for (const name of Object.keys(env))
    if (name.toUpperCase().startsWith("AWS_")) Reflect.deleteProperty(env, name);
  env.AWS_EC2_METADATA_DISABLED = "true";
  env.HOME = home;
  env.USERPROFILE = home;
}
