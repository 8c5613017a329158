/**
 * The full result of a verification (POST /api/v2/full) as a readable Markdown document: the overall
 * verdict first, then what each automatic and manual status, fraud tag and mismatch tag means (from
 * the result model's vocabulary, the one source of meanings), then the data. Pure and tolerant: the
 * answer is shown as it came, so an unknown value is named as unknown rather than dropped.
 */
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
} from '../model/result-vocabulary';
import type { Term } from '../model/vocabulary';

type Json = Record<string, unknown>;

export interface ExplainOptions {
  /** When the answer was received: photo links expire one hour after it. */
  fetchedAt: Date;
}

const PHOTO_LINK_LIFETIME_MS = 3_600_000;

const CHECKS: readonly { field: string; label: string; terms: readonly Term[]; unset: string }[] = [
  {
    field: 'autoDocument',
    label: 'Automatic document check',
    terms: DOCUMENT_STATUSES,
    unset: 'not run yet',
  },
  { field: 'autoFace', label: 'Automatic face check', terms: FACE_STATUSES, unset: 'not run yet' },
  {
    field: 'manualDocument',
    label: 'Manual document review',
    terms: DOCUMENT_STATUSES,
    unset: 'not reviewed',
  },
  { field: 'manualFace', label: 'Manual face review', terms: FACE_STATUSES, unset: 'not reviewed' },
];

/** Markdown characters in values that come from people (names, addresses) are shown as text. */
function escapeMarkdown(text: string): string {
  // Only what can start emphasis, code, links, HTML or break a table cell: the raw text stays readable.
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function meaning(terms: readonly Term[], value: string): string {
  return (
    terms.find((t) => t.value === value)?.description ??
    "Not a value this extension knows; see iDenfy's documentation."
  );
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return escapeMarkdown(value);
  return `\`${JSON.stringify(value)}\``;
}

/** A code span: Markdown escapes do not apply inside one, so only backticks are replaced. */
function code(value: unknown): string {
  return typeof value === 'string' && value !== '' ? `\`${value.replace(/`/g, "'")}\`` : '—';
}

function unixTime(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : '—';
}

function tagList(title: string, tags: string[], terms: readonly Term[]): string[] {
  const lines = [`## ${title}`, ''];
  if (tags.length === 0) lines.push('None raised.');
  for (const tag of tags) lines.push(`- \`${tag}\`: ${meaning(terms, tag)}`);
  lines.push('');
  return lines;
}

export function explainFullResult(answer: Json, options: ExplainOptions): string {
  const status = asObject(answer.status);
  const overall = typeof status.overall === 'string' ? status.overall : '(none)';
  const lines: string[] = [
    `# Verification ${overall}`,
    '',
    `**${overall}**: ${meaning(OVERALL_STATUSES, overall)}`,
    '',
    `- **scanRef** ${code(answer.scanRef)}`,
    `- **clientId** ${plain(answer.clientId)}`,
    `- **final** ${answer.final === true ? 'yes' : 'no (a reviewer may still change it)'}`,
    `- **started** ${unixTime(answer.startTime)}, **finished** ${unixTime(answer.finishTime)}`,
    `- **platform** ${plain(answer.platform)}`,
    '',
    '## Checks',
    '',
  ];
  for (const check of CHECKS) {
    const value = status[check.field];
    lines.push(
      typeof value === 'string'
        ? `- **${check.label}** \`${value}\`: ${meaning(check.terms, value)}`
        : `- **${check.label}**: ${check.unset}.`,
    );
  }
  lines.push('');
  lines.push(...tagList('Fraud tags', strings(status.fraudTags), FRAUD_TAGS));
  lines.push(...tagList('Mismatch tags', strings(status.mismatchTags), MISMATCH_TAGS));

  const data = Object.entries(asObject(answer.data)).filter(([, v]) => v !== null && v !== undefined);
  lines.push('## Data', '');
  if (data.length === 0) lines.push('No personal data in this answer.');
  else {
    lines.push('| Field | Value |', '| --- | --- |');
    for (const [key, value] of data) lines.push(`| ${escapeMarkdown(key)} | ${plain(value)} |`);
  }
  lines.push('');

  const photos = Object.entries(asObject(answer.fileUrls)).filter(([, v]) => typeof v === 'string');
  if (photos.length > 0) {
    const expires = new Date(options.fetchedAt.getTime() + PHOTO_LINK_LIFETIME_MS).toISOString();
    lines.push(
      '## Photos',
      '',
      `These links expire one hour after the answer (at ${expires}); run Show Result again for fresh ones. They are not stored in the history.`,
      '',
    );
    for (const [name, url] of photos)
      lines.push(`- [${escapeMarkdown(name)}](<${String(url).replace(/[<>\s]/g, encodeURIComponent)}>)`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
