import { describe, expect, it } from "vitest";
import { directiveInfo } from "../../src/knowledge/directives.js";
import { extensionImages, mountImages, rootImageOptions } from "../../src/values/images.js";
import { valueKind } from "../../src/values/kinds.js";

/** The underlined text of a problem. */
const span = (value: string, p: { from: number; to: number } | null) => (p ? value.slice(p.from, p.to) : null);

describe("MountImages= (config_parse_mount_images)", () => {
  const check = (v: string) => mountImages(v, "MountImages");

  it("is the grammar of its parser", () => {
    expect(valueKind(directiveInfo("Service", "MountImages")!)).toBe("mount-images");
    expect(valueKind(directiveInfo("Service", "ExtensionImages")!)).toBe("extension-images");
    expect(valueKind(directiveInfo("Service", "RootImageOptions")!)).toBe("root-image-options");
  });

  it("takes SOURCE:DEST with partition options, quotes, escapes and prefixes", () => {
    for (const v of [
      "",
      "/a.raw:/b",
      "-/a.raw:/b",
      "/a.raw:/b:ro",
      "/a.raw:/b:root:ro,nosuid:usr:ro",
      "/a.raw:/b:root:ro:nosuid",
      "/a.raw:/b:root-verity-sig:ro:tmp:ro:var:ro",
      "'/my a.raw':/b /c.raw:/d",
      "/a\\:b.raw:/c",
      "/a\\x2db.raw:/c",
      "/a.raw:/b:root:",
      "::",
      "%S/a.raw:%t/b",
      "/a.raw::/b",
    ])
      expect(check(v), v).toBeNull();
  });

  it("points at the bad part", () => {
    let v = "/a.raw:b";
    expect(span(v, check(v))).toBe("b");
    expect(check(v)!.message).toContain("destination 'b' is not an absolute path");
    v = "a.raw:/b";
    expect(span(v, check(v))).toBe("a.raw");
    v = "/a.raw";
    expect(span(v, check(v))).toBe("/a.raw");
    expect(check(v)!.message).toContain("has no destination");
    v = "/a.raw:/b /c.raw:/d:bogus:ro";
    expect(check(v)!.from).toBe(20);
    expect(span(v, check(v))).toBe("bogus");
    v = "/a.raw:/b:Root:ro";
    expect(check(v)!.suggestion).toBe("root");
    v = "/a\\q.raw:/b";
    expect(span(v, check(v))).toBe("\\q");
    expect(check(v)!.message).toContain("systemd ignores the rest of MountImages=");
    v = "/a.raw:/b:root:\\x0";
    expect(span(v, check(v))).toBe("\\x0");
    v = "/a.raw:/b 'x";
    expect(span(v, check(v))).toBe("'");
    expect(check(v)!.message).toContain("unterminated quote");
    // the outer split keeps backslashes, so a backslash does not escape the space: "/a\" ends in a bare backslash
    v = "/a\\ b:/c";
    expect(span(v, check(v))).toBe("\\");
    v = "/a/../b.raw:/c";
    expect(check(v)!.message).toContain("'..'");
    // specifiers: %n is the unit's name, not a path
    expect(check("%n:/b")!.message).toContain("not an absolute path");
  });

  it("maps positions through removed quotes", () => {
    const v = "'/a b.raw':c";
    expect(span(v, check(v))).toBe("c");
  });
});

describe("ExtensionImages= (config_parse_extension_images)", () => {
  const check = (v: string) => extensionImages(v, "ExtensionImages");

  it("takes PATH with partition options", () => {
    for (const v of ["/x.raw", "-/x.raw", "/x.raw:ro", "/x.raw:root:ro:usr:ro,nodev", "'/x y.raw'", "/x.raw /y.raw", ":/x.raw", "/x.raw:root:\\x41"])
      expect(check(v), v).toBeNull();
  });

  it("points at the bad part", () => {
    let v = "x.raw";
    expect(span(v, check(v))).toBe("x.raw");
    v = "/x.raw root:ro";
    expect(span(v, check(v))).toBe("root");
    expect(check(v)!.message).toContain("as in /path/image.raw:root:ro");
    v = "/x.raw:roo:ro";
    expect(span(v, check(v))).toBe("roo");
    expect(check(v)!.suggestion).toBe("root");
    v = "\\x";
    expect(span(v, check(v))).toBe("\\x");
    v = "/x.raw:\\q";
    expect(check(v)!.message).toContain("and the rest of ExtensionImages= too");
  });
});

describe("RootImageOptions= (config_parse_root_image_options)", () => {
  const check = (v: string) => rootImageOptions(v, "RootImageOptions");

  it("takes [PARTITION:]OPTIONS items", () => {
    for (const v of ["root:ro", "ro", "ro,nosuid", "root:ro:", "root::ro", "usr:ro home:nosuid", "root:", ":", "'root:ro x'"]) expect(check(v), v).toBeNull();
  });

  it("points at the bad part; a syntax error anywhere wins over a bad partition", () => {
    let v = "bogus:ro";
    expect(span(v, check(v))).toBe("bogus");
    v = "root:ro usr:ro:nosuid";
    expect(span(v, check(v))).toBe("nosuid");
    expect(check(v)!.message).toContain("systemd ignores the whole line");
    v = "bogus:ro 'x";
    expect(span(v, check(v))).toBe("'");
    v = "root:\\q";
    expect(span(v, check(v))).toBe("\\q");
  });
});
