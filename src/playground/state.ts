import { trimEndOf } from "../core/strings.js";
/** Everything a shared link reproduces: the unit, its drop-in, the options and the calendar box. */
export interface PlaygroundState {
  filename: string;
  text: string;
  dropin: string;
  mode: "system" | "user";
  targetSystemd: string;
  preset: "recommended" | "strict" | "hardening";
  calendar: string;
  tz: string;
}

export const DEFAULT_STATE: PlaygroundState = {
  filename: "app.service",
  text: "[Unit]\nDescription=My app\n\n[Service]\nExecStart=/usr/bin/app\n",
  dropin: "",
  mode: "system",
  targetSystemd: "",
  preset: "recommended",
  calendar: "Mon *-*-* 08:00",
  tz: "UTC",
};

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return trimEndOf(btoa(bin).replace(/\+/g, "-").replace(/\//g, "_"), "=");
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** `#s=<base64url of the JSON state>`: UTF-8 safe and short enough for a review comment. */
export function encodeState(state: PlaygroundState): string {
  return "s=" + toBase64Url(new TextEncoder().encode(JSON.stringify(state)));
}

/** The state of a `#s=...` fragment; defaults for anything missing or malformed. */
export function decodeState(fragment: string): PlaygroundState {
  const m = fragment.replace(/^#/, "").match(/(?:^|&)s=([A-Za-z0-9_-]*)/);
  if (!m) return { ...DEFAULT_STATE };
  try {
    const parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(m[1]!))) as Partial<PlaygroundState>;
    const out = { ...DEFAULT_STATE };
    for (const k of Object.keys(DEFAULT_STATE) as (keyof PlaygroundState)[]) {
      if (typeof parsed[k] === "string") (out as Record<string, string>)[k] = parsed[k] as string;
    }
    if (out.mode !== "system" && out.mode !== "user") out.mode = "system";
    if (!["recommended", "strict", "hardening"].includes(out.preset)) out.preset = "recommended";
    return out;
  } catch {
    return { ...DEFAULT_STATE };
  }
}
