/**
 * XML 1.0 cannot carry most C0 control characters (not even as `&#1;`), nor U+FFFE, U+FFFF or
 * unpaired surrogates: the XML formats replace each with U+FFFD, so the file stays readable and
 * the loss is visible. Tab, newline and carriage return survive as character references (a
 * parser would otherwise fold `\r\n` to `\n` and, in attributes, whitespace to spaces).
 * JSON and CSV keep every character as it is.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"\t\n\r]/g;
const NEEDS_WORK = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text made safe for XML element content and double-quoted attribute values alike. */
export function xmlText(value: string | number): string {
  const text = String(value);
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(SPECIAL, (c) => REFERENCES[c]);
}
