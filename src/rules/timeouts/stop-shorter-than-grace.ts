import { formatTimespan, parseTimespan } from "../../calendar/index.js";
import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import { execCommandOf, type ExecWord } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

/** A graceful-shutdown period the unit states somewhere, with where it says so. */
interface Grace {
  usec: bigint;
  a: Assignment;
  from: number;
  to: number;
  what: string;
}

/** Options that name a graceful-shutdown period wherever they appear (gunicorn, uvicorn, many Go servers). */
const GRACE_FLAGS = [
  "--graceful-timeout",
  "--graceful-shutdown-timeout",
  "--shutdown-timeout",
  "--stop-timeout",
  "--timeout-graceful-shutdown",
  "--grace-period",
];
/** In a stop command, plain timeout options bound how long that command takes (`docker stop -t 30`, `pg_ctl stop -t 60`). */
const STOP_FLAGS = ["--timeout", "-t", "--time"];
/** Environment variable names that announce a shutdown period; `_MS`-style names are in other units and skipped. */
const GRACE_ENV = /GRACE|SHUTDOWN_TIMEOUT|STOP_TIMEOUT/;
const OTHER_UNIT_ENV = /(_MS|_MSEC|_MILLIS|_MILLISECONDS|_US|_USEC|_NS)$/;

/** A number of seconds with an optional systemd time unit ("25", "30s", "1min"); nothing else counts. */
function seconds(text: string): bigint | undefined {
  if (!/^\d+(\.\d+)?[a-z]*$/.test(text)) return undefined;
  const t = parseTimespan(text);
  return t.ok && !t.infinity && t.usec > 0n ? t.usec : undefined;
}

const base = (w: ExecWord | undefined) => (w?.text ?? "").replace(/^.*\//, "");

/** Flag values in one command line: `--flag N` and `--flag=N` for the given flags. */
function flagValues(a: Assignment, words: readonly ExecWord[], flags: string[], out: Grace[]): void {
  words.forEach((w, i) => {
    const eq = w.text.indexOf("=");
    const [flag, value, valueWord] = eq > 0 ? [w.text.slice(0, eq), w.text.slice(eq + 1), w] : [w.text, words[i + 1]?.text, words[i + 1]];
    if (!flags.includes(flag) || value === undefined || !valueWord) return;
    const usec = seconds(value);
    if (usec !== undefined) out.push({ usec, a, from: w.from, to: valueWord.to, what: `${a.key}= ${eq > 0 ? w.text : `${flag} ${value}`}` });
  });
}

function graces(u: EffectiveUnit): Grace[] {
  const out: Grace[] = [];
  for (const key of ["ExecStart", "ExecStop"]) {
    for (const a of u.list("Service", key)) {
      const words = execCommandOf(a.value).words;
      flagValues(a, words, GRACE_FLAGS, out);
      // Sidekiq's -t/--timeout is its shutdown period (also run through `bundle exec`).
      const prog = base(words[0]) === "bundle" && words[1]?.text === "exec" ? words.slice(2) : words;
      if (key === "ExecStart" && base(prog[0]) === "sidekiq") flagValues(a, prog, ["-t", "--timeout"], out);
      if (key === "ExecStop") {
        flagValues(a, words, STOP_FLAGS, out);
        const n = words[1] && seconds(words[1].text);
        if (base(words[0]) === "sleep" && words.length === 2 && n)
          out.push({ usec: n, a, from: words[0]!.from, to: words[1]!.to, what: `ExecStop= sleep ${words[1]!.text}` });
      }
    }
  }
  for (const a of u.list("Service", "Environment")) {
    for (const w of splitWords(a.value).words) {
      const eq = w.text.indexOf("=");
      const name = w.text.slice(0, eq);
      if (eq <= 0 || !GRACE_ENV.test(name) || OTHER_UNIT_ENV.test(name)) continue;
      const usec = seconds(w.text.slice(eq + 1));
      if (usec !== undefined) out.push({ usec, a, from: w.from, to: w.to, what: `Environment= ${w.text}` });
    }
  }
  return out;
}

/** The setting that decides the stop timeout: the later of TimeoutStopSec= and TimeoutSec= (both set it). */
function stopTimeout(u: EffectiveUnit): Assignment | undefined {
  const list = u.assignments.filter((a) => a.section === "Service" && (a.key === "TimeoutStopSec" || a.key === "TimeoutSec"));
  return list[list.length - 1];
}

export default defineRule({
  meta: {
    id: "timeouts/stop-shorter-than-grace",
    family: "timeouts",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      short:
        "{key}={value} is shorter than the {grace} shutdown period the unit asks for ({what}): systemd sends SIGKILL after {timeout}, before the service has finished stopping. Set {key}= longer than {grace}",
    },
    docs: {
      summary:
        "`TimeoutStopSec=` (or `TimeoutSec=`) shorter than a graceful-shutdown period the unit states: a stop command's `--timeout`/`-t`/`sleep`, a server's `--graceful-timeout`, Sidekiq's `-t`, or a `*GRACE*`/`*SHUTDOWN_TIMEOUT*` variable.",
      rationale:
        "Servers such as Sidekiq, gunicorn and puma finish their work for a configured time after SIGTERM. When systemd's stop timeout is shorter it sends SIGKILL first: jobs are lost and requests cut off on every deploy, though the graceful period looked configured. Only explicit time values next to these options and names are compared (a unitless number is seconds, as in systemd); other numbers are not guessed at.",
      bad: { filename: "sidekiq.service", text: "[Service]\nExecStart=/usr/local/bin/sidekiq -e production -t 25\nTimeoutStopSec=10\n" },
      good: { filename: "sidekiq.service", text: "[Service]\nExecStart=/usr/local/bin/sidekiq -e production -t 25\nTimeoutStopSec=30\n" },
      reference: "systemd.service(5) TimeoutStopSec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const t = stopTimeout(u);
    if (!t || t.value === "") return;
    const timeout = parseTimespan(t.value);
    // 0 and infinity disable the timeout; a bad value is another rule's business.
    if (!timeout.ok || timeout.infinity || timeout.usec === 0n) return;
    const longest = graces(u).reduce<Grace | undefined>((m, g) => (!m || g.usec > m.usec ? g : m), undefined);
    if (!longest || timeout.usec >= longest.usec) return;
    ctx.report({
      messageId: "short",
      data: { key: t.key, value: t.value, grace: formatTimespan(longest.usec), what: longest.what, timeout: formatTimespan(timeout.usec) },
      file: t.file,
      range: t.entry.range,
      related: [{ file: longest.a.file, range: valueSubRange(longest.a.entry, longest.from, longest.to), message: `the shutdown period: ${longest.what}` }],
    });
  },
});
