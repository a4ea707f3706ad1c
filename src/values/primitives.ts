/** parse_boolean() of systemd (src/basic/parse-util.c), case-insensitive. */
const TRUE = ["1", "yes", "y", "true", "t", "on"];
const FALSE = ["0", "no", "n", "false", "f", "off"];

export function parseBoolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (TRUE.includes(l)) return true;
  if (FALSE.includes(l)) return false;
  return undefined;
}

/** Signal names of signal_from_string(), without the SIG prefix (Linux numbering). */
export const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  IOT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  POLL: 29,
  PWR: 30,
  SYS: 31,
};
const SIGRTMIN = 34;
const SIGRTMAX = 64;

/** A signal by name (`SIGTERM`, `TERM`, `RTMIN+3`) or number; undefined when systemd would refuse it. */
export function parseSignal(v: string): number | undefined {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= SIGRTMAX ? n : undefined;
  }
  const name = v.startsWith("SIG") ? v.slice(3) : v;
  if (name in SIGNALS) return SIGNALS[name];
  const rt = /^RTMIN(?:\+(\d+))?$/.exec(name) ?? /^RTMAX(?:-(\d+))?$/.exec(name);
  if (rt) {
    const off = rt[1] ? Number(rt[1]) : 0;
    const n = name.startsWith("RTMIN") ? SIGRTMIN + off : SIGRTMAX - off;
    return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
  }
  return undefined;
}

/** A byte size with an optional base-1024 suffix (parse_size()), e.g. `512M`, `1.5G`, `4096`. */
export function parseBytes(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGTPE]?)B?$/i.exec(v);
  if (!m) return undefined;
  const pow = " KMGTPE".indexOf((m[2] || " ").toUpperCase());
  return Number(m[1]) * 1024 ** Math.max(0, pow);
}

export function isPercentage(v: string): boolean {
  return /^\d+(\.\d+)?%$/.test(v);
}
