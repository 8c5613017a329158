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
