/**
 * The body of iDenfy's "Create verification session" request (POST /api/v2/token), as a zod v4
 * model. This module is the single source of truth: the JSON Schema in schemas/, the editor's
 * hovers and completions, the pre-send check and the offline emulator all derive from it.
 *
 * Where iDenfy's sources disagree, the "Create verification session" page wins and the hover says so.
 */
import * as z from 'zod';
import { COUNTRIES } from './countries.generated';
import { brokenRules } from './cross-field-rules';
import {
  COUNTRY_PATTERN,
  FORBIDDEN_NAME_CHARACTERS,
  HTTPS_URL_PATTERN,
  NAME_PATTERN,
  STEP_COUNTRY_PATTERN,
  STEP_NAME_PATTERN,
  WEB_URL_PATTERN,
} from './patterns';
import {
  DETECTION_TYPES,
  DOCUMENT_TYPES,
  DUMMY_STATUSES,
  detectionTypeValues,
  documentTypeValues,
  dummyStatusValues,
  FRAUD_SERVICES,
  fraudServiceValues,
  LOCALES,
  localeValues,
  SEXES,
  STEP_TYPES,
  sexValues,
  stepTypeValues,
  type Term,
  TOKEN_TYPES,
  tokenTypeValues,
} from './vocabulary';

/** Where a property comes from; shown in hovers and counted by the tests. */
export type FieldOrigin = 'page' | 'custom-setting' | 'openapi' | 'dev-testing';

interface FieldDoc {
  origin: FieldOrigin;
  /** Plain sentence, used where markdown is not rendered. */
  description: string;
  /** Documented constraints, in markdown, one per line. */
  constraints?: readonly string[];
  /** Default as documented (rendered in the hover even where zod applies no default). */
  documentedDefault?: string;
  /** Where another iDenfy source says otherwise. */
  note?: string;
  examples?: readonly unknown[];
  /**
   * What iDenfy's answer holds for the field when the request leaves it out, for fields without a
   * zod default (the page: "the response ... returns default values for fields that were optional
   * and not specified"). Read by the emulator through responseDefaults(); null when not given.
   */
  responseDefault?: unknown;
}

const ORIGIN_LABEL: Record<FieldOrigin, string> = {
  page: '',
  'custom-setting':
    "_Custom setting: must be enabled in your iDenfy environment's configuration; the default depends on it._",
  openapi: "_From iDenfy's current OpenAPI model (not on the Create verification session page)._",
  'dev-testing':
    "_For testing: from iDenfy's notes on testing without real verifications (not on the Create verification session page)._",
};

export const FIELD_ORIGINS = new Map<string, FieldOrigin>();
const RESPONSE_DEFAULTS = new Map<string, unknown>();

/** Each constraint is shown as a list item; a full stop keeps it from reading like a cut sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function documented<T extends z.ZodType>(name: string, schema: T, doc: FieldDoc): T {
  FIELD_ORIGINS.set(name, doc.origin);
  if (doc.responseDefault !== undefined) RESPONSE_DEFAULTS.set(name, doc.responseDefault);
  const parts = [doc.description];
  if (doc.constraints?.length) parts.push(doc.constraints.map((c) => `- ${sentence(c)}`).join('\n'));
  if (doc.documentedDefault !== undefined) parts.push(`Default: ${sentence(doc.documentedDefault)}`);
  if (doc.note) parts.push(`Note: ${doc.note}`);
  if (ORIGIN_LABEL[doc.origin]) parts.push(ORIGIN_LABEL[doc.origin]);
  return schema.meta({
    description: doc.description,
    markdownDescription: parts.join('\n\n'),
    ...(doc.examples ? { examples: [...doc.examples] } : {}),
  });
}

/** A string pattern whose failure message is the same in zod and in the editor. */
function matching(pattern: RegExp, message: string) {
  // patternErrorMessage: the editor would otherwise show the regular expression itself.
  return z.string().regex(pattern, { error: message }).meta({ patternErrorMessage: message });
}

