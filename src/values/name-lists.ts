/**
 * Settings whose values are lists of names systemd looks up in fixed tables: SystemCallFilter=,
 * SystemCallLog=, SystemCallErrorNumber=, SystemCallArchitectures=, RestrictAddressFamilies=,
 * RestrictNamespaces=, RestrictFileSystems=, CapabilityBoundingSet=/AmbientCapabilities=, RestrictNetworkInterfaces=,
 * SecureBits=, Delegate=, DisableControllers=. Each returns the first word systemd would drop, with its reason
 * and a did-you-mean from the real names; names systemd drops without a word are warnings.
 */
import { closestMatch } from "../core/suggest.js";
import { ERRNO_NAMES, FOREIGN_SYSCALL_NAMES } from "../knowledge/name-lists.js";
import { ADDRESS_FAMILIES, CAPABILITIES, NATIVE_SYSCALLS_TEXT, SYSCALL_GROUPS } from "../knowledge/seccomp.generated.js";
import { parseBoolean } from "./primitives.js";
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { rawWords, safeAtoi, type Piece } from "./scan.js";
import { splitWords } from "./words.js";

let syscalls: Set<string> | undefined;
/** Names seccomp_syscall_resolve_name() knows on x86-64 (its own calls and other architectures'). */
function syscallNames(): Set<string> {
  return (syscalls ??= new Set([...NATIVE_SYSCALLS_TEXT.split(" "), ...FOREIGN_SYSCALL_NAMES]));
}

let errnos: Set<string> | undefined;
/** parse_errno(): an errno name (any case) or a number from 0 to 4095. */
export function isErrno(text: string): boolean {
  errnos ??= new Set(ERRNO_NAMES.map((e) => e.toUpperCase()));
  if (errnos.has(text.toUpperCase())) return true;
  const n = safeAtoi(text);
  return n !== undefined && n >= 0 && n <= 4095;
}

/**
 * What dropping one item does: on a deny list (`~`) the item is not blocked, so the protection is not
 * applied to it; on an allow list it is not allowed, so the service breaks when it needs it.
 */
const dropped = (invert: boolean, things: string) =>
  invert
    ? `systemd ignores this item, so the protection is not applied: those ${things} are not blocked`
    : `systemd ignores this item, so the allow list lacks those ${things} and the service fails when it uses them`;
const ignoredLine = "systemd ignores the whole line, so the protection is not applied";

/** A quote left open at `at` (extract_first_word() fails there): what systemd then does with the line. */
const unterminatedAt = (at: number, consequence: string): ValueProblem => problemAt(at, at + 1, `unterminated quote: ${consequence}`);

/** One system call or `@group` word; null when systemd knows it. */
function syscallProblem(name: string, from: number, to: number, ignoredItem: string): ValueProblem | null {
  if (name.startsWith("@")) {
    if (Object.hasOwn(SYSCALL_GROUPS, name)) return null;
    return withSuggestion(problemAt(from, to, `'${name}' is not a system call group: ${ignoredItem}`), closestMatch(name, Object.keys(SYSCALL_GROUPS)));
  }
  if (syscallNames().has(name)) return null;
  const p = problemAt(from, to, `'${name}' is not a system call name: ${ignoredItem}`);
  if (name.startsWith('"') || name.startsWith("'")) return { ...p, message: `${p.message} (quotes are not removed here)` };
  return withSuggestion(p, closestMatch(name, syscallNames()));
}

/** SystemCallFilter= (config_parse_syscall_filter): `[~]name[:errno] ...`, names or @groups; words are not unquoted. */
export function syscallFilter(value: string): ValueProblem | null {
  if (value === "") return null;
  const invert = value.startsWith("~");
  const ignoredItem = dropped(invert, "calls");
  for (const w of rawWords(invert ? value.slice(1) : value, invert ? 1 : 0)) {
    const colon = w.text.indexOf(":");
    const name = colon < 0 ? w.text : w.text.slice(0, colon);
    if (colon >= 0) {
      const action = w.text.slice(colon + 1);
      if (action !== "kill" && !isErrno(action))
        return withSuggestion(
          problemAt(w.from + colon + 1, w.to, `'${action}' is not an error number (EPERM, EACCES... or 0-4095) or 'kill': ${ignoredItem}`),
          closestMatch(action, [...ERRNO_NAMES, "kill"]),
        );
      if (name === "") return problemAt(w.from, w.to, `'${w.text}' has no system call name before ':': ${ignoredItem}`);
      if (!invert)
        return problemAt(
          w.from + colon,
          w.to,
          `an allow list (no leading ~) cannot give an error number: systemd ignores '${w.text}', so the call is not allowed`,
        );
    }
    const p = syscallProblem(name, w.from, w.from + name.length, ignoredItem);
    if (p) return p;
  }
  return null;
}

