import { parseArgs } from "node:util";
import { defaultSeedRules } from "../emulator/default-seed.js";
import { readSeedFile } from "../emulator/rule-store.js";
import { startLocalEcr } from "../emulator/start-local-ecr.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { EMULATOR_HELP } from "./help.js";
import type { CliIo } from "./io.js";

/** `ecr-ptc emulator`: runs a local ECR until the process is told to stop. */
export async function emulatorCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        port: { type: "string" },
        seed: { type: "string" },
        region: { type: "string" },
        "page-size": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help === true) {
    io.stdout.write(EMULATOR_HELP);
    return EXIT.ok;
  }
  const port = whole(values.port ?? "4566", "--port", 65_535);
  const pageSize =
    values["page-size"] === undefined ? undefined : whole(values["page-size"], "--page-size", 1000);
  const rules = values.seed === undefined ? defaultSeedRules() : await readSeedFile(values.seed);
  const ecr = await startLocalEcr({ rules, port, region: values.region, defaultPageSize: pageSize });
  const { accessKeyId, secretAccessKey } = ecr.credentials;
  io.stdout.write(
    [
      `Local ECR listening on ${ecr.endpoint} (region ${ecr.region}, ${rules.length} rules${values.seed === undefined ? ", default seed" : ` from ${values.seed}`})`,
      "Point the CLI or the AWS SDK at it with:",
      `  export AWS_ACCESS_KEY_ID=${accessKeyId}`,
      `  export AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
      `  export AWS_REGION=${ecr.region}`,
      `  ecr-ptc describe-pull-through-cache-rules --endpoint-url ${ecr.endpoint} --output table`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  await (io.stopSignal ?? new Promise<void>(() => {}));
  await ecr.close();
  io.stderr.write("Local ECR stopped.\n");
  return EXIT.ok;
}

function whole(text: string, option: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max)
    throw new UsageError(`${option} must be an integer from 0 to ${max}; got ${JSON.stringify(text)}`);
  return value;
}
