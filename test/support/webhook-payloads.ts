/**
 * Webhook payloads for the tests: every snippet template at its defaults, and one payload with
 * every optional block of IdentificationWebhook filled (each AML variant, each registry variant
 * across three copies), so a test that walks them reaches every part of the model.
 */
import { WEBHOOK_TEMPLATES } from '../../src/snippets/catalog';
import { plainBody } from '../../src/snippets/render';
import type { JsonObject } from './arbitraries';

export const TEMPLATE_PAYLOADS: readonly JsonObject[] = WEBHOOK_TEMPLATES.map(
  (t) => plainBody(t.body) as JsonObject,
);

const approved = TEMPLATE_PAYLOADS[0] as JsonObject;

const fraudStatus = {
  serviceSuspected: true,
  serviceUsed: true,
  serviceFound: true,
  checkSuccessful: true,
  overallStatus: 'SUSPECTED',
};
const hit = {
  name: 'JOHN',
  surname: 'SAMPLE',
  nationality: 'LT',
  dob: '1990-01-01',
  suspicion: 'PEPS',
  reason: 'Member of parliament',
  listNumber: '17',
  listName: 'PEP list',
  score: 92,
  lastUpdate: '2024-01-01',
  isPerson: true,
  isActive: true,
  linkedDocument: 'https://example.com/list/17',
  pepLevel: 1,
  category: 'PEP',
  otherInformation: null,
  checkDate: '2024-05-01 10:00:00',
  whitelisted: false,
};
const softKyc = Object.fromEntries(
  [
    'firstName',
    'lastName',
    'middleName',
    'dob',
    'yob',
    'address1',
    'address2',
    'city',
    'state',
    'zip',
    'idNum',
    'phone',
    'email',
  ].map((f) => [`${f}Status`, 'MATCH']),
);
const registries: JsonObject[] = [
  {
    firstName: 'John',
    lastName: 'Sample',
    middleName: null,
    dob: '1990-01-01',
    yob: 1990,
    address1: '1 Main St',
    address2: null,
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    idNum: '1234',
    phone: '+12175550100',
    email: 'john@example.com',
    ...softKyc,
    resourceType: 'Us15RegistryCenterCheck',
  },
  {
    checkedMrz: 'IDLTU0000000000<<<<<<<<<<<<<<<',
    firstName: 'János',
    lastName: 'Minta',
    maidenName: null,
    mothersMaidenName: 'Kiss Mária',
    birthDate: '1990-01-01',
    birthPlace: 'Budapest',
    address: { city: 'Budapest' },
    residentialAddress: null,
    nationality: 'HU',
    idCard: null,
    passport: null,
    additionalData: null,
    resourceType: 'HungaryRegistryCenterCheck',
  },
  {
    checkedPersonalNumber: '39001010000',
    checkedDocumentType: 'ID',
    personalNumber: '39001010000',
    name: 'JONAS',
    surname: 'PAVYZDYS',
    documentNumber: 'AB1234567',
    documentExpiration: '2031-05-20',
    facePhoto: null,
    resourceType: 'LithuaniaRegistryCenterCheck',
  },
];

