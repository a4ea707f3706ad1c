/**
 * Personality= (config_parse_personality, personality_from_string() of systemd 252): an architecture name, which
 * systemd only takes when it is the native or secondary architecture of the machine it was built for, and ignores
 * the line otherwise. The verdict depends on that machine, so unitlint judges for its reference host (x86-64, as
 * for system calls): a name no systemd 252 takes anywhere is an error, a name only other hosts take a warning
 * that names them, and x86-64 and x86 pass.
 */
import { closestMatch } from "../core/suggest.js";
import { PERSONALITY_HOSTS, REFERENCE_HOST } from "../knowledge/string-tables.js";
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";

/** The personalities systemd 252 on `host` takes. */
export const personalitiesOn = (host: string): string[] => Object.keys(PERSONALITY_HOSTS).filter((n) => PERSONALITY_HOSTS[n]!.includes(host));

export function personality(value: string): ValueProblem | null {
  if (value === "") return null;
  const whole = (message: string) => problemAt(0, value.length, message);
  const hosts = PERSONALITY_HOSTS[value];
  const names = Object.keys(PERSONALITY_HOSTS);
  if (hosts === undefined)
    return withSuggestion(
      whole(`'${value}' is not an architecture name (x86-64, x86, arm64, arm, ppc64-le, s390x...; lower case): systemd ignores the line`),
      closestMatch(value, names),
    );
  if (hosts.length === 0) return whole(`systemd 252 cannot be built for ${value}, so no systemd 252 takes '${value}' as a personality: it ignores the line`);
  if (hosts.includes(REFERENCE_HOST)) return null;
  return {
    ...whole(
      `only systemd running on ${hosts.join(" or ")} takes '${value}' (a machine takes its own architecture and at most one 32-bit companion); elsewhere, e.g. on ${REFERENCE_HOST} where only ${personalitiesOn(REFERENCE_HOST).join(" and ")} work, it ignores the line`,
    ),
    severity: "warning",
  };
}
