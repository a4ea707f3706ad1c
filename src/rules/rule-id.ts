import { closestMatch } from "../core/suggest.js";
import { allRules, rulesById } from "./registry.js";

type RuleIdLookup = { ok: true; id: string } | { ok: false; message: string };

/**
 * A rule id as a user writes it (in configuration, `--rule`, `explain`, suppression comments): the full
 * `family/name`, or the name alone when only one family has it. An unknown id gets the closest one as a
 * did-you-mean.
 */
export function lookupRuleId(text: string): RuleIdLookup {
  if (rulesById.has(text)) return { ok: true, id: text };
  if (!text.includes("/")) {
    const matches = allRules.filter((r) => r.meta.id.endsWith(`/${text}`)).map((r) => r.meta.id);
    if (matches.length === 1) return { ok: true, id: matches[0]! };
    if (matches.length > 1) return { ok: false, message: `rule name '${text}' is in several families: write one of ${matches.join(", ")}` };
  }
  const candidates = allRules.flatMap((r) => [r.meta.id, r.meta.id.slice(r.meta.id.indexOf("/") + 1)]);
  const guess = closestMatch(text, candidates);
  const full = guess && (rulesById.has(guess) ? guess : allRules.find((r) => r.meta.id.endsWith(`/${guess}`))?.meta.id);
  return { ok: false, message: `unknown rule '${text}'${full ? `, did you mean '${full}'?` : ""} (see 'unitlint rules')` };
}
