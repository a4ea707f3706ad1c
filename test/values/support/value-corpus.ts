/**
 * Values for the differential test of the value grammars (test/values/differential.test.ts): per setting,
 * values systemd 252 takes, values it rejects, and edge cases (specifiers, quotes, empty words, number
 * bases, limits). Hand-picked lists plus a few seeded random addresses and port ranges. Each value becomes
 * one `Setting=value` line of a unit; systemd-analyze verify decides whether that line is refused.
 * Specifiers whose expansion depends on the unit's name or instance (%i, %N, %p...) are left out: the units
 * here are not templates, and unitlint skips such words (values/unknown-specifier covers %i outside templates).
 */

import { ADDRESS_FAMILIES, SYSCALL_GROUPS } from "../../../src/knowledge/seccomp.generated.js";

/** A small deterministic generator (mulberry32), so every run writes the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAddresses(n: number): string[] {
  const r = prng(252);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.5) {
      const parts = [int(300), int(255), int(255), int(255)].map(String);
      if (r() < 0.15) parts[int(3)] = "0" + parts[0];
      out.push(parts.join(".") + (r() < 0.7 ? `/${int(40)}` : ""));
    } else {
      const groups = Array.from({ length: 8 }, () => int(0x1ffff).toString(16));
      const cut = int(7);
      const text = r() < 0.5 ? `${groups.slice(0, cut).join(":")}::${groups.slice(cut + 1, 8 - int(2)).join(":")}` : groups.join(":");
      out.push(text + (r() < 0.7 ? `/${int(140)}` : ""));
    }
  }
  return out;
}

function randomPorts(n: number): string[] {
  const r = prng(17);
  const port = () => String(Math.floor(r() * 70000));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    if (r() < 0.4) parts.push(r() < 0.5 ? "ipv4" : "ipv6");
    if (r() < 0.5) parts.push(r() < 0.5 ? "tcp" : "udp");
    parts.push(r() < 0.3 ? `${port()}-${port()}` : port());
    out.push(parts.join(":"));
  }
  return out;
}

/** Settings of other unit types than services, with the unit header their lines go under. */
export const OTHER_UNIT_TYPES: Record<string, { suffix: string; header: string }> = {
  ReceiveBuffer: { suffix: "socket", header: "[Socket]\nListenStream=/run/corpus.sock\n" },
};

/** Real names with one random edit (a typo, or by chance another real name): the oracle says which. */
function typos(names: string[], n: number, seed: number): string[] {
  const r = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const letters = "abcdefghijklmnopqrstuvwxyz_-0123456789";
  return Array.from({ length: n }, () => {
    const w = pick(names);
    const i = Math.floor(r() * w.length);
    const op = r();
    if (op < 0.33) return w.slice(0, i) + w.slice(i + 1);
    if (op < 0.66) return w.slice(0, i) + pick([...letters]) + w.slice(i);
    return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.toUpperCase();
  });
}

function randomCpuSets(n: number): string[] {
  const r = prng(8192);
  const atoms = ["0", "1", "7", "8191", "8192", "3-1", "0-3", "x", "", "0x1", "-", "1-", "010", "09"];
  return Array.from({ length: n }, () =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => atoms[Math.floor(r() * atoms.length)]).join(r() < 0.5 ? "," : " "),
  );
}

/** Seeded random strings over the characters that matter to a grammar (fuzzing the corner cases nobody lists). */
function fuzz(pieces: string[], n: number, seed: number): string[] {
  const r = prng(seed);
  return Array.from(
    { length: n },
    () =>
      Array.from({ length: 1 + Math.floor(r() * 5) }, () => pieces[Math.floor(r() * pieces.length)]!)
        .join("")
        .trim(),
    // a trailing backslash continues the line, and systemd then reports it on the line after
  ).filter((v) => v !== "" && !v.endsWith("\\"));
}

