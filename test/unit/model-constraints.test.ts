/**
 * Every constraint the page documents, checked at its boundary on both sides with validateRequest.
 * Values are written out from the page, not taken from the model, so the model can be caught out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RequestIssue } from '../../src/model/issues';
import { validateRequest } from '../../src/model/validate';
import { FORBIDDEN_IN_NAMES, urlOfLength } from '../support/arbitraries';

type Patch = Record<string, unknown>;
type Path = RequestIssue['path'];

function issuesOf(document: unknown): RequestIssue[] {
  const result = validateRequest(document);
  return result.ok ? [] : result.issues;
}

/** clientId plus the patch is valid. */
function accepts(patch: Patch): void {
  assert.deepEqual(issuesOf({ clientId: '100000', ...patch }), []);
}

/** clientId plus the patch is invalid, and every issue is of `kind` at `path`. */
function rejects(patch: Patch, path: Path, kind: RequestIssue['kind'] = 'bad_value', message?: string): void {
  const issues = issuesOf({ clientId: '100000', ...patch });
  assert.ok(issues.length > 0, `expected a problem with ${JSON.stringify(patch).slice(0, 120)}`);
  for (const issue of issues) {
    assert.deepEqual(issue.path, path, JSON.stringify(issue));
    assert.equal(issue.kind, kind, JSON.stringify(issue));
  }
  if (message) {
    assert.ok(
      issues.some((i) => i.message.includes(message)),
      `no message containing ${JSON.stringify(message)} in ${JSON.stringify(issues)}`,
    );
  }
}

const str = (length: number, char = 'a') => char.repeat(length);

describe('clientId', () => {
  test('100 characters ok, 101 not', () => {
    accepts({ clientId: str(100) });
    rejects({ clientId: str(101) }, ['clientId'], 'bad_value', 'at most 100');
  });
  test('missing is reported as missing', () => {
    assert.deepEqual(issuesOf({ firstName: 'John' }), [
      { path: ['clientId'], kind: 'missing', message: '"clientId" is required.' },
    ]);
  });
  test('null is not allowed', () => rejects({ clientId: null }, ['clientId']));
});

for (const field of ['firstName', 'lastName']) {
  describe(field, () => {
    test('1 character ok, 0 not', () => {
      accepts({ [field]: 'J' });
      rejects({ [field]: '' }, [field], 'bad_value', 'at least 1');
    });
    test('100 characters ok, 101 not', () => {
      accepts({ [field]: str(100, 'J') });
      rejects({ [field]: str(101, 'J') }, [field], 'bad_value', 'at most 100');
    });
    for (const char of FORBIDDEN_IN_NAMES) {
      test(`forbidden character ${char} is rejected`, () => {
        rejects({ [field]: `Jo${char}hn` }, [field], 'bad_value', 'Names may not contain digits');
      });
    }
    for (const digit of '0123456789') {
      test(`digit ${digit} is rejected`, () => rejects({ [field]: `Jo${digit}n` }, [field]));
    }
    for (const name of [
      'Jānis',
      "O'Brien",
      'Anne-Marie',
      'John Tom',
      'Žemaitė',
      'Ólafur',
      'Łukasz',
      'Дмитрий',
      '王',
      'J. R. R.',
    ]) {
      test(`"${name}" is accepted`, () => accepts({ [field]: name }));
    }
  });
}

for (const field of ['successUrl', 'errorUrl', 'unverifiedUrl']) {
  describe(field, () => {
    test('4 characters break the length rule, 5 do not', () => {
      rejects({ [field]: 'a.co' }, [field], 'bad_value', 'at least 5');
      // No 5-character string is a full URL, so 5 fails only the URL pattern, never the length.
      const five = issuesOf({ clientId: '1', [field]: 'a.com' });
      assert.deepEqual(
        five.map((i) => i.message),
        ['Use a full http:// or https:// address, such as https://www.my-company.com/idenfy/success.'],
      );
      accepts({ [field]: 'http://a' });
    });
    test('2048 characters ok, 2049 not', () => {
      accepts({ [field]: urlOfLength(2048) });
      rejects({ [field]: urlOfLength(2049) }, [field], 'bad_value', 'at most 2048');
    });
    for (const bad of ['http://', 'not a url', 'ftp://x.com', 'https://exa mple.com', 'www.example.com']) {
      test(`malformed "${bad}" is rejected`, () =>
        rejects({ [field]: bad }, [field], 'bad_value', 'full http://'));
    }
    test('http and https are both accepted', () => {
      accepts({ [field]: 'http://localhost:3000/done' });
      accepts({ [field]: 'https://www.my-company.com/idenfy/success?x=1#y' });
    });
  });
}