/** SystemCallLog= (config_parse_syscall_log): `[~]name ...`, no error numbers. */
export function syscallLog(value: string): ValueProblem | null {
  if (value === "") return null;
  const invert = value.startsWith("~");
  for (const w of rawWords(invert ? value.slice(1) : value, invert ? 1 : 0)) {
    const p = syscallProblem(w.text, w.from, w.to, `systemd ignores this item, so those calls are ${invert ? "still" : "not"} logged`);
    if (p) return p;
  }
  return null;
}

/** SystemCallErrorNumber= (config_parse_syscall_errno): an errno name or number, or `kill`; 0 is refused. */
export function syscallErrno(value: string): ValueProblem | null {
  if (value === "" || value === "kill") return null;
  if (!isErrno(value))
    return withSuggestion(
      problemAt(0, value.length, `'${value}' is not an error number (EPERM, EACCES... or 1-4095) or 'kill': systemd ignores the line`),
      closestMatch(value, ERRNO_NAMES),
    );
  if (safeAtoi(value) === 0) return problemAt(0, value.length, "0 is not an error number (a call would appear to succeed): systemd ignores the line");
  return null;
}

/** Names seccomp_arch_from_string() takes (systemd 252). */
export const SECCOMP_ARCHITECTURES = [
  "native",
  "x86",
  "x86-64",
  "x32",
  "arm",
  "arm64",
  "mips",
  "mips64",
  "mips64-n32",
  "mips-le",
  "mips64-le",
  "mips64-le-n32",
  "parisc",
  "parisc64",
  "ppc",
  "ppc64",
  "ppc64-le",
  "riscv64",
  "s390",
  "s390x",
];

/** SystemCallArchitectures= (config_parse_syscall_archs): architecture names, unquoted. */
export function syscallArchitectures(value: string): ValueProblem | null {
  const { words, unterminated } = splitWords(value);
  for (const w of words)
    if (!SECCOMP_ARCHITECTURES.includes(w.text))
      return withSuggestion(
        problemAt(
          w.from,
          w.to,
          `'${w.text}' is not a system call architecture (native, x86-64, x86, x32, arm64...): systemd ignores this item, so calls of that architecture are not allowed`,
        ),
        closestMatch(w.text, SECCOMP_ARCHITECTURES),
      );
  if (unterminated !== undefined)
    return unterminatedAt(unterminated, "systemd ignores the rest of the line, so calls of the architectures named there are not allowed");
  return null;
}

/** RestrictAddressFamilies= (config_parse_address_families): `none`, or `[~]AF_... ...` (names in any case). */
export function addressFamilies(value: string): ValueProblem | null {
  if (value === "" || value === "none") return null;
  const invert = value.startsWith("~");
  const { words, unterminated } = splitWords(invert ? value.slice(1) : value);
  const shift = invert ? 1 : 0;
  const names = Object.keys(ADDRESS_FAMILIES);
  for (const w of words) {
    if (names.some((n) => n.toLowerCase() === w.text.toLowerCase())) continue;
    const why = w.text === "none" ? "'none' only works alone (RestrictAddressFamilies=none)" : `'${w.text}' is not an address family`;
    const p = problemAt(w.from + shift, w.to + shift, `${why}: ${dropped(invert, "sockets")}`);
    return w.text === "none" ? p : withSuggestion(p, closestMatch(w.text, names));
  }
  if (unterminated !== undefined)
    return problemAt(
      unterminated + shift,
      unterminated + shift + 1,
      `unterminated quote: systemd ignores the rest of the line, so the protection is not applied to it`,
    );
  return null;
}

/** Namespace types by the names RestrictNamespaces= takes (namespace_info[]). */
export const NAMESPACE_TYPES = ["cgroup", "ipc", "net", "mnt", "pid", "user", "uts"];

/** RestrictNamespaces= (config_parse_restrict_namespaces): a boolean, or `[~]type ...`; one bad word drops the line. */
export function restrictNamespaces(value: string): ValueProblem | null {
  if (value === "" || parseBoolean(value) !== undefined) return null;
  const invert = value.startsWith("~");
  for (const w of rawWords(invert ? value.slice(1) : value, invert ? 1 : 0))
    if (!NAMESPACE_TYPES.includes(w.text))
      return withSuggestion(
        problemAt(w.from, w.to, `'${w.text}' is not a namespace type (${NAMESPACE_TYPES.join(", ")}) or a boolean: ${ignoredLine}`),
        closestMatch(w.text, NAMESPACE_TYPES),
      );
  return null;
}

