/**
 * The pieces of iDenfy's verification result that the status answer, the full answer
 * (POST /api/v2/full) and the result webhook share: the described enums, the `status` block
 * (IdentificationStatusWebhook) and the `data` block (IdentificationDataWebhook). One definition
 * each, imported by result.ts and webhook.ts.
 *
 * Objects are loose: iDenfy adds fields over time, and a result with a field we do not know yet
 * must still be readable. Enum-valued fields are strict, so an unknown value is noticed.
 */
import * as z from 'zod';
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
  PLATFORMS,
} from './result-vocabulary';
import type { Term } from './vocabulary';
import {
  ADDITIONAL_STEP_STATUSES,
  AGE_GROUPS,
  DOC_SEXES,
  KYC_DOCUMENT_TYPES,
  RISK_LEVELS,
} from './webhook-vocabulary';

/** An enum whose values carry their one-line meanings into the schema (completion and hover). */
export function described<V extends string>(terms: readonly Term<V>[], what: string) {
  const values = terms.map((t) => t.value) as [V, ...V[]];
  // A short list is named in the message (Send Webhook shows it); a long one is in the completion list.
  const named = values.length <= 12 ? `: ${values.join(', ')}` : '; see the completion list (Ctrl+Space)';
  return z.enum(values, { error: `Not one of iDenfy's ${what} values${named}.` }).meta({
    description: `iDenfy's ${what}.`,
    enumDescriptions: terms.map((t) => t.description),
    markdownEnumDescriptions: terms.map((t) => t.description),
  });
}

export const overallStatus = described(OVERALL_STATUSES, 'overall status');
export const fraudTag = described(FRAUD_TAGS, 'fraud tag');
export const mismatchTag = described(MISMATCH_TAGS, 'mismatch tag');
export const documentStatus = described(DOCUMENT_STATUSES, 'document status');
export const faceStatus = described(FACE_STATUSES, 'face status');
export const platform = described(PLATFORMS, 'platform');
export const riskLevel = described(RISK_LEVELS, 'risk level');

/** A string that may be null, with its one-line meaning (and iDenfy's length limit, where it has one). */
export function text(description: string, maxLength?: number) {
  const base = maxLength === undefined ? z.string() : z.string().max(maxLength);
  return base.nullable().meta({ description });
}

/** The result fields shared by the status answer and the `status` block. */
export const checks = {
  fraudTags: z.array(fraudTag).meta({ description: 'Fraud indicators raised; empty when none.' }),
  mismatchTags: z
    .array(mismatchTag)
    .meta({ description: 'Where the document disagrees with the data sent; empty when none.' }),
  // iDenfy's OpenAPI marks these four as never null; real callbacks send null for a check that has
  // not run (a manual verdict before review), so null is accepted.
  autoDocument: documentStatus
    .nullable()
    .meta({ description: 'The automatic document check; null until the person has finished.' }),
  autoFace: faceStatus
    .nullable()
    .meta({ description: 'The automatic face check; null until the person has finished.' }),
  manualDocument: documentStatus
    .nullable()
    .meta({ description: "A reviewer's document verdict; null until a reviewer acts." }),
  manualFace: faceStatus
    .nullable()
    .meta({ description: "A reviewer's face verdict; null until a reviewer acts." }),
};

/** `status` of the full answer and the webhook (IdentificationStatusWebhook). */
export const identificationStatus = z
  .looseObject({
    overall: overallStatus.meta({
      description: 'The overall result: act on this, and on fraudTags/mismatchTags when SUSPECTED.',
    }),
    suspicionReasons: z.array(z.string()).optional().meta({
      description:
        'Older name for the reasons behind SUSPECTED (not in the OpenAPI); prefer fraudTags/mismatchTags.',
    }),
    ...checks,
    additionalSteps: described(ADDITIONAL_STEP_STATUSES, 'additional step status').nullable().meta({
      description: 'Result of the additional step documents (e.g. proof of address); null when none.',
    }),
  })
  .meta({ description: 'The verdicts: overall status, tags and the automatic and manual checks.' });

