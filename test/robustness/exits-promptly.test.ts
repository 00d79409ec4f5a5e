import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_SCENARIOS } from "../support/hostile-replies.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopback-server.js";
import { bundleForChild, runChild } from "../support/run-child.js";

const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe("after hostile responses the process exits by itself", () => {
  beforeAll(async () => {
    for (const scenario of HOSTILE_SCENARIOS) servers.push(await startLoopbackServer(scenario.reply));
  });

  it.each(["node", "fetch"])(
    "%s transport: no leaked socket, timer or rejection — the child exits promptly",
    async (transport) => {
      const script = await bundleForChild("test/robustness/fixtures/send-each.ts");
      // A stalling server is met twice: cut off by the caller's abort signal, and by requestTimeout.
      const cases = HOSTILE_SCENARIOS.flatMap((scenario, i) => {
        const url = servers[i]!.url;
        return scenario.stalls
          ? [
              { target: `${url}#abort`, error: "AbortError" },
              { target: `${url}#timeout`, error: "TimeoutError" },
            ]
          : [{ target: url, error: scenario.error }];
      });

      // The servers stay up (stalling, flooding) until the child is gone, so only the client can end its connections.
      const run = await runChild(script, [transport, ...cases.map((c) => c.target)], 15_000);

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const outcomes = run.lines.map((line) => JSON.parse(line) as { name: string; message: string });
      expect(outcomes.map((outcome) => outcome.name)).toEqual(cases.map((c) => c.error));
      // A ref'd socket or timer would hold the child until the 15 s kill; an idle node exits in tens of ms.
      expect(run.lingered).toBeLessThan(3_000);
    },
  );
});
