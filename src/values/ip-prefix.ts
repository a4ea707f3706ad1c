/** IPAddressAllow=/IPAddressDeny= (config_parse_in_addr_prefixes): words of `any`, `localhost`, `link-local`, `multicast` or ADDRESS[/LENGTH]. */
import { problemAt, type ValueProblem } from "./problem.js";
import { rawWords, safeAtou } from "./scan.js";

/** inet_pton(AF_INET): four decimal parts 0-255, no leading zeros. */
export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** inet_pton(AF_INET6): eight groups of 1-4 hex digits, one `::`, an IPv4 tail; no zone index. */
export function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const count = (h: string, last: boolean): number => {
    if (h === "") return 0;
    const parts = h.split(":");
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (last && i === parts.length - 1 && p.includes(".")) {
        if (!isIPv4(p)) return NaN;
        n += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) n += 1;
      else return NaN;
    }
    return n;
  };
  if (halves.length === 1) return count(s, true) === 8;
  const total = count(halves[0]!, false) + count(halves[1]!, true);
  return total <= 7;
}

/** is_localhost(): the host names that mean the loopback prefixes. */
const isLocalhost = (w: string) => /^(localhost\.?|localhost\.localdomain\.?)$/i.test(w) || /\.localhost\.?$|\.localhost\.localdomain\.?$/i.test(w);

export function ipPrefixes(value: string, setting: string): ValueProblem | null {
  const ignored =
    setting === "IPAddressDeny"
      ? "systemd ignores this item, so the protection is not applied: that traffic is not blocked"
      : "systemd ignores this item, so that traffic is not allowed";
  for (const w of rawWords(value)) {
    const t = w.text;
    if (t === "any" || t === "link-local" || t === "multicast" || isLocalhost(t)) continue;
    const slash = t.indexOf("/");
    const addr = slash < 0 ? t : t.slice(0, slash);
    const v4 = isIPv4(addr);
    if (!v4 && !isIPv6(addr)) {
      const hint = addr.includes("%") ? " (a zone index such as %eth0 is not accepted)" : "";
      return problemAt(w.from, w.from + addr.length, `'${addr}' is not an IP address or one of any, localhost, link-local, multicast${hint}: ${ignored}`);
    }
    if (slash >= 0) {
      const lenText = t.slice(slash + 1);
      const len = safeAtou(lenText, 255);
      const max = v4 ? 32 : 128;
      if (len === undefined || len > max)
        return problemAt(w.from + slash + 1, w.to, `'/${lenText}' is not a prefix length for an ${v4 ? "IPv4" : "IPv6"} address (0-${max}): ${ignored}`);
    }
  }
  return null;
}
