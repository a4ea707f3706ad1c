import { defineRule } from "../types.js";
import { LISTEN_KEYS } from "./socket-without-listen.js";
import { sharedList } from "./loading-helper.js";

/** Listen settings that make a node in the file system when given a path (socket_find_symlink_target()). */
const PATH_KEYS = ["ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenFIFO"];

export default defineRule({
  meta: {
    id: "loading/socket-symlinks",
    family: "loading",
    severity: "error",
    unitTypes: ["socket"],
    fixable: "none",
    messages: {
      target:
        "Symlinks= needs exactly one listening socket or FIFO in the file system to point at, and this socket has {count}: systemd refuses to load it. Listen on one path, or drop Symlinks=",
    },
    docs: {
      summary: "`Symlinks=` on a socket unit that does not listen on exactly one file-system path (a Unix socket path or FIFO).",
      rationale:
        "The links of `Symlinks=` all point at the socket's node in the file system; with none (network sockets only) or several, systemd 252 refuses to load the unit.",
      bad: { filename: "app.socket", text: "[Socket]\nListenStream=127.0.0.1:8080\nSymlinks=/run/app.sock\n" },
      good: { filename: "app.socket", text: "[Socket]\nListenStream=/run/app/app.sock\nSymlinks=/run/app.sock\n" },
      reference: "systemd.socket(5) Symlinks=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const links = u.list("Socket", "Symlinks");
    if (links.length === 0) return;
    const count = sharedList(u, "Socket", LISTEN_KEYS).filter((a) => PATH_KEYS.includes(a.key) && (a.key === "ListenFIFO" || a.value.startsWith("/"))).length;
    if (count === 1) return;
    const last = links[links.length - 1]!;
    ctx.report({ messageId: "target", data: { count }, file: last.file, range: last.entry.range });
  },
});
