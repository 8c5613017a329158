/** The request files the benchmark works on. */
import { PAGE_EXAMPLE_TEXTS } from '../support/arbitraries';

/**
 * A typical request file: what a production integration sends (the page recommends little more than
 * clientId and names), with its redirect and webhook URLs, language, expiry and documents, written
 * by hand with a comment and two-space indentation.
 */
export const TYPICAL_TEXT = `{
  // Onboarding: passport or ID card, results to our webhook.
  "clientId": "user-4821",
  "firstName": "John Tom",
  "lastName": "Smith",
  "successUrl": "https://www.my-company.com/idenfy/success",
  "errorUrl": "https://www.my-company.com/idenfy/fail",
  "unverifiedUrl": "https://www.my-company.com/idenfy/unverified",
  "callbackUrl": "https://www.my-company.com/idenfy/webhook",
  "locale": "en",
  "expiryTime": 3600,
  "country": "lt",
  "documents": ["ID_CARD", "PASSPORT"]
}
`;

/** The page's full-control example, verbatim: every one of the 27 optional fields of the page's table. */
export const FULL_TEXT: string = PAGE_EXAMPLE_TEXTS[2];

export const LARGE_TARGET_BYTES = 1024 * 1024;

/**
 * A valid request of about 1 MiB: the full-control example with a COMPARE step (additionalSteps)
 * and a large additionalData (many records, each a small object with strings, numbers and an array),
 * pretty-printed with two-space indentation as an editor would save it.
 */
export function largeText(targetBytes = LARGE_TARGET_BYTES): string {
  const request = JSON.parse(FULL_TEXT) as Record<string, unknown>;
  request.utilityBill = false;
  request.additionalSteps = {
    ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE', fields: ['address'] } } },
    LT: { ID_CARD: { BANK_STATEMENT: { type: 'EXTRACT', fields: ['iban', 'address'] } } },
  };
  const data: Record<string, unknown> = { UTILITY_BILL: { address: 'Gedimino pr. 1, Vilnius' } };
  request.additionalData = data;
  const record = (i: number) => ({
    address: `Street ${i}, apartment ${i % 97}, Vilnius LT-${String(10000 + (i % 90000))}`,
    holder: 'John Tom Smith',
    iban: `LT${String(i).padStart(18, '0')}`,
    amount: i * 1.25,
    verified: i % 2 === 0,
    tags: ['utility', 'compare', `batch-${i % 10}`],
  });
  const fill = (count: number) => {
    for (const key of Object.keys(data)) if (key.startsWith('RECORD_')) delete data[key];
    for (let i = 0; i < count; i++) data[`RECORD_${String(i).padStart(6, '0')}`] = record(i);
    return JSON.stringify(request, null, 2);
  };
  // Two passes: estimate the record count from a small sample, then correct it from the real size.
  const sample = fill(100).length;
  const base = fill(0).length;
  let count = Math.round(((targetBytes - base) / (sample - base)) * 100);
  const first = fill(count).length;
  count = Math.max(1, Math.round(((targetBytes - base) / (first - base)) * count));
  return fill(count);
}
