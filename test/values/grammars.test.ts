import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { directiveInfo } from "../../src/knowledge/directives.js";
import { bindPaths } from "../../src/values/bind-paths.js";
import { loadCredential } from "../../src/values/credentials.js";
import { ioLimit } from "../../src/values/device-io.js";
import { cpuSet } from "../../src/values/cpu-set.js";
import { deviceAllow } from "../../src/values/device-allow.js";
import { isIPv4, isIPv6, ipPrefixes } from "../../src/values/ip-prefix.js";
import { execLine } from "../../src/values/exec-line.js";
import { integerProblem, parseCInteger } from "../../src/values/integer.js";
import { valueKind } from "../../src/values/kinds.js";
import { listenAddress } from "../../src/values/socket-address.js";
import { addressFamilies, capabilities, disableControllers, networkInterfaces, restrictNamespaces, syscallFilter } from "../../src/values/name-lists.js";
import { execDirectories, namespacePaths } from "../../src/values/path-list.js";
import { rlimit } from "../../src/values/rlimit.js";
import { extractFirstWord, safeAtou } from "../../src/values/scan.js";
import { parseSize } from "../../src/values/size.js";
import { socketBind } from "../../src/values/socket-bind.js";
import { validateValue } from "../../src/values/validate.js";
import { sweepSettings, sweepValues } from "./support/sweep.js";

/** The underlined text of a problem. */
const span = (value: string, p: { from: number; to: number } | null) => (p ? value.slice(p.from, p.to) : null);

describe("value kinds", () => {
  it("are chosen by systemd's parser, not by the prose of the value type", () => {
    expect(valueKind(directiveInfo("Service", "SystemCallFilter")!)).toBe("syscall-filter");
    expect(valueKind(directiveInfo("Service", "AllowedCPUs")!)).toBe("cpu-set");
    expect(valueKind(directiveInfo("Service", "LimitNOFILE")!)).toBe("rlimit");
    expect(directiveInfo("Service", "LimitNOFILE")!.ltype).toBe("RLIMIT_NOFILE");
    expect(valueKind(directiveInfo("Service", "ExecStart")!)).toBe("exec-line");
    expect(valueKind(directiveInfo("Socket", "ListenStream")!)).toBe("listen-address");
    expect(valueKind(directiveInfo("Unit", "Description")!)).toBeUndefined();
  });

  it("do not read the prose of the value type: every sweep case gets the same verdict without it", () => {
    for (const { kind, info } of sweepSettings())
      for (const value of sweepValues(kind, info)) {
        const withoutProse = { ...info, valueType: "(prose removed)" };
        expect([info.name, value, validateValue(value, withoutProse)]).toEqual([info.name, value, validateValue(value, info)]);
      }
  });
});

describe("name lists", () => {
  it("point at the bad item and name the closest real one", () => {
    const v = "@network-io @sytem-service";
    const p = syscallFilter(v);
    expect(span(v, p)).toBe("@sytem-service");
    expect(p!.message).toContain("did you mean '@system-service'?");
    const a = "AF_UNIX AF_INET6 AF_NETLNK";
    expect(span(a, addressFamilies(a))).toBe("AF_NETLNK");
    expect(addressFamilies(a)!.message).toContain("'AF_NETLINK'");
    expect(span("~net ipcc", restrictNamespaces("~net ipcc"))).toBe("ipcc");
  });

  it("follow systemd's special cases", () => {
    expect(syscallFilter("~read:EPERM write:kill open:0x10")).toBeNull();
    expect(span("read:EPERM", syscallFilter("read:EPERM"))).toBe(":EPERM");
    expect(syscallFilter("")).toBeNull();
    expect(addressFamilies("none")).toBeNull();
    expect(span("~none", addressFamilies("~none"))).toBe("none");
    expect(addressFamilies("af_inet")).toBeNull();
    expect(restrictNamespaces("yes")).toBeNull();
  });

  it("unknown capabilities are warnings (systemd drops them silently)", () => {
    const p = capabilities("CAP_NET_ADMIN CAP_NET_ADMN", "CapabilityBoundingSet");
    expect(p?.severity).toBe("warning");
    expect(p!.message).toContain("'CAP_NET_ADMIN'");
    expect(capabilities("cap_sys_admin 12 63", "CapabilityBoundingSet")).toBeNull();
  });
});

