// Vitest setup file (vitest.config.ts `setupFiles`): runs in every test worker before the test file is imported.
// The client reads `process.env` (AWS_ENDPOINT_URL*, AWS_USE_FIPS_ENDPOINT, AWS_MAX_ATTEMPTS, AWS_PROFILE,
// AWS_REGION…) and ~/.aws through its default host and runtime, so without this a developer's AWS setup could
// fail `npm test` or aim a test's client at whatever endpoint the shell names. Tests that need an environment
// pass their own: to an injected host or runtime, or to a child process as an explicit `env`.
// test/hermetic-env.test.ts proves it with a hostile environment.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { hermeticEnv } from "./hermetic-env.js";

const home = mkdtempSync(join(tmpdir(), "ecr-ptc-test-home-"));
hermeticEnv(process.env, home, process.platform);
// Registered before the file's own hooks, so it runs after them (vitest runs after-hooks in reverse order).
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});
