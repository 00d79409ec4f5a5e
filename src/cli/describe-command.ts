import { ECRClient } from "../client.js";
import {
  DescribePullThroughCacheRulesCommand,
  type DescribePullThroughCacheRulesCommandInput,
} from "../commands/describe-pull-through-cache-rules.js";
import type { PullThroughCacheRule } from "../models.js";
import { clientConfig } from "./client-config.js";
import { collectRules, type FetchedPage } from "./collect-rules.js";
import { EXIT } from "./exit-codes.js";
import { formatJson, printableRule } from "./format-json.js";
import { formatTable } from "./format-table.js";
import { formatText } from "./format-text.js";
import { DESCRIBE_HELP } from "./help.js";
import type { CliIo } from "./io.js";
import { type DescribeArgs, parseDescribeArgs } from "./parse-describe-args.js";
import { progressLine } from "./progress.js";
import { decodeResumeToken, encodeResumeToken } from "./resume-token.js";

const TITLE = "DescribePullThroughCacheRules";

/** `ecr-ptc describe-pull-through-cache-rules`: lists the rules, every page unless told otherwise. */
export async function describeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseDescribeArgs(argv, io.env);
  if (args.help) {
    io.stdout.write(DESCRIBE_HELP);
    return EXIT.ok;
  }
  const start = args.startingToken === undefined ? undefined : decodeResumeToken(args.startingToken);
  const client = new ECRClient(clientConfig(args, io.env));
  try {
    const filters: DescribePullThroughCacheRulesCommandInput = {
      registryId: args.registryId,
      ecrRepositoryPrefixes: args.prefixes,
    };
    const fetchPage = async (nextToken: string | undefined): Promise<FetchedPage> => {
      const command = new DescribePullThroughCacheRulesCommand({
        ...filters,
        nextToken,
        maxResults: args.pageSize,
      });
      const page = await client.send(command);
      return {
        rules: page.pullThroughCacheRules ?? [],
        nextToken: page.nextToken,
        $metadata: page.$metadata,
      };
    };
    if (!args.paginate) {
      const page = await fetchPage(start?.nextToken);
      io.stdout.write(render(args, io, page.rules, { nextToken: page.nextToken }));
      return EXIT.ok;
    }
    const progress = progressLine(io.stderr);
    const collected = await collectRules({
      fetchPage,
      start,
      maxItems: args.maxItems,
      onPage: progress.update,
    }).finally(progress.clear);
    const NextToken = collected.resume === undefined ? undefined : encodeResumeToken(collected.resume);
    io.stdout.write(render(args, io, collected.rules, { NextToken }));
    return EXIT.ok;
  } finally {
    client.destroy();
  }
}

function render(
  args: DescribeArgs,
  io: CliIo,
  rules: readonly PullThroughCacheRule[],
  tokens: { NextToken?: string | undefined; nextToken?: string | undefined },
): string {
  const defined = Object.fromEntries(Object.entries(tokens).filter(([, value]) => value !== undefined)) as {
    NextToken?: string;
    nextToken?: string;
  };
  if (args.output === "text") return formatText(rules, defined);
  if (args.output === "table") {
    return formatTable(rules, {
      title: TITLE,
      width: io.stdout.isTTY ? io.stdout.columns : 80,
      nextToken: defined.NextToken ?? defined.nextToken,
    });
  }
  return formatJson({ pullThroughCacheRules: rules.map(printableRule), ...defined });
}
