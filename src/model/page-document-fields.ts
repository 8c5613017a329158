/**
 * The page's request table, second part (dateOfBirth to callbackUrl): data compared with the
 * document, the kind of token, extra steps and the webhook. Order is the page's.
 */
import * as z from 'zod';
import { additionalSteps } from './additional-steps';
import { countryCode, date, described, documented, HTTPS_MESSAGE, matching } from './field-helpers';
import { HTTPS_URL_PATTERN } from './patterns';
import { SEXES, sexValues, TOKEN_TYPES, tokenTypeValues } from './vocabulary';

export const pageDocumentFields = {
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
};
