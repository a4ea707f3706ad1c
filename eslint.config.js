// Lint configuration for unitlint's own code: ESLint's and typescript-eslint's recommended rules, with type
// information for src/ (so an assertion the types make unnecessary, such as a stray `!`, is caught).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "fixtures/**", "examples/**", "coverage/**", "playground/**"] },
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
);
