import { describe, expect, it } from "vitest";
import { formatJson, isoDate, printableRule } from "../../src/cli/format-json.js";
import { formatTable } from "../../src/cli/format-table.js";
import { formatText } from "../../src/cli/format-text.js";
import type { PullThroughCacheRule } from "../../src/index.js";

const RULE: PullThroughCacheRule = {
  ecrRepositoryPrefix: "analytics/prod/ecr-public",
  upstreamRegistryUrl: "210987654321.dkr.ecr.us-west-2.amazonaws.com",
  createdAt: new Date("2024-05-01T10:00:00.123Z"),
  registryId: "012345678901",
  customRoleArn: "arn:aws:iam::012345678901:role/x",
  upstreamRegistry: "github-container-registry",
  updatedAt: new Date("2024-05-02T00:00:00Z"),
};

describe("isoDate (the AWS CLI's ISO 8601)", () => {
  it.each([
    { date: "2024-05-01T10:00:00.123Z", iso: "2024-05-01T10:00:00.123000+00:00" },
    { date: "2024-05-01T10:00:00.000Z", iso: "2024-05-01T10:00:00+00:00" },
    { date: "1970-01-01T00:00:00.001Z", iso: "1970-01-01T00:00:00.001000+00:00" },
  ])("$date → $iso", ({ date, iso }) => {
    expect(isoDate(new Date(date))).toBe(iso);
  });
});

describe("formatJson", () => {
  it("prints rules with ISO dates, model order and 4-space indent", () => {
    const text = formatJson({ pullThroughCacheRules: [printableRule(RULE)], NextToken: "tok" });
    expect(JSON.parse(text)).toEqual({
      pullThroughCacheRules: [
        {
          ecrRepositoryPrefix: "analytics/prod/ecr-public",
          upstreamRegistryUrl: "210987654321.dkr.ecr.us-west-2.amazonaws.com",
          createdAt: "2024-05-01T10:00:00.123000+00:00",
          registryId: "012345678901",
          customRoleArn: "arn:aws:iam::012345678901:role/x",
          upstreamRegistry: "github-container-registry",
          updatedAt: "2024-05-02T00:00:00+00:00",
        },
      ],
      NextToken: "tok",
    });
    expect(text.split("\n")[1]).toBe('    "pullThroughCacheRules": [');
  });
});

describe("formatTable", () => {
  const rules = Array.from({ length: 3 }, () => RULE);
  it.each([{ width: 80 }, { width: 100 }, { width: 60 }, { width: 20 }])(
    "fits $width columns (at least 60)",
    ({ width }) => {
      const lines = formatTable(rules, { title: "T", width }).trimEnd().split("\n");
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(Math.max(60, width));
    },
  );

  it("keeps the prefix whole and cuts the URL with an ellipsis in 80 columns", () => {
    const text = formatTable([RULE], { title: "T", width: 80 });
    expect(text).toContain("| analytics/prod/ecr-public |");
    expect(text).toMatch(/\| 210987654321\.dkr\.ecr\.[^ ]*… \|/);
    expect(text).toContain("| GitHub ");
    expect(text).toContain("| 2024-05-01 |");
  });

  it("shows the whole URL when the terminal is wide, and the NextToken below the table", () => {
    const text = formatTable([RULE], { title: "T", width: 120, nextToken: "abc" });
    expect(text).toContain("210987654321.dkr.ecr.us-west-2.amazonaws.com");
    expect(text.trimEnd().split("\n").at(-1)).toBe("NextToken: abc");
  });

  it("titles the table with the rule count and keeps unknown registries as they are", () => {
    const text = formatTable([{ ...RULE, upstreamRegistry: "new-registry" }], {
      title: "DescribePullThroughCacheRules",
      width: 80,
    });
    expect(text).toContain("DescribePullThroughCacheRules (1 rule)");
    expect(text).toContain("| new-registry ");
  });
});

describe("formatText", () => {
  it("prints nine tab-separated members in alphabetical order, None when absent", () => {
    const [line] = formatText([RULE], {}).split("\n");
    expect(line!.split("\t")).toEqual([
      "PULLTHROUGHCACHERULES",
      "2024-05-01T10:00:00.123000+00:00",
      "None",
      "arn:aws:iam::012345678901:role/x",
      "analytics/prod/ecr-public",
      "012345678901",
      "2024-05-02T00:00:00+00:00",
      "github-container-registry",
      "210987654321.dkr.ecr.us-west-2.amazonaws.com",
      "None",
    ]);
  });

  it("ends with the NextToken line when there is one", () => {
    expect(formatText([], { NextToken: "abc" })).toBe("NEXTTOKEN\tabc\n");
  });
});