const nullableEnum = <V extends string>(terms: readonly Term<V>[], what: string, description: string) =>
  described(terms, what).nullable().meta({ description });

/**
 * `data` of the full answer and the webhook (IdentificationDataWebhook): read from the document
 * (doc*) or in the original script (org*). iDenfy adds fields here, so unknown keys are welcome.
 * The OpenAPI also requires the newer fields marked optional below; payloads from accounts and
 * API versions without those features leave them out, and a fixture saved from one stays valid.
 */
export const identificationData = z
  .looseObject({
    docFirstName: text('First name read from the document.', 100),
    docLastName: text('Last name read from the document.', 100),
    docNumber: text('Document number.', 100),
    docPersonalCode: text('Personal code on the document.', 30),
    docExpiry: text('Expiry date, YYYY-MM-DD.', 100),
    docDob: text('Date of birth, YYYY-MM-DD.', 100),
    docDateOfIssue: text('Issue date, YYYY-MM-DD.', 100),
    docType: nullableEnum(KYC_DOCUMENT_TYPES, 'document type', 'The type of document the person used.'),
    docSex: nullableEnum(DOC_SEXES, 'sex', 'Sex on the document.'),
    docNationality: text('Nationality, ISO 3166-1 alpha-2.', 2),
    docIssuingCountry: text('Issuing country, ISO 3166-1 alpha-2.', 2),
    birthPlace: text('Place of birth, transliterated.', 60).optional(),
    authority: text('Issuing authority, transliterated.', 60).optional(),
    address: text('Address on the document, transliterated.', 100).optional(),
    docTemporaryAddress: text('Temporary address on the document.', 100).optional(),
    mothersMaidenName: text("Mother's maiden name on the document.", 80).optional(),
    docBirthName: text('Name at birth on the document.', 100).optional(),
    docPatronymic: text('Patronymic on the document.', 100).optional(),
    driverLicenseCategory: text("Driver's licence categories, e.g. B or A1,B.", 30).optional(),
    manuallyDataChanged: z
      .boolean()
      .nullable()
      .meta({ description: 'True when a reviewer corrected the data read from the document.' }),
    fullName: text('Full name as read.', 201),
    selectedCountry: text('The country the person chose, alpha-2.', 2),
    orgFirstName: text('First name in the original script.', 255),
    orgLastName: text('Last name in the original script.', 255),
    orgNationality: text('Nationality as printed.', 255),
    orgBirthPlace: text('Place of birth as printed.', 500),
    orgAuthority: text('Issuing authority as printed.', 500),
    orgAddress: text('Address as printed.', 500),
    orgTemporaryAddress: text('Temporary address as printed.', 500).optional(),
    orgMothersMaidenName: text("Mother's maiden name as printed.", 500).optional(),
    orgPatronymic: text('Patronymic as printed.', 500).optional(),
    orgBirthName: text('Name at birth as printed.', 500).optional(),
    ageEstimate: nullableEnum(AGE_GROUPS, 'age group', 'Age group estimated from the selfie.').optional(),
    clientIpProxyRiskLevel: riskLevel
      .nullable()
      .optional()
      .meta({ description: "Risk that the person's IP address is a proxy or VPN." }),
    duplicateFaces: z
      .array(z.string().max(36))
      .nullable()
      .optional()
      .meta({ description: 'scanRefs of earlier verifications with the same selfie face.' }),
    duplicateDocFaces: z
      .array(z.string().max(36))
      .nullable()
      .optional()
      .meta({ description: 'scanRefs of earlier verifications with the same document portrait.' }),
    additionalData: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .meta({ description: 'Data read from additional step documents, by step name.' }),
  })
  .meta({
    description: 'Personal data read from the document: doc* as transliterated, org* in the original script.',
  });
