/**
 * The closed value sets of iDenfy's verification results, each value with a one-line meaning a
 * developer can act on. Values and their order are those of iDenfy's OpenAPI
 * (components.schemas: IdentificationStatusEnum, FraudTagsEnum, InfoMismatchEnum,
 * DocumentStatusEnum, FaceStatusEnum); test/unit/model-result.test.ts checks them against the yml.
 */
import type { Term } from './vocabulary';

/** `status.overall` (IdentificationStatusEnum). */
export const OVERALL_STATUSES = [
  {
    value: 'APPROVED',
    description: 'Verified: the document is valid and the face matches. Let the person through.',
  },
  {
    value: 'DENIED',
    description:
      'Failed: a document or face check failed (see autoDocument/autoFace or the manual values). Do not onboard; let the person retry with a new session.',
  },
  {
    value: 'SUSPECTED',
    description:
      'Checks passed but fraud or mismatch tags were raised (see fraudTags/mismatchTags). Review before onboarding.',
  },
  {
    value: 'REVIEWING',
    description:
      'Finished by the person and waiting for manual review by iDenfy; a final result (and webhook) follows.',
  },
  {
    value: 'EXPIRED',
    description: 'The token expired before the person finished. Create a new session to try again.',
  },
  {
    value: 'ACTIVE',
    description: 'Created and still valid; the person has not finished the verification yet.',
  },
  {
    value: 'DELETED',
    description:
      'The personal data of this verification was deleted (POST /api/v2/delete); only the record remains.',
  },
  {
    value: 'ARCHIVED',
    description: 'Archived in the dashboard; still readable but no longer in the active lists.',
  },
] as const satisfies readonly Term[];

/** `status.fraudTags[]` (FraudTagsEnum): indicators that can make a result SUSPECTED. */
export const FRAUD_TAGS = [
  {
    value: 'FACE_IN_BLACKLIST',
    description: 'The selfie matches a face on your blocklist. Treat as a known bad actor.',
  },
  {
    value: 'DOC_FACE_IN_BLACKLIST',
    description: "The document's portrait matches a face on your blocklist. Treat as a known bad actor.",
  },
  {
    value: 'DATA_BLACKLISTED',
    description: "The person's data (name, date of birth, document number) is on your data blocklist.",
  },
  { value: 'DATA_IN_BLACKLIST', description: "The person's data matches an entry of a data blocklist." },
  {
    value: 'DUPLICATE_FACE',
    description:
      'The same selfie face was seen in another verification (data.duplicateFaces lists them). Check for multiple accounts.',
  },
  {
    value: 'DUPLICATE_DOC_FACE',
    description:
      'The same document portrait was seen in another verification (data.duplicateDocFaces). Check for multiple accounts.',
  },
  {
    value: 'DUPLICATE_PERSONAL_DATA',
    description: 'The same personal data was used in another verification. Check for multiple accounts.',
  },
  {
    value: 'VIRTUAL_CAMERA',
    description:
      'A virtual (software) camera was used instead of a real one: likely injection of fake video.',
  },
  {
    value: 'ADDRESS_UNVERIFIED',
    description: 'The address could not be verified. Ask for proof of address.',
  },
  {
    value: 'PORTRAIT_SUBSTITUTION',
    description: "The document's portrait looks replaced or tampered with. Treat the document as forged.",
  },
  { value: 'FACE_SUSPECTED', description: 'The selfie looks suspicious (e.g. a mask, screen or photo).' },
  { value: 'FACE_BLACKLISTED', description: "The selfie matches a face on iDenfy's or your blocklist." },
  {
    value: 'DOC_FACE_BLACKLISTED',
    description: "The document's portrait matches a face on iDenfy's or your blocklist.",
  },
  {
    value: 'DOC_MOBILE_PHOTO',
    description:
      'The document was photographed off a phone or other screen instead of being held physically.',
  },
  {
    value: 'DEV_TOOLS_OPENED',
    description:
      "Browser developer tools were opened during the verification: possible tampering with iDenfy's UI.",
  },
  {
    value: 'DOC_PRINT_SPOOFED',
    description: 'The document is a printed copy rather than the original.',
  },
  { value: 'FAKE_PHOTO', description: 'The photo looks generated or manipulated.' },
  {
    value: 'AML_SUSPECTION',
    description: 'The AML screening found a possible sanctions or PEP match. Review the AML block.',
  },
  {
    value: 'AML_FAILED',
    description: 'The AML screening could not be completed. Re-run or screen manually.',
  },
  {
    value: 'LID_SUSPECTION',
    description: 'The document appears in a lost, stolen or invalid document database. Review the LID block.',
  },
  { value: 'LID_FAILED', description: 'The lost/invalid document check could not be completed.' },
  {
    value: 'SANCTIONS_SUSPECTION',
    description: 'The sanctions screening found a possible match. Review before onboarding.',
  },
  { value: 'SANCTIONS_FAILED', description: 'The sanctions screening could not be completed.' },
  {
    value: 'CRIMINAL_SUSPECTED',
    description: 'The criminal record check found a possible match. Review the CRIMINAL_CHECK block.',
  },
  { value: 'CRIMINAL_CHECK_FAILED', description: 'The criminal record check could not be completed.' },
  {
    value: 'RC_FAILED',
    description: 'The registry centre check (a government registry lookup) failed or found no match.',
  },
  {
    value: 'DL_FAILED',
    description: "The driver's licence check against the issuing registry failed or found no match.",
  },
  {
    value: 'AUTO_UNVERIFIABLE',
    description: 'Automatic checks could not decide; a manual review is needed for a final result.',
  },
] as const satisfies readonly Term[];

