import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CachedFindings, LintCache } from "../linter/cache.js";
import { readRegularFile } from "./read.js";
import { writeReportAtomic } from "./write-atomic.js";

/** As ESLint names its cache: a dot file in the folder `check` runs in. */
const DEFAULT_CACHE_NAME = ".unitlintcache";

/** The cache of a run over the 20x corpus is about 10 MiB; a file far larger is not ours and is not read. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

const FORMAT = 1;

/**
 * `check --cache`: earlier results in one JSON file, keyed by digests of
 * their inputs. The file also records the unitlint version and is ignored
 * whole when another version wrote it; a file that is unreadable or not ours
 * is ignored too (the run is then a cold run and rewrites it). Only entries the
 * run used are written back, atomically, so the file never grows past one run.
 */
export class FileLintCache implements LintCache {
  private readonly old = new Map<string, CachedFindings>();
  private readonly used = new Map<string, CachedFindings>();
  /** Whether this run stored a result (else, having used every old entry, it would write the file as it is). */
  private stored = false;

  private constructor(
    readonly path: string,
    private readonly version: string,
  ) {}

  /** `location` is a file, or a folder to keep `.unitlintcache` in (as ESLint's --cache-location). */
  static open(location: string | undefined, version: string): FileLintCache {
    let path = location ?? DEFAULT_CACHE_NAME;
    if (location && (/[\\/]$/.test(location) || (existsSync(location) && statSync(location).isDirectory()))) path = join(location, DEFAULT_CACHE_NAME);
    const cache = new FileLintCache(path, version);
    cache.load();
    return cache;
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    const read = readRegularFile(this.path, MAX_CACHE_BYTES, "a cache file");
    if (!read.ok) return;
    try {
      const data = JSON.parse(read.bytes.toString("utf8")) as { format?: unknown; version?: unknown; entries?: unknown };
      if (data.format !== FORMAT || data.version !== this.version || typeof data.entries !== "object" || data.entries === null) return;
      for (const [k, v] of Object.entries(data.entries as Record<string, unknown>)) if (isEntry(v)) this.old.set(k, v);
    } catch {
      // not JSON (a crash cannot leave half a file: writes are atomic; someone else's file then): start afresh
    }
  }

  digest(text: string): string {
    return createHash("sha256").update(text).digest("base64url").slice(0, 32);
  }

  get(key: string): CachedFindings | undefined {
    const hit = this.used.get(key) ?? this.old.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, value: CachedFindings): void {
    this.used.set(key, value);
    this.stored = true;
  }

  /** Write what this run used; false (and why) when the file cannot be written. */
  save(): { ok: true } | { ok: false; message: string } {
    // A re-run over unchanged files used every entry and added none: the file already says all of it.
    if (!this.stored && this.used.size === this.old.size) return { ok: true };
    const entries = Object.fromEntries(this.used);
    try {
      writeReportAtomic(this.path, JSON.stringify({ format: FORMAT, version: this.version, entries }));
      return { ok: true };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }
}

/** An entry as this version writes them; any other (a file edited by hand or by another tool) is left unused. */
function isEntry(v: unknown): v is CachedFindings {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === "string");
  return (
    Array.isArray(e["findings"]) &&
    e["findings"].every(isFinding) &&
    (e["hour"] === undefined || typeof e["hour"] === "number") &&
    (e["parts"] === undefined || strings(e["parts"])) &&
    (e["refs"] === undefined || (typeof e["refs"] === "object" && e["refs"] !== null && strings(Object.values(e["refs"]))))
  );
}

/** The fields of a finding the report and the suppressions read (the rest is passed through as kept). */
function isFinding(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Record<string, unknown>;
  const range = f["range"] as Record<string, unknown> | null | undefined;
  return (
    ["rule", "severity", "message", "file"].every((k) => typeof f[k] === "string") &&
    ["line", "column", "endLine", "endColumn"].every((k) => typeof f[k] === "number") &&
    typeof range === "object" &&
    range !== null &&
    typeof range["start"] === "number" &&
    typeof range["end"] === "number"
  );
}