function described<V extends string>(terms: readonly Term<V>[], values: [V, ...V[]], what: string) {
  return z.enum(values, { error: `Use one of the ${what} values offered by completion.` }).meta({
    enumDescriptions: terms.map((t) => t.description),
    markdownEnumDescriptions: terms.map((t) => t.description),
  });
}

const NAME_MESSAGE = `Names may not contain digits or any of ${FORBIDDEN_NAME_CHARACTERS}`;
const name = () =>
  matching(NAME_PATTERN, NAME_MESSAGE).min(1).max(100).meta({ patternErrorMessage: NAME_MESSAGE });

const URL_MESSAGE =
  'Use a full http:// or https:// address, such as https://www.my-company.com/idenfy/success.';
const webUrl = () =>
  matching(WEB_URL_PATTERN, URL_MESSAGE).min(5).max(2048).meta({ patternErrorMessage: URL_MESSAGE });

const HTTPS_MESSAGE =
  'The callback URL must be an https:// address (iDenfy does not call plain http webhooks).';

const DATE_MESSAGE = 'Use a real calendar date in YYYY-MM-DD form, such as 1990-12-20.';
const date = () =>
  z.iso.date({ error: DATE_MESSAGE }).meta({ patternErrorMessage: DATE_MESSAGE, errorMessage: DATE_MESSAGE });

const COUNTRY_MESSAGE = 'Use an ISO 3166-1 alpha-2 country code, such as "LT" or "lt".';
const countrySnippets = COUNTRIES.map(([code, countryName]) => ({
  label: code,
  description: countryName,
  body: code,
}));
// One instance with an id: the schema holds the 250 codes once, under definitions, and refers to it.
const countryCodeSchema = matching(COUNTRY_PATTERN, COUNTRY_MESSAGE).meta({
  id: 'countryCode',
  patternErrorMessage: COUNTRY_MESSAGE,
  defaultSnippets: countrySnippets,
});
const countryCode = () => countryCodeSchema;

const UUID_MESSAGE = 'Use the UUID shown for it in the iDenfy dashboard.';
const uuid = () => z.uuid({ error: UUID_MESSAGE }).meta({ patternErrorMessage: UUID_MESSAGE });

// Off unless asked for: the answer shows false for a flag the request leaves out (the real default
// depends on the environment's configuration; the emulator's environment has none switched on).
const flag = (fieldName: string, description: string, origin: FieldOrigin = 'custom-setting', on = false) =>
  documented(fieldName, z.boolean().optional(), { origin, description, responseDefault: on });

const DOCUMENT_KEY_PATTERN = new RegExp(`^(?:ALL|${documentTypeValues.join('|')})$`);
const LANGUAGE_KEY_PATTERN = /^[a-z]{2}$/;

const stepText = z.strictObject({
  name: z.string().min(1).meta({ description: 'Title of the step shown to the client.' }),
  description: z.string().meta({ description: 'Explanation of the step shown to the client.' }),
});

const additionalStep = z
  .looseObject({
    type: described(STEP_TYPES, stepTypeValues, 'step type'),
    fields: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Fields to read from the uploaded document (EXTRACT and COMPARE).' }),
    texts: z
      .record(
        matching(LANGUAGE_KEY_PATTERN, 'Use a two-letter lower-case language code, such as "en".'),
        stepText,
      )
      .optional()
      .meta({ description: 'Texts shown to the client for this step, per language code.' }),
  })
  .meta({ description: 'One additional step: what the client must provide and what iDenfy does with it.' });

const additionalSteps = z.record(
  matching(STEP_COUNTRY_PATTERN, 'Use an alpha-2 country code or ALL.'),
  z.record(
    matching(DOCUMENT_KEY_PATTERN, 'Use a document type (such as ID_CARD) or ALL.'),
    z.record(matching(STEP_NAME_PATTERN, 'Step names are upper-case, such as UTILITY_BILL.'), additionalStep),
  ),
);

