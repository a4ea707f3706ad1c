import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/restrict-address-families",
  setting: "RestrictAddressFamilies",
  checks: ["RestrictAddressFamilies_AF_PACKET", "RestrictAddressFamilies_OTHER"],
  recommended: ["RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"],
  what: "Allow the socket families it uses (usually UNIX and IP) and nothing else.",
  docs: {
    summary: "A service that may open packet sockets or exotic socket families.",
    rationale:
      "Rarely used socket families (packet, Bluetooth, AX.25, \u2026) are a recurrent source of kernel vulnerabilities. An allow list of the families a service really uses closes that surface; add AF_NETLINK for services that configure the network.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n" },
    reference: "systemd.exec(5) RestrictAddressFamilies=",
  },
});