/** Filesystem groups of systemd 252 (filesystems.c). */
export const FILESYSTEM_GROUPS = [
  "@basic-api",
  "@anonymous",
  "@application",
  "@auxiliary-api",
  "@common-block",
  "@historical-block",
  "@network",
  "@privileged-api",
  "@security",
  "@temporary",
  "@known",
];

/** Filesystem names systemd 252 maps to a magic number (filesystems-gperf.gperf). */
export const FILESYSTEMS = (
  "apparmorfs adfs affs afs anon_inodefs autofs balloon-kvm bdev binder binfmt_misc bpf btrfs btrfs_test_fs cpuset ceph " +
  "cgroup2 cgroup cifs coda configfs cramfs dax debugfs devmem devpts devtmpfs dmabuf ecryptfs efivarfs efs erofs ext2 ext3 " +
  "ext4 exfat f2fs fuseblk fuse fusectl gfs gfs2 hostfs hpfs hugetlbfs iso9660 jffs2 minix mqueue msdos ncp ncpfs nfs nfs4 " +
  "nilfs2 nsfs ntfs ntfs3 ocfs2 openpromfs orangefs overlay pidfs pipefs ppc-cmm proc pstore pvfs2 qnx4 qnx6 ramfs resctrl " +
  "reiserfs rpc_pipefs secretmem securityfs selinuxfs shiftfs smackfs smb3 smbfs sockfs squashfs sysfs tmpfs tracefs udf " +
  "usbdevfs vboxsf vfat v9fs xenfs xfs z3fold zonefs zsmalloc"
).split(" ");

/**
 * RestrictFileSystems= (config_parse_restrict_filesystems): `[~]name|@group ...`. An unknown group is
 * dropped with a warning (error here); an unknown filesystem name is kept and only fails when the unit
 * starts (warning here).
 */
export function restrictFileSystems(value: string): ValueProblem | null {
  if (value === "") return null;
  const invert = value.startsWith("~");
  const shift = invert ? 1 : 0;
  const { words, unterminated } = splitWords(invert ? value.slice(1) : value);
  for (const w of words) {
    if (w.text.startsWith("@") && !FILESYSTEM_GROUPS.includes(w.text))
      return withSuggestion(
        problemAt(w.from + shift, w.to + shift, `'${w.text}' is not a filesystem group: ${dropped(invert, "filesystems")}`),
        closestMatch(w.text, FILESYSTEM_GROUPS),
      );
  }
  if (unterminated !== undefined)
    return unterminatedAt(unterminated + shift, "systemd ignores the rest of the line, so the restriction does not cover the filesystems named there");
  for (const w of words) {
    if (!w.text.startsWith("@") && !FILESYSTEMS.includes(w.text))
      return {
        ...withSuggestion(
          problemAt(
            w.from + shift,
            w.to + shift,
            `'${w.text}' is not a filesystem type systemd knows: it is skipped when the unit starts, so the restriction does not cover it`,
          ),
          closestMatch(w.text, FILESYSTEMS),
        ),
        severity: "warning",
      };
  }
  return null;
}

/** CapabilityBoundingSet=/AmbientCapabilities= (capability_set_from_string()): unknown names are dropped without a word. */
export function capabilities(value: string, setting: string): ValueProblem | null {
  const invert = value.startsWith("~");
  const shift = invert ? 1 : 0;
  const names = Object.keys(CAPABILITIES);
  const words: Piece[] = splitWords(invert ? value.slice(1) : value).words;
  const bad = words.filter((w) => {
    const n = safeAtoi(w.text);
    if (n !== undefined) return n < 0 || n > 63;
    return !names.includes(w.text.toUpperCase());
  });
  const first = bad[0];
  if (!first) return null;
  const all = bad.length === words.length;
  // With no known name left the word sum is 0, and systemd then replaces the set instead of merging into it.
  const consequence = !all
    ? "systemd drops it without a warning, so the set is not what the line says"
    : `systemd drops it without a warning, and with nothing left the line ${invert ? "puts every capability in" : "empties"} ${setting}=`;
  return {
    ...withSuggestion(
      problemAt(first.from + shift, first.to + shift, `'${first.text}' is not a capability name: ${consequence}`),
      closestMatch(first.text, names),
    ),
    severity: "warning",
  };
}

