/**
 * fast-check generators of "Create verification session" request bodies, built from the documented
 * constraints (not from the zod model, so they can disagree with it). Every generated case carries
 * the verdict the documentation implies, so a test can check both engines against it and each other.
 *
 * validRequest: a valid body, often with values at the edge of a constraint.
 * invalidRequest: a valid body with exactly one thing broken (a boundary crossed, a wrong type, a
 * null, an unknown or misspelt key, a cross-field rule triggered, clientId removed).
 * requestCase: both, about half each.
 */
import fc from 'fast-check';
import { COUNTRY_CODES } from '../../src/model/patterns';
import { KNOWN_PROPERTIES } from '../../src/model/request';
import {
  detectionTypeValues,
  documentTypeValues,
  fraudServiceValues,
  LOCALE_CODES,
  stepTypeValues,
  tokenTypeValues,
} from '../../src/model/vocabulary';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface RequestCase {
  /** The document (usually an object, sometimes not, when the mutation replaces it whole). */
  value: JsonValue;
  /** What the documentation says about it. */
  expected: 'valid' | 'invalid';
  /** What was done to it, for failure messages and counts. */
  mutation: string;
}

/** The three example requests of the page, copied verbatim (whitespace included). */
export const PAGE_EXAMPLE_TEXTS = [
  `{  
   "clientId":"100000"
}`,
  `{  
   "clientId":"100000",
   "firstName":"John Tom",
   "lastName":"Smith"
}`,
  `{  
   "clientId":"100000",
   "firstName":"John Tom",
   "lastName":"Smith",
   "successUrl":"https://www.my-company.com/idenfy/success",
   "errorUrl":"https://www.my-company.com/idenfy/fail",
   "unverifiedUrl":"https://www.my-company.com/idenfy/unverified",
   "callbackUrl" : "https://mywebsite.com/idenfy/webhookendpoint",
   "locale":"en",
   "showInstructions":true,
   "expiryTime":600,
   "sessionLength":600,
   "country":"lt",
   "documents":["PASSPORT"],
   "dateOfBirth": "1990-12-20",
   "dateOfExpiry": "1990-12-20",
   "dateOfIssue": "1990-12-20",
   "nationality": "lt",
   "personalNumber": "123456789",
   "documentNumber": "123456",
   "sex": "M",
   "address": "Address",
   "tokenType": "IDENTIFICATION",
   "videoCallQuestions": ["Question 1", "Question 2"],
   "externalRef": "reference",
   "utilityBill": false,
   "additionalSteps": null,
   "additionalData": null
   
}`,
] as const;

export const PAGE_EXAMPLES: readonly JsonObject[] = PAGE_EXAMPLE_TEXTS.map(
  (t) => JSON.parse(t) as JsonObject,
);

/** The characters the page forbids in names (digits are forbidden too). */
export const FORBIDDEN_IN_NAMES = [...'~!@#$%^*()_+={}[]|:;",<>/?'];

// ---------------------------------------------------------------------------------------------
// Building blocks

/** One code point per unit, so a string's length in code points is exactly what was asked for. */
const anyCodePoint = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('ą', 'ž', 'é', 'ß', 'Ж', 'ñ', '日', 'ア', '😀', '𝔸', '\u00a0', '\n'),
  },
);
const nameCodePoint = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') },
  { weight: 3, arbitrary: fc.constantFrom('ā', 'ė', 'ł', 'Ö', 'Ж', 'Ω', '日', 'ア', '😀', 'ñ', 'ç') },
  { weight: 2, arbitrary: fc.constantFrom(' ', '-', "'", '.', '&', '`', '\\') },
);

export function text(minLength: number, maxLength: number, unit = anyCodePoint): fc.Arbitrary<string> {
  return fc.string({ unit, minLength, maxLength });
}
/** A string whose length is exactly `length` code points. */
export function textOfLength(length: number, unit = anyCodePoint): fc.Arbitrary<string> {
  return text(length, length, unit);
}

const nameText = (min: number, max: number) => text(min, max, nameCodePoint);

const hostLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const host = fc.array(hostLabel, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'));
const urlPath = fc.stringMatching(
  /^(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,12}){0,3}(?:\?[a-z]=[a-z0-9]{0,6})?$/,
);

