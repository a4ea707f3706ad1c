import type { EffectiveUnit } from "../model/effective-unit.js";
import { EXEC_KEYS, parseExec } from "../parser/exec/parse-exec.js";
import type { Sandbox } from "./sandbox.js";

/**
 * What a unit's own text tells about the service, so hardening suggestions
 * stay clear of settings that would plainly break it. Only evidence written in
 * the unit counts; nothing is guessed from outside.
 */
export interface UnitTraits {
  programs: string[];
  /** Talks to the network: socket activation, network targets, listen/bind/port arguments, URLs. */
  network: boolean;
  usesHome: boolean;
  jit: boolean;
  usesDevices: boolean;
  usesNamespaces: boolean;
  usesNetlink: boolean;
  setsClock: boolean;
  setsHostname: boolean;
  monitorsProcesses: boolean;
  /** A /tmp path named in its commands that another of its files shares. */
  sharesTmp: boolean;
  /** Absolute paths outside the directories systemd manages that the service evidently writes (the working directory included). */
  writablePaths: string[];
  /** Relative log/PID/tmp file arguments: the service writes below its WorkingDirectory=. */
  writesInWorkingDirectory: boolean;
  ambientCapabilities: string[];
}

const JIT = /^(java|node|nodejs|dotnet|mono|pypy3?|luajit|deno|bun|php-fpm[\d.]*|qemu[-\w]*|electron|chrom(e|ium)[-\w]*|firefox)$/;
const DEVICES =
  /^(udevd?|systemd-udevd|cupsd|saned|pulseaudio|pipewire|bluetoothd|smartd|lvm\w*|multipathd|ModemManager|gpsd|X|Xorg|upsd|usbmuxd|hdparm|nvidia-\w+)$/;
const NAMESPACE_USERS = /^(dockerd|containerd[-\w]*|podman|conmon|lxc[-\w]*|lxd|bwrap|systemd-nspawn|flatpak\w*|crio|runc|crun|chrom(e|ium)[-\w]*|firefox)$/;
const NETLINK =
  /^(ip|NetworkManager|systemd-networkd|dhclient|dhcpcd|wpa_supplicant|iw|nft|iptables[-\w]*|ifup|ifdown|avahi-daemon|bird|zebra|keepalived|wg|wg-quick)$/;
const CLOCK = /^(chronyd?|ntpd|ntpdate|openntpd|systemd-timesyncd|hwclock|timedatectl|ptp4l|phc2sys)$/;
const PROCESS_MONITORS =
  /^(top|htop|ps|pgrep|pkill|node_exporter|prometheus[-\w]*|telegraf|collectd|netdata|zabbix_agentd?|datadog-agent|monit|atop|sysstat|sadc)$/;
const NETWORK_ARGS = /(--?(port|listen|bind|host)\b|\b\d{1,3}(\.\d{1,3}){3}:\d+|:\d{2,5}\b|https?:\/\/|\b(0\.0\.0\.0|localhost)\b|\bserver\b|--?address\b)/i;
const WRITE_ROOTS = /^\/(var|srv|opt|data|mnt|media|run|etc)\//;

export function unitTraits(u: EffectiveUnit, s: Sandbox): UnitTraits {
  const section = u.type === "service" ? "Service" : (u.type ?? "Service").replace(/^./, (c) => c.toUpperCase());
  const commands = EXEC_KEYS.flatMap((k) =>
    u
      .all(section, k)
      .filter((a) => a.value !== "")
      .map((a) => parseExec(a.value)),
  );
  const words = commands.flatMap((c) => c.words.map((w) => w.text));
  const programs = commands.map((c) => {
    const w = c.words[0]?.text ?? "";
    return w.slice(w.lastIndexOf("/") + 1);
  });
  const interpreterArgs = commands.flatMap((c) => c.words.slice(1, 3).map((w) => w.text.slice(w.text.lastIndexOf("/") + 1)));
  const named = [...programs, ...interpreterArgs];
  const any = (re: RegExp) => named.some((p) => re.test(p));

  const deps = ["After", "Wants", "Requires", "BindsTo"].flatMap((k) => u.all("Unit", k).flatMap((a) => a.value.split(/\s+/)));
  const socketActivated = u.all(section, "Sockets").length > 0 || u.all("Socket", "ListenStream").length > 0;
  const network = socketActivated || deps.some((d) => /^network(-online)?\.target$/.test(d)) || words.some((w) => NETWORK_ARGS.test(w));

  const pathValues = [
    ...words,
    ...["WorkingDirectory", "EnvironmentFile", "ReadWritePaths", "PIDFile", "RootDirectory"].flatMap((k) =>
      u.all(section, k).map((a) => a.value.replace(/^[-~!]+/, "")),
    ),
  ];
  const usesHome = pathValues.some((p) => /(^|[\s=])(\/home\/|\/root(\/|$)|%h|~\/)/.test(p));

  const managed = ["StateDirectory", "CacheDirectory", "LogsDirectory", "RuntimeDirectory", "ConfigurationDirectory"].flatMap((k) =>
    u.all(section, k).flatMap((a) => a.value.split(/\s+/).filter(Boolean)),
  );
  const writable = new Set<string>();
  // Applications commonly write logs, PID files and caches below their working directory.
  const wd = u.get(section, "WorkingDirectory")?.replace(/^-/, "");
  if (wd && /^\/(var|srv|opt|data)\//.test(wd)) writable.add(wd);
  const pid = u.get(section, "PIDFile");
  if (pid && pid.startsWith("/")) writable.add(pid.slice(0, pid.lastIndexOf("/")) || "/");
  for (const w of words) {
    const m = /(?:^|=)(\/[^\s:;,'"]+)/.exec(w);
    if (!m) continue;
    const p = m[1]!;
    if (!/^\/(var\/(lib|log|cache|spool|backups|www|mail)|srv|data)\//.test(p) || /\.(conf|ini|ya?ml|json|toml|cfg)$/.test(p)) continue;
    writable.add(p.replace(/\/[^/]*\.[^/]*$/, "") || p);
  }
  const writablePaths = [...writable].filter((p) => WRITE_ROOTS.test(p + "/") && !managed.some((m) => p.includes(`/${m}`))).sort();

  const tmpPaths = words.filter((w) => /^\/(var\/)?tmp\/./.test(w));
  return {
    programs,
    network,
    usesHome,
    jit: any(JIT),
    usesDevices: any(DEVICES) || u.all(section, "DeviceAllow").some((a) => a.value !== ""),
    usesNamespaces: any(NAMESPACE_USERS),
    usesNetlink: any(NETLINK),
    setsClock: any(CLOCK),
    setsHostname: named.some((p) => /hostname/.test(p)),
    monitorsProcesses: any(PROCESS_MONITORS),
    sharesTmp: tmpPaths.length > 0 && !s.flags.PrivateTmp,
    writablePaths,
    writesInWorkingDirectory: commands.some((c) => c.words.slice(1).some((w) => /^(?!\/|-)[^=\s]*(\blog\b|\btmp\b|\bpids?\b|\.log$|\.pid$)/.test(w.text))),
    ambientCapabilities: u
      .all(section, "AmbientCapabilities")
      .flatMap((a) => (a.value === "" ? [] : a.value.split(/\s+/)))
      .filter((c) => /^CAP_/i.test(c)),
  };
}
