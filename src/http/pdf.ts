/**
 * iDenfy's PDF report arrives as Base64 in a JSON answer whose field name the documentation does not
 * give ("you will receive a PDF file in Base64 format"). This reads it leniently: a JSON string, or the
 * string field of an object that decodes to a PDF, or the body itself as Base64.
 */
import { isPlainObject } from '../util/is-plain-object';

/** Fields tried first, in this order; any other string field that decodes to a PDF is taken too. */
const LIKELY_FIELDS = ['pdf', 'file', 'fileBase64', 'base64', 'data', 'content', 'report'];
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** "%PDF-" is the first five bytes of every PDF (ISO 32000-1, 7.5.2). */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The PDF's bytes, or undefined when nothing in the answer is a Base64 PDF. */
export function pdfFromAnswer(text: string, json: unknown): Buffer | undefined {
  if (typeof json === 'string') return decodePdf(json);
  if (isPlainObject(json)) {
    const names = [...LIKELY_FIELDS, ...Object.keys(json).filter((k) => !LIKELY_FIELDS.includes(k))];
    for (const name of names) {
      const value = json[name];
      if (typeof value !== 'string') continue;
      const pdf = decodePdf(value);
      if (pdf) return pdf;
    }
    return undefined;
  }
  return json === undefined ? decodePdf(text) : undefined;
}

function decodePdf(value: string): Buffer | undefined {
  // A data: URL prefix and line breaks (MIME Base64 wraps at 76) are not part of the data.
  const compact = value.replace(/^data:application\/pdf;base64,/i, '').replace(/\s+/g, '');
  if (compact.length < 8 || !BASE64.test(compact)) return undefined;
  const bytes = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
  return bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC) ? bytes : undefined;
}
