import { describe, expect, it } from "vitest";
import { bundleForChild, runChild } from "../support/run-child.js";

describe("response text that makes regular expressions back-track", () => {
  // Megabyte-sized digit runs ending in a letter made the old timestamp grammar back-track quadratically
  // (hours for one field). The child is killed after 10 s; linear parsing takes milliseconds.
  it("timestamps, error codes and excerpts are parsed in linear time", async () => {
    const script = await bundleForChild("test/robustness/fixtures/parse-pathological.ts");

    const run = await runChild(script, [], 10_000);

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      ...Array<string>(5).fill("DeserializationError"),
      '"x y"'.length.toString(), // runs of white space collapse to one space
      String(1024 * 1024 - 1), // cut at the first ":", then everything after the first "#"
      String(2 * 1024 * 1024 - 2), // "a#a#…a#" after the first "#"
    ]);
  });
});
