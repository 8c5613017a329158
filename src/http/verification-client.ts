/**
 * What an integrator asks iDenfy about a session after creating it: status, full result, deletion of
 * the personal data, the PDF report, and the list of a client's verifications. Each is one call of the
 * one request path (request.ts) with its own reading of the answer, lenient in the same way as Create
 * Session's: only what the editor needs is required, every other field is kept as it came. Nothing
 * here polls or retries: iDenfy restricts accounts that poll /api/v2/status.
 */

import { isPlainObject } from '../util/is-plain-object';
import type { IdenfyFailure } from './errors';
import type { Operation } from './operation';
import { pdfFromAnswer } from './pdf';
import { type Accepted, type Connection, type IdenfyResult, idenfyRequest } from './request';
import { failureFromUnexpectedAnswer } from './status-failures';

type Json = Record<string, unknown>;

/** POST /api/v2/status: `status` is the overall status; autoDocument, fraudTags etc. come as they are. */
export type StatusAnswer = { status: string; scanRef?: string; clientId?: string } & Json;
/** POST /api/v2/full: shaped like the webhook; `status.overall` is the overall status. */
export type FullAnswer = { status: { overall: string } & Json } & Json;
/** POST /api/v2/delete: iDenfy documents no body; whatever came is kept for the log. */
export type DeleteAnswer = Json;
export interface PdfAnswer {
  /** The decoded PDF, checked to start with %PDF-. */
  pdf: Buffer;
}
/** One row of GET /kyc/identifications/. */
export type IdentificationRow = { scanRef: string; status: string; suspected?: boolean } & Json;
export interface IdentificationsPage {
  count: number;
  results: IdentificationRow[];
  /** The page numbers of the neighbouring pages, read from iDenfy's `next`/`previous` links. */
  nextPage?: number;
  previousPage?: number;
}

export type PdfLanguage = 'en' | 'lt';

/** PDF reports carry document and face photos: far larger than any JSON answer. */
const PDF_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** /full carries the extracted data and photo URLs (not the photos): a few KiB, rarely more. */
const FULL_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

const bad = <T>(failure: IdenfyFailure): Accepted<T> => ({ ok: false, failure });

