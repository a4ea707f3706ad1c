// Measures what luxon would give for local times near DST changes, against systemd-analyze calendar (the
// reference): docs/decisions.md quotes the result. Not part of `npm run bench`: luxon is not a dependency, so run
// it with `npm install --no-save luxon && node bench/zone-resolution-vs-luxon.mjs`.
import { DateTime } from "luxon";
import { spawnSync } from "node:child_process";
const zones = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Europe/Dublin",
  "Pacific/Chatham",
  "America/Havana",
  "Africa/Casablanca",
];
let total = 0,
  differ = 0;
const examples = [];
for (const zone of zones) {
  // DST changes in 2026-2027: scan hourly offsets
  const changes = [];
  let t = DateTime.fromISO("2026-01-01T00:00", { zone: "UTC" });
  let prev = DateTime.fromMillis(t.toMillis(), { zone }).offset;
  for (let h = 0; h < 24 * 730; h++) {
    t = t.plus({ hours: 1 });
    const off = DateTime.fromMillis(t.toMillis(), { zone }).offset;
    if (off !== prev) changes.push(t);
    prev = off;
  }
  for (const c of changes) {
    const local = DateTime.fromMillis(c.toMillis(), { zone });
    for (let m = -90; m <= 90; m += 15) {
      const at = local.plus({ minutes: m });
      const hh = String(at.hour).padStart(2, "0"),
        mm = String(at.minute).padStart(2, "0");
      const base = c.minus({ hours: 30 });
      const spec = `*-*-* ${hh}:${mm}:00 ${zone}`;
      const r = spawnSync("systemd-analyze", ["calendar", `--base-time=@${Math.floor(base.toMillis() / 1000)}`, spec], {
        encoding: "utf8",
        env: { TZ: "UTC", PATH: process.env.PATH },
      });
      const m1 = /Next elapse: \w+ (\S+ \S+) UTC/.exec(r.stdout);
      if (!m1) continue;
      const sys = DateTime.fromFormat(m1[1], "yyyy-MM-dd HH:mm:ss", { zone: "UTC" }).toMillis();
      let lux;
      for (let d = 0; d < 4 && lux === undefined; d++) {
        const day = DateTime.fromMillis(base.toMillis(), { zone }).startOf("day").plus({ days: d });
        const cand = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Number(hh), minute: Number(mm) }, { zone }).toMillis();
        if (cand > base.toMillis()) lux = cand;
      }
      total++;
      if (lux !== sys) {
        differ++;
        if (examples.length < 6) examples.push(`${spec}: systemd ${new Date(sys).toISOString()}, luxon ${new Date(lux).toISOString()}`);
      }
    }
  }
}
console.log(JSON.stringify({ total, differ, examples }, null, 1));
