/**
 * Node 18+ with its built-in fetch. The body is a template literal, so it keeps its lines as in the
 * file; `\`, the backtick and `${` are escaped, and CR is written as `\r` because a template literal
 * reads a raw CR or CRLF as LF.
 */
import { API_KEY_VARIABLE, API_SECRET_VARIABLE, commentLine, type RequestCode } from './request-code';

export function jsTemplateLiteral(text: string): string {
  return `\`${text.replace(/\\|`|\$\{|\r/g, (m) => (m === '\r' ? '\\r' : `\\${m}`))}\``;
}

export function nodeFetch(request: RequestCode): string {
  const key = `process.env.${API_KEY_VARIABLE}`;
  const secret = `process.env.${API_SECRET_VARIABLE}`;
  return [
    `// ${commentLine(request.title)}`,
    `// Node 18+ (built-in fetch). Needs ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE} in the environment.`,
    `const body = ${jsTemplateLiteral(request.body)};`,
    '',
    'async function main() {',
    `  if (!${key} || !${secret}) throw new Error('Set ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE}.');`,
    `  const auth = Buffer.from(\`\${${key}}:\${${secret}}\`).toString('base64');`,
    `  const response = await fetch(${JSON.stringify(request.url)}, {`,
    "    method: 'POST',",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated code, a template literal there
    "    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },",
    '    body,',
    '  });',
    '  console.log(response.status, await response.text());',
    '  if (!response.ok) process.exitCode = 1;',
    '}',
    '',
    'main().catch((err) => {',
    '  console.error(err);',
    '  process.exitCode = 1;',
    '});',
    '',
  ].join('\n');
}
