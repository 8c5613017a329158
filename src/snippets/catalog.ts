/**
 * The request templates offered as snippets (snippets/, through contributes.snippets). Tests check
 * every body against the model.
 */

/** A tab stop in a snippet, holding its default value (or a choice, the first being the default). */
export interface Placeholder {
  readonly tabStop: number;
  readonly value: string | number | boolean;
  readonly choices?: readonly string[];
}

export type TemplateValue = Placeholder | string | number | boolean | null | TemplateValue[] | TemplateObject;
export interface TemplateObject {
  [key: string]: TemplateValue;
}

export interface Template {
  /** Typed to trigger the snippet; always starts with "idenfy". */
  prefix: string;
  label: string;
  description: string;
  body: TemplateObject;
}

export function ph(tabStop: number, value: string | number | boolean): Placeholder {
  return { tabStop, value };
}

export function choice(tabStop: number, choices: readonly [string, ...string[]]): Placeholder {
  return { tabStop, value: choices[0], choices };
}

export const TEMPLATES: readonly Template[] = [
  {
    prefix: 'idenfy-minimal',
    label: 'iDenfy: minimal session',
    description: 'Only clientId, as iDenfy recommends: the client enters everything else from the document.',
    body: { clientId: ph(1, '100000') },
  },
  {
    prefix: 'idenfy-recommended',
    label: 'iDenfy: session with names',
    description: "clientId with the client's names, which raises the success rate.",
    body: { clientId: ph(1, '100000'), firstName: ph(2, 'John Tom'), lastName: ph(3, 'Smith') },
  },
  {
    prefix: 'idenfy-full',
    label: 'iDenfy: full control',
    description: "Every field of the page's full-control example.",
    body: {
      clientId: ph(1, '100000'),
      firstName: ph(2, 'John Tom'),
      lastName: ph(3, 'Smith'),
      successUrl: ph(4, 'https://www.my-company.com/idenfy/success'),
      errorUrl: ph(5, 'https://www.my-company.com/idenfy/fail'),
      unverifiedUrl: ph(6, 'https://www.my-company.com/idenfy/unverified'),
      callbackUrl: ph(7, 'https://mywebsite.com/idenfy/webhookendpoint'),
      locale: ph(8, 'en'),
      showInstructions: true,
      expiryTime: ph(9, 600),
      sessionLength: ph(10, 600),
      country: ph(11, 'lt'),
      documents: ['PASSPORT'],
      dateOfBirth: ph(12, '1990-12-20'),
      dateOfExpiry: ph(13, '1990-12-20'),
      dateOfIssue: ph(14, '1990-12-20'),
      nationality: ph(15, 'lt'),
      personalNumber: ph(16, '123456789'),
      documentNumber: ph(17, '123456'),
      sex: choice(18, ['M', 'F']),
      address: ph(19, 'Address'),
      tokenType: 'IDENTIFICATION',
      videoCallQuestions: ['Question 1', 'Question 2'],
      externalRef: ph(20, 'reference'),
      utilityBill: false,
      additionalSteps: null,
      additionalData: null,
    },
  },
  {
    prefix: 'idenfy-document-only',
    label: 'iDenfy: document check only',
    description: 'A DOCUMENT session: the document is checked, no selfie is taken.',
    body: {
      clientId: ph(1, '100000'),
      tokenType: 'DOCUMENT',
      documents: [choice(2, ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE', 'RESIDENCE_PERMIT'])],
    },
  },
  {
    prefix: 'idenfy-video-call',
    label: 'iDenfy: video call with questions',
    description: 'A video-call session with the questions the agent will ask.',
    body: {
      clientId: ph(1, '100000'),
      tokenType: choice(2, ['VIDEO_CALL', 'VIDEO_CALL_PHOTOS', 'VIDEO_CALL_IDENTIFICATION']),
      videoCallQuestions: [
        ph(3, 'What is the purpose of your account?'),
        ph(4, 'Where do your funds come from?'),
      ],
    },
  },
  {
    prefix: 'idenfy-utility-bill',
    label: 'iDenfy: utility bill',
    description: 'Ask for a utility bill as an extra step (not combinable with additionalSteps).',
    body: { clientId: ph(1, '100000'), utilityBill: true },
  },
  {
    prefix: 'idenfy-additional-steps',
    label: 'iDenfy: additional steps with COMPARE',
    description: 'A utility-bill step whose address iDenfy compares with additionalData.',
    body: {
      clientId: ph(1, '100000'),
      additionalSteps: {
        ALL: {
          ALL: { UTILITY_BILL: { type: choice(2, ['COMPARE', 'EXTRACT', 'UPLOAD']), fields: ['address'] } },
        },
      },
      additionalData: { UTILITY_BILL: { address: ph(3, 'Gedimino pr. 1, Vilnius') } },
    },
  },
  {
    prefix: 'idenfy-mobile-code',
    label: 'iDenfy: mobile digit code',
    description: "An 8-digit code for iDenfy's mobile app; expiryTime must stay at or under 86400.",
    body: { clientId: ph(1, '100000'), generateDigitString: true, expiryTime: ph(2, 3600) },
  },
  {
    prefix: 'idenfy-custom-settings',
    label: 'iDenfy: liveness, manual review and AML',
    description: 'Custom settings: liveness, manual review of both outcomes, AML screening and monitoring.',
    body: {
      clientId: ph(1, '100000'),
      checkLiveness: true,
      reviewSuccessful: true,
      reviewFailed: true,
      fraudServices: ['AML_NAMES_CHECK'],
      autoAmlMonitoring: true,
    },
  },
  {
    prefix: 'idenfy-dummy-status',
    label: 'iDenfy: dummy verification (DEV environment)',
    description:
      'A verification created already finished with the chosen status, to test result handling. DEV-environment partners only.',
    body: {
      clientId: ph(1, '100000'),
      dummyStatus: choice(2, ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED']),
    },
  },
];

/**
 * What every webhook template shares: a finished verification of John Sample with an LT ID card.
 * Tab stops 1-3 are the identifiers a handler looks up (clientId, scanRef, finishTime); each
 * template adds its own verdict.
 */
function webhookBody(status: TemplateObject, extra: TemplateObject = {}): TemplateObject {
  return {
    final: true,
    platform: 'PC',
    status: { overall: 'APPROVED', fraudTags: [], mismatchTags: [], ...status },
    data: {
      docFirstName: 'JOHN',
      docLastName: 'SAMPLE',
      docNumber: 'AB1234567',
      docPersonalCode: '39001010000',
      docExpiry: '2031-05-20',
      docDob: '1990-01-01',
      docDateOfIssue: '2021-05-20',
      docType: 'ID_CARD',
      docSex: 'MALE',
      docNationality: 'LT',
      docIssuingCountry: 'LT',
      fullName: 'JOHN SAMPLE',
      selectedCountry: 'LT',
      manuallyDataChanged: false,
      orgFirstName: 'John',
      orgLastName: 'Sample',
      orgNationality: 'LIETUVOS',
      orgBirthPlace: null,
      orgAuthority: null,
      orgAddress: null,
    },
    fileUrls: {
      FRONT: 'https://s3.eu-west-1.amazonaws.com/production.users.storage/users_storage/FRONT.png',
      BACK: 'https://s3.eu-west-1.amazonaws.com/production.users.storage/users_storage/BACK.png',
      FACE: 'https://s3.eu-west-1.amazonaws.com/production.users.storage/users_storage/FACE.png',
    },
    AML: null,
    LID: null,
    scanRef: ph(2, '3af0b6a4-5e2b-11ee-8c99-0242ac120002'),
    externalRef: null,
    clientId: ph(1, 'user-123'),
    startTime: 1700000000,
    finishTime: ph(3, 1700000300),
    clientIp: '203.0.113.7',
    clientIpCountry: 'LT',
    clientLocation: 'Vilnius, Lithuania',
    ...extra,
  };
}

/** A verification the person never finished: no verdicts, no data read, no photos. */
function unfinishedBody(overall: Placeholder | string): TemplateObject {
  const body = webhookBody({
    overall,
    autoDocument: null,
    autoFace: null,
    manualDocument: null,
    manualFace: null,
    additionalSteps: null,
  });
  const data = Object.fromEntries(Object.keys(body.data as TemplateObject).map((k) => [k, null]));
  return { ...body, data, fileUrls: null, clientIp: null, clientIpCountry: null, clientLocation: null };
}

/**
 * The result-webhook payloads offered as snippets in *.idenfy-webhook.json files (snippets/, for
 * the idenfy-webhook language only). Tests check every body against the webhook model and schema.
 */
export const WEBHOOK_TEMPLATES: readonly Template[] = [
  {
    prefix: 'idenfy-webhook-approved',
    label: 'iDenfy webhook: approved (automatic only)',
    description: 'APPROVED by the automatic checks, no manual review: the one and final call (final: true).',
    body: webhookBody({
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: null,
      manualFace: null,
      additionalSteps: null,
    }),
  },
  {
    prefix: 'idenfy-webhook-review-pending',
    label: 'iDenfy webhook: automatic result, manual review pending',
    description:
      'The interim call (final: false) of a verification sent to manual review: the automatic verdicts, no manual ones yet. A final call follows.',
    body: webhookBody(
      {
        overall: 'REVIEWING',
        autoDocument: 'DOC_VALIDATED',
        autoFace: 'FACE_UNCERTAIN',
        manualDocument: null,
        manualFace: null,
        additionalSteps: null,
      },
      { final: false },
    ),
  },
  {
    prefix: 'idenfy-webhook-manual-result',
    label: 'iDenfy webhook: manual review result',
    description:
      "The final call (final: true) after manual review: the automatic verdicts stay, the reviewer's are in manualDocument/manualFace.",
    body: webhookBody({
      overall: choice(4, ['APPROVED', 'DENIED', 'SUSPECTED']),
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_UNCERTAIN',
      manualDocument: 'DOC_VALIDATED',
      manualFace: choice(5, ['FACE_MATCH', 'FACE_MISMATCH']),
      additionalSteps: null,
    }),
  },
  {
    prefix: 'idenfy-webhook-denied',
    label: 'iDenfy webhook: denied',
    description: 'DENIED: a document or face check failed; the statuses say which.',
    body: webhookBody({
      overall: 'DENIED',
      autoDocument: choice(4, [
        'DOC_EXPIRED',
        'DOC_NOT_FOUND',
        'DOC_TOO_BLURRY',
        'DOC_FAKE',
        'DOC_VALIDATED',
      ]),
      autoFace: choice(5, ['FACE_MISMATCH', 'NO_FACE_FOUND', 'FAKE_FACE', 'FACE_MATCH']),
      manualDocument: null,
      manualFace: null,
      additionalSteps: null,
    }),
  },
  {
    prefix: 'idenfy-webhook-suspected',
    label: 'iDenfy webhook: suspected (fraud and mismatch tags)',
    description:
      'SUSPECTED: the checks passed but fraud and mismatch tags were raised; review before onboarding.',
    body: webhookBody({
      overall: 'SUSPECTED',
      fraudTags: [choice(4, ['DUPLICATE_FACE', 'FACE_IN_BLACKLIST', 'DOC_MOBILE_PHOTO', 'VIRTUAL_CAMERA'])],
      mismatchTags: [choice(5, ['NAME', 'SURNAME', 'DATE_OF_BIRTH', 'DOCUMENT_NUMBER']), 'NATIONALITY'],
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: null,
      manualFace: null,
      additionalSteps: null,
    }),
  },
  {
    prefix: 'idenfy-webhook-expired',
    label: 'iDenfy webhook: expired',
    description: 'EXPIRED: the token ran out before the person finished; nothing was read.',
    body: unfinishedBody('EXPIRED'),
  },
  {
    prefix: 'idenfy-webhook-cancelled',
    label: 'iDenfy webhook: cancelled',
    description:
      'A verification the person cancelled. The Idenfy-Event-Type header (IDENTIFICATION_CANCELLED) tells it apart; iDenfy does not document its overall status, so pick what your account sends.',
    body: unfinishedBody(choice(4, ['EXPIRED', 'DENIED'])),
  },
];
