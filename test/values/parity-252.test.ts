import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { directiveInfo } from "../../src/knowledge/directives.js";
import { PERSONALITY_HOSTS } from "../../src/knowledge/string-tables.js";
import { bpfForeignProgram } from "../../src/values/bpf-program.js";
import { delegate, networkInterfaces, restrictFileSystems, syscallArchitectures } from "../../src/values/name-lists.js";
import { fdName, inputText } from "../../src/values/names.js";
import { execDirectories } from "../../src/values/path-list.js";
import { personality, personalitiesOn } from "../../src/values/personality.js";
import { rlimit } from "../../src/values/rlimit.js";
import { cunescapeOne, extractFirstWord } from "../../src/values/scan.js";
import { validateValue } from "../../src/values/validate.js";

/** The underlined text of a problem. */
const span = (value: string, p: { from: number; to: number } | null) => (p ? value.slice(p.from, p.to) : null);

describe("cunescape_one() and extract_first_word()'s escape flags", () => {
  it("know the escapes systemd 252 knows, and no others", () => {
    for (const [s, char] of [
      ["n", "\n"],
      ["s", " "],
      ["x41", "A"],
      ["101", "A"],
      ["377", "\u00ff"],
      ["u00e9", "é"],
      ["U0001F600", "😀"],
      ["\\", "\\"],
    ] as const)
      expect(cunescapeOne(s, 0)?.char, s).toBe(char);
    for (const s of ["q", "x", "x4", "x00", "000", "400", "0", "u12", "u0000", "UFFFFFFFF", "U0000D800", ":", " "])
      expect(cunescapeOne(s, 0), s).toBeUndefined();
  });

  it("RETAIN_ESCAPE keeps backslashes; CUNESCAPE decodes them or fails at the backslash", () => {
    expect(extractFirstWord("a\\ b c", 0, " ", { unquote: true, retainEscape: true }).word).toBe("a\\");
    const w = extractFirstWord("'a b'\\:c", 0, " ", { unquote: true, retainEscape: true });
    expect(w.word).toBe("a b\\:c");
    expect(w.at).toEqual([1, 2, 3, 5, 6, 7]);
    expect(extractFirstWord("a\\:b:c", 0, ":", { cunescape: true }).word).toBe("a:b");
    expect(extractFirstWord("a\\x41:c", 0, ":", { cunescape: true }).word).toBe("aA");
    const bad = extractFirstWord("ab\\q:c", 0, ":", { cunescape: true });
    expect([bad.word, bad.errorAt, bad.error]).toEqual([null, 2, "escape"]);
  });
});

describe("BPFProgram= (config_parse_bpf_foreign_program)", () => {
  const check = (v: string) => bpfForeignProgram(v, "BPFProgram");

  it("takes TYPE:PATH with systemd's attach types", () => {
    for (const v of ["", "ingress:/sys/fs/bpf/x", "egress::/x", "sock_create:%t/x", "sysctl:/x:y", ":device:/x", "in\\gress:/x"])
      expect(check(v), v).toBeNull();
  });

  it("points at the bad part", () => {
    let v = "ingres:/x";
    expect(span(v, check(v))).toBe("ingres");
    expect(check(v)!.suggestion).toBe("ingress");
    v = "egress:x/y";
    expect(span(v, check(v))).toBe("x/y");
    v = "ingress:'/x'";
    expect(span(v, check(v))).toBe("'/x'");
    v = "/sys/fs/bpf/x";
    expect(span(v, check(v))).toBe(v);
    expect(check(v)!.message).toContain("is not TYPE:PATH");
    v = "INGRESS:/x";
    expect(span(v, check(v))).toBe("INGRESS");
  });
});

