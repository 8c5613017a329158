/**
 * cURL for bash (and zsh, sh): the body in one single-quoted word, where nothing is special but the
 * quote itself (`'` becomes `'\''`), so `$`, backticks, backslashes, newlines and non-ASCII text pass
 * through byte for byte. `--data-binary` sends it unchanged (`-d` would strip newlines); a body never
 * starts with `@` (it is a JSON object), so curl never reads it as a file name.
 */
import { API_KEY_VARIABLE, API_SECRET_VARIABLE, commentLine, type RequestCode } from './request-code';

export function bashSingleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function bashCurl(request: RequestCode): string {
  return [
    `# ${commentLine(request.title)}`,
    `# Needs ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE} in the environment.`,
    `curl -sS -X POST ${bashSingleQuoted(request.url)} \\`,
    // The status after the answer; --fail-with-body would say it too, but needs curl 7.76+.
    `  -w '\\nHTTP %{http_code}\\n' \\`,
    // `:?` stops with a message when a variable is unset, instead of sending an empty key.
    `  -u "\${${API_KEY_VARIABLE}:?}:\${${API_SECRET_VARIABLE}:?}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-binary ${bashSingleQuoted(request.body)}`,
    '',
  ].join('\n');
}