const FUZZ: Record<string, string[]> = {
  AllowedCPUs: ["0", "1", "9", "-", ",", " ", "0x", "8192", "'", "a"],
  SocketBindDeny: ["ipv4", "ipv6", "tcp", "udp", ":", "80", "0", "-", "any", "65536", " "],
  IPAddressAllow: ["10", ".", "0", "1", "/", "::", ":", "f", "33", " ", "255", "256"],
  BindPaths: ["/a", ":", "-", "rbind", "norbind", " ", "..", "b", "'", "/"],
  DeviceAllow: ["/dev/", "null", " ", "r", "w", "m", "x", "char-", "block-", "/", ".."],
  LimitNOFILE: ["1", "0", ":", "infinity", "-", "0x", "9", " "],
  LimitCORE: ["1", "K", "M", ":", "infinity", ".", "5", "B", " "],
  MemoryMax: ["1", "G", "M", ".", "5", "%", " ", "E", "0", "k"],
  ReadOnlyPaths: ["/", "a", "-", "+", "..", ".", " ", "~", "'"],
  StateDirectory: ["a", "/", ":", "..", ".", "private", " ", "b"],
  SystemCallFilter: ["~", "@", "read", "system-service", ":", "EPERM", "kill", " ", "x"],
  RestrictAddressFamilies: ["~", "AF_", "UNIX", "INET", "6", " ", "none", "x"],
  RestrictNamespaces: ["~", "net", "ipc", "yes", " ", "x", "user"],
  Delegate: ["cpu", "memory", " ", "yes", "x", "io", "-"],
  IODeviceWeight: ["/dev/sda", " ", "1", "0", "10000", "x", "/"],
  TemporaryFileSystem: ["/a", ":", "ro", " ", "b", "..", "%t"],
  RestrictNetworkInterfaces: ["~", "eth", "0", ":", "all", " ", "%", "abcdefgh"],
  LimitNICE: ["+", "-", "1", "9", "0", ":", "2"],
  LimitCPU: ["1", "s", "min", ":", " ", "infinity", "h"],
  BindReadOnlyPaths: ["/a", ":", "-", "rbind", " ", "'", "\\", "x"],
  SystemCallErrorNumber: ["E", "PERM", "0", "1", "x", "kill", "4"],
  LoadCredential: ["a", ":", "/", ".", "..", "b", " ", "//"],
  SetCredential: ["a", ":", "/", ".", "b", " "],
};

