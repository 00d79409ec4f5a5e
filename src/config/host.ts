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
  /** The home directory; `node:os` loads only when neither `HOME` nor `USERPROFILE` is set. */
  homedir(): Promise<string>;
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

/**
 * The optional peer, imported through a variable so that bundlers leave the `import()` for run time: a bundle
 * then builds whether or not the package is installed, stays free of its ~300 KB, and loads it from
 * `node_modules` when a profile needs STS or SSO (or fails with the ConfigurationError that names it).
 */
const NODE_PROVIDER: string = "@aws-sdk/credential-provider-node";

/** The real host. Every package beyond the environment is loaded lazily, on first use. */
export function nodeHost(): ConfigHost {
  return {
    // Browsers have no `process`: their environment is empty.
    env: typeof process === "undefined" ? {} : process.env,
    homedir: async () => process.env.HOME || process.env.USERPROFILE || (await import("node:os")).homedir(),
    readFile: async (path) => (await import("node:fs/promises")).readFile(path, "utf8"),
    loadSharedFiles: async (paths) =>
      (await import("./ini-loader.js")).loadSharedConfigFiles({ ...paths, ignoreCache: true }),
    runProcess,
    importImds: () => import("./imds.js"),
    importNodeProvider: () =>
      import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_PROVIDER) as Promise<NodeProviderModule>,
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
