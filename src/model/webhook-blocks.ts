/**
 * The optional blocks of iDenfy's result webhook, present when the matching service is enabled:
 * the legacy AML/LID/CRIMINAL_CHECK arrays, amlCheck (AML v3) and the add-on checks. Names in the
 * comments are iDenfy's OpenAPI schemas. Objects are loose, as in identification-blocks.ts.
 */
import * as z from 'zod';
import { described, riskLevel, text } from './identification-blocks';
import {
  ADDRESS_VERIFICATION_QUALITIES,
  ADDRESS_VERIFICATION_STATUSES,
  AML_ARTICLE_TYPES,
  AML_CHECK_SUSPICIONS,
  AML_COMPANY_SERVICES,
  AML_NAME_SERVICES,
  AML_NEWS_SERVICES,
  AML_SUSPICION_TYPES,
  BANK_CARD_NO_MATCH_REASONS,
  BANK_CARD_STATUSES,
  COUNTRY_TERMS,
  QUESTION_TYPES,
  REGISTRY_RESOURCE_TYPES,
  SOFT_KYC_MATCH_STATUSES,
  US_STATES,
} from './webhook-vocabulary';

const str = (description: string, maxLength?: number) =>
  (maxLength === undefined ? z.string() : z.string().max(maxLength)).meta({ description });
const bool = (description: string) => z.boolean().meta({ description });
const nbool = (description: string) => z.boolean().nullable().meta({ description });
const nint = (description: string) => z.number().int().nullable().meta({ description });
const nobject = (description: string) => z.record(z.string(), z.unknown()).nullable().meta({ description });
const nstrings = (description: string) => z.array(z.string()).nullable().meta({ description });

// With an id, the schema holds the 250 codes once (under definitions) for the three fields that use them.
const country = described(COUNTRY_TERMS, 'country code (ISO 3166-1 alpha-2)').meta({ id: 'countryEnum' });

/** FraudStatus: the verdict of one screening service. */
const fraudStatus = z
  .looseObject({
    serviceSuspected: bool('True when this service raised a suspicion.'),
    serviceUsed: bool('True when the service ran for this verification.'),
    serviceFound: bool('True when the service found matching records.'),
    checkSuccessful: bool('True when the check completed without error.'),
    overallStatus: described(AML_CHECK_SUSPICIONS, 'screening verdict').meta({
      description: 'The verdict of this screening.',
    }),
  })
  .meta({ description: 'What the screening service concluded.' });

/** The fields every legacy screening entry (AML, LID, CRIMINAL_CHECK) has around its data. */
const screening = {
  status: fraudStatus,
  serviceGroupType: str('The group of the service, e.g. AML, LID or CRIMINAL_CHECK.'),
  uid: str('Identifier of this screening run.'),
  errorMessage: text('Why the screening failed; null when it succeeded.'),
};

/** AmlData and CompanyAmlData: one hit on a watch list. */
const amlHitFields = {
  name: text('First name (or company name) on the list entry.'),
  surname: text('Surname on the list entry.'),
  nationality: text('Nationality on the list entry.'),
  dob: text('Date of birth on the list entry.'),
  suspicion: described(AML_SUSPICION_TYPES, 'AML list kind').nullable().meta({
    description: 'The kind of list the hit came from.',
  }),
  reason: text('Why the entry is listed.'),
  listNumber: text('Number of the entry on its list.'),
  listName: text('Name of the list.'),
  score: nint('How closely the entry matches, higher is closer.'),
  lastUpdate: text('When the list entry was last updated.'),
  isPerson: nbool('True when the entry is a person, false for an organisation.'),
  isActive: nbool('True while the listing is in force.'),
  linkedDocument: text('Link to the source document of the listing.'),
  pepLevel: nint('Politically exposed person tier (1 is the most exposed).'),
  category: text('Category of the listing.'),
  otherInformation: text('Anything else the list says about the entry.'),
  checkDate: text('When the screening ran.'),
  whitelisted: bool('True when you marked this hit as a false positive.').optional(),
};

