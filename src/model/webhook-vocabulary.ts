/**
 * The closed value sets of iDenfy's result webhook (IdentificationWebhook) beyond the ones the
 * status and full answers share (those are in result-vocabulary.ts), each value with a one-line
 * meaning. Values are those of iDenfy's OpenAPI (components.schemas.*Enum, named on each list);
 * test/unit/model-webhook-openapi.test.ts checks them against the yml.
 */
import { COUNTRIES } from './countries.generated';
import type { Term } from './vocabulary';

/** `status.additionalSteps` (AdditionalStepStatusEnum). */
export const ADDITIONAL_STEP_STATUSES = [
  { value: 'VALID', description: 'The additional step document (e.g. proof of address) was accepted.' },
  { value: 'INVALID', description: 'The additional step document was refused as invalid.' },
  { value: 'NOT_FOUND', description: 'No usable additional step document was found in the upload.' },
] as const satisfies readonly Term[];

/** `data.docType` (KycDocumentTypeEnum): the document the person used. */
export const KYC_DOCUMENT_TYPES = [
  { value: 'ID_CARD', description: 'National identity card.' },
  { value: 'PASSPORT', description: 'Passport.' },
  { value: 'RESIDENCE_PERMIT', description: 'Residence permit card.' },
  { value: 'DRIVER_LICENSE', description: "Driver's licence." },
  { value: 'PAN_CARD', description: 'Indian Permanent Account Number card.' },
  { value: 'AADHAAR', description: 'Indian Aadhaar card.' },
  { value: 'VISA', description: 'Visa.' },
  { value: 'NATIONAL_PASSPORT', description: 'National (domestic) passport.' },
  { value: 'PROVISIONAL_DRIVER_LICENSE', description: "Provisional (learner's) driver's licence." },
  { value: 'OLD_ID_CARD', description: 'Older-format identity card.' },
  { value: 'MILITARY_CARD', description: 'Military identity card.' },
  { value: 'ADDRESS_CARD', description: 'Address registration card.' },
  { value: 'SMART_ID', description: 'Smart-ID electronic identity (Baltics).' },
  { value: 'CLEAR', description: 'CLEAR digital identity (United States).' },
  { value: 'ONE_ID', description: 'OneID digital identity (United Kingdom).' },
  { value: 'BANK_ID_SE', description: 'Swedish BankID electronic identity.' },
  { value: 'BANK_ID_NO', description: 'Norwegian BankID electronic identity.' },
  { value: 'BANK_ID_CZ', description: 'Czech Bank iD electronic identity.' },
  { value: 'FTN', description: 'Finnish Trust Network bank identification.' },
  { value: 'MIT_ID', description: 'Danish MitID electronic identity.' },
  { value: 'VERIMI', description: 'Verimi digital identity (Germany).' },
  { value: 'LA_WALLET', description: "LA Wallet digital driver's licence (Louisiana)." },
  { value: 'SAMSUNG_WALLET', description: 'Identity stored in Samsung Wallet.' },
  { value: 'MOJE_ID_CZ', description: 'Czech mojeID electronic identity.' },
  { value: 'YOTI_ID', description: 'Yoti digital identity.' },
  { value: 'OTHER', description: 'Another document type.' },
  { value: 'BORDER_CROSSING', description: 'Border crossing card.' },
  { value: 'ASYLUM', description: 'Asylum seeker document.' },
  { value: 'PHOTO_CARD', description: 'Photo card.' },
  { value: 'PROOF_OF_AGE_CARD', description: 'Proof-of-age card.' },
  { value: 'TRAVEL_CARD', description: 'Travel card.' },
  { value: 'SOCIAL_SECURITY_CARD', description: 'Social security card.' },
  { value: 'VOTER_CARD', description: 'Voter identity card.' },
  { value: 'DIPLOMATIC_ID', description: 'Diplomatic identity card.' },
  { value: 'WORK_PERMIT', description: 'Work permit.' },
] as const satisfies readonly Term[];

/** `data.docSex` (SexEnum). */
export const DOC_SEXES = [
  { value: 'MALE', description: 'Male, as printed on the document.' },
  { value: 'FEMALE', description: 'Female, as printed on the document.' },
  { value: 'UNDEFINED', description: 'The document states no sex, or it could not be read.' },
] as const satisfies readonly Term[];