describe("addresses, mounts, devices, sets, ports, paths, limits", () => {
  it("underline the part systemd refuses", () => {
    expect(span("10.0.0.0/33", ipPrefixes("10.0.0.0/33", "IPAddressAllow"))).toBe("33");
    expect(span("/etc/ssl:/etc/ssl:rox", bindPaths("/etc/ssl:/etc/ssl:rox", "BindReadOnlyPaths"))).toBe("rox");
    expect(span("/dev/nvidia0 rwx", deviceAllow("/dev/nvidia0 rwx"))).toBe("x");
    expect(span("0-3,x", cpuSet("0-3,x"))).toBe("x");
    expect(span("udp:70000", socketBind("udp:70000", "SocketBindDeny"))).toBe("70000");
    expect(span("-etc/app", namespacePaths("-etc/app", "ReadOnlyPaths"))).toBe("-etc/app");
    expect(execDirectories("/var/lib/app", "StateDirectory")!.message).toContain("did you mean 'app'?");
    expect(span("4096:1024", rlimit("4096:1024", "LimitNOFILE", "RLIMIT_NOFILE"))).toBe("4096:1024");
    expect(span("eth0 eth0:1", networkInterfaces("eth0 eth0:1"))).toBe("eth0:1");
    expect(span("/dev/sda 5MB", ioLimit("/dev/sda 5MB", "IOReadBandwidthMax"))).toBe("5MB");
    expect(span("db/token:/x", loadCredential("db/token:/x", "LoadCredential"))).toBe("db/token");
  });

  it("a name dropped silently is a warning, a line with no known name an error", () => {
    expect(disableControllers("cpu mem")?.severity).toBe("warning");
    expect(disableControllers("mem")?.severity).toBeUndefined();
  });

  it("take the near misses", () => {
    expect(ipPrefixes("any localhost link-local multicast ::ffff:1.2.3.4 fe80::/64 10.0.0.0/0x10", "IPAddressAllow")).toBeNull();
    expect(bindPaths('-/a:/b:norbind "/c d":/e %h/x', "BindPaths")).toBeNull();
    expect(deviceAllow("char-pts rw")).toBeNull();
    expect(cpuSet("numa", "numa")).toBeNull();
    expect(socketBind("ipv6:TCP:1-65535", "SocketBindAllow")).toBeNull();
    expect(rlimit("+19", "LimitNICE", "RLIMIT_NICE")).toBeNull();
    expect(rlimit("1:2:", "LimitNOFILE", "RLIMIT_NOFILE")).toBeNull();
    expect(execDirectories(":app", "StateDirectory")).toBeNull();
  });

  it("keep problem spans inside the value", () => {
    const info = directiveInfo("Service", "BindPaths")!;
    const p = validateValue("/a:", info);
    expect(p && p.to).toBeLessThanOrEqual(3);
    expect(span("/a:", p)).toBe(":");
  });
});

describe("systemd's number and word parsing", () => {
  it("safe_atou(): bases by prefix, a leading 0 is octal", () => {
    expect(safeAtou("0x10")).toBe(16);
    expect(safeAtou("010")).toBe(8);
    expect(safeAtou("08")).toBeUndefined();
    expect(safeAtou("0b11")).toBe(3);
    expect(safeAtou("+5")).toBe(5);
    expect(safeAtou("-0")).toBe(0);
    expect(safeAtou("-1")).toBeUndefined();
    expect(safeAtou("4294967296")).toBeUndefined();
  });

  it("parse_size(): decreasing suffixes, capitals only, 64 bits", () => {
    expect(parseSize("1G 512M")).toEqual({ ok: true, bytes: 1610612736n });
    expect(parseSize("512M 1G").ok).toBe(false);
    expect(parseSize("1KB").ok).toBe(false);
    expect(parseSize("15E").ok).toBe(true);
    expect(parseSize("16E")).toMatchObject({ ok: false, overflow: true });
  });

  it("extract_first_word() without coalescing gives empty words between separators", () => {
    const first = extractFirstWord("a::b", 0, ":", { dontCoalesce: true });
    expect(first).toMatchObject({ word: "a", next: 2 });
    expect(extractFirstWord("a::b", first.next, ":", { dontCoalesce: true })).toMatchObject({ word: "", next: 3 });
    expect(extractFirstWord("'a b' c", 0, " ", { unquote: true })).toMatchObject({ word: "a b", next: 6 });
    expect(extractFirstWord("'a b", 0, " ", { unquote: true }).errorAt).toBe(0);
  });

  it("formatted addresses parse, and prefixes beyond the address size do not", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 40 }), (ip, len) => {
        expect(isIPv4(ip)).toBe(true);
        expect(ipPrefixes(`${ip}/${len}`, "IPAddressDeny") === null).toBe(len <= 32);
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(isIPv6(ip)).toBe(true);
      }),
    );
  });
});

