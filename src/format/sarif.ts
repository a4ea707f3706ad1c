import type { Finding } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";
import { ruleDocUrl, type Formatter } from "./types.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function uri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

function region(f: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) };
}

function fixes(f: Finding, sources: Map<string, SourceText>) {
  if (!f.fix) return undefined;
  const file = f.fix.file ?? f.file;
  const src = sources.get(file);
  if (!src) return undefined;
  return [
    {
      description: { text: f.fix.description },
      artifactChanges: [
        {
          artifactLocation: { uri: uri(file) },
          replacements: f.fix.edits.map((e) => {
            const s = src.positionAt(e.start);
            const en = src.positionAt(e.end);
            return {
              deletedRegion: { startLine: s.line, startColumn: s.column, endLine: en.line, endColumn: en.column },
              insertedContent: { text: e.text },
            };
          }),
        },
      ],
    },
  ];
}

/** SARIF 2.1.0 for code scanning; validated against the official schema in the tests. */
export const sarif: Formatter = ({ findings, rules, sources, version }) => {
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...findings.map((f) => f.rule)])].sort();
  const metaById = new Map(rules.map((r) => [r.id, r]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "unitlint",
            version,
            informationUri: "https://github.com/unitlint/unitlint",
            rules: ruleIds.map((id) => {
              const m = metaById.get(id);
              return {
                id,
                name: id.split("/").pop(),
                shortDescription: { text: m?.docs.summary ?? id },
                fullDescription: { text: m?.docs.rationale ?? id },
                helpUri: ruleDocUrl(id),
                defaultConfiguration: { level: m && m.severity !== "off" ? LEVEL[m.severity] : "note", enabled: true },
                properties: { family: m?.family ?? id.split("/")[0] },
              };
            }),
          },
        },
        columnKind: "utf16CodeUnits",
        results: findings.map((f) => {
          const fx = fixes(f, sources);
          return {
            ruleId: f.rule,
            ruleIndex: ruleIds.indexOf(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.file) }, region: region(f) } }],
            ...(f.related
              ? {
                  relatedLocations: f.related.map((r, i) => ({
                    id: i,
                    message: { text: r.message },
                    physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: region(r) },
                  })),
                }
              : {}),
            ...(fx ? { fixes: fx } : {}),
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};