export function webUrl(schemes: readonly string[] = ['https', 'http']): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...schemes), host, fc.option(fc.integer({ min: 1, max: 65535 })), urlPath)
    .map(([scheme, h, port, path]) => `${scheme}://${h}${port === null ? '' : `:${port}`}${path}`);
}
/** An https URL of exactly `length` characters (length >= 14). */
export function urlOfLength(length: number, scheme = 'https'): string {
  const start = `${scheme}://a.com/`;
  return start + 'x'.repeat(length - start.length);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

export const validDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => isoDate(y, m, Math.min(d, daysIn(y, m))));
export const invalidDate = fc.oneof(
  fc.constantFrom(
    '2023-02-29',
    '2023-02-30',
    '1990-13-01',
    '1990-00-10',
    '1990-04-31',
    '1990-1-2',
    '90-12-20',
  ),
  fc.constantFrom('1990-12-20T00:00:00Z', '1990/12/20', '20.12.1990', '', ' 1990-12-20'),
  // A month's last day plus one.
  fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => isoDate(y, m, daysIn(y, m) + 1)),
);

const countryCode = fc.oneof(
  fc.constantFrom(...COUNTRY_CODES),
  fc.constantFrom(...COUNTRY_CODES).map((c) => c.toLowerCase()),
);
const mixedCaseCountry = fc
  .constantFrom(...COUNTRY_CODES)
  .chain((c) => fc.constantFrom(`${c[0]}${c[1]?.toLowerCase()}`, `${c[0]?.toLowerCase()}${c[1]}`));
const unassignedCountry = fc.constantFrom('XX', 'ZZ', 'AA', 'QQ', 'EU', 'UK', 'LTU', 'L', '');

const uuid = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
const badUuid = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567e89b12d3a456426614174000',
  ),
  uuid.map((u) => `${u.slice(0, 14)}0${u.slice(15)}`), // version 0
  uuid.map((u) => `${u.slice(0, 19)}c${u.slice(20)}`), // variant bits 11
  uuid.map((u) => `${u} `),
);

const integerIn = (min: number, max: number) => fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
const ratio = fc.oneof(fc.constantFrom(0, 1, 0.5, 0.8, 0.7), fc.double({ min: 0, max: 1, noNaN: true }));

const STEP_NAMES = ['UTILITY_BILL', 'PROOF_OF_ADDRESS', 'BANK_STATEMENT', 'SELFIE_2', 'X'];
const stepKeyCountry = fc.oneof(fc.constant('ALL'), countryCode);
const stepKeyDocument = fc.constantFrom('ALL', ...documentTypeValues);
const stepText = fc.record({ name: text(1, 20), description: text(0, 40) });
const step = fc.record(
  {
    type: fc.constantFrom(...stepTypeValues),
    fields: fc.array(text(1, 12), { maxLength: 3 }),
    texts: fc.dictionary(fc.constantFrom(...LOCALE_CODES), stepText, { maxKeys: 2 }),
  },
  { requiredKeys: ['type'] },
);
const additionalSteps = fc.dictionary(
  stepKeyCountry,
  fc.dictionary(stepKeyDocument, fc.dictionary(fc.constantFrom(...STEP_NAMES), step, { maxKeys: 2 }), {
    maxKeys: 2,
  }),
  { maxKeys: 2 },
);
const validStep = { type: 'UPLOAD' };
const invalidAdditionalSteps = fc.constantFrom<JsonValue>(
  { ALL: { ALL: { UTILITY_BILL: { type: 'SCAN' } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'upload' } } } },
  { ALL: { ALL: { UTILITY_BILL: {} } } },
  { XX: { ALL: { UTILITY_BILL: validStep } } },
  { Lt: { ALL: { UTILITY_BILL: validStep } } },
  { ALL: { id_card: { UTILITY_BILL: validStep } } },
  { ALL: { CREDIT_CARD: { UTILITY_BILL: validStep } } },
  { ALL: { ALL: { utility_bill: validStep } } },
  { ALL: { ALL: { '1_BILL': validStep } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', texts: { EN: { name: 'Bill', description: '' } } } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', texts: { en: { name: '', description: '' } } } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', texts: { en: { name: 'Bill' } } } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', texts: { en: { name: 'a', description: '', x: 1 } } } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', fields: [''] } } } },
  { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', fields: 'address' } } } },
  { ALL: { ALL: [] } },
  { ALL: 'UPLOAD' },
  [],
  'UTILITY_BILL',
);
const jsonLeaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), text(0, 12));
const additionalData = fc.dictionary(
  text(0, 12),
  fc.oneof(jsonLeaf, fc.dictionary(text(0, 12), jsonLeaf, { maxKeys: 3 })),
  { maxKeys: 3 },
);