const amlNameResults = z
  .looseObject({
    ...screening,
    serviceName: described(AML_NAME_SERVICES, 'AML service').meta({ description: 'The screening that ran.' }),
    data: z
      .array(
        z
          .looseObject({ ...amlHitFields, exitDate: text('When the person left the listed position.') })
          .meta({ description: 'One watch-list hit.' }),
      )
      .optional()
      .meta({ description: 'The hits; empty when none.' }),
  })
  .meta({ description: 'Name screening (AmlNameResults).' });

const amlCompanyResults = z
  .looseObject({
    ...screening,
    serviceName: described(AML_COMPANY_SERVICES, 'AML service').meta({
      description: 'The screening that ran.',
    }),
    data: z
      .array(z.looseObject(amlHitFields).meta({ description: 'One watch-list hit for the company.' }))
      .optional()
      .meta({ description: 'The hits; empty when none.' }),
  })
  .meta({ description: 'Company screening (AmlCompanyNameResults).' });

const adverseMedia = z
  .looseObject({
    title: text('Headline of the article.'),
    url: text('Link to the article.'),
    text: text('Excerpt of the article.'),
    score: text('How relevant the article is.'),
    type: described(AML_ARTICLE_TYPES, 'article type')
      .nullable()
      .meta({ description: 'The tone of the article.' }),
    checkDate: str('When the screening ran.'),
    publishDate: text('When the article was published.'),
  })
  .meta({ description: 'One adverse media article.' });

const amlNewsResults = z
  .looseObject({
    ...screening,
    serviceName: described(AML_NEWS_SERVICES, 'AML service').meta({ description: 'The screening that ran.' }),
    data: z.array(adverseMedia).optional().meta({ description: 'The articles; empty when none.' }),
  })
  .meta({ description: 'Adverse media screening (AmlNewsResults).' });

/** AmlResults, told apart by serviceName. */
export const amlResults = z.discriminatedUnion('serviceName', [
  amlNameResults,
  amlCompanyResults,
  amlNewsResults,
]);

/** LidResults: lost and invalid document databases. */
export const lidResults = z
  .looseObject({
    ...screening,
    serviceName: str('The lost/invalid document service that ran.'),
    serviceGroupType: str('The group of the service: LID.').optional(),
    data: z
      .array(
        z
          .looseObject({
            documentNumber: str('The document number checked.'),
            documentType: text('The document type checked.'),
            valid: bool('False when the document is listed as lost, stolen or invalid.'),
            expiryDate: str('Expiry date of the document checked.'),
            checkDate: str('When the check ran.'),
          })
          .meta({ description: 'One document checked.' }),
      )
      .meta({ description: 'The documents checked.' }),
  })
  .meta({ description: 'Lost/invalid document check (LidResults).' });

const offense = z
  .looseObject({
    offense: text('The offence.'),
    offenseClass: text('Class of the offence.'),
    offenseDescription: text('Description of the offence.'),
    offenseLevel: text('Level of the offence, e.g. felony or misdemeanour.'),
    sentenceDate: text('Date of the sentence.'),
    courtName: text('Court that ruled.'),
    courtCaseNumber: text('Case number at the court.'),
    releaseDate: text('Release date.'),
  })
  .meta({ description: 'One recorded offence.' });

/** CriminalCheckResults: US criminal records. */
export const criminalCheckResults = z
  .looseObject({
    ...screening,
    serviceName: str('The criminal record service that ran.'),
    serviceGroupType: str('The group of the service: CRIMINAL_CHECK.').optional(),
    data: z
      .array(
        z
          .looseObject({
            offenses: z.array(offense).meta({ description: 'The offences on record.' }),
            fullName: text('Full name on the record.'),
            county: text('County of the record.'),
            region: described(US_STATES, 'US state')
              .nullable()
              .meta({ description: 'US state of the record.' }),
          })
          .meta({ description: 'One criminal record.' }),
      )
      .meta({ description: 'The records found.' }),
  })
  .meta({ description: 'Criminal record check (CriminalCheckResults).' });

