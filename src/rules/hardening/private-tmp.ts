import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/private-tmp",
  setting: "PrivateTmp",
  checks: ["PrivateTmp"],
  recommended: ["PrivateTmp=yes"],
  what: "A private /tmp stops other processes from planting or reading its temporary files.",
  skip: (t) => t.sharesTmp,
  docs: {
    summary: "A service that shares /tmp and /var/tmp with the rest of the system.",
    rationale:
      "A shared /tmp is where symlink and race attacks on predictable file names happen. `PrivateTmp=yes` gives the service its own, emptied on stop. It breaks exchanging files with other programs through /tmp (unitlint leaves services alone whose commands name /tmp paths).",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nPrivateTmp=yes\n" },
    reference: "systemd.exec(5) PrivateTmp=",
  },
});
