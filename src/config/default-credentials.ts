import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { CredentialsError } from "../errors/client-errors.js";
import { fromEnvironment } from "./env-credentials.js";
import type { ConfigHost } from "./host.js";
import { type ProfileSource, profileSource } from "./shared-files.js";

/** Credentials, or why a link of the chain found none (for the no-credentials error). */
export type LinkResult = AwsCredentialIdentity | { readonly notFound: string };

interface Link {
  readonly source: string;
  resolve(): LinkResult | Promise<LinkResult>;
}

/**
 * The default credential chain: environment → shared files profile → web identity (env) → container → EC2 instance
 * metadata. Only the environment link is loaded eagerly; every other link (and the packages it needs) is imported on
 * first use, so a Lambda function with credentials in its environment loads nothing more.
 *
 * Web identity comes before the container and instance links, as in the AWS SDK: on EKS with IRSA the node's
 * instance role must not win over the pod's role.
 *
 * @throws {@link CredentialsError} listing every source tried when none has credentials.
 */
export function defaultCredentialsProvider(
  profileOption: string | undefined,
  host: ConfigHost,
): AwsCredentialIdentityProvider {
  return async () => {
    const tried: string[] = [];
    for (const link of chain(profileOption, host)) {
      const result = await link.resolve();
      if (!("notFound" in result)) return result;
      tried.push(`${link.source}: ${result.notFound}`);
    }
    throw new CredentialsError(
      "no credentials found. Tried, in order:\n" +
        tried.map((line) => `  - ${line}`).join("\n") +
        "\nSet AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, configure a profile, or pass `credentials` to new ECRClient().",
    );
  };
}

function chain(profileOption: string | undefined, host: ConfigHost): Link[] {
  const { env } = host;
  const profile = profileSource(profileOption, host);
  return [
    {
      source: "environment",
      resolve: () => {
        // As in the AWS SDK: a profile chosen by name wins over keys in the environment.
        if (profile.chosenBy)
          return { notFound: `skipped, ${profile.chosenBy} chooses profile "${profile.name}"` };
        return fromEnvironment(env) ?? { notFound: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set" };
      },
    },
    {
      source: "shared files",
      resolve: async () => (await import("./profile-credentials.js")).fromSharedFiles(profile, host),
    },
    { source: "web identity", resolve: () => fromWebIdentityEnv(profile, host) },
    {
      source: "container",
      resolve: async () => (await import("./container-credentials.js")).fromContainer(host),
    },
    {
      source: "EC2 instance metadata",
      resolve: async () =>
        (await import("./instance-credentials.js")).fromInstanceMetadata(profile.name, host),
    },
  ];
}

async function fromWebIdentityEnv(profile: ProfileSource, host: ConfigHost): Promise<LinkResult> {
  const { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: roleArn } = host.env;
  if (!tokenFile || !roleArn)
    return { notFound: "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set" };
  const found = {
    setting: "AWS_WEB_IDENTITY_TOKEN_FILE",
    where: "environment",
    alternative: "fromTokenFile()",
  };
  const identity: AwsCredentialIdentity = await (
    await import("./node-provider.js")
  ).fromNodeProvider(found, profile, host);
  return identity;
}