describe('callbackUrl', () => {
  test('https ok, http rejected', () => {
    accepts({ callbackUrl: 'https://mywebsite.com/idenfy/webhookendpoint' });
    rejects(
      { callbackUrl: 'http://mywebsite.com/idenfy/webhookendpoint' },
      ['callbackUrl'],
      'bad_value',
      'https://',
    );
  });
});

describe('expiryTime', () => {
  test('0 not, 1 ok, 2592000 ok, 2592001 not', () => {
    rejects({ expiryTime: 0 }, ['expiryTime'], 'bad_value', 'at least 1');
    accepts({ expiryTime: 1 });
    accepts({ expiryTime: 2592000 });
    rejects({ expiryTime: 2592001 }, ['expiryTime'], 'bad_value', 'at most 2592000');
  });
  test('a non-integer is rejected', () => rejects({ expiryTime: 1.5 }, ['expiryTime']));
});

describe('sessionLength', () => {
  test('60 not, 61 ok, 3599 ok, 3600 not', () => {
    rejects({ sessionLength: 60 }, ['sessionLength'], 'bad_value', 'at least 61');
    accepts({ sessionLength: 61 });
    accepts({ sessionLength: 3599 });
    rejects({ sessionLength: 3600 }, ['sessionLength'], 'bad_value', 'at most 3599');
  });
});

for (const field of ['country', 'nationality']) {
  describe(field, () => {
    test('"LT", "lt" and null ok; "Lt" and "XX" not', () => {
      accepts({ [field]: 'LT' });
      accepts({ [field]: 'lt' });
      accepts({ [field]: null });
      rejects({ [field]: 'Lt' }, [field], 'bad_value', 'alpha-2');
      rejects({ [field]: 'XX' }, [field], 'bad_value', 'alpha-2');
    });
  });
}

for (const field of ['dateOfBirth', 'dateOfExpiry', 'dateOfIssue']) {
  describe(field, () => {
    for (const good of ['1990-12-20', '2024-02-29', null]) {
      test(`${JSON.stringify(good)} ok`, () => accepts({ [field]: good }));
    }
    for (const bad of ['2023-02-29', '2023-02-30', '1990-13-01', '1990-1-2']) {
      test(`"${bad}" not`, () => rejects({ [field]: bad }, [field], 'bad_value', 'real calendar date'));
    }
  });
}

for (const field of ['personalNumber', 'documentNumber']) {
  test(`${field}: "" not, "1" ok`, () => {
    rejects({ [field]: '' }, [field], 'bad_value', 'at least 1');
    accepts({ [field]: '1' });
  });
}

test('sex: M and F ok, X not', () => {
  accepts({ sex: 'M' });
  accepts({ sex: 'F' });
  rejects({ sex: 'X' }, ['sex']);
});

test('address: 255 ok, 256 not', () => {
  accepts({ address: str(255) });
  rejects({ address: str(256) }, ['address'], 'bad_value', 'at most 255');
});

test('externalRef: 40 ok, 41 not', () => {
  accepts({ externalRef: str(40) });
  rejects({ externalRef: str(41) }, ['externalRef'], 'bad_value', 'at most 40');
});

describe('locale', () => {
  for (const code of [
    'lt',
    'en',
    'ru',
    'pl',
    'lv',
    'ro',
    'it',
    'de',
    'fr',
    'sv',
    'es',
    'hu',
    'ja',
    'bg',
    'et',
    'cs',
  ]) {
    test(`"${code}" ok`, () => accepts({ locale: code }));
  }
  test('"xx" not', () => rejects({ locale: 'xx' }, ['locale']));
});