/** `data.ageEstimate` (AgeGroupEnum): the age group estimated from the selfie. */
export const AGE_GROUPS = [
  { value: 'UNDER_13', description: 'Estimated younger than 13.' },
  { value: 'UNDER_8', description: 'Estimated younger than 8.' },
  { value: 'OVER_8', description: 'Estimated 8 or older.' },
  { value: 'OVER_13', description: 'Estimated 13 or older.' },
  { value: 'OVER_16', description: 'Estimated 16 or older.' },
  { value: 'OVER_18', description: 'Estimated 18 or older.' },
  { value: 'OVER_21', description: 'Estimated 21 or older.' },
  { value: 'OVER_22', description: 'Estimated 22 or older.' },
  { value: 'OVER_25', description: 'Estimated 25 or older.' },
  { value: 'OVER_30', description: 'Estimated 30 or older.' },
] as const satisfies readonly Term[];

/** RiskLevelEnum: proxy risk of the client's IP, risk assessment and bank verification. */
export const RISK_LEVELS = [
  { value: 'VERY_LOW', description: 'Very low risk.' },
  { value: 'LOW', description: 'Low risk.' },
  { value: 'MEDIUM', description: 'Medium risk: consider a closer look.' },
  { value: 'HIGH', description: 'High risk: review before onboarding.' },
  { value: 'VERY_HIGH', description: 'Very high risk: treat as a likely bad actor.' },
  { value: 'NOT_CHECKED', description: 'Not assessed (the check is not enabled or had no data).' },
] as const satisfies readonly Term[];

/** FraudStatus.overallStatus (AmlCheckSuspicionEnum). */
export const AML_CHECK_SUSPICIONS = [
  { value: 'SUSPECTED', description: 'The screening found a hit that needs review.' },
  { value: 'NOT_SUSPECTED', description: 'The screening found nothing relevant.' },
] as const satisfies readonly Term[];

/** AmlData.suspicion (AmlSuspicionTypeEnum): which kind of list the hit came from. */
export const AML_SUSPICION_TYPES = [
  { value: 'SANCTION', description: 'A sanctions list.' },
  { value: 'INTERPOL', description: 'An Interpol notice.' },
  { value: 'PEPS', description: 'A politically exposed persons list.' },
  { value: 'ADVERSE_MEDIA', description: 'Adverse media (news) coverage.' },
  { value: 'OTHER', description: 'Another watch list.' },
] as const satisfies readonly Term[];

/** AdverseMediaData.type (AmlArticleTypeEnum). */
export const AML_ARTICLE_TYPES = [
  { value: 'NEGATIVE', description: 'The article reports negatively about the person.' },
] as const satisfies readonly Term[];

/** `AML[].serviceName`: which screening produced the entry (the discriminator of AmlResults). */
export const AML_NAME_SERVICES = [
  { value: 'AML_NAMES_CHECK', description: 'Name screened against sanctions, PEP and watch lists.' },
  { value: 'AML_OPEN_SANCTIONS', description: 'Name screened against the OpenSanctions lists.' },
] as const satisfies readonly Term[];
export const AML_COMPANY_SERVICES = [
  { value: 'COMPANY_CHECK', description: 'Company name screened against sanctions and watch lists.' },
] as const satisfies readonly Term[];
export const AML_NEWS_SERVICES = [
  { value: 'AML_NEWS', description: 'Adverse media (news) screening.' },
  { value: 'INHOUSE_ADVERSE_MEDIA', description: "iDenfy's own adverse media screening." },
] as const satisfies readonly Term[];

