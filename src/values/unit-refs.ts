/**
 * Settings that name one or more units by a fixed type: Unit= of timers and paths (config_parse_trigger_unit),
 * Service= of sockets (config_parse_socket_service), Sockets= of services (config_parse_service_sockets) and
 * Slice= (config_parse_unit_slice), as systemd 252 checks them after unit_name_printf().
 */
import { unitNameProblem, unitTypeOf } from "../model/unit-name.js";
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, rawWords } from "./scan.js";

/** The unit type each handler wants (null: any type but the unit's own kind of trigger). */
const WANTS: Record<string, string | null> = { trigger_unit: null, socket_service: "service", service_sockets: "socket", unit_slice: "slice" };

function nameProblem(name: string, parser: string): string | null {
  const expanded = expandForCheck(name);
  // %n names the unit itself, and other specifiers could expand to anything
  if (expanded === null || expanded.includes("unit.service")) return null;
  const want = WANTS[parser];
  // socket_service and service_sockets look at the suffix alone first
  if (want && parser !== "unit_slice" && !expanded.endsWith(`.${want}`)) return `'${name}' is not a .${want} unit`;
  const why = unitNameProblem(expanded);
  if (why) return `'${name}' is not a unit name: ${why}`;
  if (want && unitTypeOf(expanded) !== want) return `'${name}' is not a .${want} unit`;
  // manager_load_unit() loads these at once, and a template cannot be loaded without an instance
  if ((parser === "socket_service" || parser === "unit_slice") && /@\.[^.]+$/.test(expanded))
    return `'${name}' is a template: name an instance (app@one.${want})`;
  return null;
}

export function unitReference(value: string, setting: string, parser: string): ValueProblem | null {
  const dropped = `systemd ignores ${parser === "service_sockets" ? "it" : "the line"}`;
  if (value === "") return null;
  if (parser === "service_sockets") {
    for (const w of rawWords(value)) {
      const why = nameProblem(w.text, parser);
      if (why) return problemAt(w.from, w.to, `${why}: ${dropped}`);
    }
    return null;
  }
  const why = nameProblem(value, parser);
  return why ? problemAt(0, value.length, `${why}: ${dropped}${setting === "Unit" ? ", so the default unit (same name, .service) is triggered" : ""}`) : null;
}
