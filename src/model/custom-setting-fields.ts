/** The page's custom settings, in the page's order. */
import * as z from 'zod';
import { described, documented, flag } from './field-helpers';
import { DETECTION_TYPES, detectionTypeValues, FRAUD_SERVICES, fraudServiceValues } from './vocabulary';

export const customSettingFields = {
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
};
