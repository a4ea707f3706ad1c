import { NATIVE_SYSCALLS_TEXT, SYSCALL_GROUPS } from "../knowledge/seccomp.generated.js";

/**
 * SystemCallFilter= as systemd 252 stores it: an allow list (the first line had
 * no `~`; `@default` is then included) or a deny list, and the call names with
 * their error number (-1: none). `names` is null until the first assignment.
 */
export interface SyscallFilter {
  allowList: boolean;
  names: Map<string, number> | null;
}

let native: Set<string> | undefined;
/** Calls with a number on x86-64: the only ones systemd-analyze security weighs. */
function isNativeSyscall(name: string): boolean {
  native ??= new Set(NATIVE_SYSCALLS_TEXT.split(" "));
  return native.has(name);
}

/** One SystemCallFilter= line applied to the filter so far (config_parse_syscall_filter). */
export function parseSyscallFilter(value: string, prev: SyscallFilter): SyscallFilter {
  if (value === "") return { allowList: false, names: null };
  const invert = value.startsWith("~");
  const body = invert ? value.slice(1) : value;
  const f: SyscallFilter = prev.names ? { allowList: prev.allowList, names: new Map(prev.names) } : { allowList: !invert, names: new Map() };
  if (!prev.names && !invert) add(f, "@default", -1, false);
  for (const word of body.split(/\s+/).filter(Boolean)) {
    const parsed = syscallAndErrno(word);
    if (!parsed) continue;
    if (!invert && parsed.errno >= 0) continue;
    add(f, parsed.name, parsed.errno, invert);
  }
  return f;
}

function add(f: SyscallFilter, name: string, errno: number, invert: boolean): void {
  if (name.startsWith("@")) {
    for (const m of SYSCALL_GROUPS[name] ?? []) add(f, m, errno, invert);
    return;
  }
  if (!invert === f.allowList || (invert && f.allowList && errno >= 0)) f.names!.set(name, errno);
  else f.names!.delete(name);
}

function syscallAndErrno(word: string): { name: string; errno: number } | null {
  const i = word.indexOf(":");
  if (i < 0) return { name: word, errno: -1 };
  const name = word.slice(0, i);
  const e = word.slice(i + 1);
  if (name === "") return null;
  if (e === "kill") return { name, errno: 0x7fffffff };
  if (/^\d+$/.test(e) && Number(e) <= 4095) return { name, errno: Number(e) };
  if (/^E[A-Z0-9]+$/.test(e)) return { name, errno: 1 };
  return null;
}

/** The calls a service may make / may not make, as get_security_info() sees them. */
export function effectiveFilterSet(f: SyscallFilter): Set<string> {
  const out = new Set<string>();
  for (const [n, errno] of f.names ?? []) if (!(f.allowList && errno >= 0)) out.add(n);
  return out;
}

/**
 * syscall_names_in_filter(): the first call of `group` (nested groups
 * included) that the filter still permits, or null when the group is blocked.
 */
export function permittedMember(f: SyscallFilter, set: Set<string>, group: string): string | null {
  for (const m of SYSCALL_GROUPS[group] ?? []) {
    if (m.startsWith("@")) {
      const hit = permittedMember(f, set, m);
      if (hit) return hit;
      continue;
    }
    if (!isNativeSyscall(m)) continue;
    if (set.has(m) === f.allowList) return m;
  }
  return null;
}