const CORPUS: Record<string, string[]> = {
  IPAddressAllow: [
    "any",
    "localhost",
    "LOCALHOST",
    "foo.localhost",
    "localhost.localdomain.",
    "link-local",
    "multicast",
    "Any",
    "10.0.0.0/8",
    "10.0.0.0/33",
    "10.0.0.0/0",
    "10.0.0.1/32",
    "10.0.0.0/0x10",
    "10.0.0.0/",
    "10.0.0.0/08",
    "10.0.0.0/+8",
    "010.0.0.1",
    "1.2.3",
    "256.1.1.1",
    "1.2.3.4.5",
    "::1",
    "::1/128",
    "::1/129",
    "fe80::1%eth0",
    "fe80::/64",
    "2001:db8::/32",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9",
    "::ffff:1.2.3.4",
    ":::1",
    "1::2::3",
    "any localhost 10.0.0.1",
    "10.0.0.1 bogus",
    "%H",
    "10.0.0.0/8/8",
    "::/0",
    "0.0.0.0/0",
    "12345::1",
    "[::1]",
    "10.0.0.1\t10.0.0.2",
    ...randomAddresses(30),
  ],
  IPAddressDeny: ["any", "10.0.0.0/33", "localhost multicast", "1.1.1.1/-1"],
  BindPaths: [
    "/a",
    "-/a",
    "/a:/b",
    "/a:/b:rbind",
    "/a:/b:norbind",
    "/a:/b:rox",
    "/a:/b:",
    "/a:",
    "a",
    "+/a",
    "/a:b",
    "/a/../b",
    "/a /b",
    "/a  /b",
    "/a:/b:rbind /c",
    "/a:/b:rbind:x",
    '"/a b":/c',
    "/a::/b",
    "%h/x",
    "/x:%h",
    "'/a",
    "/a:/b:ro",
    "-/a:-/b",
    "/a:/b norbind",
    "/a//b/./c:/d",
    "/a:/b:rbind,ro",
    ":/b",
    "/a:/../b",
  ],
  BindReadOnlyPaths: ["/etc/ssl:/etc/ssl:rox", "/etc/ssl:/etc/ssl", "-/etc/ssl", "etc/ssl"],
  AllowedCPUs: [
    "0",
    "0-3",
    "0-3,x",
    "0 1 2",
    "0,,1",
    "3-1",
    "8191",
    "8192",
    "0-8192",
    "1-",
    "-1",
    "0x3",
    "07",
    "08",
    "+1",
    "1-2-3",
    "all",
    "%i",
    "0, 1",
    " 0-1 ",
    "1 - 2",
    "0b11",
    "0o7",
    "4294967296",
    "'1'",
    "1,3-5,7",
    ...randomCpuSets(15),
  ],
  CPUAffinity: ["numa", "NUMA", "0-1", "0 numa", "x"],
  NUMAMask: ["all", "0-1", "x", "ALL", "1-0"],
  DeviceAllow: [
    "/dev/null rw",
    "/dev/null",
    "/dev/nvidia0 rwx",
    "char-pts rw",
    "block-loop",
    "char-foo r",
    "/dev/null  rw",
    "/dev rw",
    "/dev/ r",
    "/tmp/x r",
    "dev/null r",
    "/dev/../etc r",
    "/run/systemd/inaccessible/chr rw",
    "/dev/null mrw",
    "/dev/null rrr",
    "/dev/null rw x",
    '"/dev/null" r',
    "/dev//null r",
    "/dev/./null r",
    "/dev/null R",
    "/dev/sda/ r",
    "%h r",
    "%t/x r",
    "/dev/%%x r",
    "/dev/null\tr",
  ],
  SocketBindDeny: [
    "any",
    "80",
    "0",
    "65535",
    "65536",
    "1-1024",
    "1024-1",
    "tcp:80",
    "udp:70000",
    "ipv4:tcp:80",
    "ipv6:any",
    "ipv4",
    "tcp",
    "ipv4:tcp",
    "tcp:ipv4:80",
    "TCP:80",
    "ipv4::80",
    "tcp:80:",
    ":80",
    "0x50",
    "ipv4:udp:any",
    "ipv5:80",
    "80 81",
    "1-",
    "ipv6:udp:1-65535",
    "any:any",
    ...randomPorts(20),
  ],
  SocketBindAllow: ["ipv6:tcp:443", "tcp:x"],
  ReadOnlyPaths: [
    "%h/x",
    "%t",
    "x%h",
    "%%/x",
    "/%%",
    "/etc",
    "-/etc",
    "+/etc",
    "-+/etc",
    "+-/etc",
    "etc/app",
    "-etc/app",
    "~/x",
    "/a /b",
    "/a/../b",
    "/a/./b",
    "//a",
    "%h/x",
    "-",
    "/a\\ b",
    '"/a b"',
    "'/a",
    "/a relative",
  ],
  InaccessiblePaths: ["/home", "home", "-/nope", "/a/.."],
  StateDirectory: [
    "app",
    "app/sub",
    "/app",
    "../app",
    "app/..",
    "private",
    "private/x",
    "privateer",
    "app:link",
    "app:/link",
    ".",
    "./app",
    "a::b",
    "a:",
    "%n",
    "%h/app",
    "x%%",
    "app\\:x",
    "a b",
    "a/./b",
    "a//b",
  ],
  ConfigurationDirectory: ["app", "app:link", "/etc/app"],
  PassEnvironment: ["PATH HOME", "1FOO", "FOO-BAR", "FOO=bar", "_X", "a1", "%n", "%%", "%h", '"FOO"'],
  UnsetEnvironment: ["FOO=bar", "=x", "FOO", "FOO BAR=1", "1X=2", "X-Y"],
  SystemCallFilter: [
    "@system-service",
    "@sytem-service",
    "@network-io @sytem-service",
    "~@mount",
    "read write",
    "READ",
    "read:EPERM",
    "~read:EPERM",
    "~read:eperm",
    "~read:0",
    "~read:4096",
    "~read:4095",
    "~read:kill",
    "~:EPERM",
    "~read:",
    "mmap2",
    "_llseek",
    "~@privileged:EPERM",
    "~@foo:EPERM",
    '"read"',
    "~",
    "~ read",
    "foobar",
    "~read:0x10",
    "~read:-1",
    "~read:EFOO",
    "@default",
    "@known",
    "@obsolete @raw-io",
    "open openat",
    "read\\ write",
    ...typos(Object.keys(SYSCALL_GROUPS), 12, 1).map((g) => `~${g}`),
    ...typos(["read", "write", "openat", "socket", "mmap", "ptrace", "clone3", "io_uring_setup"], 12, 2),
  ],
  SystemCallLog: ["@foo", "read:EPERM", "~@basic-io", "read"],
  SystemCallErrorNumber: ["EPERM", "eperm", "0", "1", "4095", "4096", "kill", "EFOO", "0x10", "EWOULDBLOCK", "-1"],
  SystemCallArchitectures: ["native", "x86-64", "x86_64", "native x32", "x86-65", "mips64-le-n32", "'native'"],
  RestrictAddressFamilies: [
    "AF_UNIX",
    "af_unix",
    "none",
    "~none",
    "AF_UNIX none",
    "AF_NETLNK",
    "~AF_PACKET",
    '"AF_UNIX"',
    "AF_MAX",
    "AF_UNSPEC",
    "AF_LOCAL",
    "AF_UNIX AF_INET6 AF_NETLNK",
    "AF_MCTP",
    "~AF_UNIX AF_INET",
    "AF_INET,AF_INET6",
    "None",
    ...typos(Object.keys(ADDRESS_FAMILIES), 12, 3),
  ],
  RestrictNamespaces: ["yes", "no", "net", "net foo", "~net ipc", "~", "network", "NET", "cgroup ipc net mnt pid user uts", "true"],
  RestrictFileSystems: ["@fooo", "ext4", "nosuchfs", "@basic-api", "~@known", "~ext4 @temporary", "@known @nope"],
  CapabilityBoundingSet: ["CAP_FOO", "CAP_NET_ADMIN", "cap_net_admin", "~CAP_SYS_ADMIN", "64", "63", "CAP_NET_ADMIN CAP_FOO", "~"],
  AmbientCapabilities: ["CAP_FOO", "CAP_NET_BIND_SERVICE", "-1"],
  RestrictNetworkInterfaces: [
    "eth0",
    "eth0 ~lo",
    "~lo",
    "eth0:1",
    "0",
    "12",
    "all",
    "default",
    "abcdefghijklmnop",
    "abcdefghijklmno",
    "%x",
    "%%x",
    "wg-vpn.1",
    "~eth0 wlan0",
    ".",
    "'eth 0'",
    '"eth0"',
  ],
  Delegate: ["yes", "no", "cpu memory", "cpu mem", "pids io", "bpf-firewall", "CPU", '"cpu"', "1"],
  DisableControllers: ["cpu", "cpu mem", "bogus"],
  IODeviceWeight: ["/dev/sda 200", "/dev/sda 0", "/dev/sda 10001", "/dev/sda", "/dev/sda idle", "/dev/sda  5", "sda 5", "/dev/../x 5", "/dev/sda 0x10"],
  IOReadBandwidthMax: ["/dev/sda 5M", "/dev/sda 5MB", "/dev/sda infinity", "/dev/sda 0", "/dev/sda 5m", "/dev/sda", "/run/x 1K", "/dev/sda 1.5G"],
  IOWriteIOPSMax: ["/dev/sda 1000", "/dev/sda 2K", "/dev/sda x"],
  IODeviceLatencyTargetSec: ["/dev/sda 25ms", "/dev/sda 25", "/dev/sda 25 ms", "/dev/sda x", "/dev/sda infinity"],
  IPIngressFilterPath: ["/sys/fs/bpf/ingress", "sys/fs/bpf/x", "/a /b", "/a/../b", "%t/bpf"],
  LoadCredential: [
    "token",
    "token:/etc/app/token",
    "token:other",
    "a/b",
    "token:/etc//x",
    "token:/etc/./x",
    "token:/etc/../x",
    ".",
    "..:x",
    ":x",
    "token:",
    "token:a/b",
    "tok en",
    "token:/",
    "%n:/x",
    "x:%h/y",
  ],
  LoadCredentialEncrypted: ["token:/etc/x.cred", "a/b:/x"],
  SetCredential: ["token:secret", "token", "token:", ":x", "a/b:x", "tok:en:x", "%n:x", "a b:x"],
  SecureBits: ["keep-caps", "keep-caps foo", "noroot noroot-locked", "NOROOT"],
  TemporaryFileSystem: ["/run", "/run:size=10M", "run", "/run:", ":/x", "/a /b:ro c", "/a/../b", "%t/x:mode=0700", '"/a b":ro'],
  ReceiveBuffer: ["8M", "8MB", "16E", "15E", "1G 1M", "x"],
  MemoryMax: [
    "512M",
    "512MB",
    "512m",
    "1G 512M",
    "512M 1G",
    "1.5G",
    "1.G",
    ".5G",
    "20E",
    "16E",
    "15E",
    "15.9E",
    "100%",
    "100.5%",
    "101%",
    "50.25%",
    "50.255%",
    "0%",
    "0",
    "infinity",
    "Infinity",
    "1K1",
    "1 K",
    " 5K",
    "18446744073709551615",
    "18446744073709551614",
    "-1",
    "+1K",
    "1KB",
    "50‰",
    "50.5‰",
    "5000‱",
    "1e3",
    "0x10",
    "10%%",
    "1T 1G 1M 1K 1B 1",
  ],
  MemoryLow: ["0", "0%", "1G"],
  MemorySwapMax: ["0", "infinity"],
  LimitNOFILE: [
    "",
    "1024",
    "1024:4096",
    "4096:1024",
    "0x10",
    "010",
    "08",
    "infinity",
    "1024:infinity",
    "infinity:1024",
    "1:2:3",
    "1K",
    "18446744073709551615",
    "18446744073709551614",
    "-1",
    "+5",
    ":5",
    "5:",
    " 5",
    "5 :6",
  ],
  LimitCORE: ["1K", "1KB", "1K:", "infinity", "0", "1G:512M", "16E", "1.5M"],
  LimitCPU: ["1h:2h", "2h:1h", "30", "30s", "infinity", "1min 30s", "x", "0.5"],
  LimitNICE: ["+19", "+20", "-20", "-21", "0", "40", "41", "+0", "-0", "19:+0", "x"],
  LimitRTTIME: ["1000", "1s", "infinity", "1h:1s"],
};

/** The corpus: the lists, some fuzz, and each setting with an empty value (a reset for list settings; refused by a few, such as LimitX=). */
export const VALUE_CORPUS: Record<string, string[]> = Object.fromEntries(
  Object.entries(CORPUS).map(([setting, values], i) => {
    const all = [...values, ...(FUZZ[setting] ? fuzz(FUZZ[setting], 30, 1000 + i) : [])];
    return [setting, [...new Set(["", ...all])]];
  }),
);
