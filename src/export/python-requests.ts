/**
 * Python 3 with `requests`. The body is a triple-quoted string, so it keeps its lines as in the file;
 * `\` and `'` are escaped (so no `'''` can end it early) and CR is written as `\r`, because Python
 * reads a raw CR or CRLF in source as LF. It is sent as UTF-8 bytes, exactly.
 */
import { API_KEY_VARIABLE, API_SECRET_VARIABLE, commentLine, type RequestCode } from './request-code';

export function pythonTripleQuoted(text: string): string {
  return `'''${text.replace(/[\\'\r]/g, (m) => (m === '\r' ? '\\r' : `\\${m}`))}'''`;
}

/** A one-line Python string literal (for the URL). */
function pythonString(text: string): string {
  return `'${text.replace(/[\\'\r\n]/g, (m) => (m === '\r' ? '\\r' : m === '\n' ? '\\n' : `\\${m}`))}'`;
}

export function pythonRequests(request: RequestCode): string {
  return [
    `# ${commentLine(request.title)}`,
    `# Python 3 with requests (pip install requests). Needs ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE} in the environment.`,
    'import os',
    '',
    'import requests',
    '',
    `body = ${pythonTripleQuoted(request.body)}`,
    '',
    'response = requests.post(',
    `    ${pythonString(request.url)},`,
    "    data=body.encode('utf-8'),",
    "    headers={'Content-Type': 'application/json'},",
    `    auth=(os.environ['${API_KEY_VARIABLE}'], os.environ['${API_SECRET_VARIABLE}']),`,
    '    timeout=30,',
    ')',
    'print(response.status_code, response.text)',
    'response.raise_for_status()',
    '',
  ].join('\n');
}
