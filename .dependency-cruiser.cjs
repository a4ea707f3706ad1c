// The layering of src/, checked by dependency-cruiser (npm run lint:deps, and test/architecture.test.ts).
//
// A module may import from its own layer and the layers below it, never from a layer above. Type-only imports
// count too: a type is part of a module's interface. docs/architecture.md draws the same picture.
const LAYERS = [
  ["core"],
  ["knowledge", "parser", "calendar", "crontab", "jobs"],
  ["values", "model"],
  ["analysis", "hardening"],
  ["rules"],
  ["linter", "config", "fix", "migrate"],
  ["format", "node", "docs", "schedule"],
  ["cli", "lsp", "playground"],
];

const folder = (names) => `^src/(${names.join("|")})/`;

/** For each layer, the rule that forbids importing any layer above it. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${i}-imports-upward`,
  comment: `src/{${layer.join(",")}} may not import from a higher layer (${LAYERS.slice(i + 1)
    .flat()
    .join(", ")})`,
  severity: "error",
  from: { path: folder(layer) },
  to: { path: folder(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment: "no import cycles, type-only ones included",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "browser-boundary",
      comment: "only the command line, the file-system layer and the language server use Node's APIs: the rest runs in the browser playground",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(cli|node|lsp)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "node-only-layers-stay-out-of-the-browser",
      comment: "the playground and the library's pure layers do not import the Node-only layers",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(cli|node|lsp)/|^src/index\\.ts$" },
      to: { path: "^src/(cli|node|lsp)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
