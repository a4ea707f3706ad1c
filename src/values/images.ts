/**
 * Disk-image settings: MountImages= (config_parse_mount_images), ExtensionImages= (config_parse_extension_images)
 * and RootImageOptions= (config_parse_root_image_options) of systemd 252.
 *
 * Each whitespace-separated item is split off with quotes removed and backslashes kept; the item is then cut at
 * ':' with C escapes decoded (a backslash that starts no escape and escapes no ':' or '\' fails). MountImages=
 * items are `[-]SOURCE:DESTINATION[:PARTITION:OPTIONS...][:OPTIONS]`, ExtensionImages= items
 * `[-]SOURCE[:PARTITION:OPTIONS...][:OPTIONS]`, with absolute paths after specifier expansion and partition names
 * from systemd's partition designator table; a last OPTIONS without a partition applies to the root partition.
 * RootImageOptions= items are `[PARTITION:]OPTIONS`. Mount options themselves are only checked at mount time.
 */
import { closestMatch } from "../core/suggest.js";
import { PARTITION_DESIGNATORS } from "../knowledge/string-tables.js";
import { problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { badEscapeEnd, badEscapeText, expandForCheck, extractFirstWord, pathProblem, WHITESPACE, type Extracted } from "./scan.js";

/** One item of the value (quotes removed, backslashes kept), with the offset in the value of each of its characters. */
interface Item {
  text: string;
  at: number[];
  from: number;
  to: number;
}

/** The span in the value of characters [from, to) of an item. */
function spanOf(item: Item, from: number, to: number): { from: number; to: number } {
  if (from >= item.text.length) return { from: item.to - 1, to: item.to };
  const start = item.at[from]!;
  const end = to > from ? item.at[Math.min(to, item.text.length) - 1]! + 1 : start + 1;
  return { from: start, to: Math.max(end, start + 1) };
}

/** A word of an item split at ':' (extract_first_word() with EXTRACT_CUNESCAPE|EXTRACT_UNESCAPE_SEPARATORS), mapped back into the value. */
function colonWord(item: Item, pos: number | null): Extracted & { span: { from: number; to: number } } {
  const w = extractFirstWord(item.text, pos, ":", { cunescape: true });
  const span = w.errorAt !== undefined ? spanOf(item, w.errorAt, badEscapeEnd(item.text, w.errorAt)) : spanOf(item, w.from, Math.max(w.to, w.from + 1));
  return { ...w, span };
}

function escapeMessage(item: Item, w: Extracted, consequence: string): string {
  return `${badEscapeText(item.text.slice(w.errorAt, badEscapeEnd(item.text, w.errorAt ?? 0)))}: ${consequence}`;
}

/** The items of the value; a problem when a quote is left open (systemd then ignores the rest of the line). */
function* items(value: string, setting: string, consequence?: string): Generator<Item | ValueProblem> {
  for (let p: number | null = 0; ;) {
    const w = extractFirstWord(value, p, WHITESPACE, { unquote: true, retainEscape: true });
    if (w.errorAt !== undefined) {
      yield problemAt(w.errorAt, w.errorAt + 1, `unterminated quote: ${consequence ?? `systemd ignores the rest of ${setting}=`}`);
      return;
    }
    if (w.word === null) return;
    p = w.next;
    yield { text: w.word, at: w.at, from: w.from, to: w.to };
  }
}

const isProblem = (x: Item | ValueProblem): x is ValueProblem => "message" in x;

/** The path checks of unit_path_printf() and path_simplify_and_warn(PATH_CHECK_ABSOLUTE); null when fine or not knowable. */
function absolutePathProblem(path: string): string | null {
  const expanded = expandForCheck(path);
  return expanded === null ? null : pathProblem(expanded, "absolute");
}

/** The `PARTITION:OPTIONS` pairs after the paths, up to a last lone OPTIONS. */
function partitionOptions(item: Item, pos: number | null, setting: string, dropped: string): ValueProblem | null {
  for (let q = pos; q !== null;) {
    const partition = colonWord(item, q);
    if (partition.errorAt !== undefined)
      return problemAt(partition.span.from, partition.span.to, escapeMessage(item, partition, `${dropped}, and the rest of ${setting}= too`));
    if (partition.word === null) return null;
    const options = colonWord(item, partition.next);
    if (options.errorAt !== undefined)
      return problemAt(options.span.from, options.span.to, escapeMessage(item, options, `${dropped}, and the rest of ${setting}= too`));
    // a lone last word is the root partition's options
    if (options.word === null) return null;
    q = options.next;
    if (!PARTITION_DESIGNATORS.includes(partition.word))
      return withSuggestion(
        problemAt(
          partition.span.from,
          partition.span.to,
          `'${partition.word}' is not a partition name (root, usr, home, srv, esp, xbootldr, swap, tmp, var, root-verity...): systemd ignores these mount options`,
        ),
        closestMatch(partition.word, PARTITION_DESIGNATORS),
      );
  }
  return null;
}

/** MountImages=: `[-]SOURCE:DESTINATION[:PARTITION:OPTIONS...][:OPTIONS] ...`. */
export function mountImages(value: string, setting: string): ValueProblem | null {
  const dropped = "systemd ignores this image, so it is not mounted";
  for (const item of items(value, setting)) {
    if (isProblem(item)) return item;
    const src = colonWord(item, 0);
    if (src.errorAt !== undefined) return problemAt(src.span.from, src.span.to, escapeMessage(item, src, `systemd ignores the rest of ${setting}=`));
    // only colons: nothing to mount, and systemd says nothing
    if (src.word === null) continue;
    const dst = colonWord(item, src.next);
    if (dst.errorAt !== undefined) return problemAt(dst.span.from, dst.span.to, escapeMessage(item, dst, `systemd ignores the rest of ${setting}=`));
    const source = src.word.startsWith("-") ? src.word.slice(1) : src.word;
    const sWhy = absolutePathProblem(source);
    if (sWhy) return problemAt(src.span.from, src.span.to, `source '${source}' ${sWhy}: ${dropped}`);
    if (dst.word === null || dst.word === "")
      return problemAt(item.from, item.to, `'${item.text}' has no destination (SOURCE:DESTINATION, the place to mount the image): ${dropped}`);
    const dWhy = absolutePathProblem(dst.word);
    if (dWhy) return problemAt(dst.span.from, dst.span.to, `destination '${dst.word}' ${dWhy}: ${dropped}`);
    const p = partitionOptions(item, dst.next, setting, dropped);
    if (p) return p;
  }
  return null;
}

/** ExtensionImages=: `[-]SOURCE[:PARTITION:OPTIONS...][:OPTIONS] ...`. */
export function extensionImages(value: string, setting: string): ValueProblem | null {
  const dropped = "systemd ignores this image, so the extension is not applied";
  for (const item of items(value, setting)) {
    if (isProblem(item)) return item;
    const src = colonWord(item, 0);
    if (src.errorAt !== undefined) return problemAt(src.span.from, src.span.to, escapeMessage(item, src, `systemd ignores the rest of ${setting}=`));
    if (src.word === null) continue;
    const source = src.word.startsWith("-") ? src.word.slice(1) : src.word;
    const why = absolutePathProblem(source);
    if (why) {
      // "/x.raw root:ro": the options were meant for the image before, but whitespace starts a new image
      const hint =
        item.from > 0 && PARTITION_DESIGNATORS.includes(source) && src.next !== null
          ? ` (partition options follow the image after ':', as in /path/image.raw:${item.text})`
          : "";
      return problemAt(src.span.from, src.span.to, `'${source}' ${why}${hint}: ${dropped}`);
    }
    const p = partitionOptions(item, src.next, setting, dropped);
    if (p) return p;
  }
  return null;
}

/** RootImageOptions= (strv_split_colon_pairs()): `[PARTITION:]OPTIONS ...`; a syntax error drops the whole line. */
export function rootImageOptions(value: string, setting: string): ValueProblem | null {
  const ignored = `systemd ignores the whole line, so none of its options apply`;
  let bad: ValueProblem | null = null;
  for (const item of items(value, setting, ignored)) {
    if (isProblem(item)) return item;
    const first = colonWord(item, 0);
    if (first.errorAt !== undefined) return problemAt(first.span.from, first.span.to, escapeMessage(item, first, ignored));
    if (first.word === null) continue;
    const second = colonWord(item, first.next);
    if (second.errorAt !== undefined) return problemAt(second.span.from, second.span.to, escapeMessage(item, second, ignored));
    if (second.next !== null) {
      const rest = spanOf(item, second.next, item.text.length);
      return problemAt(rest.from, item.to, `'${item.text}' has more than two ':'-separated parts (PARTITION:OPTIONS): ${ignored}`);
    }
    // options alone apply to the root partition
    if (second.word === null || second.word === "" || bad) continue;
    if (!PARTITION_DESIGNATORS.includes(first.word))
      bad = withSuggestion(
        problemAt(
          first.span.from,
          first.span.to,
          `'${first.word}' is not a partition name (root, usr, home, srv, esp, xbootldr, swap, tmp, var, root-verity...): systemd ignores these options`,
        ),
        closestMatch(first.word, PARTITION_DESIGNATORS),
      );
  }
  return bad;
}
