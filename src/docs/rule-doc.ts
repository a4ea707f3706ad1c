import type { RuleMeta } from "../rules/types.js";

function fence(filename: string, text: string): string {
  // Invalid bytes (kept as lone surrogates, see core/bytes.ts) are shown as \xNN.
  const shown = text.replace(/[\udc80-\udcff]/g, (c) => "\\x" + (c.charCodeAt(0) - 0xdc00).toString(16));
  const t = shown.endsWith("\n") ? shown : shown + "\n";
  return "```ini\n# " + filename + "\n" + t + "```";
}

/** The page of a rule (docs/rules/<family>/<name>.md and `unitlint explain`), generated from its metadata. */
export function ruleMarkdown(meta: RuleMeta): string {
  const d = meta.docs;
  const lines = [
    `# ${meta.id}`,
    "",
    d.summary,
    "",
    `- Default severity: **${meta.severity}**${meta.presets?.length ? ` (enabled by the ${meta.presets.map((p) => `\`${p}\``).join(", ")} preset)` : ""}`,
    `- Fix: ${meta.fixable === "none" ? "none" : meta.fixable === "safe" ? "safe (applied by `--fix`)" : "unsafe (applied by `--fix-unsafe`)"}`,
    ...(meta.unitTypes ? [`- Unit types: ${meta.unitTypes.join(", ")}`] : []),
    ...(d.reference ? [`- Reference: ${d.reference}`] : []),
    "",
    "## Why",
    "",
    d.rationale,
    "",
    "## Bad",
    "",
    ...[d.bad, ...(d.bad.extra ?? [])].map((x) => fence(x.filename, x.text)),
    "",
    "## Good",
    "",
    ...[d.good, ...(d.good.extra ?? [])].map((x) => fence(x.filename, x.text)),
  ];
  if (d.fix) lines.push("", "## Fix", "", d.fix);
  if (meta.options) {
    const range = (o: { minimum?: number; maximum?: number }) =>
      o.minimum !== undefined || o.maximum !== undefined ? `, ${o.minimum ?? "−∞"}–${o.maximum ?? "∞"}` : "";
    lines.push(
      "",
      "## Options",
      "",
      `In the config: \`"${meta.id}": ["warning", { ... }]\`.`,
      "",
      ...Object.entries(meta.options).map(([k, o]) => `- \`${k}\` (${o.type}${range(o)}): ${o.description}`),
    );
  }
  lines.push("", "## Messages", "", ...Object.entries(meta.messages).map(([id, m]) => `- \`${id}\`: ${m}`));
  return lines.join("\n") + "\n";
}

/** docs/rules/README.md: the index of every rule. */
export function rulesIndex(metas: RuleMeta[]): string {
  const rows = metas.map((m) => `| [\`${m.id}\`](${m.id}.md) | ${m.severity} | ${m.fixable} | ${m.docs.summary.replace(/\|/g, "\\|")} |`);
  return [
    "# Rules",
    "",
    "Generated from the rules' metadata by `npm run docs:rules`.",
    "",
    "| rule | default | fix | finds |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
