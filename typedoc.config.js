import { existsSync } from "node:fs";

/** API reference for the public entry points (`npm run docs`; the output in docs/api/ is not committed). */
export default {
  // The emulator entry lands with its own issue; document it once it exists.
  entryPoints: ["src/index.ts", "src/emulator/index.ts"].filter((file) => existsSync(file)),
  out: "docs/api",
  name: "ecr-pull-through-cache",
  excludePrivate: true,
  excludeInternal: true,
  validation: { notExported: true, invalidLink: true, invalidPath: true, notDocumented: true },
  // Every export and method needs a comment; members are documented where they add something.
  requiredToBeDocumented: ["Class", "Function", "Interface", "TypeAlias", "Variable", "Method"],
  treatValidationWarningsAsErrors: true,
};
