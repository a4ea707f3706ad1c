import type { Command } from "commander";
import { existsSync, mkdirSync } from "node:fs";
import { escapingErr, processIo, type Io } from "../io.js";
import { displayName } from "../../format/escape.js";
import { EXIT_USAGE } from "../errors.js";
import { parseThreshold } from "./security.js";

interface HardenOptions {
  target?: string;
  write?: boolean;
  force?: boolean;
}

/**
 * Print (or write with --write) a hardening drop-in per unit. The unit file
 * itself is never touched; an existing hardening.conf is kept unless --force.
 */
async function runHarden(paths: string[], opts: HardenOptions, rawIo: Io): Promise<number> {
  const io = escapingErr(rawIo);
  const target = parseThreshold(opts.target, "--target");
  const { loadUnits } = await import("../../node/load-units.js");
  const { hardenUnit, DEFAULT_TARGET } = await import("../../hardening/harden.js");
  const { formatExposure } = await import("../../hardening/assess.js");
  const { createFileAtomic, writeFileAtomic } = await import("../../node/write-atomic.js");
  const loaded = loadUnits(paths);
  for (const e of loaded.errors) io.err(`unitlint: ${e.path}: ${e.message}\n`);
  let status = loaded.errors.length ? EXIT_USAGE : 0;
  let done = 0;
  for (const u of loaded.units) {
    const r = hardenUnit(u, target ?? DEFAULT_TARGET);
    if (!r) continue;
    done++;
    const score = (a: typeof r.before) => `${formatExposure(a.exposure)} ${a.rating}`;
    const summary = `${u.name.name}: exposure ${score(r.before)} -> ${score(r.after)}` + (r.reached ? "" : ` (target ${formatExposure(r.target)} not reached)`);
    if (r.steps.length === 0) {
      io.err(`${summary}: nothing to add\n`);
      continue;
    }
    if (!r.reached) status = Math.max(status, 1);
    if (!opts.write || !r.path) {
      if (loaded.units.length > 1) io.out(`# ---- ${displayName(r.path ?? u.name.name)}\n`);
      io.out(r.dropin);
      io.err(summary + "\n");
      continue;
    }
    if (existsSync(r.path) && !opts.force) {
      io.err(`unitlint: ${r.path} exists; not overwritten (use --force)\n`);
      status = EXIT_USAGE;
      continue;
    }
    try {
      mkdirSync(r.path.slice(0, r.path.lastIndexOf("/")), { recursive: true });
      if (existsSync(r.path)) writeFileAtomic(r.path, r.dropin);
      else createFileAtomic(r.path, r.dropin);
    } catch (e) {
      const { errnoMessage } = await import("../../node/collect.js");
      io.err(`unitlint: ${r.path}: cannot write: ${errnoMessage(e)}\n`);
      status = EXIT_USAGE;
      continue;
    }
    io.err(`${summary}; wrote ${r.path}\n`);
  }
  if (done === 0) {
    io.err("unitlint: no service, socket, mount or swap units found to harden\n");
    return EXIT_USAGE;
  }
  return status;
}

export function register(program: Command): void {
  program
    .command("harden")
    .description("suggest a drop-in (UNIT.d/hardening.conf) that brings a unit's exposure score down to a target")
    .argument("<paths...>", "unit files or folders")
    .option("--target <score>", "exposure score to reach, 0.0–10.0 (default 4.9, the top of systemd's OK band)")
    .option("--write", "write the drop-in next to the unit instead of printing it")
    .option("--force", "with --write: replace an existing hardening.conf")
    .action(async (paths: string[], opts: HardenOptions) => {
      process.exitCode = await runHarden(paths, opts, processIo);
    });
}
