import { unescapePath } from "../../model/unit-name.js";
import { defineRule } from "../types.js";
import { missingAt } from "./loading-helper.js";

/** Mount points systemd itself sets up (mount_point_is_api()) or leaves to others (mount_point_ignore()). */
const API_MOUNTS = [
  "/proc",
  "/sys",
  "/dev",
  "/dev/shm",
  "/dev/pts",
  "/run",
  "/sys/fs/cgroup",
  "/sys/fs/cgroup/unified",
  "/sys/fs/cgroup/systemd",
  "/sys/fs/pstore",
  "/sys/fs/bpf",
  "/sys/firmware/efi/efivars",
  "/sys/kernel/security",
  "/sys/fs/smackfs",
  "/sys/fs/selinux",
  "/dev/console",
  "/proc/kmsg",
  "/proc/sys",
  "/proc/sys/kernel/random/boot_id",
];
/** autofs options systemd sets itself (automount_verify()). */
const RESERVED_AUTOFS = ["fd", "pgrp", "minproto", "maxproto", "direct", "indirect"];

function normalize(p: string): string {
  const s = p.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  return s;
}

function isApiMount(p: string): boolean {
  const n = normalize(p);
  return API_MOUNTS.includes(n) || n.startsWith("/sys/fs/cgroup/") || n === "/run/host" || n.startsWith("/run/host/");
}

export default defineRule({
  meta: {
    id: "loading/mount-settings",
    family: "loading",
    severity: "error",
    unitTypes: ["mount", "automount"],
    fixable: "none",
    messages: {
      noWhat: "the mount unit has no What= (the device or file system to mount): systemd refuses to load it. Add What=",
      api: "{where} is an API file system that systemd mounts itself: it refuses to load a mount unit for it. Use a drop-in for the existing unit, or mount elsewhere",
      root: "an automount unit for / is not possible: systemd refuses to load it",
      reserved: "ExtraOptions= contains '{option}', which systemd sets itself for autofs: it refuses to load the automount unit. Remove the option",
    },
    docs: {
      summary:
        "A mount unit without `What=` or for an API file system (/proc, /sys, /dev, /run...), an automount unit for `/`, or reserved autofs options in `ExtraOptions=`.",
      rationale:
        "systemd 252 refuses to load these units: a mount needs something to mount, the API file systems are systemd's own, the root directory cannot be automounted, and the autofs options fd=, pgrp=, minproto=, maxproto=, direct and indirect are set by systemd.",
      bad: { filename: "srv-data.mount", text: "[Mount]\nWhere=/srv/data\nType=ext4\n" },
      good: { filename: "srv-data.mount", text: "[Mount]\nWhat=/dev/disk/by-label/data\nWhere=/srv/data\nType=ext4\n" },
      reference: "systemd.mount(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isTemplate) return;
    const section = u.type === "mount" ? "Mount" : "Automount";
    const whereA = u.last(section, "Where");
    const where = whereA && whereA.value !== "" && !whereA.value.includes("%") ? whereA.value : u.name.stem.includes("%") ? null : unescapePath(u.name.stem);
    const at = whereA && whereA.value !== "" ? { file: whereA.file, range: whereA.entry.valueRange } : missingAt(u, section);
    if (u.type === "mount") {
      if (where && isApiMount(where) && at) ctx.report({ messageId: "api", data: { where: normalize(where) }, ...at });
      else if (!u.get("Mount", "What")) {
        const m = missingAt(u, "Mount");
        if (m) ctx.report({ messageId: "noWhat", ...m });
      }
      return;
    }
    if (where && normalize(where) === "/" && at) ctx.report({ messageId: "root", ...at });
    for (const a of u.list("Automount", "ExtraOptions")) {
      for (const opt of a.value.split(",")) {
        const name = opt.split("=")[0]!.trim();
        if (RESERVED_AUTOFS.includes(name)) ctx.report({ messageId: "reserved", data: { option: name }, file: a.file, range: a.entry.valueRange });
      }
    }
  },
});
