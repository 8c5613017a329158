/**
 * The body of iDenfy's result webhook (components.schemas.IdentificationWebhook in iDenfy's
 * OpenAPI), as a zod v4 model: the single source for the *.idenfy-webhook.json schema, its
 * snippets, validateWebhook/prepareWebhook and (through the shared blocks) the full answer.
 *
 * The top level is strict: a misspelt key in a fixture is a mistake worth a warning. The blocks
 * below it are loose, since iDenfy adds fields there. `AML` and `LID` are upper case, as sent.
 * Where this model departs from the OpenAPI's `required` list, a comment says why and
 * test/unit/model-webhook-openapi.test.ts lists the departure.
 */
import * as z from 'zod';
import { described, identificationData, identificationStatus, platform, text } from './identification-blocks';
import { STEP_TYPES } from './vocabulary';
import {
  addressVerification,
  amlCheckV3,
  amlResults,
  bankCardVerification,
  bankVerification,
  criminalCheckResults,
  driverLicenseCheck,
  emailVerification,
  lidResults,
  phoneVerification,
  questionnaireAnswers,
  registryCenterCheck,
  riskAssessment,
} from './webhook-blocks';

const links = (description: string) => z.record(z.string(), z.unknown()).nullable().meta({ description });

/** Every top-level field, in the OpenAPI's order; result.ts builds the full answer from the same fields. */
export const webhookFields = {
  final: z.boolean().meta({
    description:
      'false for an interim automatic result (manual review follows, with a second call); true for the final result.',
  }),
  platform: platform.meta({ description: 'Where the person did the verification.' }),
  status: identificationStatus,
  data: identificationData,
  fileUrls: links(
    'Photo links by name (FRONT, BACK, FACE, ...). Signed links that expire; download them when the call arrives.',
  ),
  additionalStepPdfUrls: links('PDF links of additional step documents, by step name.').optional(),
  AML: z
    .array(amlResults)
    .nullable()
    .optional()
    .meta({ description: 'Legacy (v2) AML screening results; amlCheck holds the v3 results when enabled.' }),
  amlCheck: amlCheckV3.nullable().optional(),
  LID: z
    .array(lidResults)
    .nullable()
    .optional()
    .meta({ description: 'Lost/invalid document database results.' }),
  CRIMINAL_CHECK: z
    .array(criminalCheckResults)
    .nullable()
    .optional()
    .meta({ description: 'US criminal record check results.' }),
  scanRef: z.string().max(36).meta({ description: "iDenfy's identifier of the verification." }),
  externalRef: text('Your reference, as sent when the session was created.', 40).optional(),
  clientId: z.string().max(100).meta({ description: 'Your identifier of the person, as sent at creation.' }),
  // The OpenAPI requires companyId and beneficiaryId; the real payloads recorded in iDenfy's public
  // clients have neither, so a fixture may leave them out.
  companyId: z.string().max(36).optional().meta({ description: 'Your company account at iDenfy.' }),
  beneficiaryId: z
    .string()
    .max(36)
    .optional()
    .meta({ description: 'The beneficiary (sub-account) the verification belongs to.' }),
  startTime: z.number().int().meta({ description: 'When the person started, unix seconds.' }),
  finishTime: z.number().int().meta({ description: 'When the person finished, unix seconds.' }),
  clientIp: text("The person's IP address.", 39),
  clientIpCountry: text("Country of the person's IP address, alpha-2.", 2),
  clientLocation: text("City and country of the person's IP address.", 100),
  gdcMatch: z
    .boolean()
    .nullable()
    .optional()
    .meta({ description: 'Whether the GDC database check matched.' }),
  manualAddress: text('The address the person typed in.', 255).optional(),
  manualAddressMatch: z
    .boolean()
    .optional()
    .meta({ description: 'Whether the typed address matches the proof of address.' }),
  registryCenterCheck: registryCenterCheck
    .nullable()
    .optional()
    .meta({ description: 'Registry check (Hungary, Lithuania or US), by resourceType.' }),
  addressVerification: addressVerification.nullable().optional(),
  questionnaireAnswers: questionnaireAnswers.nullable().optional(),
  riskAssessment: riskAssessment.nullable().optional(),
  bankVerification: bankVerification.nullable().optional(),
  emailVerification: emailVerification.nullable().optional(),
  phoneVerification: phoneVerification.nullable().optional(),
  driverLicenseCheck: driverLicenseCheck.nullable().optional(),
  bankCardVerification: bankCardVerification.nullable().optional(),
  additionalSteps: z
    .record(z.string(), described(STEP_TYPES, 'additional step type').nullable())
    .nullable()
    .optional()
    .meta({ description: 'The additional steps of the session, by step name, with their type.' }),
};

export const KNOWN_WEBHOOK_PROPERTIES: readonly string[] = Object.keys(webhookFields);

export const identificationWebhook = z.strictObject(webhookFields).meta({
  title: 'iDenfy: result webhook (IdentificationWebhook)',
  description: "The body iDenfy POSTs to your callback URL when a verification's result is ready.",
});

export type IdentificationWebhook = z.output<typeof identificationWebhook>;
