/**
 * The closed value sets of the request, each value with a one-line meaning.
 * Order follows iDenfy's "Create verification session" page, so completion lists read like the docs.
 */

export interface Term<V extends string = string> {
  value: V;
  description: string;
}

function values<V extends string>(terms: readonly Term<V>[]): [V, ...V[]] {
  return terms.map((t) => t.value) as [V, ...V[]];
}

export const DOCUMENT_TYPES = [
  { value: 'ID_CARD', description: 'National identity card.' },
  { value: 'PASSPORT', description: 'Passport.' },
  { value: 'RESIDENCE_PERMIT', description: 'Residence permit card.' },
  { value: 'DRIVER_LICENSE', description: "Driver's licence." },
  { value: 'AADHAAR', description: 'Indian Aadhaar card.' },
  { value: 'PAN_CARD', description: 'Indian Permanent Account Number card.' },
  { value: 'VISA', description: 'Visa.' },
  { value: 'BORDER_CROSSING', description: 'Border crossing card.' },
  { value: 'ASYLUM', description: 'Asylum seeker document.' },
  { value: 'NATIONAL_PASSPORT', description: 'National (domestic) passport.' },
  { value: 'INTERNATIONAL_PASSPORT', description: 'International passport.' },
  { value: 'VOTER_CARD', description: 'Voter identity card.' },
  { value: 'OLD_ID_CARD', description: 'Older-format identity card.' },
  { value: 'TRAVEL_CARD', description: 'Travel card.' },
  { value: 'PHOTO_CARD', description: 'Photo card.' },
  { value: 'MILITARY_CARD', description: 'Military identity card.' },
  { value: 'PROOF_OF_AGE_CARD', description: 'Proof-of-age card.' },
  { value: 'DIPLOMATIC_ID', description: 'Diplomatic identity card.' },
] as const satisfies readonly Term[];

export const LOCALE_CODES = [
  'lt',
  'en',
  'ru',
  'pl',
  'lv',
  'ro',
  'it',
  'de',
  'fr',
  'sv',
  'es',
  'hu',
  'ja',
  'bg',
  'et',
  'cs',
] as const;

// Language names come from the ICU data built into Node, not from a hand-typed list.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export const LOCALES: readonly Term<(typeof LOCALE_CODES)[number]>[] = LOCALE_CODES.map((code) => ({
  value: code,
  description: languageNames.of(code) ?? code,
}));

export const TOKEN_TYPES = [
  { value: 'DOCUMENT', description: 'Document check only: the client photographs the document, no selfie.' },
  { value: 'IDENTIFICATION', description: 'Document and face (selfie) check. The default.' },
  { value: 'VIDEO_CALL', description: 'Identification through a live video call with an iDenfy agent.' },
  {
    value: 'VIDEO_CALL_PHOTOS',
    description: 'Video call, with document and face photos taken during the call.',
  },
  {
    value: 'VIDEO_CALL_IDENTIFICATION',
    description: 'Automatic identification first, then a video call with an agent.',
  },
] as const satisfies readonly Term[];

export const SEXES = [
  { value: 'M', description: 'Male.' },
  { value: 'F', description: 'Female.' },
] as const satisfies readonly Term[];

export const FRAUD_SERVICES = [
  { value: 'AML_NAMES_CHECK', description: 'Screen the name against AML sanctions and PEP lists.' },
  { value: 'LID', description: 'Check the document against lost and invalid document databases.' },
  { value: 'AML_NEWS', description: 'Screen adverse media (news) for the person.' },
] as const satisfies readonly Term[];

export const DETECTION_TYPES = [
  { value: 'FACE', description: 'Prioritise whole-face detection in the selfie.' },
  { value: 'EYES', description: 'Prioritise eye detection in the selfie.' },
] as const satisfies readonly Term[];

export const STEP_TYPES = [
  { value: 'UPLOAD', description: 'The client uploads a photo or file; nothing is read from it.' },
  {
    value: 'EXTRACT',
    description: 'The client uploads a document and iDenfy reads the listed fields from it.',
  },
  {
    value: 'COMPARE',
    description: 'iDenfy reads the fields and compares them with `additionalData` for the same step.',
  },
] as const satisfies readonly Term[];

/** `dummyStatus`: the outcome a dummy verification is created with (DEV-environment partners only). */
export const DUMMY_STATUSES = [
  {
    value: 'APPROVED',
    description: 'The verification is created already finished as approved, and its webhook is sent.',
  },
  {
    value: 'DENIED',
    description: 'The verification is created already finished as denied (failed), and its webhook is sent.',
  },
  {
    value: 'SUSPECTED',
    description: 'The verification is created already finished as suspected, and its webhook is sent.',
  },
  {
    value: 'EXPIRED',
    description: 'The verification is created already expired: the client never finished it.',
  },
  {
    value: 'ACTIVE',
    description:
      'Listed by older iDenfy pages only: the verification is created active, waiting for the client.',
  },
] as const satisfies readonly Term[];

export const documentTypeValues = values(DOCUMENT_TYPES);
export const localeValues = values(LOCALES);
export const tokenTypeValues = values(TOKEN_TYPES);
export const sexValues = values(SEXES);
export const fraudServiceValues = values(FRAUD_SERVICES);
export const detectionTypeValues = values(DETECTION_TYPES);
export const stepTypeValues = values(STEP_TYPES);
export const dummyStatusValues = values(DUMMY_STATUSES);
