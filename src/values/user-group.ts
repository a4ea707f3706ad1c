/**
 * User and group names as systemd 252 takes them in User=, Group=, SupplementaryGroups=, SocketUser= and
 * SocketGroup= (valid_user_group_name() with VALID_USER_RELAX | VALID_USER_ALLOW_NUMERIC | VALID_USER_WARN, in
 * src/basic/user-util.c). A refused name makes the unit fail to load; a name that passes only the relaxed rules is
 * taken with a notice.
 */

/** parse_uid(): a decimal number without sign, spaces or leading zeros that is a valid UID (not 65535 or 4294967295). */
function parsesAsUid(s: string): boolean {
  if (!/^(0|[1-9]\d*)$/.test(s)) return false;
  const n = Number(s);
  return n <= 4294967294 && n !== 65535;
}

/** The strict rules: a letter or '_' first, then letters, digits, '_' and '-', at most 31 characters (utmp's field). */
const STRICT = /^[A-Za-z_][A-Za-z0-9_-]{0,30}$/;

export type UserGroupVerdict = { refused: string } | { relaxed: true } | null;

/** Whether systemd 252 refuses `s` as a user or group (and why), takes it only under the relaxed rules, or takes it (null). */
export function userGroupVerdict(s: string): UserGroupVerdict {
  if (s === "") return { refused: "empty" };
  if (parsesAsUid(s)) return null;
  if (/^\d+$/.test(s)) return { refused: "a number that is not a valid ID" };
  if (/^-\d*$/.test(s)) return { refused: "a negative number" };
  if (s.startsWith(" ") || s.endsWith(" ")) return { refused: "padded with spaces" };
  if (/[\u0000-\u001f\u007f]/.test(s)) return { refused: "a control character" };
  if (/[:/]/.test(s)) return { refused: "':' or '/'" };
  if (s === "." || s === "..") return { refused: "'.' or '..'" };
  return STRICT.test(s) ? null : { relaxed: true };
}
