/** One address prefix of IPAddressAllow=/IPAddressDeny=, reduced to what the exposure checks ask. */
interface IpPrefix {
  v6: boolean;
  len: number;
  /** in_addr_is_localhost() of the prefix address after masking. */
  localhost: boolean;
}

const LOCALHOST_NAMES = /^(localhost|localhost\.localdomain|[^.]+(\.[^.]+)*\.localhost)\.?$/i;

/** A word of IPAddressAllow=/Deny= (config_parse_in_addr_prefixes); [] when systemd ignores it. */
export function parseIpPrefix(word: string): IpPrefix[] {
  if (word === "any")
    return [
      { v6: false, len: 0, localhost: false },
      { v6: true, len: 0, localhost: false },
    ];
  if (LOCALHOST_NAMES.test(word))
    return [
      { v6: false, len: 8, localhost: true },
      { v6: true, len: 128, localhost: true },
    ];
  if (word === "link-local")
    return [
      { v6: false, len: 16, localhost: false },
      { v6: true, len: 64, localhost: false },
    ];
  if (word === "multicast")
    return [
      { v6: false, len: 4, localhost: false },
      { v6: true, len: 8, localhost: false },
    ];
  const slash = word.indexOf("/");
  const addr = slash < 0 ? word : word.slice(0, slash);
  const lenText = slash < 0 ? null : word.slice(slash + 1);
  const v4 = parseV4(addr);
  if (v4 !== null) {
    const len = lenText === null ? 32 : /^\d+$/.test(lenText) ? Number(lenText) : NaN;
    if (!(len >= 0 && len <= 32)) return [];
    const first = len >= 8 ? v4[0]! : v4[0]! & (0xff << (8 - len)) & 0xff;
    return [{ v6: false, len, localhost: first === 127 }];
  }
  const v6 = parseV6(addr);
  if (v6 !== null) {
    const len = lenText === null ? 128 : /^\d+$/.test(lenText) ? Number(lenText) : NaN;
    if (!(len >= 0 && len <= 128)) return [];
    const loopback = len === 128 && v6.slice(0, 7).every((x) => x === 0) && v6[7] === 1;
    return [{ v6: true, len, localhost: loopback }];
  }
  return [];
}

function parseV4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return out.every((n) => n >= 0 && n <= 255) ? out : null;
}

function parseV6(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(":")) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === "") return [];
    const out: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseV4(p);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + tail.length > 7) return null;
  return [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
}
