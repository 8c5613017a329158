/**
 * The verification report behind POST /api/v2/generate-pdf: verdict first, then what each check
 * and tag means (from the result model), then the personal data, in English or Lithuanian.
 */
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
} from '../model/result-vocabulary';
import type { Term } from '../model/vocabulary';
import { type PdfLine, wrap, writePdf } from './pdf';
import type { EmulatedSession, SessionStore } from './sessions';

export type ReportLanguage = 'en' | 'lt';

const LABELS = {
  en: {
    title: 'iDenfy verification report',
    note: 'Produced by the offline iDenfy emulator: no identity verification took place.',
    overall: 'Overall status',
    checks: 'Checks',
    autoDocument: 'Automatic document check',
    autoFace: 'Automatic face check',
    manualDocument: 'Manual document check',
    manualFace: 'Manual face check',
    fraudTags: 'Fraud tags',
    mismatchTags: 'Mismatch tags',
    none: 'none',
    data: 'Personal data',
    generated: 'Generated',
  },
  lt: {
    title: 'iDenfy patikros ataskaita',
    note: 'Sukurta neprisijungusio iDenfy emuliatoriaus: tapatybė nebuvo tikrinama.',
    overall: 'Bendra būsena',
    checks: 'Patikros',
    autoDocument: 'Automatinė dokumento patikra',
    autoFace: 'Automatinė veido patikra',
    manualDocument: 'Rankinė dokumento patikra',
    manualFace: 'Rankinė veido patikra',
    fraudTags: 'Sukčiavimo žymos',
    mismatchTags: 'Neatitikimų žymos',
    none: 'nėra',
    data: 'Asmens duomenys',
    generated: 'Sugeneruota',
  },
} as const;

const WIDTH = 92;

function described(terms: readonly Term[], value: string | null, none: string): string {
  if (value === null) return none;
  const meaning = terms.find((t) => t.value === value)?.description;
  return meaning ? `${value}: ${meaning}` : value;
}

export function verificationReport(
  store: SessionStore,
  session: EmulatedSession,
  language: ReportLanguage,
  baseUrl: string,
): Buffer {
  const l = LABELS[language];
  const status = store.statusAnswer(session);
  const full = store.fullAnswer(session, baseUrl);
  const lines: PdfLine[] = [];
  const heading = (text: string) => lines.push({ text: '', size: 6 }, { text, size: 13, bold: true });
  const para = (text: string) => {
    for (const line of wrap(text, WIDTH)) lines.push({ text: line });
  };
  const item = (label: string, text: string) => {
    const [first, ...rest] = wrap(`${label}: ${text}`, WIDTH);
    lines.push({ text: first ?? '' });
    for (const line of rest) lines.push({ text: `    ${line}` });
  };

  lines.push({ text: l.title, size: 18, bold: true });
  para(l.note);
  lines.push({ text: `scanRef: ${status.scanRef}` }, { text: `clientId: ${status.clientId}` });
  heading(`${l.overall}: ${status.status}`);
  para(described(OVERALL_STATUSES, status.status, l.none));
  heading(l.checks);
  item(l.autoDocument, described(DOCUMENT_STATUSES, status.autoDocument, l.none));
  item(l.autoFace, described(FACE_STATUSES, status.autoFace, l.none));
  item(l.manualDocument, described(DOCUMENT_STATUSES, status.manualDocument, l.none));
  item(l.manualFace, described(FACE_STATUSES, status.manualFace, l.none));
  heading(l.fraudTags);
  if (status.fraudTags.length === 0) para(l.none);
  for (const tag of status.fraudTags) item(tag, described(FRAUD_TAGS, tag, l.none).slice(tag.length + 2));
  heading(l.mismatchTags);
  if (status.mismatchTags.length === 0) para(l.none);
  for (const tag of status.mismatchTags)
    item(tag, described(MISMATCH_TAGS, tag, l.none).slice(tag.length + 2));
  heading(l.data);
  const data = Object.entries(full.data).filter(([, v]) => v !== null && v !== undefined);
  if (data.length === 0) para(l.none);
  for (const [key, value] of data) item(key, String(value));
  lines.push({ text: '' }, { text: `${l.generated}: ${new Date(store.now()).toISOString()}`, size: 8 });
  return writePdf(lines, { title: `${l.title} ${status.scanRef}`, createdAt: store.now() });
}