/** `status.mismatchTags[]` (InfoMismatchEnum): what differs between the request's data and the document. */
export const MISMATCH_TAGS = [
  { value: 'NAME', description: 'The first name on the document differs from the firstName sent.' },
  { value: 'SURNAME', description: 'The last name on the document differs from the lastName sent.' },
  {
    value: 'DOCUMENT_NUMBER',
    description: 'The document number differs from the documentNumber sent.',
  },
  { value: 'PERSONAL_CODE', description: 'The personal code differs from the personalNumber sent.' },
  { value: 'EXPIRY_DATE', description: 'The expiry date differs from the dateOfExpiry sent.' },
  { value: 'DATE_OF_BIRTH', description: 'The date of birth differs from the dateOfBirth sent.' },
  { value: 'DATE_OF_ISSUE', description: 'The issue date differs from the dateOfIssue sent.' },
  { value: 'NATIONALITY', description: 'The nationality differs from the nationality sent.' },
  { value: 'SEX', description: 'The sex on the document differs from the sex sent.' },
  { value: 'FULL_NAME', description: 'The full name differs from the names sent.' },
  {
    value: 'DOC_INFO_MISMATCH',
    description:
      'Data on the document is inconsistent with itself (e.g. the MRZ disagrees with the printed fields).',
  },
  { value: 'UNDER_AGE', description: 'The person is younger than the minimum age set for your account.' },
  { value: 'OVER_AGE', description: 'The person is older than the maximum age set for your account.' },
  { value: 'UNKNOWN_AGE', description: 'The age could not be determined from the document.' },
  {
    value: 'UTILITY_ADDRESS',
    description: "The utility bill's address differs from the address sent.",
  },
  { value: 'UTILITY_NAME', description: "The utility bill's name differs from the person's name." },
  {
    value: 'EXPIRED_UTILITY_BILL',
    description: 'The utility bill is too old to prove the address. Ask for a recent one.',
  },
  {
    value: 'INVALID_ADDITIONAL_STEP',
    description: 'The file uploaded for an additional step is not the document that step asks for.',
  },
  {
    value: 'ADDITIONAL_STEP_NOT_FOUND',
    description: 'No document was found in the file uploaded for an additional step.',
  },
  {
    value: 'ADDITIONAL_STEP_INFORMATION_MISMATCH',
    description: 'Data read in an additional (COMPARE) step differs from the additionalData sent.',
  },
  {
    value: 'EXPIRED_ADDITIONAL_STEP_INFORMATION',
    description: 'The document uploaded in an additional step has expired.',
  },
  {
    value: 'REGISTRY_CENTER_INFO_MISMATCH',
    description: 'Data from the government registry differs from the document.',
  },
  {
    value: 'DRIVER_LICENSE_INFO_MISMATCH',
    description: "Data from the driver's licence registry differs from the document.",
  },
  {
    value: 'NOT_SUPPORTED_POA_DOCUMENT_TYPE',
    description: 'The proof-of-address document is of a type that is not accepted.',
  },
  {
    value: 'NOT_SUPPORTED_POA_DOCUMENT_COUNTRY',
    description: 'The proof-of-address document is from a country that is not accepted.',
  },
  {
    value: 'POA_COUNTRIES_MISMATCH',
    description: "The proof-of-address country differs from the identity document's country.",
  },
  {
    value: 'POA_SCREENSHOT_DETECTED',
    description: 'The proof-of-address document is a screenshot, not an original file or photo.',
  },
] as const satisfies readonly Term[];

