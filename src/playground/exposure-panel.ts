import { formatExposure, type Assessment, type Rating } from "../hardening/assess.js";
import { sortChecks } from "../hardening/report.js";

/** systemd-analyze's colours: red for UNSAFE/DANGEROUS, yellow for EXPOSED, none for MEDIUM, green below. */
export function ratingClass(rating: Rating): "red" | "yellow" | "plain" | "green" {
  if (rating === "DANGEROUS" || rating === "UNSAFE") return "red";
  if (rating === "EXPOSED") return "yellow";
  if (rating === "MEDIUM") return "plain";
  return "green";
}

/** One table row: mark (✓ secure, ✗ exposed, blank n/a), setting, description, exposure. */
interface ExposureRow {
  mark: "✓" | "✗" | "";
  setting: string;
  description: string;
  exposure: string;
}

/** The per-check rows, worst first, as `systemd-analyze security` orders them. */
export function exposureRows(a: Assessment): ExposureRow[] {
  return sortChecks(a.checks).map((c) => ({
    mark: c.badness === null ? "" : c.badness === 0 ? "✓" : "✗",
    setting: c.check.id,
    description: c.description,
    exposure: c.exposure === null ? "" : formatExposure(c.exposure),
  }));
}

/** Long check names ("CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)") may wrap after "=", "|" and "(" only. */
function breakable(text: string): Node[] {
  const out: Node[] = [];
  for (const [i, part] of text.split(/(?<=[=|(])/).entries()) {
    if (i > 0) out.push(document.createElement("wbr"));
    out.push(document.createTextNode(part));
  }
  return out;
}

let shown = "";

/** Fill the exposure box; the DOM is left alone when nothing it shows has changed since the last keystroke. */
export function exposurePanel(a: Assessment | null, error: string | undefined, out: HTMLElement): void {
  const rows = a ? exposureRows(a) : [];
  const key = JSON.stringify([a?.unit, a?.exposure, error, rows]);
  if (key === shown) return;
  shown = key;
  out.replaceChildren();
  if (error !== undefined) {
    const p = document.createElement("p");
    p.className = "exposure-note";
    p.textContent = `The exposure could not be computed: ${error}`;
    out.append(p);
    return;
  }
  if (!a) {
    const p = document.createElement("p");
    p.className = "exposure-note";
    p.textContent = "No exposure score: only service, socket, mount and swap units run processes that systemd can sandbox.";
    out.append(p);
    return;
  }

  const score = document.createElement("p");
  score.id = "exposure-score";
  score.dataset["exposure"] = formatExposure(a.exposure);
  score.dataset["rating"] = a.rating;
  const unit = document.createElement("strong");
  unit.textContent = a.unit;
  const level = document.createElement("span");
  level.className = `rating ${ratingClass(a.rating)}`;
  level.textContent = `${formatExposure(a.exposure)} ${a.rating}`;
  score.append("Overall exposure level for ", unit, ": ", level);

  const table = document.createElement("table");
  table.className = "exposure";
  const head = table.createTHead().insertRow();
  for (const h of ["", "Setting", "Description", "Exposure"]) {
    const th = document.createElement("th");
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.className = r.mark === "✓" ? "secure" : r.mark === "✗" ? "exposed" : "na";
    tr.dataset["check"] = r.setting;
    for (const [cls, text] of [
      ["mark", r.mark],
      ["setting", r.setting],
      ["description", r.description],
      ["num", r.exposure],
    ] as const) {
      const td = tr.insertCell();
      td.className = cls;
      if (cls === "setting") td.append(...breakable(text));
      else td.textContent = text;
      if (cls === "mark") td.title = r.mark === "✓" ? "secure" : r.mark === "✗" ? "exposed" : "not applicable: left out of the score";
    }
  }
  const scroll = document.createElement("div");
  scroll.className = "exposure-scroll";
  scroll.append(table);
  out.append(score, scroll);
}
