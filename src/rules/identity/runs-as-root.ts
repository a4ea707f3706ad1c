import type { EffectiveUnit } from "../../model/effective-unit.js";
import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

/**
 * Application servers and runtimes that serve the network and, unlike nginx,
 * sshd or postfix, never drop root themselves: started as root they stay root.
 */
const APP_SERVERS = new Set([
  "gunicorn",
  "uvicorn",
  "hypercorn",
  "daphne",
  "waitress-serve",
  "uwsgi",
  "puma",
  "unicorn",
  "thin",
  "rackup",
  "node",
  "nodejs",
  "deno",
  "bun",
  "java",
  "dotnet",
  "php",
  "flask",
]);
const LISTEN = ["ListenStream", "ListenDatagram", "ListenSequentialPacket"];
/** A port or address:port (IPv4 or [IPv6]), not a file-system or abstract socket. */
const NETWORK_ADDRESS = /^(\d+|[\d.]+:\d+|\[[0-9a-fA-F:.%\w]*\]:\d+)$/;

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** The network socket that activates `u`, if the run holds one: `Service=`, or the same name (`foo@.service` for Accept=yes). */
function networkSocket(u: EffectiveUnit, units: EffectiveUnit[]): string | undefined {
  for (const s of units) {
    if (s.type !== "socket" || !s.main) continue;
    const target = s.get("Socket", "Service") ?? (parseBoolean(s.get("Socket", "Accept") ?? "no") ? `${s.name.prefix}@.service` : `${s.name.prefix}.service`);
    if (target !== u.name.name && target !== u.name.template) continue;
    const listen = LISTEN.flatMap((k) => s.list("Socket", k)).find((a) => NETWORK_ADDRESS.test(a.value));
    if (listen) return `${s.name.name} listens on ${listen.value}`;
  }
  return undefined;
}

/** Why the unit looks like a long-running network service, or undefined. */
function networkEvidence(u: EffectiveUnit, units: EffectiveUnit[]): string | undefined {
  const start = u.list("Service", "ExecStart").find((a) => a.value !== "");
  const cmd = start ? execCommandOf(start.value).words : [];
  // Distribution daemons (sshd, dovecot, libvirtd in /usr/sbin) start as root by design and separate privileges themselves.
  const packagedDaemon = /^\/(usr\/)?(sbin|libexec|lib)\//.test(cmd[0]?.text ?? "");
  const socket = packagedDaemon ? undefined : networkSocket(u, units);
  if (socket) return socket;
  const words = cmd.map((w) => basename(w.text));
  // `bundle exec puma`, `/usr/bin/env node`: look past the wrapper.
  const prog = ["bundle", "env", "npx", "pipenv", "poetry"].includes(words[0] ?? "")
    ? words.find((w, i) => i > 0 && !w.startsWith("-") && !w.includes("=") && w !== "exec" && w !== "run")
    : words[0];
  if (prog && APP_SERVERS.has(prog)) return `it runs the application server ${prog}`;
  // Waiting for network-online.target is not evidence: that is what clients do (packagekit, rc-local on the host review).
  return undefined;
}

export default defineRule({
  meta: {
    id: "identity/runs-as-root",
    family: "identity",
    // off by default: many system daemons start as root on purpose and drop privileges themselves
    severity: "off",
    presets: ["hardening"],
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      root: "this long-running network service runs as root ({why}); give it an unprivileged User= or DynamicUser=yes so a compromise does not own the host (see `unitlint security` and the hardening preset)",
    },
    docs: {
      summary: "A long-running network service with no `User=`/`DynamicUser=`, or with `User=root`.",
      rationale:
        "A service that takes connections from the network is the usual way in for an attacker; running it as root hands over the whole machine. Application servers (Gunicorn, Puma, Node, Java...) never drop privileges themselves, so `User=` (or `DynamicUser=yes`) is the only thing between a bug and root. " +
        "A unit counts as a network service when a socket of the run listens on a port for it (`ListenStream=8080`, not a file-system socket) and its program is not a distribution daemon (in `/usr/sbin`, `/usr/libexec` or `/usr/lib`: sshd, dovecot and libvirtd start as root by design and separate privileges themselves), or when its program is a known application server (also behind `bundle exec` or `env`). Waiting for `network-online.target` is not counted: clients do that too (PackageKit, rc-local). Oneshots, `RemainAfterExit=yes` units and user units are not reported. The rule is off by default because many system daemons (sshd, nginx, postfix) start as root on purpose and drop privileges themselves; the `hardening` preset enables it.",
      bad: { filename: "api.service", text: "[Service]\nExecStart=/usr/bin/gunicorn --bind 0.0.0.0:8000 app:wsgi\n" },
      good: { filename: "api.service", text: "[Service]\nUser=api\nExecStart=/usr/bin/gunicorn --bind 0.0.0.0:8000 app:wsgi\n" },
      reference: "systemd.exec(5) User=, DynamicUser=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (ctx.settings.mode === "user" || !u.main) return;
    if (u.get("Service", "Type") === "oneshot" || parseBoolean(u.get("Service", "RemainAfterExit") ?? "no")) return;
    if (parseBoolean(u.get("Service", "DynamicUser") ?? "no")) return;
    const user = u.last("Service", "User");
    if (user && user.value !== "" && user.value !== "root" && user.value !== "0") return;
    const start = u.list("Service", "ExecStart").find((a) => a.value !== "");
    if (!start) return;
    const why = networkEvidence(u, ctx.set.units);
    if (!why) return;
    const at = user && user.value !== "" ? user : start;
    ctx.report({ messageId: "root", data: { why }, file: at.file, range: at.entry.range });
  },
});
