import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { afterEach } from "vitest";
import {
  type ConfigHost,
  type ImdsModule,
  type NodeProviderModule,
  nodeHost,
} from "../../src/config/host.js";

/** Calls the fakes saw, so tests can assert what was (not) reached. */
export interface HostCalls {
  imds: { init: Parameters<ImdsModule["fromInstanceMetadata"]>[0] }[];
  nodeProvider: Parameters<NodeProviderModule["defaultProvider"]>[0][];
  sharedFileLoads: number;
}

export interface TestHostOptions {
  env?: Record<string, string>;
  /** Contents of `<home>/.aws/credentials` and `<home>/.aws/config`. */
  credentialsFile?: string;
  configFile?: string;
  /** What the fake instance metadata provider does; by default it fails like an absent service. */
  imds?: AwsCredentialIdentityProvider;
  /** The fake `@aws-sdk/credential-provider-node`; `"missing"` simulates the package not being installed. */
  nodeProvider?: AwsCredentialIdentityProvider | "missing";
  now?: () => number;
}

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/**
 * A host with a fresh temporary home directory (never the real ~/.aws), the given environment only, the real
 * INI loader and process runner, and fakes for the instance metadata service and the STS/SSO peer package.
 */
export function testHost(options: TestHostOptions = {}): {
  host: ConfigHost;
  home: string;
  calls: HostCalls;
} {
  const home = mkdtempSync(join(tmpdir(), "ecr-ptc-config-"));
  homes.push(home);
  mkdirSync(join(home, ".aws"));
  if (options.credentialsFile !== undefined)
    writeFileSync(join(home, ".aws", "credentials"), options.credentialsFile);
  if (options.configFile !== undefined) writeFileSync(join(home, ".aws", "config"), options.configFile);
  const calls: HostCalls = { imds: [], nodeProvider: [], sharedFileLoads: 0 };
  const real = nodeHost();
  const host: ConfigHost = {
    ...real,
    env: { ...options.env },
    homedir: () => home,
    loadSharedFiles: (paths) => {
      calls.sharedFileLoads++;
      return real.loadSharedFiles(paths);
    },
    importImds: () => Promise.resolve(fakeImds(options.imds, calls)),
    importNodeProvider: () => fakeNodeProvider(options.nodeProvider, calls),
    now: options.now ?? Date.now,
  };
  return { host, home, calls };
}

function fakeImds(provider: AwsCredentialIdentityProvider | undefined, calls: HostCalls): ImdsModule {
  return {
    fromInstanceMetadata: (init) => {
      calls.imds.push({ init });
      return (
        provider ?? (() => Promise.reject(new Error("Unable to connect to instance metadata service (fake)")))
      );
    },
    // The real HTTP call: container tests point it at a loopback server.
    httpRequest: async (options) => (await import("@smithy/credential-provider-imds")).httpRequest(options),
  };
}

function fakeNodeProvider(
  provider: AwsCredentialIdentityProvider | "missing" | undefined,
  calls: HostCalls,
): Promise<NodeProviderModule> {
  if (provider === "missing") {
    const error = Object.assign(
      new Error("Cannot find package '@aws-sdk/credential-provider-node' imported from /app/dist/index.js"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    return Promise.reject(error);
  }
  return Promise.resolve({
    defaultProvider: (init) => {
      calls.nodeProvider.push(init);
      return provider ?? (() => Promise.reject(new Error("fake node provider: no credentials")));
    },
  });
}