// ---------------------------------------------------------------------------------------------
// One entry per property: what the documentation accepts, and values just outside it.

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export interface FieldSpec {
  /** Valid values, boundaries included. */
  valid: fc.Arbitrary<JsonValue>;
  /** Values that break a documented constraint (not just the JSON type). */
  invalid?: fc.Arbitrary<JsonValue>;
  /** JSON types the field accepts at all; any other type is invalid. */
  types: readonly JsonType[];
}

const flag: FieldSpec = { valid: fc.boolean(), types: ['boolean'] };
const nullable = (spec: FieldSpec): FieldSpec => ({
  ...spec,
  valid: fc.oneof({ weight: 4, arbitrary: spec.valid }, { weight: 1, arbitrary: fc.constant(null) }),
  types: [...spec.types, 'null'],
});
const name: FieldSpec = {
  valid: fc.oneof(nameText(1, 30), nameText(1, 1), nameText(100, 100)),
  invalid: fc.oneof(
    fc.constant(''),
    nameText(101, 101),
    fc
      .tuple(nameText(0, 10), fc.constantFrom(...FORBIDDEN_IN_NAMES, ...'0123456789'), nameText(0, 10))
      .map(([a, bad, b]) => a + bad + b),
  ),
  types: ['string'],
};
const redirectUrl: FieldSpec = {
  valid: fc.oneof(webUrl(), fc.constant(urlOfLength(2048)), fc.constant('http://a')),
  invalid: fc.oneof(
    fc.constant(urlOfLength(2049)),
    fc.constantFrom('http://', 'https://', 'not a url', 'ftp://x.com', 'a.co', 'a.com', 'www.x.com'),
    fc.constantFrom('https://exa mple.com', 'https://-x.com', 'https://x.com/ a', 'mailto:a@b.lt', ''),
  ),
  types: ['string'],
};
const enumOf = (values: readonly string[], invalid: readonly string[]): FieldSpec => ({
  valid: fc.constantFrom(...values),
  invalid: fc.constantFrom(...invalid),
  types: ['string'],
});
const listOf = (values: readonly string[], invalid: readonly string[]): FieldSpec => ({
  valid: fc.oneof(fc.subarray([...values]), fc.array(fc.constantFrom(...values), { maxLength: 4 })),
  invalid: fc.tuple(fc.subarray([...values]), fc.constantFrom(...invalid)).map(([ok, bad]) => [...ok, bad]),
  types: ['array'],
});
const boundedText = (max: number): FieldSpec => ({
  valid: fc.oneof(text(0, 20), textOfLength(max)),
  invalid: textOfLength(max + 1),
  types: ['string'],
});
const nonEmptyText: FieldSpec = { valid: text(1, 20), invalid: fc.constant(''), types: ['string'] };
const country: FieldSpec = {
  valid: countryCode,
  invalid: fc.oneof(mixedCaseCountry, unassignedCountry),
  types: ['string'],
};
const date: FieldSpec = { valid: validDate, invalid: invalidDate, types: ['string'] };
const wholeNumber = (valid: fc.Arbitrary<number>, invalid: readonly number[]): FieldSpec => ({
  valid,
  invalid: fc.constantFrom(...invalid),
  types: ['number'],
});

