import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "dependencies/network-target-misuse",
    family: "dependencies",
    // off by default: systemd's own early-boot units do this on purpose; the strict preset enables it
    severity: "off",
    presets: ["strict"],
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      misuse:
        "After=network.target only means the network stack is being set up, not that it is up; a client that connects at start needs Wants= and After=network-online.target",
    },
    docs: {
      summary: 'A oneshot job ordered only `After=network.target`, as if that meant "the network is up".',
      rationale:
        "network.target is reached when network management has been started, often before any address is configured. Services that connect to remote hosts at start-up fail intermittently; network-online.target (with Wants=) waits for a configured network.",
      bad: { filename: "sync.service", text: "[Unit]\nAfter=network.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/sync-to-remote\n" },
      good: {
        filename: "sync.service",
        text: "[Unit]\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/sync-to-remote\n",
      },
      reference: "systemd.special(7) network.target, https://systemd.io/NETWORK_ONLINE",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const after = u.list("Unit", "After");
    const names = new Set(after.flatMap((a) => a.value.split(/\s+/)));
    if (!names.has("network.target") || names.has("network-online.target")) return;
    // A server that only listens is fine with network.target; only report units that say they are clients.
    const type = u.get("Service", "Type") ?? "simple";
    if (type !== "oneshot") return;
    const a = after.find((x) => x.value.split(/\s+/).includes("network.target"))!;
    ctx.report({ messageId: "misuse", file: a.file, range: a.entry.range });
  },
});
