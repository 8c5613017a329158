/**
 * The variants of Copy as cURL and Copy as Code, by id: one list, so the editor's quick picks, the
 * tests and the README name the same ones.
 */
import { bashCurl } from './bash-curl';
import { nodeFetch } from './node-fetch';
import { phpCurl } from './php-curl';
import { powershellRestMethod } from './powershell';
import { pythonRequests } from './python-requests';
import type { RequestCode } from './request-code';

export interface ExportFormat {
  id: 'bash' | 'powershell' | 'node' | 'python' | 'php';
  family: 'curl' | 'code';
  label: string;
  detail: string;
  generate: (request: RequestCode) => string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'bash',
    family: 'curl',
    label: 'cURL (bash)',
    detail: 'bash, zsh, sh; macOS, Linux, WSL, Git Bash',
    generate: bashCurl,
  },
  {
    id: 'powershell',
    family: 'curl',
    label: 'PowerShell',
    detail: 'Invoke-RestMethod; Windows PowerShell 5.1 and PowerShell 7',
    generate: powershellRestMethod,
  },
  {
    id: 'node',
    family: 'code',
    label: 'Node.js (fetch)',
    detail: 'Node 18+, no packages',
    generate: nodeFetch,
  },
  {
    id: 'python',
    family: 'code',
    label: 'Python (requests)',
    detail: 'Python 3, pip install requests',
    generate: pythonRequests,
  },
  {
    id: 'php',
    family: 'code',
    label: 'PHP (curl)',
    detail: 'PHP with the curl extension',
    generate: phpCurl,
  },
];

export type ExportFormatId = ExportFormat['id'];

export function exportRequest(id: ExportFormatId, request: RequestCode): string {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown export format ${id}`);
  return format.generate(request);
}
