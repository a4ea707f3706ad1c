import { listenAddress } from "../../values/socket-address.js";
import { defineRule } from "../types.js";
import { missingAt, sharedList } from "./loading-helper.js";

export const LISTEN_KEYS = [
  "ListenStream",
  "ListenDatagram",
  "ListenSequentialPacket",
  "ListenFIFO",
  "ListenNetlink",
  "ListenSpecial",
  "ListenMessageQueue",
  "ListenUSBFunction",
];

export default defineRule({
  meta: {
    id: "loading/socket-without-listen",
    family: "loading",
    severity: "error",
    unitTypes: ["socket"],
    fixable: "none",
    messages: {
      missing:
        "the socket has no Listen*= setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...): systemd refuses to load it. Add the address to listen on in [Socket]",
      noneValid:
        "none of the socket's Listen*= values is an address systemd can parse (see values/invalid-value), so it has nothing to listen on: systemd refuses to load it",
    },
    docs: {
      summary:
        "A socket unit without any `ListenStream=`, `ListenDatagram=`, `ListenFIFO=`... (an empty value of any of them removes all), or whose every such value is one systemd cannot parse.",
      rationale:
        'A socket unit exists to listen on something; systemd 252 refuses to load one with nothing to listen on ("Unit has no Listen setting"), and the service it would activate is never started by it.',
      bad: { filename: "app.socket", text: "[Socket]\nAccept=no\n\n[Install]\nWantedBy=sockets.target\n" },
      good: { filename: "app.socket", text: "[Socket]\nListenStream=8080\n\n[Install]\nWantedBy=sockets.target\n" },
      reference: "systemd.socket(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const at = missingAt(u, "Socket");
    if (!at) return;
    const all = sharedList(u, "Socket", LISTEN_KEYS);
    // systemd ignores a Listen*= line it cannot parse (a vsock CID out of range, a port above 65535, a relative path)
    if (all.length > 0 && all.some((a) => listenAddress(a.value, a.key) === null)) return;
    ctx.report({ messageId: all.length ? "noneValid" : "missing", ...at });
  },
});