/** CriminalCheckData.region (RegionEnum): US states and the District of Columbia. */
export const US_STATES = [
  ['AL', 'Alabama'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
  ['AK', 'Alaska'],
  ['HI', 'Hawaii'],
].map(([value, name]) => ({ value: value as string, description: `${name}.` }));

/** CountryEnum: ISO 3166-1 alpha-2, named from the generated country list. */
export const COUNTRY_TERMS: readonly Term[] = COUNTRIES.map(([value, name]) => ({
  value,
  description: `${name}.`,
}));

/** `registryCenterCheck.resourceType` (ResourceTypeEnum): which registry answered. */
export const REGISTRY_RESOURCE_TYPES = [
  { value: 'HungaryRegistryCenterCheck', description: 'The Hungarian population registry.' },
  { value: 'LithuaniaRegistryCenterCheck', description: 'The Lithuanian Residents Register.' },
  { value: 'Us15RegistryCenterCheck', description: 'US identity data sources (soft KYC, 15 fields).' },
] as const satisfies readonly Term[];

/** Us15RegistryCenterWebhook.*Status (SoftKycMatchStatusEnum). */
export const SOFT_KYC_MATCH_STATUSES = [
  { value: 'MATCH', description: 'The value matches the registry.' },
  { value: 'NO_MATCH', description: 'The value differs from the registry.' },
  { value: 'PARTIAL_MATCH', description: 'The value partly matches the registry.' },
  { value: 'NO_DATA', description: 'The registry holds no value to compare with.' },
  { value: 'NO_INPUT', description: 'No value was given to compare.' },
  { value: 'INVALID', description: 'The value given is not valid for this check.' },
] as const satisfies readonly Term[];

/** addressVerification.status (AddressVerificationStatusEnum). */
export const ADDRESS_VERIFICATION_STATUSES = [
  { value: 'VERIFIED', description: 'The address was found and verified.' },
  { value: 'PARTIALLY_VERIFIED', description: 'Only part of the address could be verified.' },
  { value: 'UNVERIFIED', description: 'The address could not be verified.' },
] as const satisfies readonly Term[];

/** addressVerification.quality (AddressVerificationQualityEnum). */
export const ADDRESS_VERIFICATION_QUALITIES = [
  { value: 'EXCELLENT', description: 'Excellent match quality.' },
  { value: 'GOOD', description: 'Good match quality.' },
  { value: 'AVERAGE', description: 'Average match quality.' },
  { value: 'POOR', description: 'Poor match quality.' },
  { value: 'BAD', description: 'Bad match quality: treat as unverified.' },
] as const satisfies readonly Term[];

/** questionnaireAnswers question type (QuestionnaireAnswersDisplayQuestionsTypeEnum). */
export const QUESTION_TYPES = [
  { value: 'CHECKBOX', description: 'A checkbox; the value is true or false.' },
  { value: 'COLOR', description: 'A colour picker.' },
  { value: 'COUNTRY', description: 'One country.' },
  { value: 'COUNTRY_MULTI', description: 'Several countries; the value is a list.' },
  { value: 'DATE', description: 'A date.' },
  { value: 'DATETIME', description: 'A date and time.' },
  { value: 'EMAIL', description: 'An email address.' },
  { value: 'FILE', description: 'One uploaded file.' },
  { value: 'FILE_MULTI', description: 'Several uploaded files; the value is a list.' },
  { value: 'FLOAT', description: 'A decimal number.' },
  { value: 'LIST', description: 'A list of values.' },
  { value: 'INTEGER', description: 'A whole number.' },
  { value: 'PASSWORD', description: 'A hidden text field.' },
  { value: 'RADIO', description: 'One option out of several (radio buttons).' },
  { value: 'SELECT', description: 'One option from a drop-down.' },
  { value: 'SELECT_MULTI', description: 'Several options from a list; the value is a list.' },
  { value: 'TEL', description: 'A telephone number.' },
  { value: 'TEXT', description: 'A line of text.' },
  { value: 'TEXT_AREA', description: 'Several lines of text.' },
  { value: 'TIME', description: 'A time of day.' },
  { value: 'URL', description: 'A web address.' },
] as const satisfies readonly Term[];

/** bankCardVerification.status (BankCardVerificationStatusEnum). */
export const BANK_CARD_STATUSES = [
  { value: 'NOT_COMPARED', description: 'The card was not compared with the identity.' },
  { value: 'MATCH', description: 'The card matches the verified identity.' },
  { value: 'NO_MATCH', description: 'The card does not match (see noMatchReason).' },
] as const satisfies readonly Term[];

/** bankCardVerification.noMatchReason (BankCardNoMatchReasonEnum). */
export const BANK_CARD_NO_MATCH_REASONS = [
  { value: 'NAME_MISMATCH', description: "The name on the card differs from the document's." },
  { value: 'NUMBER_MISMATCH', description: 'The last four digits differ from the ones expected.' },
  { value: 'NAME_NOT_FOUND', description: 'No name could be read from the card.' },
  { value: 'NUMBER_NOT_FOUND', description: 'No card number could be read from the card.' },
  { value: 'LIVENESS_FAILED', description: 'The card photo failed the liveness check.' },
] as const satisfies readonly Term[];
