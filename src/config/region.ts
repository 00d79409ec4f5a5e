import { ConfigurationError } from "../errors/client-errors.js";
import type { ConfigHost } from "./host.js";
import { describeProfile, loadProfile, type ProfileSource } from "./shared-files.js";
import type { ECRClientConfig } from "./types.js";

/** A resolved region: the real region to sign for, and whether a FIPS pseudo-region asked for FIPS. */
export interface ResolvedRegion {
  readonly region: string;
  readonly fipsFromRegion: boolean;
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `region` option (value or provider) → `AWS_REGION` → `AWS_DEFAULT_REGION` → the profile's `region` in the
 * shared files (read only when nothing earlier is set). `fips-<r>` and `<r>-fips` mean `<r>` with FIPS on.
 *
 * @throws {@link ConfigurationError} when no source has a region, or the region is not a lowercase host label.
 */
export async function resolveRegion(
  option: ECRClientConfig["region"],
  profile: ProfileSource,
  host: ConfigHost,
): Promise<ResolvedRegion> {
  const [setting, value] = await findRegion(option, profile, host);
  return parseRegion(value, setting);
}

/** Splits a FIPS pseudo-region and validates the rest as a host label. */
export function parseRegion(value: unknown, setting: string): ResolvedRegion {
  if (typeof value !== "string") {
    throw new ConfigurationError(
      setting,
      `${setting} must be a string such as "us-east-1", got ${typeof value}`,
    );
  }
  const match = /^fips-(.+)$|^(.+)-fips$/.exec(value);
  const region = match ? (match[1] ?? match[2] ?? "") : value;
  if (!HOST_LABEL.test(region)) {
    throw new ConfigurationError(
      setting,
      `${setting} ${JSON.stringify(value)} is not a valid region: use lowercase letters, digits and hyphens, e.g. "us-east-1"`,
    );
  }
  return { region, fipsFromRegion: match !== null };
}

async function findRegion(
  option: ECRClientConfig["region"],
  profile: ProfileSource,
  host: ConfigHost,
): Promise<[string, unknown]> {
  const fromOption: unknown = typeof option === "function" ? await option() : option;
  if (fromOption !== undefined && fromOption !== "") return ["region", fromOption];
  const { AWS_REGION, AWS_DEFAULT_REGION } = host.env;
  if (AWS_REGION) return ["AWS_REGION", AWS_REGION];
  if (AWS_DEFAULT_REGION) return ["AWS_DEFAULT_REGION", AWS_DEFAULT_REGION];
  const files = await loadProfile(profile, host);
  // The config file wins for region, as in the SDK's region loader.
  const fromProfile = files.configFile?.region ?? files.credentialsFile?.region;
  if (fromProfile) return [`region of profile "${profile.name}"`, fromProfile];
  throw new ConfigurationError(
    "region",
    `no region: pass new ECRClient({ region: "us-east-1" }), set AWS_REGION, or set region in ${describeProfile(profile)}`,
  );
}