export const FIELD_SPECS: Record<string, FieldSpec> = {
  clientId: {
    valid: fc.oneof(text(1, 30), textOfLength(1), textOfLength(100)),
    invalid: fc.oneof(fc.constant(''), textOfLength(101)),
    types: ['string'],
  },
  firstName: name,
  lastName: name,
  successUrl: redirectUrl,
  errorUrl: redirectUrl,
  unverifiedUrl: redirectUrl,
  locale: enumOf(LOCALE_CODES, ['xx', 'EN', 'Lt', 'en-GB', 'lt ', '']),
  showInstructions: flag,
  expiryTime: wholeNumber(integerIn(1, 2592000), [0, -1, 2592001, 1.5, 600.25]),
  sessionLength: wholeNumber(integerIn(61, 3599), [60, 3600, 0, 600.5]),
  country: nullable(country),
  documents: listOf(documentTypeValues, ['passport', 'UNKNOWN', 'ID', '']),
  dateOfBirth: nullable(date),
  dateOfExpiry: nullable(date),
  dateOfIssue: nullable(date),
  nationality: nullable(country),
  personalNumber: nullable(nonEmptyText),
  documentNumber: nullable(nonEmptyText),
  sex: nullable(enumOf(['M', 'F'], ['X', 'm', 'f', 'MALE', ''])),
  generateDigitString: flag,
  address: nullable(boundedText(255)),
  tokenType: enumOf(tokenTypeValues, ['VIDEO', 'identification', 'DOCUMENTS', '']),
  videoCallQuestions: {
    valid: fc.array(text(0, 30), { maxLength: 3 }),
    invalid: fc.constantFrom<JsonValue>([1], [null], [['Question 1']], ['Question 1', true]),
    types: ['array'],
  },
  externalRef: nullable(boundedText(40)),
  utilityBill: flag,
  additionalSteps: nullable({ valid: additionalSteps, invalid: invalidAdditionalSteps, types: ['object'] }),
  additionalData: nullable({ valid: additionalData, types: ['object'] }),
  callbackUrl: {
    valid: fc.oneof(webUrl(['https']), fc.constant(urlOfLength(2048))),
    invalid: fc.oneof(webUrl(['http']), fc.constantFrom(urlOfLength(2049), 'https://', 'ftp://x.com')),
    types: ['string'],
  },

  checkLiveness: flag,
  reviewSuccessful: flag,
  reviewFailed: flag,
  driverLicenseBack: flag,
  autoAmlMonitoring: flag,
  fraudServices: listOf(fraudServiceValues, ['AML', 'aml_news', 'LID ', 'FRAUD']),
  checkIpProxy: flag,
  maxAttemptCount: wholeNumber(fc.oneof(fc.constantFrom(0, 3), fc.maxSafeNat()), [-1, 1.5, -0.5]),
  checkFaceBlacklist: flag,
  checkDocFaceBlacklist: flag,
  checkDuplicateFaces: flag,
  checkDuplicateDocFaces: flag,
  nfcRequired: flag,
  faceMatchingThresholdModifier: {
    valid: fc.oneof(fc.constantFrom(1, 0, -1, 1.5), finiteNumber),
    types: ['number'],
  },
  levenshteinTextMatchRatio: {
    valid: ratio,
    invalid: fc.constantFrom(1.01, -0.01, 2, -1),
    types: ['number'],
  },
  levenshteinMrzMatchRatio: { valid: ratio, invalid: fc.constantFrom(1.01, -0.01, 2, -1), types: ['number'] },
  checkUrjanet: flag,
  detectionTypes: listOf(detectionTypeValues, ['NOSE', 'face', '']),

  questionnaire: { valid: fc.oneof(text(0, 20), fc.constant(null)), types: ['string', 'null'] },
  questionnaireRequired: flag,
  riskAssessmentProfile: nullable({ valid: uuid, invalid: badUuid, types: ['string'] }),
  theme: nullable({ valid: uuid, invalid: badUuid, types: ['string'] }),
  registryCentersCountries: nullable({
    valid: fc.array(countryCode, { maxLength: 3 }),
    invalid: fc.oneof(mixedCaseCountry, unassignedCountry).map((c) => ['LT', c]),
    types: ['array'],
  }),
  verifyEmail: flag,
  verifyPhone: flag,
  verifyBank: flag,
  verifyBankAccounts: flag,
  verifyBankBalances: flag,
  verifyBankTransactions: flag,
  bankCardVerification: flag,
  bankCardPdfUpload: flag,
  verifyAddress: flag,
  checkAml: flag,
  checkCriminal: flag,
  checkPersonBlacklist: flag,
  checkDuplicatePersonalData: flag,
  checkDriverLicense: flag,
  checkLid: flag,
  allowBsnMasking: flag,
  nfcOptional: flag,
  ageLimit: wholeNumber(integerIn(0, 150), [-1, 17.5]),
  ageMax: wholeNumber(integerIn(0, 150), [-1, 99.5]),

  dummyStatus: enumOf(
    ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED', 'ACTIVE'],
    ['approved', 'REVIEWING', 'DELETED', ''],
  ),
};

