export { startLocalEcr, LOCAL_ECR_CREDENTIALS } from "./start-local-ecr.js";
export { defaultSeedRules, DEFAULT_ACCOUNT_ID } from "./default-seed.js";
export { LocalEcrSeedError, readSeedFile } from "./rule-store.js";
export type {
  LocalEcr,
  LocalEcrCredentials,
  LocalEcrFault,
  LocalEcrOptions,
  LocalEcrRequest,
  SeedRule,
} from "./types.js";