/** AmlCheckV3Webhook: the current AML screening. */
export const amlCheckV3 = z
  .looseObject({
    id: text('Identifier of the AML check.'),
    overallStatus: text('Overall AML status, as set in the dashboard.'),
    statusSetBy: nobject('Who set the status.'),
    statusSetAt: text('When the status was set, ISO 8601.'),
    adverseMedia: z
      .array(
        z
          .looseObject({
            title: text('Headline of the article.'),
            url: str('Link to the article.'),
            text: text('Excerpt of the article.'),
            score: text('How relevant the article is.'),
            type: text('Kind of article.'),
            publishDate: text('When the article was published.'),
          })
          .meta({ description: 'One adverse media article.' }),
      )
      .nullable()
      .meta({ description: 'Adverse media articles found.' }),
    amlCheck: z
      .array(
        z
          .looseObject({
            addresses: z
              .array(
                z
                  .looseObject({
                    city: text('City of the address.'),
                    geography: text('Country or region of the address.'),
                  })
                  .meta({ description: 'One address of the listed person.' }),
              )
              .nullable()
              .meta({ description: 'Addresses of the listed person.' }),
            datesOfBirth: nstrings('Dates of birth of the listed person.'),
            gender: text('Gender of the listed person.'),
            nationalities: nstrings('Nationalities of the listed person.'),
            match: str('How the hit matched, e.g. exact or partial.'),
            formerSanBodyIds: z
              .array(z.number().int())
              .nullable()
              .meta({ description: 'Sanctioning bodies that listed the person before.' }),
            countries: nstrings('Countries linked to the listed person.'),
            datasets: z
              .array(z.string())
              .meta({ description: 'Datasets the hit comes from (PEP, sanctions, ...).' }),
            currentSanBodyIds: z
              .array(z.number().int())
              .nullable()
              .meta({ description: 'Sanctioning bodies that list the person now.' }),
            version: z.number().int().meta({ description: 'Version of the listing.' }),
            pepTier: text('Politically exposed person tier.').optional(),
            score: nint('How closely the hit matches, higher is closer.'),
            profileImage: text('Link to a picture of the listed person.').optional(),
            name: text('Name of the listed person.'),
            resourceId: str('Identifier of the listing.'),
          })
          .meta({ description: 'One watch-list hit.' }),
      )
      .nullable()
      .meta({ description: 'Watch-list hits.' }),
  })
  .meta({ description: 'AML screening (v3).' });

const resourceType = (value: (typeof REGISTRY_RESOURCE_TYPES)[number]['value']) =>
  described(
    REGISTRY_RESOURCE_TYPES.filter((t) => t.value === value),
    'registry',
  ).meta({ description: 'Which registry answered.' });
const matchStatus = (field: string) =>
  described(SOFT_KYC_MATCH_STATUSES, 'match status')
    .nullable()
    .meta({
      description: `How ${field} compared with the registry.`,
    });