export const FIELD_NAMES = Object.keys(FIELD_SPECS);

function specOf(field: string): FieldSpec {
  const spec = FIELD_SPECS[field];
  if (!spec) throw new Error(`no spec for ${field}`);
  return spec;
}

const VALUE_OF_TYPE: Record<JsonType, fc.Arbitrary<JsonValue>> = {
  string: fc.constantFrom('', 'true', '1', 'null', 'x'),
  number: fc.constantFrom(0, 1, -1, 600, 0.5),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.constantFrom<JsonValue>([], ['x'], [1]),
  object: fc.constantFrom<JsonValue>({}, { a: 1 }),
};

/** A value of a JSON type the field never accepts (null included, where it is not allowed). */
export function wrongType(field: string): fc.Arbitrary<JsonValue> {
  const spec = specOf(field);
  const wrong = (Object.keys(VALUE_OF_TYPE) as JsonType[]).filter((t) => !spec.types.includes(t));
  return fc.constantFrom(...wrong).chain((t) => VALUE_OF_TYPE[t]);
}

// ---------------------------------------------------------------------------------------------
// Whole requests

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Makes a body satisfy the cross-field rules, changing as little as possible. */
export function satisfyCrossFieldRules(request: JsonObject): JsonObject {
  const r = { ...request };
  if (r.utilityBill === true && isObject(r.additionalSteps)) r.utilityBill = false;
  if (isObject(r.additionalData) && (r.additionalSteps === undefined || r.additionalSteps === null)) {
    r.additionalSteps = { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE' } } } };
    if (r.utilityBill === true) r.utilityBill = false;
  }
  if (r.generateDigitString === true && typeof r.expiryTime === 'number' && r.expiryTime > 86400) {
    r.generateDigitString = false;
  }
  return r;
}

function recordOf(fields: readonly string[]): fc.Arbitrary<JsonObject> {
  const model = Object.fromEntries(
    fields.map((f) => {
      return [f, specOf(f).valid];
    }),
  );
  return fc.record(model, { requiredKeys: ['clientId'] }) as fc.Arbitrary<JsonObject>;
}

const optionalFields = FIELD_NAMES.filter((f) => f !== 'clientId');

/** A valid request: clientId plus a few (sometimes all) other properties. */
export const validRequest: fc.Arbitrary<JsonObject> = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc
        .shuffledSubarray(optionalFields, { maxLength: 8 })
        .chain((f) => recordOf(['clientId', ...f])),
    },
    { weight: 1, arbitrary: recordOf(FIELD_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom(...PAGE_EXAMPLES) },
  )
  .map(satisfyCrossFieldRules);

/** A misspelling of a known property (one edit, any change of case, or both), never a known property. */
export const misspeltKey: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...KNOWN_PROPERTIES),
    fc.nat(),
    fc.constantFrom('delete', 'swap', 'case', 'insert', 'replace', 'upper', 'upper+delete'),
  )
  .map(([known, n, edit]) => {
    const i = n % known.length;
    switch (edit) {
      case 'delete':
        return known.slice(0, i) + known.slice(i + 1);
      case 'swap':
        return known.slice(0, i) + (known[i + 1] ?? '') + (known[i] ?? '') + known.slice(i + 2);
      case 'case': {
        const c = known[i] ?? '';
        const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
        return known.slice(0, i) + flipped + known.slice(i + 1);
      }
      case 'insert':
        return `${known.slice(0, i)}x${known.slice(i)}`;
      case 'upper':
        return known.toUpperCase();
      case 'upper+delete':
        return (known.slice(0, i) + known.slice(i + 1)).toUpperCase();
      default:
        return `${known.slice(0, i)}q${known.slice(i + 1)}`;
    }
  })
  .filter((k) => !KNOWN_PROPERTIES.includes(k));

const unknownKey = fc.oneof(
  misspeltKey,
  fc.constantFrom('zzzzzz', 'apiKey', 'scanRef', 'authToken', 'digitString', 'message', 'client_id', ''),
  text(1, 12).filter((k) => !KNOWN_PROPERTIES.includes(k) && k !== '__proto__'),
);

type Mutation = (request: JsonObject) => fc.Arbitrary<{ value: JsonValue; mutation: string }>;

const fieldWithInvalid = FIELD_NAMES.filter((f) => specOf(f).invalid);