/** `autoDocument` / `manualDocument` (DocumentStatusEnum). */
export const DOCUMENT_STATUSES = [
  { value: 'DOC_VALIDATED', description: 'The document passed every check.' },
  {
    value: 'DOC_INFO_MISMATCH',
    description: 'Data on the document does not agree with itself or with the data sent; see mismatchTags.',
  },
  { value: 'DOC_NOT_FOUND', description: 'No document was found in the photos. The person should retry.' },
  {
    value: 'DOC_NOT_FULLY_VISIBLE',
    description: 'Part of the document is outside the photo or covered. The person should retry.',
  },
  {
    value: 'DOC_FACE_NOT_FOUND',
    description: 'No portrait was found on the document, so the face could not be compared.',
  },
  {
    value: 'DOC_TOO_BLURRY',
    description: 'The document photo is too blurry to read. The person should retry.',
  },
  {
    value: 'DOC_GLARED',
    description: 'Glare on the document hides data. The person should retry without direct light.',
  },
  { value: 'DOC_FACE_GLARED', description: "Glare covers the document's portrait." },
  { value: 'MRZ_NOT_FOUND', description: 'The machine-readable zone was not found on the document.' },
  {
    value: 'MRZ_OCR_READING_ERROR',
    description: 'The machine-readable zone was found but could not be read.',
  },
  { value: 'BARCODE_NOT_FOUND', description: "The document's barcode was not found or could not be read." },
  { value: 'DOC_EXPIRED', description: 'The document has expired. Ask for a valid document.' },
  {
    value: 'DOC_NOT_SUPPORTED',
    description: 'This kind of document is not supported by iDenfy.',
  },
  {
    value: 'COUNTRY_NOT_SUPPORTED',
    description: "Documents from this country are not supported (or not allowed by your account's settings).",
  },
  {
    value: 'COUNTRY_MISMATCH',
    description: 'The document is from a different country than the one selected or required.',
  },
  {
    value: 'DOC_TYPE_MISMATCH',
    description:
      'The document is of a different type than the one selected (e.g. a passport for an ID card).',
  },
  {
    value: 'DOC_SUBTYPE_MISMATCH',
    description: 'The document is a different version or subtype than expected.',
  },
  {
    value: 'DOC_SIDE_MISMATCH',
    description: 'The wrong side of the document was photographed (e.g. the front twice).',
  },
  { value: 'DOC_DAMAGED', description: 'The document is physically damaged.' },
  { value: 'DOC_FAKE', description: 'The document is judged forged. Do not onboard.' },
  {
    value: 'DOC_PERSONAL_CODE_INVALID',
    description: "The document's personal code fails its checksum or format.",
  },
  {
    value: 'DOC_NOT_ALLOWED',
    description: 'The document type is not in the documents allowed for this session.',
  },
  { value: 'DOC_NAME_ERROR', description: 'The first name could not be read correctly.' },
  { value: 'DOC_SURNAME_ERROR', description: 'The last name could not be read correctly.' },
  { value: 'DOC_EXPIRY_ERROR', description: 'The expiry date could not be read correctly.' },
  { value: 'DOC_DOB_ERROR', description: 'The date of birth could not be read correctly.' },
  { value: 'DOC_PERSONAL_NUMBER_ERROR', description: 'The personal number could not be read correctly.' },
  { value: 'DOC_NUMBER_ERROR', description: 'The document number could not be read correctly.' },
  { value: 'DOC_DATE_OF_ISSUE_ERROR', description: 'The issue date could not be read correctly.' },
  { value: 'DOC_SEX_ERROR', description: 'The sex could not be read correctly.' },
  { value: 'DOC_NATIONALITY_ERROR', description: 'The nationality could not be read correctly.' },
  {
    value: 'DOC_NOT_ANALYSED',
    description: 'The document was not analysed (e.g. the flow ended before it). No verdict on the document.',
  },
  {
    value: 'DOC_ERROR',
    description: "An error on iDenfy's side stopped the document check. Retry or ask support.",
  },
  {
    value: 'AUTO_UNVERIFIABLE',
    description: 'The automatic check could not decide; a manual review gives the verdict.',
  },
  {
    value: 'DOC_SPOOF_DETECTED',
    description: 'The document was presented on a screen or as a copy (a presentation attack).',
  },
  { value: 'MRZ_INVALID', description: "The machine-readable zone's check digits or format are invalid." },
  { value: 'EID_FAILED', description: 'The electronic ID (eID) check failed.' },
  { value: 'NFC_INIT_FAILED', description: "Reading the document's NFC chip could not start." },
  { value: 'NFC_FAILED', description: "Reading or verifying the document's NFC chip failed." },
  { value: 'NFC_TIMEOUT', description: "Reading the document's NFC chip timed out." },
] as const satisfies readonly Term[];