/** RegistryCenterCheckWebhook, told apart by resourceType. */
export const registryCenterCheck = z.discriminatedUnion('resourceType', [
  z
    .looseObject({
      checkedMrz: str('The machine-readable zone that was checked.', 100),
      firstName: text('First name in the registry.', 100),
      lastName: text('Last name in the registry.', 100),
      maidenName: text('Maiden name in the registry.', 100),
      mothersMaidenName: text("Mother's maiden name in the registry.", 100),
      birthDate: text('Date of birth in the registry, YYYY-MM-DD.'),
      birthPlace: text('Place of birth in the registry.', 100),
      address: nobject('Address in the registry.'),
      residentialAddress: nobject('Residential address in the registry.'),
      nationality: country.nullable().meta({ description: 'Nationality in the registry.' }),
      idCard: nobject('Identity card details in the registry.'),
      passport: nobject('Passport details in the registry.'),
      additionalData: nobject('Other registry data.'),
      resourceType: resourceType('HungaryRegistryCenterCheck'),
    })
    .meta({ description: 'Hungarian registry check.' }),
  z
    .looseObject({
      checkedPersonalNumber: str('The personal number that was checked.', 30),
      checkedDocumentType: str('The document type that was checked (two letters).', 2),
      personalNumber: text('Personal number in the registry.', 30),
      name: text('First name in the registry.', 100),
      surname: text('Surname in the registry.', 100),
      documentNumber: text('Document number in the registry.', 100),
      documentExpiration: text('Document expiry in the registry, YYYY-MM-DD.'),
      facePhoto: text('Link to the registry photo.'),
      resourceType: resourceType('LithuaniaRegistryCenterCheck'),
    })
    .meta({ description: 'Lithuanian registry check.' }),
  z
    .looseObject({
      firstName: str('First name checked.', 100),
      lastName: str('Last name checked.', 100),
      middleName: text('Middle name checked.', 100),
      dob: text('Date of birth checked, YYYY-MM-DD.'),
      yob: nint('Year of birth checked.'),
      address1: text('Address line 1 checked.', 255),
      address2: text('Address line 2 checked.', 255),
      city: text('City checked.', 100),
      state: text('US state checked (two letters).', 2),
      zip: text('ZIP code checked.', 10),
      idNum: text('SSN (or its last digits) checked.', 9),
      phone: text('Phone number checked.'),
      email: text('Email address checked.', 254),
      firstNameStatus: matchStatus('the first name'),
      lastNameStatus: matchStatus('the last name'),
      middleNameStatus: matchStatus('the middle name'),
      dobStatus: matchStatus('the date of birth'),
      yobStatus: matchStatus('the year of birth'),
      address1Status: matchStatus('address line 1'),
      address2Status: matchStatus('address line 2'),
      cityStatus: matchStatus('the city'),
      stateStatus: matchStatus('the state'),
      zipStatus: matchStatus('the ZIP code'),
      idNumStatus: matchStatus('the SSN'),
      phoneStatus: matchStatus('the phone number'),
      emailStatus: matchStatus('the email address'),
      resourceType: resourceType('Us15RegistryCenterCheck'),
    })
    .meta({ description: 'US identity data check.' }),
]);

export const addressVerification = z
  .looseObject({
    address: str('The address that was verified.', 255),
    country: country.nullable().optional().meta({ description: 'Country of the address.' }),
    status: described(ADDRESS_VERIFICATION_STATUSES, 'address verification status').meta({
      description: 'Whether the address was verified.',
    }),
    accuracy: nint('How precisely the address was located, higher is more precise.'),
    quality: described(ADDRESS_VERIFICATION_QUALITIES, 'address match quality').nullable().meta({
      description: 'Quality of the address match.',
    }),
  })
  .meta({ description: 'Address verification (AddressVerificationWebhook).' });

export const questionnaireAnswers = z
  .looseObject({
    title: str('Title of the questionnaire.'),
    sections: z
      .array(
        z
          .looseObject({
            title: str('Title of the section.'),
            questions: z
              .array(
                z
                  .looseObject({
                    key: str('Key of the question.'),
                    title: str('The question as shown.'),
                    type: described(QUESTION_TYPES, 'question type').meta({
                      description: 'Kind of answer field.',
                    }),
                    value: z
                      .union([z.array(z.string()), z.string(), z.boolean()])
                      .nullable()
                      .meta({ description: 'The answer: text, a list, or true/false.' }),
                  })
                  .meta({ description: 'One question with its answer.' }),
              )
              .meta({ description: 'The questions of the section.' }),
          })
          .meta({ description: 'One section of the questionnaire.' }),
      )
      .meta({ description: 'The sections of the questionnaire.' }),
  })
  .meta({ description: 'Questionnaire answers (QuestionnaireAnswersWebhook).' });

