import { homedir } from "node:os";
import type { AwsCredentialIdentityProvider, Logger, SharedConfigFiles } from "@smithy/types";

/** The few members of `@smithy/credential-provider-imds` we use. */
export interface ImdsModule {
  fromInstanceMetadata(init: {
    timeout: number;
    maxRetries: number;
    profile?: string;
  }): AwsCredentialIdentityProvider;
  httpRequest(options: {
    hostname: string;
    port?: number | undefined;
    path: string;
    headers?: Record<string, string>;
    timeout: number;
  }): Promise<Uint8Array>;
}

/** The member of `@aws-sdk/credential-provider-node` we use (an optional peer dependency). */
export interface NodeProviderModule {
  defaultProvider(init: {
    profile?: string;
    filepath?: string;
    configFilepath?: string;
    ignoreCache?: boolean;
    logger?: Logger;
  }): AwsCredentialIdentityProvider;
}

/**
 * Everything configuration resolution reads from the outside world. Production uses {@link nodeHost}; tests pass
 * their own environment, home directory and module loaders so that they never read the real `~/.aws` or reach
 * the instance metadata service. Internal: not part of the public API.
 */
export interface ConfigHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  homedir(): string;
  /** Reads a small text file (web identity or container authorization token). */
  readFile(path: string): Promise<string>;
  /** Reads and parses both shared files; a missing file is an empty one. */
  loadSharedFiles(paths: { filepath: string; configFilepath: string }): Promise<SharedConfigFiles>;
  /** Runs a `credential_process` command through the shell and resolves with its standard output. */
  runProcess(command: string, timeoutMs: number): Promise<string>;
  importImds(): Promise<ImdsModule>;
  importNodeProvider(): Promise<NodeProviderModule>;
  now(): number;
}

/** The real host. Every package beyond the environment is loaded lazily, on first use. */
export function nodeHost(): ConfigHost {
  return {
    env: process.env,
    homedir: () => process.env.HOME || process.env.USERPROFILE || homedir(),
    readFile: async (path) => (await import("node:fs/promises")).readFile(path, "utf8"),
    loadSharedFiles: async (paths) =>
      (await import("@smithy/shared-ini-file-loader")).loadSharedConfigFiles({ ...paths, ignoreCache: true }),
    runProcess,
    importImds: () => import("@smithy/credential-provider-imds"),
    importNodeProvider: () => import("@aws-sdk/credential-provider-node"),
    now: Date.now,
  };
}

async function runProcess(command: string, timeoutMs: number): Promise<string> {
  const { exec } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    exec(
      command,
      { timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        // Only stderr travels with a failure: stdout may hold half-written secrets.
        if (error)
          reject(
            Object.assign(new Error(stderr.trim().slice(0, 300)), { code: error.code, signal: error.signal }),
          );
        else resolve(stdout);
      },
    );
  });
}
