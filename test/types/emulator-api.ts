// Compile-only: `npm run typecheck` checks this file and vitest never runs it. It uses the whole public surface of
// ecr-pull-through-cache/emulator, so an accidental break of a public type fails CI.
import { ECRClient } from "../../src/index.js";
import {
  DEFAULT_ACCOUNT_ID,
  defaultSeedRules,
  LOCAL_ECR_CREDENTIALS,
  LocalEcrSeedError,
  readSeedFile,
  startLocalEcr,
  type LocalEcr,
  type LocalEcrCredentials,
  type LocalEcrFault,
  type LocalEcrOptions,
  type LocalEcrRequest,
  type SeedRule,
} from "../../src/emulator/index.js";

export async function usesTheEmulatorSurface(): Promise<void> {
  const rules: SeedRule[] = [...defaultSeedRules(), ...(await readSeedFile("rules.json"))];
  const credentials: LocalEcrCredentials[] = [
    LOCAL_ECR_CREDENTIALS,
    { accessKeyId: "a", secretAccessKey: "b", sessionToken: "c", accountId: DEFAULT_ACCOUNT_ID },
  ];
  const faults: LocalEcrFault[] = [
    { type: "throttle", status: 429 },
    { type: "server-error", status: 503, body: "html" },
    { type: "reset" },
    { type: "delay", ms: 10 },
    { type: "slow-body", ms: 10 },
    { type: "truncate" },
    { type: "skew", ms: -600_000 },
  ];
  const options: LocalEcrOptions = {
    rules,
    credentials,
    faults,
    region: "eu-west-1",
    port: 0,
    defaultPageSize: 50,
    now: Date.now,
  };
  const ecr: LocalEcr = await startLocalEcr(options);
  // The handle plugs into the client as is, under exactOptionalPropertyTypes.
  const client = new ECRClient({ region: ecr.region, endpoint: ecr.endpoint, credentials: ecr.credentials });
  client.destroy();
  ecr.inject({ type: "reset" });
  const seen: readonly LocalEcrRequest[] = ecr.requests;
  console.log(seen.map((request) => request.statusCode));
  // @ts-expect-error unknown fault types do not compile
  ecr.inject({ type: "explode" });
  // @ts-expect-error a delay needs its duration
  ecr.inject({ type: "delay" });
  const error: Error = new LocalEcrSeedError("x");
  console.log(error.name);
  await ecr.close();
}
