/** Fields of iDenfy's OpenAPI model that the Create verification session page does not list. */
import * as z from 'zod';
import { countryCode, documented, flag, uuid } from './field-helpers';

export const openApiFields = {
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
};
