import { StreamLanguage, type StreamParser } from "@codemirror/language";

interface ModeState {
  inValue: boolean;
  continued: boolean;
}

/** A small systemd.syntax(7) highlighter: sections, keys, values, comments, specifiers. */
const parser: StreamParser<ModeState> = {
  name: "systemd",
  startState: () => ({ inValue: false, continued: false }),
  token(stream, state) {
    if (stream.sol()) {
      state.inValue = state.continued;
      state.continued = false;
      if (!state.inValue) {
        stream.eatSpace();
        if (stream.match(/^[#;].*/)) return "comment";
        if (stream.match(/^\[[^\]]*\]?/)) return "heading";
        // The key, without the spaces before `=`: a lazy /^[^=\s][^=]*?(?=\s*=)/ rescanned the spaces at every step.
        const key = stream.match(/^[^=\s][^=]*(?==)/);
        if (key && typeof key === "object") {
          const spaces = key[0].length - key[0].trimEnd().length;
          if (spaces > 0) stream.backUp(spaces);
          return "propertyName";
        }
      }
    }
    if (!state.inValue && stream.eat("=")) {
      state.inValue = true;
      return "operator";
    }
    if (stream.match(/^%[a-zA-Z%]/)) return "variableName.special";
    if (stream.match(/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/)) return "variableName";
    if (stream.match(/^\\$/)) {
      state.continued = true;
      return "escape";
    }
    const prev = stream.pos > 0 ? stream.string.charAt(stream.pos - 1) : " ";
    const wordStart = !/[\w.-]/.test(prev);
    if (wordStart && stream.match(/^(yes|no|true|false|on|off|infinity)\b/)) return "atom";
    if (wordStart && stream.match(/^-?\d+(\.\d+)?[a-zA-Z]*\b/)) return "number";
    stream.next();
    return state.inValue ? "string" : null;
  },
};

export const unitFileLanguage = StreamLanguage.define(parser);