function rich(registryCenterCheck: JsonObject): JsonObject {
  return {
    ...approved,
    companyId: 'c0ffee00-0000-4000-8000-000000000000',
    beneficiaryId: 'c0ffee00-0000-4000-8000-000000000001',
    data: {
      ...(approved.data as JsonObject),
      birthPlace: 'VILNIUS',
      authority: 'MIGRACIJOS DEPARTAMENTAS',
      address: 'GEDIMINO PR. 1, VILNIUS',
      docTemporaryAddress: null,
      mothersMaidenName: null,
      docBirthName: null,
      docPatronymic: null,
      driverLicenseCategory: 'B',
      orgTemporaryAddress: null,
      orgMothersMaidenName: null,
      orgPatronymic: null,
      orgBirthName: null,
      ageEstimate: 'OVER_25',
      clientIpProxyRiskLevel: 'LOW',
      duplicateFaces: [],
      duplicateDocFaces: null,
      additionalData: { UTILITY_BILL: { address: 'Gedimino pr. 1' } },
    },
    additionalStepPdfUrls: { UTILITY_BILL: 'https://example.com/bill.pdf' },
    AML: [
      {
        status: fraudStatus,
        serviceName: 'AML_NAMES_CHECK',
        serviceGroupType: 'AML',
        uid: 'aml-1',
        errorMessage: null,
        data: [{ ...hit, exitDate: null }],
      },
      {
        status: fraudStatus,
        serviceName: 'COMPANY_CHECK',
        serviceGroupType: 'AML',
        uid: 'aml-2',
        errorMessage: null,
        data: [hit],
      },
      {
        status: { ...fraudStatus, serviceSuspected: false, overallStatus: 'NOT_SUSPECTED' },
        serviceName: 'AML_NEWS',
        serviceGroupType: 'AML',
        uid: 'aml-3',
        errorMessage: null,
        data: [
          {
            title: 'Headline',
            url: 'https://news.example.com/1',
            text: null,
            score: '0.4',
            type: 'NEGATIVE',
            checkDate: '2024-05-01',
            publishDate: null,
          },
        ],
      },
    ],
    amlCheck: {
      id: 'aml-v3-1',
      overallStatus: 'NO_MATCH',
      statusSetBy: null,
      statusSetAt: '2024-05-01T10:00:00Z',
      adverseMedia: [
        {
          title: null,
          url: 'https://news.example.com/2',
          text: null,
          score: null,
          type: null,
          publishDate: null,
        },
      ],
      amlCheck: [
        {
          addresses: [{ city: 'Vilnius', geography: 'LT' }],
          datesOfBirth: ['1990-01-01'],
          gender: 'male',
          nationalities: ['LT'],
          match: 'partial',
          formerSanBodyIds: null,
          countries: ['LT'],
          datasets: ['PEP'],
          currentSanBodyIds: [3],
          version: 2,
          pepTier: null,
          score: 80,
          profileImage: null,
          name: 'John Sample',
          resourceId: 'res-1',
        },
      ],
    },
    LID: [
      {
        status: { ...fraudStatus, serviceSuspected: false, overallStatus: 'NOT_SUSPECTED' },
        data: [
          {
            documentNumber: 'AB1234567',
            documentType: 'ID_CARD',
            valid: true,
            expiryDate: '2031-05-20',
            checkDate: '2024-05-01',
          },
        ],
        serviceName: 'LID',
        serviceGroupType: 'LID',
        uid: 'lid-1',
        errorMessage: null,
      },
    ],
    CRIMINAL_CHECK: [
      {
        status: { ...fraudStatus, overallStatus: 'NOT_SUSPECTED', serviceSuspected: false },
        data: [
          {
            offenses: [
              {
                offense: 'Speeding',
                offenseClass: null,
                offenseDescription: null,
                offenseLevel: 'misdemeanor',
                sentenceDate: null,
                courtName: null,
                courtCaseNumber: null,
                releaseDate: null,
              },
            ],
            fullName: 'JOHN SAMPLE',
            county: 'Cook',
            region: 'IL',
          },
        ],
        serviceName: 'CRIMINAL_CHECK',
        serviceGroupType: 'CRIMINAL_CHECK',
        uid: 'crim-1',
        errorMessage: null,
      },
    ],
    gdcMatch: true,
    manualAddress: 'Gedimino pr. 1, Vilnius',
    manualAddressMatch: true,
    registryCenterCheck,
    addressVerification: {
      address: 'Gedimino pr. 1, Vilnius',
      country: 'LT',
      status: 'VERIFIED',
      accuracy: 9,
      quality: 'GOOD',
    },
    questionnaireAnswers: {
      title: 'Onboarding',
      sections: [
        {
          title: 'Funds',
          questions: [
            { key: 'source', title: 'Source of funds', type: 'SELECT', value: 'Salary' },
            { key: 'countries', title: 'Countries', type: 'COUNTRY_MULTI', value: ['LT', 'LV'] },
            { key: 'pep', title: 'Are you a PEP?', type: 'CHECKBOX', value: false },
          ],
        },
      ],
    },
    riskAssessment: { riskScore: 12, riskLevel: 'LOW' },
    bankVerification: {
      id: '5b1d2f3a-0000-4000-8000-000000000002',
      country: 'LT',
      bank: 'Example Bank',
      accounts: [
        {
          id: '5b1d2f3a-0000-4000-8000-000000000003',
          name: 'Main',
          iban: 'LT121000011101001000',
          currency: 'EUR',
          balancesOverview: { bookedBalance: 100.5, availableBalance: null },
          transactionsCount: 42,
        },
      ],
      riskLevel: 'VERY_LOW',
    },
    emailVerification: { email: 'john@example.com', emailVerified: true },
    phoneVerification: { phone: '+37060000000', phoneVerified: true },
    driverLicenseCheck: {
      name: 'JOHN',
      surname: 'SAMPLE',
      dateOfBirth: '1990-01-01',
      state: 'IL',
      gender: 'M',
      dateOfIssue: null,
      dateOfExpiry: null,
      documentNumber: 'S123',
      nameMatch: true,
      surnameMatch: true,
      dateOfBirthMatch: true,
      dateOfIssueMatch: null,
      dateOfExpiryMatch: null,
      documentNumberMatch: true,
      genderMatch: true,
    },
    bankCardVerification: {
      id: '5b1d2f3a-0000-4000-8000-000000000004',
      status: 'NO_MATCH',
      noMatchReason: 'NAME_MISMATCH',
      name: 'J SAMPLE',
      firstSix: '411111',
      lastFour: '1111',
      expiryDate: '2027-01-01',
      nameMatch: false,
      lastFourMatch: true,
    },
    additionalSteps: { UTILITY_BILL: 'COMPARE', POA: null },
  };
}

/** Every optional block filled; the three copies differ in their registry variant. */
export const RICH_PAYLOADS: readonly JsonObject[] = registries.map(rich);

export const ALL_PAYLOADS: readonly JsonObject[] = [...TEMPLATE_PAYLOADS, ...RICH_PAYLOADS];
