/**
 * The page's request table, first part (clientId to documents): who is verified, where the client
 * is sent afterwards, and how the session looks and runs. Order is the page's: the schema, snippets
 * and hovers list properties in it.
 */
import * as z from 'zod';
import { countryCode, described, documented, name, webUrl } from './field-helpers';
import { FORBIDDEN_NAME_CHARACTERS } from './patterns';
import { DOCUMENT_TYPES, documentTypeValues, LOCALES, localeValues } from './vocabulary';

const DEFAULT_DOCUMENTS: (typeof documentTypeValues)[number][] = ['ID_CARD', 'PASSPORT'];

export const pageSessionFields = {
  // The page's request table (28 fields).
  clientId: documented('clientId', z.string().min(1).max(100), {
    origin: 'page',
    description: 'Your own identifier for the person being verified; it comes back in every result.',
    constraints: ['Required, not null', 'At most 100 characters'],
    examples: ['100000'],
  }),
  firstName: documented('firstName', name().optional(), {
    origin: 'page',
    description: "The person's first name(s), compared with the document.",
    constraints: ['1 to 100 characters', `No digits and none of \`${FORBIDDEN_NAME_CHARACTERS}\``],
    note: 'iDenfy returns names upper-cased. A name that differs from the document makes the result SUSPECTED (DOC_INFO_MISMATCH); iDenfy recommends sending only `clientId`.',
    examples: ['John Tom'],
  }),
  lastName: documented('lastName', name().optional(), {
    origin: 'page',
    description: "The person's surname(s), compared with the document.",
    constraints: ['1 to 100 characters', `No digits and none of \`${FORBIDDEN_NAME_CHARACTERS}\``],
    note: 'iDenfy returns names upper-cased.',
    examples: ['Smith'],
  }),
  successUrl: documented('successUrl', webUrl().default('https://ui.idenfy.com/result?status=success'), {
    origin: 'page',
    description: 'Where the client is sent after a successful verification.',
    constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
    documentedDefault: '`https://ui.idenfy.com/result?status=success`',
    examples: ['https://www.my-company.com/idenfy/success'],
  }),
  errorUrl: documented('errorUrl', webUrl().default('https://ui.idenfy.com/result?status=fail'), {
    origin: 'page',
    description: 'Where the client is sent after a failed verification.',
    constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
    documentedDefault: '`https://ui.idenfy.com/result?status=fail`',
    examples: ['https://www.my-company.com/idenfy/fail'],
  }),
  unverifiedUrl: documented(
    'unverifiedUrl',
    webUrl().default('https://ui.idenfy.com/result?status=unverified'),
    {
      origin: 'page',
      description:
        'Where the client is sent when the verification was not analysed, e.g. they cancelled at once.',
      constraints: ['5 to 2048 characters', 'Not used in the iframe integration'],
      documentedDefault: '`https://ui.idenfy.com/result?status=unverified`',
      examples: ['https://www.my-company.com/idenfy/unverified'],
    },
  ),
  locale: documented('locale', described(LOCALES, localeValues, 'locale').default('en'), {
    origin: 'page',
    description: 'Language the verification UI opens in.',
    documentedDefault: '`en`',
    note: 'The iframe integration ignores it: append `&lang=xx` to the iframe URL instead.',
  }),
  showInstructions: documented('showInstructions', z.boolean().default(true), {
    origin: 'page',
    description: 'Whether the client sees instructions before starting.',
    documentedDefault: '`true`',
  }),
  expiryTime: documented('expiryTime', z.int().min(1).max(2592000).default(86400), {
    origin: 'page',
    description: 'Seconds until the new token stops working.',
    constraints: [
      'More than 0',
      'At most 2592000 (30 days)',
      'At most 86400 when `generateDigitString` is true',
    ],
    documentedDefault: '`86400` (24 hours)',
    note: "The page's example responses show 3600; its table (86400) is taken as right.",
    examples: [600, 3600, 86400],
  }),
  sessionLength: documented('sessionLength', z.int().min(61).max(3599).default(1800), {
    origin: 'page',
    description: 'Seconds the client has to complete the verification once started.',
    constraints: ['More than 60', 'Less than 3600'],
    documentedDefault: '`1800` (30 minutes)',
    note: "iDenfy's OpenAPI model allows 60 to 3600 inclusive; the page (more than 60, less than 3600) is followed here.",
    examples: [600, 1800],
  }),
  country: documented('country', countryCode().nullable().default(null), {
    origin: 'page',
    description: 'Document country fixed for the client, who then cannot pick another.',
    constraints: ['ISO 3166-1 alpha-2 code, upper or lower case'],
    documentedDefault: '`null` (the client chooses)',
    note: 'Some newer iDenfy guides pass an array of codes; the page documents a single code.',
  }),
  documents: documented(
    'documents',
    z.array(described(DOCUMENT_TYPES, documentTypeValues, 'document type')).default(DEFAULT_DOCUMENTS),
    {
      origin: 'page',
      description: 'Document types the client may verify with.',
      documentedDefault: '`["ID_CARD", "PASSPORT"]`',
      examples: [['PASSPORT'], ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE']],
    },
  ),
};
