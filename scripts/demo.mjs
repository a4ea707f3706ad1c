// `npm start`: lint the bundled example setups (from our users' real documents),
// show when their timers fire next and how exposed their services are. Always exits 0 unless unitlint itself
// fails to run: showing findings is the point of the demo.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const bin = new URL("../dist/unitlint.cjs", import.meta.url).pathname;
const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: "inherit" });

console.log("$ unitlint check examples\n");
const r = run(["check", "examples"]);
if (r.status === 2 || r.status === null) process.exit(2);

const timers = [];
const walk = (d) => {
  for (const name of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, name.name);
    if (name.isDirectory()) walk(p);
    else if (name.name.endsWith(".timer")) {
      for (const m of readFileSync(p, "utf8").matchAll(/^OnCalendar\s*=\s*(.+?)\s*$/gm)) timers.push([p, m[1]]);
    }
  }
};
walk("examples");
const hasNext = existsSync(bin) && spawnSync(process.execPath, [bin, "next", "--help"]).status === 0;
if (hasNext) {
  for (const [file, spec] of timers) {
    console.log(`\n$ unitlint next -n 3 "${spec}"    # ${file}`);
    run(["next", "-n", "3", spec]);
  }
}
// The exposure score systemd-analyze security would give the example services, and a drop-in for one of them.
const security = spawnSync(process.execPath, [bin, "security", "examples"], { encoding: "utf8" });
if (security.status !== null && security.status !== 2) {
  console.log("\n$ unitlint security examples    # overall lines only");
  for (const line of security.stdout.split("\n")) if (line.startsWith("→")) console.log(line);
  console.log("\n$ unitlint harden examples/sidekiq/lib/systemd/system/sidekiq.service\n");
  run(["harden", "examples/sidekiq/lib/systemd/system/sidekiq.service"]);
}
process.exit(0);
