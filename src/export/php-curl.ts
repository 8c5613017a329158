/**
 * PHP with the curl extension. The body is a nowdoc (<<<'…'), where nothing is special; its closing
 * marker is chosen so that it occurs nowhere in the body, because since PHP 7.3 a body line that
 * starts with the marker (even indented) would end it early. PHP drops the line break before the
 * marker, CRLF included, so a body ending in CR gets that CR appended after the nowdoc.
 */
import { API_KEY_VARIABLE, API_SECRET_VARIABLE, commentLine, type RequestCode } from './request-code';

export function nowdocMarker(body: string): string {
  let marker = 'IDENFY_JSON';
  for (let n = 2; body.includes(marker); n++) marker = `IDENFY_JSON_${n}`;
  return marker;
}

function phpSingleQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, (m) => `\\${m}`)}'`;
}

export function phpCurl(request: RequestCode): string {
  const marker = nowdocMarker(request.body);
  const endsInCr = request.body.endsWith('\r');
  return [
    '<?php',
    `// ${commentLine(request.title)}`,
    `// PHP with the curl extension. Needs ${API_KEY_VARIABLE} and ${API_SECRET_VARIABLE} in the environment.`,
    `$body = <<<'${marker}'`,
    endsInCr ? request.body.slice(0, -1) : request.body,
    `${marker};`,
    ...(endsInCr ? ['$body .= "\\r";'] : []),
    '',
    `$ch = curl_init(${phpSingleQuoted(request.url)});`,
    'curl_setopt_array($ch, [',
    '    CURLOPT_POST => true,',
    '    CURLOPT_POSTFIELDS => $body,',
    "    CURLOPT_HTTPHEADER => ['Content-Type: application/json'],",
    `    CURLOPT_USERPWD => getenv('${API_KEY_VARIABLE}') . ':' . getenv('${API_SECRET_VARIABLE}'),`,
    '    CURLOPT_RETURNTRANSFER => true,',
    ']);',
    '$response = curl_exec($ch);',
    'if ($response === false) {',
    '    fwrite(STDERR, curl_error($ch) . "\\n");',
    '    exit(1);',
    '}',
    '$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);',
    'echo $status, " ", $response, "\\n";',
    'exit($status >= 200 && $status < 300 ? 0 : 1);',
    '',
  ].join('\n');
}
