import { describe, expect, it } from "vitest";
import { formatTimespan, parseTimespan, USEC_INFINITY } from "../../src/calendar/index.js";

const usec = (s: string) => {
  const r = parseTimespan(s);
  return r.ok ? r.usec : r.errno;
};

describe("time spans (systemd.time(7))", () => {
  it("parses like parse_sec()", () => {
    expect(usec("90")).toBe(90_000_000n);
    expect(usec("5min 20s")).toBe(320_000_000n);
    expect(usec("1h30m")).toBe(5_400_000_000n);
    expect(usec("2 weeks")).toBe(1_209_600_000_000n);
    expect(usec("infinity")).toBe(USEC_INFINITY);
    expect(usec(" infinity ")).toBe(USEC_INFINITY);
    expect(usec("10us")).toBe(10n);
    expect(usec("5µs")).toBe(5n);
    expect(usec("1.5s")).toBe(1_500_000n);
    expect(usec(".5")).toBe(500_000n);
    expect(usec("12.34s.56")).toBe(12_900_000n);
    expect(usec("5 5")).toBe(10_000_000n);
    expect(usec("1M")).toBe(2_629_800_000_000n);
    expect(usec("1m")).toBe(60_000_000n);
  });

  it("rejects like parse_sec()", () => {
    expect(usec("")).toBe("EINVAL");
    expect(usec("-5")).toBe("ERANGE");
    expect(usec("5mins")).toBe("EINVAL");
    expect(usec("5.5.5")).toBe("EINVAL");
    expect(usec("3.")).toBe("EINVAL");
    expect(usec("infinity 5")).toBe("EINVAL");
    expect(usec("18446744073709551615us")).toBe("ERANGE");
    expect(usec("9223372036854775808")).toBe("ERANGE");
  });

  it("points at the bad part", () => {
    const r = parseTimespan("5min 3x");
    expect(r.ok).toBe(false);
    if (!r.ok) expect("5min 3x".slice(r.range.start, r.range.end)).toBe("x");
  });

  it("formats like format_timespan()", () => {
    expect(formatTimespan(90_000_000n)).toBe("1min 30s");
    expect(formatTimespan(1_500_000n)).toBe("1.500000s");
    expect(formatTimespan(500_000n)).toBe("500ms");
    expect(formatTimespan(0n)).toBe("0");
    expect(formatTimespan(USEC_INFINITY)).toBe("infinity");
    expect(formatTimespan(5_400_000_000n)).toBe("1h 30min");
    expect(formatTimespan(1_500_000n, 1_000n)).toBe("1.500s");
  });
});