const breakOneField: Mutation = (r) =>
  fc.constantFrom(...fieldWithInvalid).chain((f) =>
    (specOf(f).invalid ?? fc.constant(null)).map((v) => ({
      value: { ...r, [f]: v },
      mutation: `invalid ${f}`,
    })),
  );
const wrongTypeOfOneField: Mutation = (r) =>
  fc
    .constantFrom(...FIELD_NAMES)
    .chain((f) => wrongType(f).map((v) => ({ value: { ...r, [f]: v }, mutation: `wrong type ${f}` })));
const addUnknownKey: Mutation = (r) =>
  fc.tuple(unknownKey, fc.constantFrom<JsonValue>('100000', true, 1, null)).map(([k, v]) => ({
    value: { ...r, [k]: v },
    mutation: 'unknown key',
  }));
const dropClientId: Mutation = (r) => {
  const { clientId: _dropped, ...rest } = r;
  return fc.constant({ value: rest, mutation: 'no clientId' });
};
const breakCrossFieldRule: Mutation = (r) =>
  fc.oneof(
    additionalSteps.map((steps) => ({
      value: { ...r, utilityBill: true, additionalSteps: steps },
      mutation: 'rule utilityBill+additionalSteps',
    })),
    additionalData.map((data) => {
      const { additionalSteps: _s, ...rest } = r;
      return { value: { ...rest, additionalData: data }, mutation: 'rule additionalData without steps' };
    }),
    fc.constant(null).chain(() =>
      additionalData.map((data) => ({
        value: { ...r, additionalData: data, additionalSteps: null },
        mutation: 'rule additionalData with null steps',
      })),
    ),
    integerIn(86401, 2592000).map((expiry) => ({
      value: { ...r, generateDigitString: true, expiryTime: expiry },
      mutation: 'rule generateDigitString+expiryTime',
    })),
  );
const replaceDocument: Mutation = () =>
  fc.constantFrom<JsonValue>(null, [], [{ clientId: '1' }], 'clientId', 100000, true).map((v) => ({
    value: v,
    mutation: 'not an object',
  }));

/** A valid request with exactly one thing broken. */
export const invalidRequest: fc.Arbitrary<RequestCase> = fc
  .tuple(
    validRequest,
    fc.constantFrom(
      breakOneField,
      breakOneField,
      wrongTypeOfOneField,
      addUnknownKey,
      dropClientId,
      breakCrossFieldRule,
      replaceDocument,
    ),
  )
  .chain(([r, mutate]) => mutate(r))
  .map(({ value, mutation }) => ({ value, mutation, expected: 'invalid' as const }));

/** Boundary values that are still valid, set on one field of a valid request. */
const nearBoundaryValid: fc.Arbitrary<RequestCase> = fc
  .tuple(
    validRequest,
    fc.constantFrom<[string, JsonValue][]>(
      [['expiryTime', 1]],
      [['expiryTime', 2592000]],
      [
        ['expiryTime', 86400],
        ['generateDigitString', true],
      ],
      [['sessionLength', 61]],
      [['sessionLength', 3599]],
      [['maxAttemptCount', 0]],
      [['levenshteinTextMatchRatio', 0]],
      [['levenshteinMrzMatchRatio', 1]],
      [
        ['utilityBill', true],
        ['additionalSteps', null],
      ],
      [['additionalData', null]],
      [
        ['country', null],
        ['nationality', null],
      ],
      [['dateOfBirth', '2024-02-29']],
      [['successUrl', urlOfLength(2048)]],
      [['address', 'a'.repeat(255)]],
      [['externalRef', 'a'.repeat(40)]],
    ),
  )
  .map(([r, edits]) => ({
    value: satisfyCrossFieldRulesKeeping(
      { ...r, ...Object.fromEntries(edits) },
      edits.map(([k]) => k),
    ),
    expected: 'valid' as const,
    mutation: `edge ${edits.map(([k]) => k).join('+')}`,
  }));

/** Like satisfyCrossFieldRules, but never touching the fields just set to an edge value. */
function satisfyCrossFieldRulesKeeping(request: JsonObject, keep: readonly string[]): JsonObject {
  const r = { ...request };
  if (r.utilityBill === true && isObject(r.additionalSteps)) {
    if (keep.includes('utilityBill')) r.additionalSteps = null;
    else r.utilityBill = false;
  }
  if (isObject(r.additionalData) && (r.additionalSteps === undefined || r.additionalSteps === null)) {
    r.additionalData = null;
  }
  if (r.generateDigitString === true && typeof r.expiryTime === 'number' && r.expiryTime > 86400) {
    r.generateDigitString = false;
  }
  return r;
}

