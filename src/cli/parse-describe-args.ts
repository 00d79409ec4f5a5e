import { parseArgs } from "node:util";
import { UsageError } from "./exit-codes.js";

export type OutputFormat = "json" | "table" | "text";
const OUTPUTS: readonly OutputFormat[] = ["json", "table", "text"];

/** The options of `describe-pull-through-cache-rules`, checked. */
export interface DescribeArgs {
  readonly help: boolean;
  readonly registryId?: string | undefined;
  readonly prefixes?: string[] | undefined;
  readonly pageSize?: number | undefined;
  readonly maxItems?: number | undefined;
  readonly startingToken?: string | undefined;
  readonly paginate: boolean;
  readonly output: OutputFormat;
  readonly endpointUrl?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  /** Seconds; 0 means no limit. */
  readonly readTimeout: number;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  "registry-id": { type: "string" },
  "ecr-repository-prefixes": { type: "string", multiple: true },
  "page-size": { type: "string" },
  "max-items": { type: "string" },
  "starting-token": { type: "string" },
  "no-paginate": { type: "boolean" },
  output: { type: "string" },
  "endpoint-url": { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  "cli-read-timeout": { type: "string" },
} as const;

/**
 * Parses the command line with `node:util` `parseArgs`. `--ecr-repository-prefixes` takes several values, as in
 * the AWS CLI (`--ecr-repository-prefixes a b c`), so those values are regrouped before parsing.
 */
export function parseDescribeArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DescribeArgs {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(regroupLists(argv)).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const output = values.output ?? (env["AWS_DEFAULT_OUTPUT"] || "json");
  if (!OUTPUTS.includes(output as OutputFormat))
    throw new UsageError(`--output must be one of json, table, text; got ${JSON.stringify(output)}`);
  const paginate = values["no-paginate"] !== true;
  const maxItems = integer(values["max-items"], "--max-items", 1);
  if (!paginate && maxItems !== undefined)
    throw new UsageError("--max-items cannot be combined with --no-paginate");
  return {
    help: values.help === true,
    registryId: values["registry-id"],
    prefixes: values["ecr-repository-prefixes"],
    pageSize: integer(values["page-size"], "--page-size", 1),
    maxItems,
    startingToken: values["starting-token"],
    paginate,
    output: output as OutputFormat,
    endpointUrl: values["endpoint-url"],
    region: values.region,
    profile: values.profile,
    readTimeout: integer(values["cli-read-timeout"], "--cli-read-timeout", 0) ?? 60,
  };
}

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
}

/** `--ecr-repository-prefixes a b` → `--ecr-repository-prefixes a --ecr-repository-prefixes b`. */
function regroupLists(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg !== "--ecr-repository-prefixes") {
      out.push(arg);
      continue;
    }
    let count = 0;
    while (i + 1 < argv.length && !(argv[i + 1] ?? "").startsWith("-")) {
      out.push(arg, argv[++i] ?? "");
      count++;
    }
    if (count === 0) throw new UsageError("--ecr-repository-prefixes needs at least one prefix");
  }
  return out;
}

function integer(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} must be an integer ≥ ${min}; got ${JSON.stringify(text)}`);
  }
  return value;
}