describe("values/invalid-value", () => {
  it("offers the closest real name as a replacement of the underlined word", () => {
    const text = "[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@network-io @sytem-service\nRestart=alwyas\nCapabilityBoundingSet=CAP_NET_ADMN\n";
    const found = lint([{ path: "app.service", text }]).findings.filter((f) => f.rule === "values/invalid-value");
    const applied = found.map((f) => {
      const e = f.suggestions![0]!.edits[0]!;
      return text.slice(0, e.start) + e.text + text.slice(e.end);
    });
    expect(applied.map((t) => t.split("\n").slice(2, 5))).toEqual([
      ["SystemCallFilter=@network-io @system-service", "Restart=alwyas", "CapabilityBoundingSet=CAP_NET_ADMN"],
      ["SystemCallFilter=@network-io @sytem-service", "Restart=always", "CapabilityBoundingSet=CAP_NET_ADMN"],
      ["SystemCallFilter=@network-io @sytem-service", "Restart=alwyas", "CapabilityBoundingSet=CAP_NET_ADMIN"],
    ]);
    expect(found.map((f) => f.severity)).toEqual(["error", "error", "warning"]);
    expect(found.every((f) => f.fix === undefined)).toBe(true);
  });
});

describe("integers, socket addresses and command lines as systemd 252 reads them", () => {
  it("parses integers like safe_atoi()/safe_atou()", () => {
    expect(["0x10", "010", "0o17", "0b101", "+5", " 7", "-0"].map(parseCInteger)).toEqual([16n, 8n, 15n, 5n, 5n, 7n, 0n]);
    expect(["08", "0x", "1.5", "", "5 ", "0b2"].map(parseCInteger)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(integerProblem("-1", { type: "u32" })).not.toBeNull();
    expect(integerProblem("4294967295", { type: "u32" })).toBeNull();
    expect(integerProblem("4294967296", { type: "u32" })).not.toBeNull();
    expect(integerProblem("-0x14", { type: "i32", min: -20, max: 19 })).toBeNull();
  });
  it("takes the socket addresses socket_address_parse() takes", () => {
    for (const ok of ["80", "0x50", "127.0.0.1:80", "[::1]:80", "[::1]:80%%lo", "/run/a.sock", "@abstract", "vsock:2:80", "vsock::80"])
      expect(listenAddress(ok, "ListenStream"), ok).toBeNull();
    for (const bad of ["0", "65536", "::1:80", "127.0.0.1", "[::1]", "vsock:4294967296:80", "vsock:2", "@", "x", "1.2.3.4:0"])
      expect(listenAddress(bad, "ListenStream"), bad).not.toBeNull();
    expect(listenAddress("127.0.0.1:80", "ListenSequentialPacket")).not.toBeNull();
    expect(listenAddress("kobject-uevent 1", "ListenNetlink")).toBeNull();
    expect(listenAddress("kobject-uevnt 1", "ListenNetlink")?.message).toContain("did you mean 'kobject-uevent'?");
    expect(listenAddress("run/fifo", "ListenFIFO")).not.toBeNull();
  });
  it("reports the command lines systemd drops, not the ones it refuses the unit over", () => {
    expect(execLine("-")).not.toBeNull();
    expect(execLine("--/bin/true")).not.toBeNull();
    expect(execLine("'x")).not.toBeNull();
    // an unknown escape outside the program name is kept with a warning, not an error
    expect(execLine("-/bin/echo \\q")).toMatchObject({ from: 11, to: 13, severity: "warning" });
    expect(execLine("/bin/echo \\t \\x41 \\101 \\u00e9 \\s \\\\ \\; x")).toBeNull();
    expect(execLine("/bin/echo \\$HOME")).toMatchObject({ from: 10, to: 12, severity: "warning" });
    expect(execLine("/bin/echo a\\;b")).toMatchObject({ from: 11, to: 13, severity: "warning" });
    expect(execLine("/bin/echo a \\; b ; /bin/true")).toBeNull();
    // no '-': loading/invalid-command reports it
    expect(execLine("bin/true")).toBeNull();
  });
});
