import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // test/package/fixtures: README snippets, type-checked against the installed tarball by test/package.
  { ignores: ["dist/", "docs/api/", "coverage/", "bench/.tmp/", "node_modules/", "test/package/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how messages are built here.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    // Tests assert on values they just checked; `!` keeps them short.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
