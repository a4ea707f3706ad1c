import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/umask",
  setting: "UMask",
  checks: ["UMask"],
  recommended: ["UMask=0027"],
  minBadness: 2,
  what: "Make new files private to the service's user and group.",
  docs: {
    summary: "A service whose new files are readable or writable by all users, or writable by its group.",
    rationale:
      "With the default umask 0022 every file a service creates is world-readable: logs, caches, dumps with personal data. `UMask=0027` keeps them within the service's user and group.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nUMask=0077\n" },
    reference: "systemd.exec(5) UMask=",
  },
});
