import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const ROOT = join(import.meta.dirname, "..", "..");
export const FIXTURES = join(import.meta.dirname, "fixtures");
export const PACKAGE_NAME = "ecr-pull-through-cache";

/** Runs a command without blocking the event loop (the loopback server lives in this process); returns stdout. */
export async function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(file, args, {
      ...options,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(" ")} failed in ${options.cwd}:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

export interface PackedPackage {
  /** The packed file list, as `npm pack` reports it. */
  readonly files: readonly string[];
  /** A fresh folder outside the repository with the tarball installed. */
  readonly project: string;
  /** The installed package folder (the tarball's contents). */
  readonly installed: string;
}

/**
 * Packs the built package (no lifecycle scripts: `npm test` has just built `dist/`) and installs the tarball in a
 * fresh temp folder, so resolution there sees only the tarball and its declared dependencies.
 */
export async function packAndInstall(): Promise<PackedPackage> {
  if (!existsSync(join(ROOT, "dist", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const project = await mkdtemp(join(tmpdir(), "ecr-ptc-smoke-"));
  try {
    return await installInto(project);
  } catch (error) {
    await rm(project, { recursive: true, force: true });
    throw error;
  }
}

async function installInto(project: string): Promise<PackedPackage> {
  const npmEnv = { ...process.env, npm_config_update_notifier: "false", npm_config_loglevel: "error" };
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", project], {
    cwd: ROOT,
    env: npmEnv,
  });
  const [report] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true }));
  const install = [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--no-package-lock",
  ];
  await run("npm", [...install, join(project, report.filename)], { cwd: project, env: npmEnv });
  return {
    files: report.files.map((file) => file.path),
    project,
    installed: join(project, "node_modules", PACKAGE_NAME),
  };
}

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