export const riskAssessment = z
  .looseObject({
    riskScore: nint('The risk score computed by your risk assessment profile.'),
    riskLevel: riskLevel.nullable().meta({ description: 'The risk level the score falls into.' }),
  })
  .meta({ description: 'Risk assessment (RiskAssessmentWebhook).' });

export const bankVerification = z
  .looseObject({
    id: str('Identifier of the bank verification (UUID).'),
    country: country.nullable().meta({ description: 'Country of the bank.' }),
    bank: text('Name of the bank.'),
    accounts: z
      .array(
        z
          .looseObject({
            id: str('Identifier of the account (UUID).'),
            name: text('Name of the account.', 128),
            iban: text('IBAN of the account.', 34),
            currency: str('Currency, ISO 4217.', 3),
            balancesOverview: z
              .looseObject({
                bookedBalance: z.number().nullable().meta({ description: 'Booked balance.' }),
                availableBalance: z.number().nullable().meta({ description: 'Available balance.' }),
              })
              .nullable()
              .meta({ description: 'Balances of the account.' }),
            transactionsCount: nint('Number of transactions read.'),
          })
          .meta({ description: 'One bank account.' }),
      )
      .meta({ description: 'The accounts read from the bank.' }),
    riskLevel: riskLevel.nullable().meta({ description: 'Risk level from the bank data.' }),
  })
  .meta({ description: 'Bank account verification (BankVerificationWebhook).' });

export const emailVerification = z
  .looseObject({
    email: str('The email address.', 254),
    emailVerified: bool('True when the person confirmed the address.'),
  })
  .meta({ description: 'Email verification (EmailVerificationWebhook).' });

export const phoneVerification = z
  .looseObject({
    phone: str('Phone number in E.164 format.'),
    phoneVerified: bool('True when the person confirmed the number.'),
  })
  .meta({ description: 'Phone verification (PhoneVerificationWebhook).' });

export const driverLicenseCheck = z
  .looseObject({
    name: str('First name on the licence record.'),
    surname: str('Surname on the licence record.'),
    dateOfBirth: str('Date of birth on the record, YYYY-MM-DD.'),
    state: str('US state of the licence (two letters).', 2),
    gender: text('Gender on the record (one letter).', 1),
    dateOfIssue: text('Issue date on the record, YYYY-MM-DD.'),
    dateOfExpiry: text('Expiry date on the record, YYYY-MM-DD.'),
    documentNumber: text('Licence number on the record.'),
    nameMatch: nbool('Whether the first name matches the record.'),
    surnameMatch: nbool('Whether the surname matches the record.'),
    dateOfBirthMatch: nbool('Whether the date of birth matches the record.'),
    dateOfIssueMatch: nbool('Whether the issue date matches the record.'),
    dateOfExpiryMatch: nbool('Whether the expiry date matches the record.'),
    documentNumberMatch: nbool('Whether the licence number matches the record.'),
    genderMatch: nbool('Whether the gender matches the record.'),
  })
  .meta({ description: "Driver's licence check (DriverLicenseCheckWebhook)." });

export const bankCardVerification = z
  .looseObject({
    id: str('Identifier of the card verification (UUID).'),
    status: described(BANK_CARD_STATUSES, 'bank card status').meta({
      description: 'Whether the card matches.',
    }),
    noMatchReason: described(BANK_CARD_NO_MATCH_REASONS, 'bank card mismatch reason')
      .nullable()
      .meta({ description: 'Why the card does not match; null when it does.' }),
    name: text('Name read from the card.'),
    firstSix: text('First six digits of the card number.'),
    lastFour: text('Last four digits of the card number.'),
    expiryDate: text('Expiry date of the card.'),
    nameMatch: nbool('Whether the name matches the document.'),
    lastFourMatch: nbool('Whether the last four digits match the expected ones.'),
  })
  .meta({ description: 'Bank card verification (BankCardVerificationWebhook).' });
