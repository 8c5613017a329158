/**
 * Invoke-RestMethod for Windows PowerShell 5.1 and PowerShell 7. Not curl.exe: 5.1 strips the double
 * quotes of a JSON argument passed to a native program, and `curl` there is an alias of
 * Invoke-WebRequest. The body goes as UTF-8 bytes, because 5.1 sends a string body as ISO-8859-1
 * (non-ASCII names would arrive as `?`); basic auth is built by hand, because `-Authentication` exists
 * in 7 only.
 *
 * The body is written as single-quoted strings, one per line, joined with the body's own line breaks:
 * inside '…' only quotes are special (PowerShell takes the typographic ‘ ’ ‚ ‛ as quotes too, so
 * those are doubled as well), and `$`, backticks and backslashes stay literal. A here-string would
 * end at any line starting with `'@` and cannot say whether a line ended in CRLF or LF.
 */
import { API_KEY_VARIABLE, API_SECRET_VARIABLE, commentLine, type RequestCode } from './request-code';

export function powershellSingleQuoted(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

const BREAK_LITERALS: Record<string, string> = { '\r\n': '"`r`n"', '\n': '"`n"', '\r': '"`r"' };

/** A PowerShell expression whose value is exactly `text`. */
export function powershellString(text: string): string {
  const parts = text.split(/(\r\n|\n|\r)/);
  if (parts.length === 1) return powershellSingleQuoted(text);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = new Set(parts.filter((_, i) => i % 2 === 1));
  if (breaks.size === 1) {
    const joiner = BREAK_LITERALS[[...breaks][0] as string];
    return `@(\n${lines.map((l) => `  ${powershellSingleQuoted(l)}`).join('\n')}\n) -join ${joiner}`;
  }
  // Mixed line breaks: each one written out, so the bytes still match.
  return parts.map((p, i) => (i % 2 === 0 ? powershellSingleQuoted(p) : BREAK_LITERALS[p])).join(' +\n  ');
}

export function powershellRestMethod(request: RequestCode): string {
  return [
    `# ${commentLine(request.title)}`,
    `# Needs ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE} in the environment. Windows PowerShell 5.1 and PowerShell 7.`,
    `$body = ${powershellString(request.body)}`,
    `$pair = "$($env:${API_KEY_VARIABLE}):$($env:${API_SECRET_VARIABLE})"`,
    '$auth = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair))',
    `Invoke-RestMethod -Method Post -Uri ${powershellSingleQuoted(request.url)} \``,
    '  -Headers @{ Authorization = "Basic $auth" } `',
    "  -ContentType 'application/json; charset=utf-8' `",
    '  -Body ([Text.Encoding]::UTF8.GetBytes($body))',
    '',
  ].join('\n');
}