/** ifname_valid(): 1-15 printable ASCII characters without ':', '/', '%', not all digits, not ".", "..", "all", "default". */
export function interfaceNameProblem(name: string): string | null {
  if (name === "") return "is empty";
  if (/^\d+$/.test(name)) return "is a number, not an interface name";
  if (name.length > 15) return "is longer than 15 characters (the kernel's limit)";
  if (name === "." || name === "..") return "is not an interface name";
  if (name === "all" || name === "default") return `is reserved ('${name}' names sysctl directories, not an interface)`;
  const bad = [...name].find((c) => c <= " " || c >= "\u007f" || c === ":" || c === "/" || c === "%");
  return bad === undefined ? null : `has a character interface names cannot contain (${JSON.stringify(bad)})`;
}

/** RestrictNetworkInterfaces= (config_parse_restrict_network_interfaces): `[~]NAME ...`; a bad name is dropped. */
export function networkInterfaces(value: string): ValueProblem | null {
  if (value === "") return null;
  const invert = value.startsWith("~");
  const shift = invert ? 1 : 0;
  const { words, unterminated } = splitWords(invert ? value.slice(1) : value);
  for (const w of words) {
    const why = interfaceNameProblem(w.text);
    if (why) return problemAt(w.from + shift, w.to + shift, `'${w.text}' ${why}: ${dropped(invert, "interfaces")}`);
  }
  if (unterminated !== undefined)
    return unterminatedAt(unterminated + shift, "systemd ignores the rest of the line, so the interfaces named there are not covered");
  return null;
}

export const SECURE_BITS = ["keep-caps", "keep-caps-locked", "no-setuid-fixup", "no-setuid-fixup-locked", "noroot", "noroot-locked"];

/** SecureBits= (secure_bits_from_string()): unknown words are skipped without a warning. */
export function secureBits(value: string): ValueProblem | null {
  for (const w of splitWords(value).words)
    if (!SECURE_BITS.includes(w.text))
      return {
        ...withSuggestion(
          problemAt(w.from, w.to, `'${w.text}' is not a secure bit (${SECURE_BITS.join(", ")}): systemd skips it without a warning, so that flag is not set`),
          closestMatch(w.text, SECURE_BITS),
        ),
        severity: "warning",
      };
  return null;
}

/** cgroup controller names (cgroup_controller_table[] of systemd 252). */
export const CGROUP_CONTROLLERS = [
  "cpu",
  "cpuacct",
  "cpuset",
  "io",
  "blkio",
  "memory",
  "devices",
  "pids",
  "bpf-firewall",
  "bpf-devices",
  "bpf-foreign",
  "bpf-socket-bind",
  "bpf-restrict-network-interfaces",
];

/** Delegate= (config_parse_delegate): a boolean or controller names; an unknown name is dropped with a warning from systemd. */
export function delegate(value: string): ValueProblem | null {
  if (value === "" || parseBoolean(value) !== undefined) return null;
  const { words, unterminated } = splitWords(value);
  for (const w of words)
    if (!CGROUP_CONTROLLERS.includes(w.text))
      return withSuggestion(
        problemAt(w.from, w.to, `'${w.text}' is not a cgroup controller or a boolean: systemd ignores this item, so that controller is not delegated`),
        closestMatch(w.text, CGROUP_CONTROLLERS),
      );
  if (unterminated !== undefined) return unterminatedAt(unterminated, "systemd ignores the whole line, so nothing is delegated by it");
  return null;
}

/**
 * DisableControllers= (cg_mask_from_string()): unknown names are skipped without a word (words are not
 * unquoted); a line with no known name at all is refused.
 */
export function disableControllers(value: string): ValueProblem | null {
  const words = rawWords(value);
  const bad = words.filter((w) => !CGROUP_CONTROLLERS.includes(w.text));
  const first = bad[0];
  if (!first) return null;
  const near = closestMatch(first.text, CGROUP_CONTROLLERS);
  if (bad.length === words.length)
    return withSuggestion(
      problemAt(first.from, first.to, `'${first.text}' is not a cgroup controller, and no other name on the line is: systemd ignores the line`),
      near,
    );
  return {
    ...withSuggestion(
      problemAt(first.from, first.to, `'${first.text}' is not a cgroup controller: systemd skips it without a warning, so it stays enabled`),
      near,
    ),
    severity: "warning",
  };
}
