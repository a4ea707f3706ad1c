/**
 * BPFProgram= (config_parse_bpf_foreign_program of systemd 252): `TYPE:PATH`, one per line. The attach type is
 * the text up to the first ':' (no quotes, a backslash takes the next character as it is), looked up exactly in
 * systemd's table of cgroup attach types; everything after the run of ':' is the path of a pinned program, which
 * must be absolute once specifiers are expanded. Any problem makes systemd ignore the line.
 */
import { closestMatch } from "../core/suggest.js";
import { BPF_CGROUP_ATTACH_TYPES } from "../knowledge/string-tables.js";
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord, pathProblem } from "./scan.js";

export function bpfForeignProgram(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = `systemd ignores the line, so no program is attached`;
  const type = extractFirstWord(value, 0, ":");
  if (type.errorAt !== undefined) return problemAt(type.errorAt, type.errorAt + 1, `a backslash at the end escapes nothing: ${dropped}`);
  if (type.word === null || type.next === null)
    return problemAt(
      0,
      value.length,
      `'${value}' is not TYPE:PATH (an attach type such as ingress, egress or sock_create, ':', and the path of a program pinned in /sys/fs/bpf): ${dropped}`,
    );
  if (!BPF_CGROUP_ATTACH_TYPES.includes(type.word))
    return withSuggestion(
      problemAt(
        type.from,
        type.to,
        `'${type.word}' is not a BPF attach type ${setting}= knows (ingress, egress, sock_create, sock_ops, device, bind4, connect4, sysctl...): ${dropped}`,
      ),
      closestMatch(type.word, BPF_CGROUP_ATTACH_TYPES),
    );
  // the path is the rest as written: no unquoting, no unescaping
  const path = value.slice(type.next);
  const expanded = expandForCheck(path);
  const why = expanded === null ? null : pathProblem(expanded, "absolute");
  return why ? problemAt(type.next, value.length, `'${path}' ${why}: ${dropped}`) : null;
}
