/** ASCII-only case folding, as C's strcasecmp in the C locale (non-ASCII letters never fold). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

export function endsWithNoCase(s: string, suffix: string): boolean {
  return s.length >= suffix.length && asciiLower(s.slice(s.length - suffix.length)) === asciiLower(suffix);
}