function scanRefOperation(path: string, effect: Operation['effect'], scanRef: string): Operation {
  return { method: 'POST', path, effect, scanRef };
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** One on-demand status check (never on a timer: iDenfy restricts accounts that poll). */
export function checkStatus(connection: Connection, scanRef: string): Promise<IdenfyResult<StatusAnswer>> {
  const operation = scanRefOperation('/api/v2/status', 'read', scanRef);
  return idenfyRequest<StatusAnswer>(connection, {
    endpoint: 'status',
    operation,
    body: JSON.stringify({ scanRef }),
    accept: ({ status, json }) =>
      isPlainObject(json) && nonEmptyString(json.status)
        ? { ok: true, value: json as StatusAnswer }
        : bad(failureFromUnexpectedAnswer(status, 'no overall status', operation)),
  });
}

/** The full result. Its photo URLs expire an hour after this answer. */
export function fetchFullResult(connection: Connection, scanRef: string): Promise<IdenfyResult<FullAnswer>> {
  const operation = scanRefOperation('/api/v2/full', 'read', scanRef);
  const capped = { ...connection, maxResponseBytes: connection.maxResponseBytes ?? FULL_MAX_RESPONSE_BYTES };
  return idenfyRequest<FullAnswer>(capped, {
    endpoint: 'full',
    operation,
    body: JSON.stringify({ scanRef }),
    accept: ({ status, json }) =>
      isPlainObject(json) && isPlainObject(json.status) && nonEmptyString(json.status.overall)
        ? { ok: true, value: json as FullAnswer }
        : bad(failureFromUnexpectedAnswer(status, 'no status.overall', operation)),
  });
}

/**
 * Deletes the verification's personal data. iDenfy refuses while the token is valid: that answer is
 * the failure cause `tokenNotExpired`, so the UI can say when deletion becomes possible.
 */
export function deletePersonalData(
  connection: Connection,
  scanRef: string,
): Promise<IdenfyResult<DeleteAnswer>> {
  return idenfyRequest<DeleteAnswer>(connection, {
    endpoint: 'delete',
    operation: scanRefOperation('/api/v2/delete', 'delete', scanRef),
    body: JSON.stringify({ scanRef }),
    // Any 2xx means deleted: the body is not documented, and an empty one is as good as any.
    accept: ({ json }) => ({ ok: true, value: isPlainObject(json) ? json : {} }),
  });
}

/** The verification report as PDF bytes, decoded from iDenfy's Base64 answer. */
export function generatePdf(
  connection: Connection,
  scanRef: string,
  language: PdfLanguage,
): Promise<IdenfyResult<PdfAnswer>> {
  const operation = scanRefOperation('/api/v2/generate-pdf', 'read', scanRef);
  return idenfyRequest<PdfAnswer>(
    { ...connection, maxResponseBytes: connection.maxResponseBytes ?? PDF_MAX_RESPONSE_BYTES },
    {
      endpoint: 'generatePdf',
      operation,
      body: JSON.stringify({ scanRef, language }),
      accept: ({ status, text, json }) => {
        const pdf = pdfFromAnswer(text, json);
        return pdf
          ? { ok: true, value: { pdf } }
          : bad(failureFromUnexpectedAnswer(status, 'no Base64 PDF (data starting with %PDF-)', operation));
      },
    },
  );
}

function isIdentificationRow(value: unknown): value is IdentificationRow {
  return (
    isPlainObject(value) &&
    nonEmptyString(value.scanRef) &&
    typeof value.status === 'string' &&
    (value.suspected === undefined || typeof value.suspected === 'boolean')
  );
}

/**
 * The page number in one of iDenfy's pagination links. Only the number is taken: the link itself is
 * never followed, since it names a server of its own and the next request must carry the credentials
 * to the base URL alone. A `previous` link without `page` is page 1 (Django REST framework's style).
 */
function pageOf(link: unknown): number | undefined {
  if (!nonEmptyString(link)) return undefined;
  try {
    const page = new URL(link, 'http://base.invalid/').searchParams.get('page');
    if (page === null) return 1;
    const n = Number(page);
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** One page of the verifications of `clientId`, newest first as iDenfy lists them. */
export function listIdentifications(
  connection: Connection,
  clientId: string,
  paging: { page?: number; perPage?: number } = {},
): Promise<IdenfyResult<IdentificationsPage>> {
  const query: Record<string, string> = { clientId };
  // Whole numbers from 1 only: anything else is left out, so iDenfy applies its defaults.
  if (paging.page !== undefined && Number.isInteger(paging.page) && paging.page >= 1)
    query.page = String(paging.page);
  if (paging.perPage !== undefined && Number.isInteger(paging.perPage) && paging.perPage >= 1)
    query.perPage = String(paging.perPage);
  // The page asked (1 when left to iDenfy), so a 404 "Invalid page." reads as that page, not a wrong URL.
  const operation: Operation = {
    method: 'GET',
    path: '/kyc/identifications/',
    effect: 'read',
    page: Number(query.page ?? 1),
  };
  return idenfyRequest<IdentificationsPage>(connection, {
    endpoint: 'identifications',
    operation,
    query,
    accept: ({ status, json }) => {
      if (
        !isPlainObject(json) ||
        typeof json.count !== 'number' ||
        !Array.isArray(json.results) ||
        !json.results.every(isIdentificationRow)
      ) {
        return bad(failureFromUnexpectedAnswer(status, 'no count and results list', operation));
      }
      const nextPage = pageOf(json.next);
      const previousPage = pageOf(json.previous);
      return {
        ok: true,
        value: {
          count: json.count,
          results: json.results,
          ...(nextPage === undefined ? {} : { nextPage }),
          ...(previousPage === undefined ? {} : { previousPage }),
        },
      };
    },
  });
}
