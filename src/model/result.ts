/**
 * What iDenfy says about a verification after the session was created, as zod v4 models: the
 * answers of POST /api/v2/status and POST /api/v2/full, and of the listing
 * GET /kyc/identifications/. Single source of truth for the emulator (which produces these answers)
 * and the editor (which explains them); the values and their meanings live in result-vocabulary.ts.
 *
 * Objects are loose: iDenfy adds fields over time, and an answer with a field we do not know yet
 * must still be readable. Enum-valued fields are strict, so an unknown value is noticed.
 */
import * as z from 'zod';
import {
  DOCUMENT_STATUSES,
  documentStatusValues,
  FACE_STATUSES,
  FRAUD_TAGS,
  faceStatusValues,
  fraudTagValues,
  MISMATCH_TAGS,
  mismatchTagValues,
  OVERALL_STATUSES,
  overallStatusValues,
  PLATFORMS,
  platformValues,
} from './result-vocabulary';
import type { Term } from './vocabulary';

function described<V extends string>(terms: readonly Term<V>[], values: [V, ...V[]], what: string) {
  return z.enum(values, { error: `Not one of iDenfy's ${what} values.` }).meta({
    description: `iDenfy's ${what}.`,
    enumDescriptions: terms.map((t) => t.description),
    markdownEnumDescriptions: terms.map((t) => t.description),
  });
}

export const overallStatus = described(OVERALL_STATUSES, overallStatusValues, 'overall status');
const fraudTag = described(FRAUD_TAGS, fraudTagValues, 'fraud tag');
const mismatchTag = described(MISMATCH_TAGS, mismatchTagValues, 'mismatch tag');
const documentStatus = described(DOCUMENT_STATUSES, documentStatusValues, 'document status');
const faceStatus = described(FACE_STATUSES, faceStatusValues, 'face status');
export const platform = described(PLATFORMS, platformValues, 'platform');

const text = (description: string) => z.string().nullable().meta({ description });

/** The result fields shared by the status answer and the full answer's `status` block. */
const checks = {
  fraudTags: z.array(fraudTag).meta({ description: 'Fraud indicators raised; empty when none.' }),
  mismatchTags: z
    .array(mismatchTag)
    .meta({ description: 'Where the document disagrees with the data sent; empty when none.' }),
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

/** POST /api/v2/status {scanRef}. */
export const statusAnswer = z
  .looseObject({
    status: overallStatus,
    ...checks,
    scanRef: z.string().meta({ description: 'The verification this answer is about.' }),
    clientId: z.string().meta({ description: 'Your identifier of the person, as sent at creation.' }),
  })
  .meta({ title: 'iDenfy verification status (POST /api/v2/status)' });

/** `status` of the full answer (IdentificationStatusWebhook). */
const verificationStatus = z.looseObject({
  overall: overallStatus,
  suspicionReasons: z
    .array(z.string())
    .optional()
    .meta({ description: 'Older name for the reasons behind SUSPECTED; prefer fraudTags/mismatchTags.' }),
  ...checks,
  additionalSteps: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'Result of the additional step documents (VALID, INVALID, NOT_FOUND), if any.' }),
});

/** `data` of the full answer (IdentificationDataWebhook): read from the document (doc*) or original script (org*). */
export const verificationData = z.looseObject({
  docFirstName: text('First name read from the document.'),
  docLastName: text('Last name read from the document.'),
  docNumber: text('Document number.'),
  docPersonalCode: text('Personal code on the document.'),
  docExpiry: text('Expiry date, YYYY-MM-DD.'),
  docDob: text('Date of birth, YYYY-MM-DD.'),
  docDateOfIssue: text('Issue date, YYYY-MM-DD.'),
  docType: text('Document type, e.g. ID_CARD or PASSPORT.'),
  docSex: z.enum(['MALE', 'FEMALE', 'UNDEFINED']).nullable().meta({ description: 'Sex on the document.' }),
  docNationality: text('Nationality, ISO 3166-1 alpha-2.'),
  docIssuingCountry: text('Issuing country, ISO 3166-1 alpha-2.'),
  fullName: text('Full name as read.'),
  selectedCountry: text('The country the person chose, alpha-2.'),
  manuallyDataChanged: z
    .boolean()
    .nullable()
    .meta({ description: 'True when a reviewer corrected the data read from the document.' }),
  orgFirstName: text('First name in the original script.'),
  orgLastName: text('Last name in the original script.'),
  orgNationality: text('Nationality as printed.'),
  orgBirthPlace: text('Place of birth as printed.'),
  orgAuthority: text('Issuing authority as printed.'),
  orgAddress: text('Address as printed.'),
});

/** POST /api/v2/full {scanRef}: shaped like the result webhook (IdentificationWebhook). */
export const fullAnswer = z
  .looseObject({
    final: z.boolean().meta({
      description:
        'Whether this is the final result. Always false from /api/v2/full; the webhook sends true after manual review.',
    }),
    platform: platform.nullable(),
    status: verificationStatus,
    data: verificationData,
    fileUrls: z
      .record(z.string(), z.string())
      .nullable()
      .meta({ description: 'Photo links (FRONT, BACK, FACE, ...). They expire one hour after the answer.' }),
    AML: z.array(z.unknown()).nullable().optional().meta({ description: 'Legacy AML screening results.' }),
    LID: z.array(z.unknown()).nullable().optional().meta({ description: 'Lost/invalid document results.' }),
    scanRef: z.string(),
    externalRef: z.string().nullable().optional(),
    clientId: z.string(),
    startTime: z.number().int().nullable().meta({ description: 'When the person started, unix seconds.' }),
    finishTime: z.number().int().nullable().meta({ description: 'When the person finished, unix seconds.' }),
    clientIp: z.string().nullable(),
    clientIpCountry: z.string().nullable(),
    clientLocation: z.string().nullable(),
  })
  .meta({ title: 'iDenfy full verification result (POST /api/v2/full)' });

/** GET /kyc/identifications/?clientId= (PaginatedPartnerIdentificationListList). */
export const identificationsPage = z
  .looseObject({
    count: z.number().int().meta({ description: 'Verifications matching the query, on all pages.' }),
    next: z.string().nullable().meta({ description: 'URL of the next page; null on the last.' }),
    previous: z.string().nullable().meta({ description: 'URL of the previous page; null on the first.' }),
    results: z.array(
      z.looseObject({
        scanRef: z.string(),
        status: overallStatus,
        suspected: z.boolean().meta({ description: 'True when the verification was flagged as suspected.' }),
      }),
    ),
  })
  .meta({ title: 'iDenfy verifications of a client (GET /kyc/identifications/)' });

export type StatusAnswer = z.infer<typeof statusAnswer>;
export type VerificationStatus = z.infer<typeof verificationStatus>;
export type VerificationData = z.infer<typeof verificationData>;
export type FullAnswer = z.infer<typeof fullAnswer>;
export type IdentificationsPage = z.infer<typeof identificationsPage>;
