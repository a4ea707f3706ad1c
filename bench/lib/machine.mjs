// The machine a benchmark ran on, named in every report section.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";

export function systemdVersion() {
  const r = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.split("\n")[0].trim() : null;
}

export function hasSystemdAnalyze() {
  return systemdVersion() !== null;
}

function osName() {
  if (!existsSync("/etc/os-release")) return `${process.platform}`;
  const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"));
  return m ? m[1] : process.platform;
}

/** One line: CPU model, cores, RAM, OS and kernel, Node, systemd. */
export function describeMachine() {
  const cpu = cpus()[0]?.model?.trim() || "unknown CPU";
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${osName()} (Linux ${release()}), Node ${process.version}, ${systemdVersion() ?? "systemd-analyze not installed"}`;
}
