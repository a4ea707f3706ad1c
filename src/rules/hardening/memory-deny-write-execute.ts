import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/memory-deny-write-execute",
  setting: "MemoryDenyWriteExecute",
  checks: ["MemoryDenyWriteExecute"],
  recommended: ["MemoryDenyWriteExecute=yes"],
  what: "Forbid memory that is both writable and executable, unless the program uses a JIT compiler.",
  skip: (t) => t.jit,
  docs: {
    summary: "A service that may create writable and executable memory mappings.",
    rationale:
      "W^X memory makes injected code hard to run. JIT compilers (Java, Node.js, .NET, LuaJIT, PHP's JIT) need such mappings and break with it; unitlint does not suggest it for them.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nMemoryDenyWriteExecute=yes\n" },
    reference: "systemd.exec(5) MemoryDenyWriteExecute=",
  },
});