/** `autoFace` / `manualFace` (FaceStatusEnum). */
export const FACE_STATUSES = [
  { value: 'FACE_MATCH', description: "The selfie matches the document's portrait, and liveness passed." },
  {
    value: 'FACE_NOT_CHECKED',
    description:
      'The face was not checked (e.g. a DOCUMENT-only session, or the document check failed first).',
  },
  {
    value: 'FACE_MISMATCH',
    description: "The selfie does not match the document's portrait. Do not onboard.",
  },
  { value: 'NO_FACE_FOUND', description: 'No face was found in the selfie. The person should retry.' },
  {
    value: 'TOO_MANY_FACES',
    description: 'More than one face is in the selfie. The person should retry alone.',
  },
  { value: 'FACE_TOO_BLURRY', description: 'The selfie is too blurry. The person should retry.' },
  { value: 'FACE_GLARED', description: 'Glare hides the face in the selfie. The person should retry.' },
  { value: 'FACE_UNCERTAIN', description: 'The face match is uncertain; a manual review decides.' },
  { value: 'FACE_NOT_ANALYSED', description: 'The face was not analysed. No verdict on the face.' },
  {
    value: 'FACE_ERROR',
    description: "An error on iDenfy's side stopped the face check. Retry or ask support.",
  },
  {
    value: 'AUTO_UNVERIFIABLE',
    description: 'The automatic face check could not decide; a manual review gives the verdict.',
  },
  {
    value: 'FAKE_FACE',
    description: 'The selfie is not a live person (a photo, screen, mask or deepfake). Do not onboard.',
  },
] as const satisfies readonly Term[];

/** `platform` of the full result (DeviceTypeEnum): where the person did the verification. */
export const PLATFORMS = [
  { value: 'PC', description: 'A desktop or laptop browser.' },
  { value: 'MOBILE', description: 'A mobile browser.' },
  { value: 'TABLET', description: 'A tablet browser.' },
  { value: 'MOBILE_APP', description: "iDenfy's mobile app (with the digitString code)." },
  { value: 'MOBILE_SDK', description: "Your app, through iDenfy's mobile SDK." },
  { value: 'OTHER', description: 'Another or unknown platform.' },
] as const satisfies readonly Term[];

function values<V extends string>(terms: readonly { value: V }[]): [V, ...V[]] {
  return terms.map((t) => t.value) as [V, ...V[]];
}

export const overallStatusValues = values(OVERALL_STATUSES);
export const fraudTagValues = values(FRAUD_TAGS);
export const mismatchTagValues = values(MISMATCH_TAGS);
export const documentStatusValues = values(DOCUMENT_STATUSES);
export const faceStatusValues = values(FACE_STATUSES);
export const platformValues = values(PLATFORMS);

export type OverallStatus = (typeof overallStatusValues)[number];
export type FraudTag = (typeof fraudTagValues)[number];
export type MismatchTag = (typeof mismatchTagValues)[number];
export type DocumentStatus = (typeof documentStatusValues)[number];
export type FaceStatus = (typeof faceStatusValues)[number];
export type Platform = (typeof platformValues)[number];
