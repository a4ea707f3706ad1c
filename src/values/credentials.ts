/** LoadCredential=/LoadCredentialEncrypted= (`ID[:PATH]`) and SetCredential=/SetCredentialEncrypted= (`ID:DATA`). */
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord } from "./scan.js";

const encoder = new TextEncoder();

/** credential_name_valid(): a valid file name (not . or .., no /, at most 255 bytes) and fd name (printable ASCII, no ':'). */
export function credentialNameProblem(name: string): string | null {
  if (name === "") return "is empty";
  if (name === "." || name === "..") return "is not a file name";
  if (name.includes("/")) return "contains '/'";
  if (name.includes(":")) return "contains ':'";
  if (encoder.encode(name).length > 255) return "is longer than 255 bytes";
  if ([...name].some((c) => c < " " || c > "~")) return "contains characters other than printable ASCII";
  return null;
}

/** path_is_normalized() without simplifying first: no `..`, `.` or empty components. */
function normalizedProblem(path: string): string | null {
  const parts = path.split("/").slice(1);
  if (parts.includes("..")) return "contains a '..' component";
  if (parts.includes(".") || path.includes("//")) return "is not normalized ('.' components or '//')";
  return null;
}

export function loadCredential(value: string, _setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = `systemd ignores the line, so the credential is not passed`;
  const id = extractFirstWord(value, 0, ":", { dontCoalesce: true });
  if (id.errorAt !== undefined || id.word === null) return problemAt(0, value.length, `'${value}' cannot be read as ID[:PATH]: ${dropped}`);
  const name = expandForCheck(id.word);
  const why = name === null ? null : credentialNameProblem(name);
  if (why) return problemAt(id.from, Math.max(id.to, id.from + 1), `credential name '${id.word}' ${why}: ${dropped}`);
  if (id.next === null || id.next >= value.length) return null;
  const source = value.slice(id.next);
  const src = expandForCheck(source);
  if (src === null) return null;
  const srcWhy = src.startsWith("/") ? normalizedProblem(src) : credentialNameProblem(src);
  return srcWhy
    ? problemAt(
        id.next,
        value.length,
        `credential source '${source}' ${srcWhy}${src.startsWith("/") ? "" : " (a relative source names a credential of the service manager)"}: ${dropped}`,
      )
    : null;
}

export function setCredential(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = `systemd ignores the line, so ${setting}= sets no credential`;
  const id = extractFirstWord(value, 0, ":", { dontCoalesce: true });
  if (id.errorAt !== undefined || id.word === null || id.next === null || id.next >= value.length)
    return problemAt(0, value.length, `'${value}' is not ID:DATA (the data after ':' is missing): ${dropped}`);
  const name = expandForCheck(id.word);
  const why = name === null ? null : credentialNameProblem(name);
  return why ? problemAt(id.from, Math.max(id.to, id.from + 1), `credential name '${id.word}' ${why}: ${dropped}`) : null;
}