describe("Personality= (personality_from_string())", () => {
  it("passes what x86-64 takes, warns on what only other machines take, errors on what none takes", () => {
    expect(personality("x86-64")).toBeNull();
    expect(personality("x86")).toBeNull();
    expect(personality("")).toBeNull();
    const arm = personality("arm");
    expect(arm!.severity).toBe("warning");
    expect(arm!.message).toContain("arm or arm64");
    for (const v of ["cris", "parisc64", "sh64"]) expect(personality(v)!.severity, v).toBeUndefined();
    expect(personality("X86")!.suggestion).toBe("x86");
    expect(personality("bogus")!.severity).toBeUndefined();
  });

  it("every host's own architecture is among the names it takes", () => {
    for (const [name, hosts] of Object.entries(PERSONALITY_HOSTS)) for (const h of hosts) expect(personalitiesOn(h), name).toContain(h);
    expect(personalitiesOn("x86-64").sort()).toEqual(["x86", "x86-64"]);
  });
});

describe("the single leftovers of the 252 parity sweep", () => {
  it("an unterminated quote drops the rest of the line", () => {
    expect(span("cpu 'io", delegate("cpu 'io"))).toBe("'");
    expect(delegate("'cpu' io")).toBeNull();
    expect(span("native 'x", syscallArchitectures("native 'x"))).toBe("'");
    expect(span("~ext4 'x", restrictFileSystems("~ext4 'x"))).toBe("'");
    expect(span("~eth0 'x", networkInterfaces("~eth0 'x"))).toBe("'");
    expect(networkInterfaces("~'eth0'")).toBeNull();
  });

  it("StandardInputText= refuses escapes cunescape() does not know", () => {
    expect(inputText("a\\tb\\x21\\101\\u00e9\\\\")).toBeNull();
    expect(span("ab\\qc", inputText("ab\\qc"))).toBe("\\q");
    expect(span("\\x4", inputText("\\x4"))).toBe("\\x4");
    expect(inputText("a\\x00")!.message).toContain("NUL");
  });

  it("*Directory= decodes escapes when it cuts SOURCE:DEST", () => {
    expect(execDirectories("app\\x2dcache a\\:b", "CacheDirectory")).toBeNull();
    expect(span("app\\x", execDirectories("app\\x", "CacheDirectory"))).toBe("\\x");
    expect(span("a:b\\q", execDirectories("a:b\\q", "StateDirectory"))).toBe("\\q");
  });

  it("FileDescriptorName= takes printable ASCII without ':'", () => {
    expect(fdName("a b")).toBeNull();
    expect(fdName("%n")).toBeNull();
    expect(span("app:main", fdName("app:main"))).toBe(":");
    expect(span("café", fdName("café"))).toBe("é");
    expect(fdName("x".repeat(256))!.message).toContain("255");
  });

  it("LimitNICE= has no infinity; TasksMax= stops below UINT64_MAX", () => {
    expect(span("infinity", rlimit("infinity", "LimitNICE", "RLIMIT_NICE"))).toBe("infinity");
    expect(span("+5:infinity", rlimit("+5:infinity", "LimitNICE", "RLIMIT_NICE"))).toBe("infinity");
    expect(rlimit("infinity", "LimitNOFILE", "RLIMIT_NOFILE")).toBeNull();
    const tasks = directiveInfo("Service", "TasksMax")!;
    for (const v of ["0x10", "010", "+5", "18446744073709551614", "50%", "infinity"]) expect(validateValue(v, tasks), v).toBeNull();
    for (const v of ["18446744073709551615", "18446744073709551616"]) expect(validateValue(v, tasks)!.message, v).toContain("too large");
  });

  it("BindIPv6Only= refuses an empty value; SocketProtocol=mptcp is newer than 252", () => {
    expect(validateValue("", directiveInfo("Socket", "BindIPv6Only")!)!.message).toContain("empty value");
    const text = "[Socket]\nListenStream=/run/a.sock\nSocketProtocol=mptcp\n";
    const at252 = lint([{ path: "a.socket", text }], { settings: { targetSystemd: [252] } }).findings.filter((f) => f.line === 3);
    expect(at252.map((f) => f.rule)).toEqual(["directives/newer-than-target"]);
  });
});
