/**
 * Listen*= of sockets (config_parse_socket_listen): what systemd 252's socket_address_parse() and its helpers take.
 * ListenStream=/ListenDatagram=/ListenSequentialPacket=: a port (1-65535), IPV4:PORT, [IPV6]:PORT (an interface as
 * a `%NAME` suffix), an absolute AF_UNIX path, an `@abstract` name, or vsock:CID:PORT; ListenNetlink=: a netlink
 * family and an optional group; ListenFIFO=, ListenSpecial=, ListenMessageQueue=, ListenUSBFunction=: an absolute path.
 */
import { integerProblem, parseCInteger } from "./integer.js";
import { isIPv4, isIPv6 } from "./ip-prefix.js";
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { expandForCheck, pathProblem } from "./scan.js";
import { closestMatch } from "../core/suggest.js";

/** netlink_family_table of systemd 252 (src/basic/socket-util.c); a number is taken too. */
const NETLINK_FAMILIES = [
  "route",
  "firewall",
  "inet-diag",
  "nflog",
  "xfrm",
  "selinux",
  "iscsi",
  "audit",
  "fib-lookup",
  "connector",
  "netfilter",
  "ip6-fw",
  "dnrtmsg",
  "kobject-uevent",
  "generic",
  "scsitransport",
  "ecryptfs",
  "rdma",
];

/** sizeof(sockaddr_un.sun_path): the path and its NUL must fit. */
const SUN_PATH = 108;

/** parse_ip_port(): 1-65535, no leading whitespace; "range" when the text is a number but not one for a port. */
function port(s: string): "ok" | "range" | "bad" {
  if (/^[ \t\n\r]/.test(s)) return "bad";
  const n = parseCInteger(s);
  if (n === undefined || n === 0n) return "bad";
  return n > 0n && n <= 65535n ? "ok" : "range";
}

/** ifname_valid_full() with alternative and numeric names allowed, roughly: no whitespace, '/', ':' or '%', not . or .., under 128 bytes. */
const isInterfaceName = (s: string) => s.length > 0 && s.length < 128 && s !== "." && s !== ".." && !/[\s/:%]/.test(s);

/** Why socket_address_parse() refuses `s`, or null. */
function addressProblem(s: string, setting: string): string | null {
  if (s.startsWith("/") || s.startsWith("@")) {
    if (s.length < 2) return `'${s}' names no socket`;
    if (s.length + 1 > SUN_PATH) return `'${s}' is too long for an AF_UNIX socket address (at most ${SUN_PATH - 1} bytes)`;
    return null;
  }
  if (setting === "ListenSequentialPacket") return `ListenSequentialPacket= takes AF_UNIX sockets only (a /path or an @abstract name), not '${s}'`;
  if (s.startsWith("vsock:")) {
    const rest = s.slice(6);
    const colon = rest.indexOf(":");
    if (colon < 0) return `'${s}' is not vsock:CID:PORT`;
    const cid = rest.slice(0, colon);
    if (integerProblem(rest.slice(colon + 1), { type: "u32" })) return `'${rest.slice(colon + 1)}' is not a vsock port (0-4294967295)`;
    if (cid !== "" && integerProblem(cid, { type: "u32" })) return `'${cid}' is not a vsock CID (0-4294967295, or empty for any)`;
    return null;
  }
  const p = port(s);
  if (p === "ok") return null;
  if (p === "range") return `'${s}' is not a port (1-65535)`;
  let rest = s;
  if (rest.includes("#")) return `'${s}' is not an address: a '#server name' is not taken here`;
  const pct = rest.indexOf("%");
  if (pct >= 0) {
    const ifname = rest.slice(pct + 1);
    if (!isInterfaceName(ifname)) return `'${ifname}' after '%' is not an interface name (write [IPV6]:PORT%IFNAME)`;
    rest = rest.slice(0, pct);
  }
  const colon = rest.lastIndexOf(":");
  if (colon < 0)
    return isIPv4(rest) ? `'${s}' has no port (ADDRESS:PORT)` : `'${s}' is not a port, ADDRESS:PORT, [IPV6]:PORT, /path, @abstract or vsock:CID:PORT`;
  if (rest.startsWith("[")) {
    if (rest[colon - 1] !== "]") return `'${s}' is not [IPV6]:PORT`;
    if (!isIPv6(rest.slice(1, colon - 1))) return `'${rest.slice(1, colon - 1)}' is not an IPv6 address`;
    return port(rest.slice(colon + 1)) === "ok" ? null : `'${rest.slice(colon + 1)}' is not a port (1-65535)`;
  }
  if (isIPv6(rest)) return `'${s}' has no port: an IPv6 address with a port is written [IPV6]:PORT`;
  if (!isIPv4(rest.slice(0, colon))) return `'${rest.slice(0, colon)}' is not an IPv4 address (IPv6 goes in brackets: [IPV6]:PORT)`;
  return port(rest.slice(colon + 1)) === "ok" ? null : `'${rest.slice(colon + 1)}' is not a port (1-65535)`;
}

export function listenAddress(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = "systemd ignores the line, so the socket does not listen there";
  const isPath = !["ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenNetlink"].includes(setting);
  // a path that starts with neither '/' nor a specifier is relative whatever the specifiers further on give
  const expanded = expandForCheck(value) ?? (isPath && value[0] !== "%" ? value : null);
  if (expanded === null) return null;
  if (isPath) {
    const why = pathProblem(expanded, "absolute");
    return why ? problemAt(0, value.length, `'${value}' ${why}: ${dropped}`) : null;
  }
  if (setting === "ListenNetlink") {
    const m = /^[ \t\n\r]*(\S*)[ \t\n\r]*(.*)$/s.exec(expanded)!;
    const family = m[1]!;
    if (!NETLINK_FAMILIES.includes(family) && integerProblem(family, { type: "u32", max: 2147483647 }) !== null)
      return withSuggestion(
        problemAt(0, Math.max(1, value.indexOf(family) + family.length), `'${family}' is not a netlink family: ${dropped}`),
        closestMatch(family, NETLINK_FAMILIES),
      );
    const group = m[2]!.trimEnd();
    if (group !== "" && integerProblem(group, { type: "u32" })) return problemAt(0, value.length, `'${group}' is not a netlink group number: ${dropped}`);
    return null;
  }
  const why = addressProblem(expanded, setting);
  return why ? problemAt(0, value.length, `${why}: ${dropped}`) : null;
}