export const validCase: fc.Arbitrary<RequestCase> = fc.oneof(
  {
    weight: 3,
    arbitrary: validRequest.map((value) => ({ value, expected: 'valid' as const, mutation: 'none' })),
  },
  { weight: 1, arbitrary: nearBoundaryValid },
);

/** Valid and invalid requests, about half each. */
export const requestCase: fc.Arbitrary<RequestCase> = fc.oneof(validCase, invalidRequest);

// ---------------------------------------------------------------------------------------------
// JSONC texts: what a person types, with comments, trailing commas, escapes and number spellings

/** A number leaf written exactly as `text` (JSON numbers that a JavaScript number cannot hold). */
export class RawNumber {
  constructor(readonly text: string) {}
}
export type JsoncValue =
  | null
  | boolean
  | number
  | string
  | RawNumber
  | JsoncValue[]
  | { [key: string]: JsoncValue };

/** Number spellings that a parse-and-stringify round trip changes (or loses). */
export const ODD_NUMBER_TEXTS = [
  '1e400',
  '-1e400',
  '1E-400',
  '-0',
  '-0.0',
  '12345678901234567890',
  '9007199254740993',
  '0.30000000000000004',
  '0.1000000000000000055511151231257827',
  '1.0',
  '600.0',
  '6E+2',
  '1e2',
  '-12.5e-3',
] as const;

const oddNumber = fc.constantFrom(...ODD_NUMBER_TEXTS).map((t) => new RawNumber(t));
const jsoncLeaf: fc.Arbitrary<JsoncValue> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  oddNumber,
);
/** Any JSON data, with numbers a round trip through a JavaScript number would change. */
export const jsoncData: fc.Arbitrary<JsoncValue> = fc.letrec<{ value: JsoncValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsoncLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const JSONC_TRIVIA = ['', ' ', '\n  ', '\t', '\r\n', '/* c */', '// c\n', '/**/', '\r'];

/**
 * `value` as JSONC text, every choice taken from `noise` (so fast-check shrinks it): whitespace and
 * comments between tokens, trailing commas, strings written as \u escapes, integers as `600.0` or
 * `6e2`, and, with `duplicates`, a repeated key now and then.
 */
export function writeJsonc(value: JsoncValue, noise: readonly number[], duplicates = false): string {
  let i = 0;
  const pick = () => noise[i++ % noise.length] ?? 0;
  const gap = () => JSONC_TRIVIA[pick() % JSONC_TRIVIA.length] as string;
  const str = (s: string) => {
    // Sometimes every character as a \u escape, which is where escaped surrogates come from.
    if (pick() % 5 !== 0) return JSON.stringify(s);
    return `"${[...Array(s.length).keys()].map((k) => `\\u${s.charCodeAt(k).toString(16).padStart(4, '0')}`).join('')}"`;
  };
  const num = (n: number) => {
    if (Object.is(n, -0)) return '-0';
    const plain = JSON.stringify(n);
    const how = pick() % 4;
    if (how === 1 && Number.isInteger(n) && !plain.includes('e')) return `${plain}.0`;
    if (how === 2 && !plain.includes('e')) return `${plain}e0`;
    return plain;
  };
  const go = (v: JsoncValue): string => {
    if (v instanceof RawNumber) return v.text;
    if (typeof v === 'number') return num(v);
    if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : JSON.stringify(v);
    const trailing = pick() % 7 === 0 ? ',' : '';
    if (Array.isArray(v))
      return `[${gap()}${v.map((x) => go(x)).join(`,${gap()}`)}${v.length ? trailing : ''}${gap()}]`;
    const entries = Object.entries(v);
    if (duplicates && entries.length > 0 && pick() % 6 === 0)
      entries.push(entries[0] as [string, JsoncValue]);
    const body = entries.map(([k, x]) => `${str(k)}${gap()}:${gap()}${go(x)}`).join(`,${gap()}`);
    return `{${gap()}${body}${entries.length ? trailing : ''}${gap()}}`;
  };
  return `${gap()}${go(value)}${gap()}`;
}