describe('tokenType', () => {
  for (const type of [
    'DOCUMENT',
    'IDENTIFICATION',
    'VIDEO_CALL',
    'VIDEO_CALL_PHOTOS',
    'VIDEO_CALL_IDENTIFICATION',
  ]) {
    test(`${type} ok`, () => accepts({ tokenType: type }));
  }
  test('an unknown type not', () => rejects({ tokenType: 'VIDEO' }, ['tokenType']));
});

describe('documents', () => {
  const documented = [
    'ID_CARD',
    'PASSPORT',
    'RESIDENCE_PERMIT',
    'DRIVER_LICENSE',
    'AADHAAR',
    'PAN_CARD',
    'VISA',
    'BORDER_CROSSING',
    'ASYLUM',
    'NATIONAL_PASSPORT',
    'INTERNATIONAL_PASSPORT',
    'VOTER_CARD',
    'OLD_ID_CARD',
    'TRAVEL_CARD',
    'PHOTO_CARD',
    'MILITARY_CARD',
    'PROOF_OF_AGE_CARD',
    'DIPLOMATIC_ID',
  ];
  for (const type of documented) test(`${type} ok`, () => accepts({ documents: [type] }));
  test('all 18 together ok', () => accepts({ documents: documented }));
  test('an unknown type not, reported at its index', () => {
    rejects({ documents: ['PASSPORT', 'CREDIT_CARD'] }, ['documents', 1]);
  });
});

describe('custom settings', () => {
  test('fraudServices: each documented value ok, an unknown one not', () => {
    for (const value of ['AML_NAMES_CHECK', 'LID', 'AML_NEWS']) accepts({ fraudServices: [value] });
    rejects({ fraudServices: ['AML'] }, ['fraudServices', 0]);
  });
  test('detectionTypes: FACE and EYES ok, an unknown one not', () => {
    accepts({ detectionTypes: ['FACE', 'EYES'] });
    rejects({ detectionTypes: ['NOSE'] }, ['detectionTypes', 0]);
  });
  test('maxAttemptCount: 0 ok, -1 not', () => {
    accepts({ maxAttemptCount: 0 });
    rejects({ maxAttemptCount: -1 }, ['maxAttemptCount'], 'bad_value', 'at least 0');
  });
  for (const field of ['levenshteinTextMatchRatio', 'levenshteinMrzMatchRatio']) {
    test(`${field}: 0 and 1 ok, 1.01 not`, () => {
      accepts({ [field]: 0 });
      accepts({ [field]: 1 });
      rejects({ [field]: 1.01 }, [field], 'bad_value', 'at most 1');
    });
  }
});

describe('additionalSteps', () => {
  const step = {
    type: 'COMPARE',
    fields: ['address'],
    texts: { en: { name: 'Utility bill', description: 'A recent bill.' } },
  };
  test('a valid nested shape ok', () => {
    accepts({
      additionalSteps: {
        ALL: { ALL: { UTILITY_BILL: step } },
        LT: { ID_CARD: { PROOF_OF_ADDRESS: { type: 'UPLOAD' } } },
      },
    });
  });
  test('an unknown step type is rejected at the type', () => {
    rejects({ additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'SCAN' } } } } }, [
      'additionalSteps',
      'ALL',
      'ALL',
      'UTILITY_BILL',
      'type',
    ]);
  });
  test('a country key that is not a country is rejected at the key', () => {
    rejects(
      { additionalSteps: { XX: { ALL: { UTILITY_BILL: step } } } },
      ['additionalSteps', 'XX'],
      'bad_value',
      'alpha-2',
    );
  });
  test('a lower-case step name is rejected at the key', () => {
    const path = ['additionalSteps', 'ALL', 'ALL', 'utility_bill'];
    rejects({ additionalSteps: { ALL: { ALL: { utility_bill: step } } } }, path, 'bad_value', 'upper-case');
  });
});

