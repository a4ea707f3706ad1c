// Builds the real-world corpus: unit files and drop-ins of widely used Debian
// server packages, downloaded with `apt-get download` (cached in bench/.cache,
// extracted to bench/corpus/<package>/; neither is committed), plus the host's
// /lib/systemd/system as bench/corpus/_host. Needs apt-get and dpkg-deb.
// Usage: node bench/corpus.mjs [--update]
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const PACKAGES = [
  "nginx-common",
  "apache2",
  "lighttpd",
  "haproxy",
  "varnish",
  "squid",
  "postgresql-common",
  "mariadb-server",
  "redis-server",
  "memcached",
  "rabbitmq-server",
  "mosquitto",
  "openssh-server",
  "cron",
  "chrony",
  "ntpsec",
  "ufw",
  "nftables",
  "firewalld",
  "fail2ban",
  "containerd",
  "docker.io",
  "podman",
  "bind9",
  "dnsmasq-base",
  "isc-dhcp-server",
  "postfix",
  "dovecot-core",
  "exim4-base",
  "rsyslog",
  "prometheus",
  "prometheus-node-exporter",
  "keepalived",
  "samba",
  "nfs-kernel-server",
  "rsync",
  "auditd",
  "libvirt-daemon-system",
  "cups-daemon",
  "avahi-daemon",
  "openvpn",
  "strongswan-starter",
  "zabbix-agent",
  "collectd-core",
  "munin-node",
  "etcd-server",
  "apparmor",
  "unattended-upgrades",
  "tomcat10",
  "influxdb",
];

const ROOT = new URL("./", import.meta.url).pathname;
const CACHE = join(ROOT, ".cache", "debs");
const CORPUS = join(ROOT, "corpus");
const UNIT_DIRS = ["lib/systemd/system", "usr/lib/systemd/system", "etc/systemd/system", "lib/systemd/user", "usr/lib/systemd/user"];

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: "utf8", ...opts });
}

export function buildCorpus({ update = false, log = console.error } = {}) {
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(CORPUS, { recursive: true });
  const missing = PACKAGES.filter((p) => !readdirSync(CACHE).some((f) => f.startsWith(p + "_")));
  if (missing.length && (update || !existsSync(join(CACHE, ".updated")))) {
    log("apt-get update ...");
    run("apt-get", ["update", "-qq"], { stdio: "ignore" });
    execFileSync("touch", [join(CACHE, ".updated")]);
  }
  for (const p of missing) {
    const r = run("apt-get", ["download", "-qq", p], { cwd: CACHE });
    if (r.status !== 0) log(`skip ${p}: ${r.stderr.trim().split("\n").pop()}`);
  }
  for (const deb of readdirSync(CACHE).filter((f) => f.endsWith(".deb"))) {
    const pkg = deb.split("_")[0];
    const out = join(CORPUS, pkg);
    if (existsSync(out)) continue;
    const tmp = join(CACHE, "x-" + pkg);
    rmSync(tmp, { recursive: true, force: true });
    execFileSync("dpkg-deb", ["-x", join(CACHE, deb), tmp]);
    mkdirSync(out, { recursive: true });
    for (const d of UNIT_DIRS) if (existsSync(join(tmp, d))) cpSync(join(tmp, d), join(out, d.replace(/\//g, "_")), { recursive: true, dereference: false });
    rmSync(tmp, { recursive: true, force: true });
  }
  const host = join(CORPUS, "_host");
  if (!existsSync(host) && existsSync("/lib/systemd/system")) cpSync("/lib/systemd/system", host, { recursive: true, dereference: false });
  return readdirSync(CORPUS).filter((d) => statSync(join(CORPUS, d)).isDirectory());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkgs = buildCorpus({ update: process.argv.includes("--update") });
  console.log(`${pkgs.length} packages in ${CORPUS}`);
}
