import { afterEach } from "vitest";
import { ECRClient, type ECRClientConfig } from "../../src/index.js";
import {
  startLocalEcr,
  type LocalEcr,
  type LocalEcrOptions,
  type SeedRule,
} from "../../src/emulator/index.js";

const running: LocalEcr[] = [];
const clients: ECRClient[] = [];

/** Stops every emulator and client a test started (register once per file). */
export function cleanUpLocalEcrs(): void {
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(running.splice(0).map((ecr) => ecr.close()));
  });
}

/** Starts a local ECR for one test, and a client pointed at it. */
export async function localEcr(
  options: LocalEcrOptions = {},
  clientConfig: ECRClientConfig = {},
): Promise<{ ecr: LocalEcr; client: ECRClient }> {
  const ecr = await startLocalEcr(options);
  running.push(ecr);
  const client = new ECRClient({
    region: ecr.region,
    endpoint: ecr.endpoint,
    credentials: ecr.credentials,
    ...clientConfig,
  });
  clients.push(client);
  return { ecr, client };
}

/** `count` distinct, valid quay rules. */
export function manyRules(count: number, registryId?: string): SeedRule[] {
  return Array.from({ length: count }, (_, index) => ({
    ecrRepositoryPrefix: `team-${String(index).padStart(5, "0")}`,
    upstreamRegistryUrl: "quay.io",
    createdAt: 1_700_000_000 + index,
    ...(registryId === undefined ? {} : { registryId }),
  }));
}

/** Starts a local ECR closed when the calling test finishes (safe with concurrent tests: pass the test context's hook). */
export async function localEcrFor(
  onTestFinished: (fn: () => Promise<void>) => void,
  options: LocalEcrOptions = {},
): Promise<LocalEcr> {
  const ecr = await startLocalEcr(options);
  onTestFinished(() => ecr.close());
  return ecr;
}
