/**
 * Single names of systemd 252: BusName= (sd_bus_service_name_is_valid()), BindToDevice= (ifname_valid()),
 * LogNamespace= (log_namespace_name_valid()), CoredumpFilter= (coredump_filter_mask_from_string()),
 * FileDescriptorName= (fdname_is_valid()), and the encoded data of RootHash=, RootHashSignature=,
 * StandardInputData= and StandardInputText=.
 */
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { badEscapeEnd, badEscapeText, cunescapeOne, expandForCheck, rawWords } from "./scan.js";
import { closestMatch } from "../core/suggest.js";

const whole = (value: string, message: string): ValueProblem => problemAt(0, value.length, message);

/** A D-Bus well-known name (two or more dot-separated elements of A-Z a-z 0-9 _ -, none starting with a digit) or a unique name (:1.42). */
export function busName(value: string): ValueProblem | null {
  if (value === "") return null;
  const name = expandForCheck(value);
  if (name === null) return null;
  const unique = name.startsWith(":");
  const parts = (unique ? name.slice(1) : name).split(".");
  const ok = name.length <= 255 && parts.length >= 2 && parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p) && (unique || !/^\d/.test(p)));
  return ok ? null : whole(value, `'${value}' is not a D-Bus name such as org.example.App: systemd ignores the line`);
}

/** ifname_valid(): under 16 bytes, not numeric, not . .. all default, no whitespace, ':', '/' or '%'; `*` means none. */
export function interfaceName(value: string): ValueProblem | null {
  if (value === "" || value === "*") return null;
  const ok =
    new TextEncoder().encode(value).length < 16 &&
    !/^\d+$/.test(value) &&
    ![".", "..", "all", "default"].includes(value) &&
    !/[\s:/%\u0000-\u001f\u007f]/.test(value);
  return ok
    ? null
    : whole(value, `'${value}' is not a network interface name (at most 15 bytes, not a number, no spaces, ':', '/' or '%'): systemd ignores the line`);
}

/** A journal namespace: a file name and a unit instance at once, at most 222 bytes, no glob characters. */
export function logNamespace(value: string): ValueProblem | null {
  if (value === "") return null;
  const name = expandForCheck(value);
  if (name === null) return null;
  const ok = name.length <= 222 && ![".", ".."].includes(name) && /^[A-Za-z0-9:_.@-]+$/.test(name);
  return ok ? null : whole(value, `'${value}' is not a journal namespace name (letters, digits, ':', '_', '.', '-', '@'): systemd ignores the line`);
}

const COREDUMP_TYPES = [
  "private-anonymous",
  "shared-anonymous",
  "private-file-backed",
  "shared-file-backed",
  "elf-headers",
  "private-huge",
  "shared-huge",
  "private-dax",
  "shared-dax",
];

export function coredumpFilter(value: string): ValueProblem | null {
  for (const w of rawWords(value)) {
    const t = w.text;
    if (t === "default" || t === "all" || COREDUMP_TYPES.includes(t)) continue;
    // safe_atoux64(): hexadecimal, 0x optional
    const hex = /^[ \t\n\r]*\+?(0[xX])?([0-9a-fA-F]+)$/.exec(t);
    if (hex && BigInt(`0x${hex[2]}`) < 1n << 64n) continue;
    const p = problemAt(
      w.from,
      w.to,
      `'${t}' is not a mapping type (private-anonymous, shared-file-backed..., all, default) or a hexadecimal mask: systemd ignores the line`,
    );
    return withSuggestion(p, closestMatch(t, COREDUMP_TYPES));
  }
  return null;
}

const isBase64 = (s: string) => {
  const t = s.replace(/[ \t\n\r]/g, "");
  return /^[A-Za-z0-9+/]*={0,2}$/.test(t) && t.length % 4 === 0;
};

/** RootHash=: an absolute path, or at least 16 bytes of hex. */
export function rootHash(value: string): ValueProblem | null {
  if (value === "" || value.startsWith("/")) return null;
  if (!/^([0-9a-fA-F]{2})+$/.test(value)) return whole(value, `'${value}' is neither an absolute path nor a hexadecimal hash: systemd ignores the line`);
  return value.length < 32 ? whole(value, `'${value}' is too short for a root hash (at least 16 bytes, 32 hex digits): systemd ignores the line`) : null;
}

/** RootHashSignature=: an absolute path or base64:DATA. */
export function rootHashSignature(value: string): ValueProblem | null {
  if (value === "" || value.startsWith("/")) return null;
  if (!value.startsWith("base64:")) return whole(value, `'${value}' is neither an absolute path nor base64:DATA: systemd ignores the line`);
  return isBase64(value.slice(7)) ? null : whole(value, `'${value.slice(7)}' is not base64 data: systemd ignores the line`);
}

/** StandardInputData=: base64. */
export function inputData(value: string): ValueProblem | null {
  if (value === "" || isBase64(value)) return null;
  return whole(value, `'${value}' is not base64 data: systemd ignores the line`);
}

/** FileDescriptorName= (fdname_is_valid() after the specifiers): at most 255 printable ASCII characters, no ':'. */
export function fdName(value: string): ValueProblem | null {
  if (value === "") return null;
  const name = expandForCheck(value);
  if (name === null) return null;
  const bad = value.search(/[^ -~]|:/);
  if (bad >= 0) {
    const c = value[bad]!;
    const why = c === ":" ? "':' separates the names in $LISTEN_FDNAMES" : `${JSON.stringify(c)} is not a printable ASCII character`;
    return problemAt(bad, bad + 1, `a file descriptor name cannot contain this character (${why}): systemd ignores the line`);
  }
  if (name.length > 255) return whole(value, `'${value}' is longer than 255 characters: systemd ignores the line`);
  return null;
}

/** StandardInputText= (cunescape() without relaxation): every backslash must start an escape systemd knows. */
export function inputText(value: string): ValueProblem | null {
  for (let i = value.indexOf("\\"); i >= 0; i = value.indexOf("\\", i)) {
    const e = cunescapeOne(value, i + 1);
    if (!e) {
      const end = badEscapeEnd(value, i);
      return problemAt(i, end, `${badEscapeText(value.slice(i, end))}: systemd ignores the line`);
    }
    i += 1 + e.length;
  }
  return null;
}
