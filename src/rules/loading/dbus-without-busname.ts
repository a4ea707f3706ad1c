import { defineRule } from "../types.js";
import { lastAccepted, serviceType } from "./loading-helper.js";

export default defineRule({
  meta: {
    id: "loading/dbus-without-busname",
    family: "loading",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: { missing: "Type=dbus without BusName=: systemd refuses to load the service. Add BusName= with the D-Bus name the service takes" },
    docs: {
      summary: "A `Type=dbus` service without `BusName=`.",
      rationale:
        'systemd 252 waits for a D-Bus service to take its name, so it refuses to load one that does not say which name ("no D-Bus service name has been specified").',
      bad: { filename: "app.service", text: "[Service]\nType=dbus\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\nType=dbus\nBusName=org.example.App\nExecStart=/usr/bin/app\n" },
      reference: "systemd.service(5) BusName=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || serviceType(u) !== "dbus" || u.get("Service", "BusName")) return;
    const t = lastAccepted(u, "Service", "Type", (v) => v === "dbus")!;
    ctx.report({ messageId: "missing", file: t.file, range: t.entry.range });
  },
});