test('additionalData: an object ok (with steps), an array not', () => {
  const additionalSteps = { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE' } } } };
  accepts({ additionalSteps, additionalData: { UTILITY_BILL: { address: 'Gedimino pr. 1' } } });
  rejects({ additionalSteps, additionalData: [] }, ['additionalData']);
});

describe("the 24 fields of iDenfy's OpenAPI model that the page does not list", () => {
  const valid: Record<string, unknown> = {
    questionnaire: 'onboarding-questions',
    questionnaireRequired: true,
    riskAssessmentProfile: '3f2b9c1e-8d4a-4b6f-9a2e-1c5d7e9f0a3b',
    theme: 'c0a8012e-1f2d-4e3c-8b5a-6d7e8f9a0b1c',
    registryCentersCountries: ['LT', 'lv'],
    verifyEmail: true,
    verifyPhone: false,
    verifyBank: true,
    verifyBankAccounts: true,
    verifyBankBalances: false,
    verifyBankTransactions: true,
    bankCardVerification: true,
    bankCardPdfUpload: false,
    verifyAddress: true,
    checkAml: true,
    checkCriminal: false,
    checkPersonBlacklist: true,
    checkDuplicatePersonalData: true,
    checkDriverLicense: false,
    checkLid: true,
    allowBsnMasking: true,
    nfcOptional: true,
    ageLimit: 18,
    ageMax: 99,
  };
  test('there are 24 of them', () => assert.equal(Object.keys(valid).length, 24));
  for (const [field, value] of Object.entries(valid)) {
    test(`${field} accepts ${JSON.stringify(value)}`, () => accepts({ [field]: value }));
  }
  test('all 24 together are accepted', () => accepts(valid));
  for (const field of ['theme', 'riskAssessmentProfile']) {
    test(`${field}: a malformed uuid is rejected, null accepted`, () => {
      rejects({ [field]: 'not-a-uuid' }, [field], 'bad_value', 'UUID');
      rejects({ [field]: '3f2b9c1e-8d4a-4b6f-9a2e-1c5d7e9f0a3' }, [field], 'bad_value', 'UUID');
      accepts({ [field]: null });
    });
  }
});

describe('unknown properties', () => {
  for (const [typo, known] of [
    ['clientID', 'clientId'],
    ['clinetId', 'clientId'],
    ['expiryTim', 'expiryTime'],
    ['firstname', 'firstName'],
    ['CLIENTID', 'clientId'],
    ['EXPIRYTIM', 'expiryTime'],
  ]) {
    test(`"${typo}" is unknown and the message names "${known}"`, () => {
      const issues = issuesOf({ clientId: '1', [typo as string]: 'x' });
      assert.deepEqual(issues, [
        {
          path: [typo],
          kind: 'unknown_property',
          message: `Unknown property "${typo}". Did you mean "${known}"?`,
        },
      ]);
    });
  }
  test('a far-off name gets the plain message', () => {
    const issues = issuesOf({ clientId: '1', zzzzzz: 1 });
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['zzzzzz']);
    assert.equal(issues[0]?.kind, 'unknown_property');
    assert.doesNotMatch(issues[0]?.message ?? '', /Did you mean/);
    assert.match(issues[0]?.message ?? '', /not part of iDenfy's request model/);
  });
});

describe('cross-field rules', () => {
  const steps = { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD' } } } };
  const data = { UTILITY_BILL: { address: 'Gedimino pr. 1' } };
  test('utilityBill true with an additionalSteps object: error on additionalSteps', () => {
    rejects({ utilityBill: true, additionalSteps: steps }, ['additionalSteps'], 'cross_field', 'utilityBill');
  });
  test('utilityBill false with steps ok; utilityBill true with steps null ok', () => {
    accepts({ utilityBill: false, additionalSteps: steps });
    accepts({ utilityBill: true, additionalSteps: null });
  });
  test('additionalData without additionalSteps: error on additionalData', () => {
    rejects({ additionalData: data }, ['additionalData'], 'cross_field', 'additionalSteps');
    rejects({ additionalData: data, additionalSteps: null }, ['additionalData'], 'cross_field');
  });
  test('additionalData with steps ok; additionalData null without steps ok', () => {
    accepts({ additionalData: data, additionalSteps: steps });
    accepts({ additionalData: null });
  });
  test('generateDigitString true: expiryTime 86400 ok, 86401 error on expiryTime', () => {
    accepts({ generateDigitString: true, expiryTime: 86400 });
    rejects(
      { generateDigitString: true, expiryTime: 86401 },
      ['expiryTime'],
      'cross_field',
      'generateDigitString',
    );
  });
  test('generateDigitString false: expiryTime 86401 ok', () => {
    accepts({ generateDigitString: false, expiryTime: 86401 });
  });
});