const DEFAULT_DOCUMENTS: (typeof documentTypeValues)[number][] = ['ID_CARD', 'PASSPORT'];

/** Every property of the request, in the page's order: the page's table, then custom settings, then OpenAPI extras. */
const requestShape = {
  // The page's request table (28 fields).
  clientId: documented('clientId', z.string().min(1).max(100), {
    origin: 'page',
    description: 'Your own identifier for the person being verified; it comes back in every result.',
    constraints: ['Required, not null', 'At most 100 characters'],
    examples: ['100000'],
  }),
  firstName: documented('firstName', name().optional(), {
    origin: 'page',
    description: "The person's first name(s), compared with the document.",
    constraints: ['1 to 100 characters', `No digits and none of \`${FORBIDDEN_NAME_CHARACTERS}\``],
    note: 'iDenfy returns names upper-cased. A name that differs from the document makes the result SUSPECTED (DOC_INFO_MISMATCH); iDenfy recommends sending only `clientId`.',
    examples: ['John Tom'],
  }),
  lastName: documented('lastName', name().optional(), {
    origin: 'page',
    description: "The person's surname(s), compared with the document.",
    constraints: ['1 to 100 characters', `No digits and none of \`${FORBIDDEN_NAME_CHARACTERS}\``],
    note: 'iDenfy returns names upper-cased.',
    examples: ['Smith'],
  }),
  successUrl: documented('successUrl', webUrl().default('https://ui.idenfy.com/result?status=success'), {
    origin: 'page',
    description: 'Where the client is sent after a successful verification.',
    constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
    documentedDefault: '`https://ui.idenfy.com/result?status=success`',
    examples: ['https://www.my-company.com/idenfy/success'],
  }),
  errorUrl: documented('errorUrl', webUrl().default('https://ui.idenfy.com/result?status=fail'), {
    origin: 'page',
    description: 'Where the client is sent after a failed verification.',
    constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
    documentedDefault: '`https://ui.idenfy.com/result?status=fail`',
    examples: ['https://www.my-company.com/idenfy/fail'],
  }),
  unverifiedUrl: documented(
    'unverifiedUrl',
    webUrl().default('https://ui.idenfy.com/result?status=unverified'),
    {
      origin: 'page',
      description:
        'Where the client is sent when the verification was not analysed, e.g. they cancelled at once.',
      constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
      documentedDefault: '`https://ui.idenfy.com/result?status=unverified`',
      examples: ['https://www.my-company.com/idenfy/unverified'],
    },
  ),
  locale: documented('locale', described(LOCALES, localeValues, 'locale').default('en'), {
    origin: 'page',
    description: 'Language the verification UI opens in.',
    documentedDefault: '`en`',
    note: 'The iframe integration ignores it: append `&lang=xx` to the iframe URL instead.',
  }),
  showInstructions: documented('showInstructions', z.boolean().default(true), {
    origin: 'page',
    description: 'Whether the client sees instructions before starting.',
    documentedDefault: '`true`',
  }),
  expiryTime: documented('expiryTime', z.int().min(1).max(2592000).default(86400), {
    origin: 'page',
    description: 'Seconds until the new token stops working.',
    constraints: [
      'More than 0',
      'At most 2592000 (30 days)',
      'At most 86400 when `generateDigitString` is true',
    ],
    documentedDefault: '`86400` (24 hours)',
    note: "The page's example responses show 3600; its table (86400) is taken as right.",
    examples: [600, 3600, 86400],
  }),
  sessionLength: documented('sessionLength', z.int().min(61).max(3599).default(1800), {
    origin: 'page',
    description: 'Seconds the client has to complete the verification once started.',
    constraints: ['More than 60', 'Less than 3600'],
    documentedDefault: '`1800` (30 minutes)',
    note: "iDenfy's OpenAPI model allows 60 to 3600 inclusive; the page (more than 60, less than 3600) is followed here.",
    examples: [600, 1800],
  }),
  country: documented('country', countryCode().nullable().default(null), {
    origin: 'page',
    description: 'Document country fixed for the client, who then cannot pick another.',
    constraints: ['ISO 3166-1 alpha-2 code, upper or lower case'],
    documentedDefault: '`null` (the client chooses)',
    note: 'Some newer iDenfy guides pass an array of codes; the page documents a single code.',
  }),
  documents: documented(
    'documents',
    z.array(described(DOCUMENT_TYPES, documentTypeValues, 'document type')).default(DEFAULT_DOCUMENTS),
    {
      origin: 'page',
      description: 'Document types the client may verify with.',
      documentedDefault: '`["ID_CARD", "PASSPORT"]`',
      examples: [['PASSPORT'], ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE']],
    },
  ),
  dateOfBirth: documented('dateOfBirth', date().nullable().default(null), {
    origin: 'page',
    description: "The person's date of birth, compared with the document.",
    constraints: ['A real date, YYYY-MM-DD'],
    documentedDefault: '`null`',
    examples: ['1990-12-20'],
  }),
  dateOfExpiry: documented('dateOfExpiry', date().nullable().default(null), {
    origin: 'page',
    description: "The document's expiry date, compared with the document.",
    constraints: ['A real date, YYYY-MM-DD'],
    documentedDefault: '`null`',
    examples: ['2030-12-20'],
  }),
  dateOfIssue: documented('dateOfIssue', date().nullable().default(null), {
    origin: 'page',
    description: "The document's issue date, compared with the document.",
    constraints: ['A real date, YYYY-MM-DD'],
    documentedDefault: '`null`',
    examples: ['2020-12-20'],
  }),
  nationality: documented('nationality', countryCode().nullable().default(null), {
    origin: 'page',
    description: "The person's nationality, compared with the document.",
    constraints: ['ISO 3166-1 alpha-2 code, upper or lower case'],
    documentedDefault: '`null`',
  }),
  personalNumber: documented('personalNumber', z.string().min(1).nullable().default(null), {
    origin: 'page',
    description: "The person's personal or national number, compared with the document.",
    constraints: ['At least 1 character'],
    documentedDefault: '`null`',
    examples: ['123456789'],
  }),
  documentNumber: documented('documentNumber', z.string().min(1).nullable().default(null), {
    origin: 'page',
    description: "The document's number, compared with the document.",
    constraints: ['At least 1 character'],
    documentedDefault: '`null`',
    examples: ['123456'],
  }),
  sex: documented('sex', described(SEXES, sexValues, 'sex').nullable().default(null), {
    origin: 'page',
    description: "The person's sex as printed on the document.",
    documentedDefault: '`null`',
  }),
  generateDigitString: documented('generateDigitString', z.boolean().default(false), {
    origin: 'page',
    description: "Also create an 8-digit code the client can type into iDenfy's mobile app.",
    constraints: [
      'Your contract must allow digit codes',
      'When true, `expiryTime` may not exceed 86400 (the digit code lives at most that long)',
    ],
    documentedDefault: '`false`',
  }),
  address: documented('address', z.string().max(255).nullable().default(null), {
    origin: 'page',
    description: "The person's address as you know it.",
    constraints: ['At most 255 characters'],
    documentedDefault: '`null`',
    examples: ['Address'],
  }),
  tokenType: documented(
    'tokenType',
    described(TOKEN_TYPES, tokenTypeValues, 'token type').default('IDENTIFICATION'),
    {
      origin: 'page',
      description: 'What kind of verification the client goes through.',
      documentedDefault: '`IDENTIFICATION`',
      note: "iDenfy's OpenAPI model lists only IDENTIFICATION and DOCUMENT and marks the field required; the page (five values, optional) is followed here.",
    },
  ),
  videoCallQuestions: documented('videoCallQuestions', z.array(z.string()).default([]), {
    origin: 'page',
    description: 'Questions the agent asks the client during a video call.',
    documentedDefault: '`[]`',
    examples: [['Question 1', 'Question 2']],
  }),
  externalRef: documented('externalRef', z.string().max(40).nullable().default(null), {
    origin: 'page',
    description: 'Your own extra reference to link the verification to your records.',
    constraints: ['At most 40 characters'],
    documentedDefault: '`null`',
    examples: ['reference'],
  }),
  utilityBill: documented('utilityBill', z.boolean().default(false), {
    origin: 'page',
    description: 'Ask the client to upload a utility bill as an extra step.',
    constraints: ['Cannot be true together with `additionalSteps`'],
    documentedDefault: '`false`',
  }),
  additionalSteps: documented('additionalSteps', additionalSteps.nullable().default(null), {
    origin: 'page',
    description:
      'Extra uploads the client must make, keyed by country (or ALL), then document type (or ALL), then step name.',
    constraints: [
      'Shape: `{"<country|ALL>": {"<document type|ALL>": {"<STEP_NAME>": {"type": "UPLOAD|EXTRACT|COMPARE"}}}}`',
      'Cannot be used together with `utilityBill: true`',
      'Steps use credits and must be enabled by iDenfy',
    ],
    documentedDefault: '`null`',
    examples: [{ ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD' } } } }],
  }),
  additionalData: documented('additionalData', z.record(z.string(), z.unknown()).nullable().default(null), {
    origin: 'page',
    description:
      'Data that `COMPARE` steps check the uploads against, keyed like the steps, e.g. by step name.',
    constraints: ['A JSON object', 'Only used together with `additionalSteps`'],
    documentedDefault: '`null`',
    examples: [{ UTILITY_BILL: { address: 'Address' } }],
  }),
  callbackUrl: documented(
    'callbackUrl',
    matching(HTTPS_URL_PATTERN, HTTPS_MESSAGE)
      .min(5)
      .max(2048)
      .meta({ patternErrorMessage: HTTPS_MESSAGE })
      .optional(),
    {
      origin: 'page',
      description: "Webhook that receives this session's results, instead of the one set in the dashboard.",
      constraints: [
        'An https:// URL with a valid certificate',
        'Needs a permission on your account (ask iDenfy support if refused)',
      ],
      examples: ['https://mywebsite.com/idenfy/webhookendpoint'],
    },
  ),

  // Custom settings (18), each needing to be enabled in the environment's configuration.
  checkLiveness: flag('checkLiveness', 'Add liveness (face presence) detection to this session.'),
  reviewSuccessful: flag('reviewSuccessful', "Have iDenfy's review team re-check verifications that passed."),
  reviewFailed: flag('reviewFailed', "Have iDenfy's review team re-check verifications that failed."),
  driverLicenseBack: flag('driverLicenseBack', "Let the client upload the back of a driver's licence."),
  autoAmlMonitoring: flag('autoAmlMonitoring', 'Add the verified person to ongoing AML monitoring.'),
  fraudServices: documented(
    'fraudServices',
    z.array(described(FRAUD_SERVICES, fraudServiceValues, 'fraud service')).optional(),
    {
      origin: 'custom-setting',
      description: 'Fraud checks to run for this verification.',
      examples: [['AML_NAMES_CHECK']],
      responseDefault: [],
    },
  ),
  checkIpProxy: flag('checkIpProxy', 'Check whether the client used an IP proxy.'),
  maxAttemptCount: documented('maxAttemptCount', z.int().min(0).optional(), {
    origin: 'custom-setting',
    description: 'How many more tries the client gets after a failed automatic check (0: first try only).',
    constraints: ['A whole number, 0 or more'],
    examples: [0, 3],
  }),
  checkFaceBlacklist: flag(
    'checkFaceBlacklist',
    "Mark as suspected if the selfie matches your environment's face blacklist.",
  ),
  checkDocFaceBlacklist: flag(
    'checkDocFaceBlacklist',
    "Check the document photo against your environment's face blacklist.",
  ),
  checkDuplicateFaces: flag('checkDuplicateFaces', 'Look for an earlier verification of the same face.'),
  checkDuplicateDocFaces: flag(
    'checkDuplicateDocFaces',
    'Look for an earlier verification with the same document face.',
  ),
  nfcRequired: flag('nfcRequired', "Require reading the document's NFC chip."),
  faceMatchingThresholdModifier: documented('faceMatchingThresholdModifier', z.number().default(1), {
    origin: 'custom-setting',
    description: 'Sensitivity of face matching; 1 is the tested optimum.',
    documentedDefault: '`1`',
    note: 'Change at your own risk.',
    examples: [1],
  }),
  levenshteinTextMatchRatio: documented('levenshteinTextMatchRatio', z.number().min(0).max(1).default(0.8), {
    origin: 'custom-setting',
    description: 'How similar document text must be to what you sent (Levenshtein ratio).',
    constraints: ['A ratio from 0 to 1'],
    documentedDefault: '`0.8` (tested optimum)',
    examples: [0.8],
  }),
  levenshteinMrzMatchRatio: documented('levenshteinMrzMatchRatio', z.number().min(0).max(1).default(0.7), {
    origin: 'custom-setting',
    description: "How similar the document's MRZ must be (Levenshtein ratio).",
    constraints: ['A ratio from 0 to 1'],
    documentedDefault: '`0.7` (tested optimum)',
    examples: [0.7],
  }),
  checkUrjanet: flag('checkUrjanet', 'Check the utility-bill address with Urjanet.'),
  detectionTypes: documented(
    'detectionTypes',
    z.array(described(DETECTION_TYPES, detectionTypeValues, 'detection type')).optional(),
    {
      origin: 'custom-setting',
      description: 'Detection priority for selfies taken on mobile.',
      examples: [['FACE', 'EYES']],
      responseDefault: [],
    },
  ),

  // Optional fields of iDenfy's current OpenAPI model that the page does not list.
  questionnaire: documented('questionnaire', z.string().nullable().optional(), {
    origin: 'openapi',
    description: 'Questionnaire the client fills in during the session.',
  }),
  questionnaireRequired: flag(
    'questionnaireRequired',
    'Whether the questionnaire must be filled in.',
    'openapi',
    true, // the OpenAPI model's default
  ),
  riskAssessmentProfile: documented('riskAssessmentProfile', uuid().nullable().optional(), {
    origin: 'openapi',
    description: 'Risk assessment profile (UUID) applied to the result.',
  }),
  theme: documented('theme', uuid().nullable().optional(), {
    origin: 'openapi',
    description: 'UI theme (UUID) for the verification pages.',
  }),
  registryCentersCountries: documented(
    'registryCentersCountries',
    z.array(countryCode()).nullable().optional(),
    {
      origin: 'openapi',
      description: 'Countries whose registry centres are checked for the person.',
      examples: [['LT']],
      responseDefault: [], // an array in the OpenAPI response model, never null
    },
  ),
  verifyEmail: flag('verifyEmail', "Verify the client's e-mail address.", 'openapi'),
  verifyPhone: flag('verifyPhone', "Verify the client's phone number.", 'openapi'),
  verifyBank: flag('verifyBank', "Verify the client's bank.", 'openapi'),
  verifyBankAccounts: flag('verifyBankAccounts', "Verify the client's bank accounts.", 'openapi'),
  verifyBankBalances: flag('verifyBankBalances', "Verify the client's bank balances.", 'openapi'),
  verifyBankTransactions: flag('verifyBankTransactions', "Verify the client's bank transactions.", 'openapi'),
  bankCardVerification: flag('bankCardVerification', "Verify the client's bank card.", 'openapi'),
  bankCardPdfUpload: flag(
    'bankCardPdfUpload',
    'Let the client upload a bank card statement as PDF.',
    'openapi',
  ),
  verifyAddress: flag('verifyAddress', "Verify the client's address.", 'openapi'),
  checkAml: flag('checkAml', 'Run an AML check.', 'openapi'),
  checkCriminal: flag('checkCriminal', 'Run a criminal record check.', 'openapi'),
  checkPersonBlacklist: flag(
    'checkPersonBlacklist',
    "Check the person against your environment's blacklist.",
    'openapi',
  ),
  checkDuplicatePersonalData: flag(
    'checkDuplicatePersonalData',
    'Look for an earlier verification with the same personal data.',
    'openapi',
  ),
  checkDriverLicense: flag('checkDriverLicense', "Check the driver's licence against registries.", 'openapi'),
  checkLid: flag('checkLid', 'Check lost and invalid document databases.', 'openapi'),
  allowBsnMasking: flag(
    'allowBsnMasking',
    'Allow the Dutch BSN number to be masked on the document.',
    'openapi',
  ),
  nfcOptional: flag('nfcOptional', 'Offer NFC chip reading without requiring it.', 'openapi'),
  ageLimit: documented('ageLimit', z.int().min(0).optional(), {
    origin: 'openapi',
    description: 'Minimum age; a younger person makes the result SUSPECTED.',
    examples: [18],
  }),
  ageMax: documented('ageMax', z.int().min(0).optional(), {
    origin: 'openapi',
    description: 'Maximum age; an older person makes the result SUSPECTED.',
    examples: [99],
  }),

  // Testing without real verifications (iDenfy's notes; not on the page).
  dummyStatus: documented(
    'dummyStatus',
    described(DUMMY_STATUSES, dummyStatusValues, 'dummy status').optional(),
    {
      origin: 'dev-testing',
      description:
        'Create a dummy verification that is already finished with this status, for testing result handling without a real client.',
      constraints: [
        "Works only for partners in iDenfy's DEV environment",
        'TEST and PROD partners get `PERMISSIONS_ERROR` ("This endpoint is not available for ... partners")',
        "iDenfy sends the verification's webhook as for a real one",
        'The answer\'s message is "Dummy token and verification created successfully"',
      ],
      note: '`ACTIVE` is listed by older iDenfy pages only.',
      examples: ['APPROVED'],
    },
  ),
};

export const KNOWN_PROPERTIES: readonly string[] = Object.keys(requestShape);

/**
 * What iDenfy's answer holds for each optional property the request leaves out: the zod default
 * where the page documents one, otherwise the field's responseDefault (null when it has none).
 * Testing-only fields are answered only when sent.
 */
export function responseDefaults(): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(requestShape)) {
    if (name === 'clientId' || FIELD_ORIGINS.get(name) === 'dev-testing') continue;
    const parsed = (schema as z.ZodType).safeParse(undefined);
    defaults[name] =
      parsed.success && parsed.data !== undefined ? parsed.data : (RESPONSE_DEFAULTS.get(name) ?? null);
  }
  return defaults;
}

export const createSessionRequest = z
  // Unknown keys are refused; validate.ts words the message, with the nearest known name.
  .strictObject(requestShape)
  .superRefine((request, ctx) => {
    for (const rule of brokenRules(request)) {
      ctx.addIssue({ code: 'custom', path: [rule.report], message: rule.message, params: { rule: rule.id } });
    }
  })
  .meta({
    title: 'iDenfy: Create verification session',
    description: 'Body of POST https://ivs.idenfy.com/api/v2/token.',
  });

/** What iDenfy works with (defaults filled). */
export type CreateSessionRequest = z.output<typeof createSessionRequest>;
