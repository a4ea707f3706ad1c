// Lint configuration for unitlint's own code: ESLint's and typescript-eslint's recommended rules, with type
// information for src/ (so an assertion the types make unnecessary, such as a stray `!`, is caught).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "fixtures/**", "examples/**", "coverage/**", "playground/**", "bench/corpus/**", "bench/.cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    ignores: ["src/playground/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    rules: {
      // Control characters are what these patterns exist to find (escaping names, XML, terminal output).
      "no-control-regex": "off",
      // `_name` marks a parameter or binding kept for its position or to drop it from a spread.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // Plain Node scripts: the bin's loader, the install hook, the benches and build scripts.
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: globals.node }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["**/*.mjs", "scripts/**", "bench/**"], languageOptions: { globals: globals.node } },
  { files: ["src/playground/**", "test/playground/**"], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
);
