/** SocketBindAllow=/SocketBindDeny= (config_parse_cgroup_socket_bind): one rule `[ipv4|ipv6:][tcp|udp:]PORT[-PORT]|any` per line. */
import { problemAt, type ValueProblem } from "./problem.js";
import { extractFirstWord, safeAtou } from "./scan.js";

function portRange(t: string): boolean {
  if (t === "any") return true;
  const dash = t.indexOf("-");
  const lo = safeAtou(dash < 0 ? t : t.slice(0, dash));
  const hi = dash < 0 ? lo : safeAtou(t.slice(dash + 1));
  return lo !== undefined && hi !== undefined && lo >= 1 && hi <= 65535 && lo <= hi;
}

const TOKENS: [(t: string) => boolean, string][] = [
  [(t) => t === "ipv4" || t === "ipv6", "ipv4 or ipv6"],
  // ip_protocol_from_name() ignores case
  [(t) => /^(tcp|udp)$/i.test(t), "tcp or udp"],
  [portRange, "a port from 1 to 65535, a range such as 8000-8080 or 'any'"],
];

export function socketBind(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = `systemd ignores the line, so the ${setting === "SocketBindDeny" ? "port is not blocked" : "rule does not apply"}`;
  let next = 0;
  for (let p: number | null = 0; ;) {
    const t = extractFirstWord(value, p, ":", { dontCoalesce: true });
    if (t.errorAt !== undefined) return problemAt(t.errorAt, t.errorAt + 1, `trailing backslash: ${dropped}`);
    if (t.word === null) return null;
    if (t.word === "") return problemAt(Math.max(0, t.from - 1), t.from + 1, `empty field: ${dropped}`);
    const wanted = TOKENS.slice(next).map((x) => x[1]);
    while (next < TOKENS.length && !TOKENS[next]![0](t.word)) next++;
    if (next === TOKENS.length) {
      const word = t.word;
      // It fits a field that came earlier: the fields are out of order.
      const order = TOKENS.some((x) => x[0](word)) ? " here (the order is family:protocol:port)" : "";
      const why = /^\d+(-\d+)?$/.test(t.word)
        ? `'${t.word}' is not a port from 1 to 65535 or a rising range`
        : `'${t.word}' is not ${wanted.join(", or ")}${order}`;
      return problemAt(t.from, t.to, `${why}: ${dropped}`);
    }
    next++;
    p = t.next;
    if (next === TOKENS.length) {
      if (p !== null) return problemAt(p - 1, value.length, `nothing may follow the port: ${dropped}`);
      return null;
    }
  }
}
