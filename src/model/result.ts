/**
 * What iDenfy says about a verification after the session was created, as zod v4 models: the
 * answers of POST /api/v2/status and POST /api/v2/full, and of the listing
 * GET /kyc/identifications/. Single source of truth for the emulator (which produces these answers)
 * and the editor (which explains them); the values and their meanings live in result-vocabulary.ts,
 * the blocks shared with the result webhook in identification-blocks.ts.
 *
 * Objects are loose: iDenfy adds fields over time, and an answer with a field we do not know yet
 * must still be readable. Enum-valued fields are strict, so an unknown value is noticed.
 */
import * as z from 'zod';
import {
  checks,
  type identificationData,
  type identificationStatus,
  overallStatus,
} from './identification-blocks';
import { webhookFields } from './webhook';

/** POST /api/v2/status {scanRef}. */
export const statusAnswer = z
  .looseObject({
    status: overallStatus,
    ...checks,
    scanRef: z.string().meta({ description: 'The verification this answer is about.' }),
    clientId: z.string().meta({ description: 'Your identifier of the person, as sent at creation.' }),
  })
  .meta({ title: 'iDenfy verification status (POST /api/v2/status)' });

/**
 * POST /api/v2/full {scanRef}: the result webhook's fields (webhook.ts), loose, and asked for at any
 * time, so the fields a verification only has once the person finished may be null.
 */
export const fullAnswer = z
  .looseObject({
    ...webhookFields,
    final: webhookFields.final.meta({
      description:
        'Whether this is the final result. Always false from /api/v2/full; the webhook sends true after manual review.',
    }),
    platform: webhookFields.platform.nullable(),
    startTime: webhookFields.startTime.nullable(),
    finishTime: webhookFields.finishTime.nullable(),
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
export type VerificationStatus = z.infer<typeof identificationStatus>;
export type VerificationData = z.infer<typeof identificationData>;
export type FullAnswer = z.infer<typeof fullAnswer>;
export type IdentificationsPage = z.infer<typeof identificationsPage>;
