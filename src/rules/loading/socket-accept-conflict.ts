import { defineRule } from "../types.js";
import { booleanSetting, lastAccepted, sharedList } from "./loading-helper.js";
import { LISTEN_KEYS } from "./socket-without-listen.js";

/** Listen settings whose sockets can hand out connections (socket_address_can_accept()). */
const ACCEPTING = ["ListenStream", "ListenSequentialPacket"];

export default defineRule({
  meta: {
    id: "loading/socket-accept-conflict",
    family: "loading",
    severity: "error",
    unitTypes: ["socket"],
    fixable: "none",
    messages: {
      nonAccepting:
        "Accept=yes with {key}=, which cannot accept connections: systemd refuses to load the socket. Use Accept=no, or only ListenStream=/ListenSequentialPacket=",
      maxConnections: "Accept=yes with MaxConnections=0: systemd refuses to load the socket. Allow at least one connection",
      service:
        "Accept=yes with Service=: systemd refuses to load the socket (each connection starts an instance of the template {stem}@.service). Remove Service=",
    },
    docs: {
      summary: "`Accept=yes` on a socket that cannot accept connections, with `MaxConnections=0`, or with an explicit `Service=`.",
      rationale:
        "With `Accept=yes` systemd starts one service instance per connection, so it refuses to load a socket unit whose sockets are not connection-oriented (datagram, FIFO, special file, message queue, netlink, USB function), that allows no connection, or that names a single `Service=`.",
      bad: { filename: "echo.socket", text: "[Socket]\nListenDatagram=7777\nAccept=yes\n" },
      good: { filename: "echo.socket", text: "[Socket]\nListenStream=7777\nAccept=yes\n" },
      reference: "systemd.socket(5) Accept=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!booleanSetting(u, "Socket", "Accept", false)) return;
    const a = sharedList(u, "Socket", LISTEN_KEYS).find((x) => !ACCEPTING.includes(x.key));
    if (a) {
      ctx.report({ messageId: "nonAccepting", data: { key: a.key }, file: a.file, range: a.entry.range });
      return;
    }
    const max = lastAccepted(u, "Socket", "MaxConnections", (v) => /^\s*\d+\s*$/.test(v));
    if (max && Number(max.value) === 0) ctx.report({ messageId: "maxConnections", file: max.file, range: max.entry.range });
    const service = u.get("Socket", "Service") !== undefined ? u.last("Socket", "Service") : undefined;
    if (service) ctx.report({ messageId: "service", data: { stem: u.name.stem }, file: service.file, range: service.entry.range });
  },
});
