import { escapeControls } from "./escape.js";
import type { Formatter } from "./types.js";

// Workflow commands: property values escape %, CR, LF, ':' and ','; the message escapes %, CR, LF.
// Other control characters (escape sequences) are shown as visible escapes first.
const escData = (s: string) => escapeControls(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escProp = (s: string) => escData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions annotations (`::error file=...,line=...::message`). */
export const github: Formatter = ({ findings }) =>
  findings
    .map((f) => {
      const level = f.severity === "info" ? "notice" : f.severity;
      const props = [
        `file=${escProp(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escProp(f.rule)}`,
      ].join(",");
      return `::${level} ${props}::${escData(`${f.message} (${f.rule})`)}\n`;
    })
    .join("");
