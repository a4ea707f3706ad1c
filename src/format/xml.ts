/**
 * Text for an XML 1.0 attribute or element. Characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates from invalid UTF-8, U+FFFE/U+FFFF)
 * become U+FFFD; line breaks and tabs in attributes become character
 * references so parsers do not normalise them to spaces.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
