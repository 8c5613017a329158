/**
 * The model covers exactly what iDenfy documents, and the generated schema carries the
 * documentation (descriptions, enum descriptions, defaults, country names) the editor shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCHEMA_PATH } from '../../src/build/generated-files';
import { FIELD_ORIGINS, KNOWN_PROPERTIES } from '../../src/model/request';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', SCHEMA_PATH), 'utf8')) as Schema;
const properties = schema.properties as Record<string, Schema>;

/** The 28 rows of the page's request table, in its order. */
const PAGE_FIELDS = [
  'clientId',
  'firstName',
  'lastName',
  'successUrl',
  'errorUrl',
  'unverifiedUrl',
  'locale',
  'showInstructions',
  'expiryTime',
  'sessionLength',
  'country',
  'documents',
  'dateOfBirth',
  'dateOfExpiry',
  'dateOfIssue',
  'nationality',
  'personalNumber',
  'documentNumber',
  'sex',
  'generateDigitString',
  'address',
  'tokenType',
  'videoCallQuestions',
  'externalRef',
  'utilityBill',
  'additionalSteps',
  'additionalData',
  'callbackUrl',
];

/** The 18 rows of the page's custom settings table. */
const CUSTOM_SETTINGS = [
  'checkLiveness',
  'reviewSuccessful',
  'reviewFailed',
  'driverLicenseBack',
  'autoAmlMonitoring',
  'fraudServices',
  'checkIpProxy',
  'maxAttemptCount',
  'checkFaceBlacklist',
  'checkDocFaceBlacklist',
  'checkDuplicateFaces',
  'checkDuplicateDocFaces',
  'nfcRequired',
  'faceMatchingThresholdModifier',
  'levenshteinTextMatchRatio',
  'levenshteinMrzMatchRatio',
  'checkUrjanet',
  'detectionTypes',
];

/** The 24 optional fields of iDenfy's OpenAPI model that the page does not list (from the notes). */
const OPENAPI_EXTRAS = [
  'questionnaire',
  'questionnaireRequired',
  'riskAssessmentProfile',
  'theme',
  'registryCentersCountries',
  'verifyEmail',
  'verifyPhone',
  'verifyBank',
  'verifyBankAccounts',
  'verifyBankBalances',
  'verifyBankTransactions',
  'bankCardVerification',
  'bankCardPdfUpload',
  'verifyAddress',
  'checkAml',
  'checkCriminal',
  'checkPersonBlacklist',
  'checkDuplicatePersonalData',
  'checkDriverLicense',
  'checkLid',
  'allowBsnMasking',
  'nfcOptional',
  'ageLimit',
  'ageMax',
];

/** From the notes' "Testing without real verifications" (DEV-environment partners only). */
const DEV_TESTING = ['dummyStatus'];

const sorted = (names: readonly string[]) => [...names].sort();

test('the lists from the page and the notes have 28, 18, 24 and 1 distinct names', () => {
  assert.equal(new Set(PAGE_FIELDS).size, 28);
  assert.equal(new Set(CUSTOM_SETTINGS).size, 18);
  assert.equal(new Set(OPENAPI_EXTRAS).size, 24);
  assert.equal(new Set(DEV_TESTING).size, 1);
});

test('the model has exactly those 71 properties, each with its origin', () => {
  assert.deepEqual(
    sorted(KNOWN_PROPERTIES),
    sorted([...PAGE_FIELDS, ...CUSTOM_SETTINGS, ...OPENAPI_EXTRAS, ...DEV_TESTING]),
  );
  const byOrigin = (origin: string) => KNOWN_PROPERTIES.filter((p) => FIELD_ORIGINS.get(p) === origin);
  assert.deepEqual(sorted(byOrigin('page')), sorted(PAGE_FIELDS));
  assert.deepEqual(sorted(byOrigin('custom-setting')), sorted(CUSTOM_SETTINGS));
  assert.deepEqual(sorted(byOrigin('openapi')), sorted(OPENAPI_EXTRAS));
  assert.deepEqual(sorted(byOrigin('dev-testing')), sorted(DEV_TESTING));
  console.log(
    `model: ${KNOWN_PROPERTIES.length} properties = ${byOrigin('page').length} page fields + ${byOrigin('custom-setting').length} custom settings + ${byOrigin('openapi').length} OpenAPI extras + ${byOrigin('dev-testing').length} testing field`,
  );
});

test('the schema has the same 71 properties', () => {
  assert.deepEqual(sorted(Object.keys(properties)), sorted(KNOWN_PROPERTIES));
});

test('every property has a description and a markdownDescription', () => {
  for (const name of KNOWN_PROPERTIES) {
    const p = properties[name] ?? {};
    assert.ok(typeof p.description === 'string' && p.description.length > 10, `${name}: description`);
    assert.ok(
      typeof p.markdownDescription === 'string' && p.markdownDescription.startsWith(p.description as string),
      `${name}: markdownDescription`,
    );
  }
});

test('custom settings and OpenAPI extras say where they come from in their markdown', () => {
  for (const name of CUSTOM_SETTINGS)
    assert.match(String(properties[name]?.markdownDescription), /Custom setting/);
  for (const name of OPENAPI_EXTRAS) assert.match(String(properties[name]?.markdownDescription), /OpenAPI/);
});

test('dummyStatus: five statuses, each described, and a hover that says who may use it', () => {
  const node = properties.dummyStatus ?? {};
  assert.deepEqual(node.enum, ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED', 'ACTIVE']);
  const descriptions = node.enumDescriptions as string[];
  assert.equal(new Set(descriptions).size, 5, 'one distinct description per value');
  assert.match(String(descriptions[4]), /older/i, 'ACTIVE is marked as from older pages');
  const hover = String(node.markdownDescription);
  assert.match(hover, /only for partners in iDenfy's DEV environment/);
  assert.match(hover, /TEST and PROD partners get `PERMISSIONS_ERROR`/);
  assert.match(hover, /Dummy token and verification created successfully/);
  assert.ok(!('default' in node), 'no default: it is only sent on purpose');
});

/** The schema node holding a property's enum: itself, its array items, or a branch of anyOf. */
function enumNode(node: Schema): Schema | undefined {
  if (Array.isArray(node.enum)) return node;
  if (node.items) return enumNode(node.items as Schema);
  for (const branch of (node.anyOf as Schema[] | undefined) ?? []) {
    const found = enumNode(branch);
    if (found) return found;
  }
  return undefined;
}

test('every enum-valued property has one enum description per value', () => {
  const expected: Record<string, number> = {
    locale: 16,
    tokenType: 5,
    documents: 18,
    sex: 3, // M, F and null (the documented default), listed so completion offers it too
    fraudServices: 3,
    detectionTypes: 2,
    dummyStatus: 5,
  };
  const found: Record<string, number> = {};
  for (const name of KNOWN_PROPERTIES) {
    const node = enumNode(properties[name] ?? {});
    if (!node) continue;
    const values = node.enum as unknown[];
    found[name] = values.length;
    assert.equal(
      (node.enumDescriptions as unknown[] | undefined)?.length,
      values.length,
      `${name} enumDescriptions`,
    );
    assert.equal(
      (node.markdownEnumDescriptions as unknown[] | undefined)?.length,
      values.length,
      `${name} markdownEnumDescriptions`,
    );
    for (const d of node.enumDescriptions as unknown[])
      assert.ok(typeof d === 'string' && d.length > 0, name);
  }
  assert.deepEqual(found, expected);
  console.log(
    `enum-valued properties: ${Object.entries(found)
      .map(([k, n]) => `${k} (${n})`)
      .join(', ')}`,
  );
});

test('the documented defaults appear as `default` in the schema', () => {
  const defaults: Record<string, unknown> = {
    // The page's request table.
    successUrl: 'https://ui.idenfy.com/result?status=success',
    errorUrl: 'https://ui.idenfy.com/result?status=fail',
    unverifiedUrl: 'https://ui.idenfy.com/result?status=unverified',
    locale: 'en',
    showInstructions: true,
    expiryTime: 86400,
    sessionLength: 1800,
    country: null,
    documents: ['ID_CARD', 'PASSPORT'],
    dateOfBirth: null,
    dateOfExpiry: null,
    dateOfIssue: null,
    nationality: null,
    personalNumber: null,
    documentNumber: null,
    sex: null,
    generateDigitString: false,
    address: null,
    tokenType: 'IDENTIFICATION',
    videoCallQuestions: [],
    externalRef: null,
    utilityBill: false,
    additionalSteps: null,
    additionalData: null,
    // The three custom settings whose default the page states.
    faceMatchingThresholdModifier: 1,
    levenshteinTextMatchRatio: 0.8,
    levenshteinMrzMatchRatio: 0.7,
  };
  for (const [name, value] of Object.entries(defaults)) {
    assert.ok(properties[name] && 'default' in properties[name], `${name} has no default`);
    assert.deepEqual(properties[name]?.default, value, name);
  }
  // The table gives "-" for these: no default may be invented.
  for (const name of ['clientId', 'firstName', 'lastName', 'callbackUrl']) {
    assert.ok(!('default' in (properties[name] ?? {})), `${name} should have no default`);
  }
  const withDefault = KNOWN_PROPERTIES.filter((p) => 'default' in (properties[p] ?? {}));
  assert.deepEqual(sorted(withDefault), sorted(Object.keys(defaults)), 'no undocumented defaults');
  console.log(`defaults in the schema: ${withDefault.length}`);
});

test('countryCode lists about 250 ISO codes, each with its name as a defaultSnippet', () => {
  const definitions = schema.definitions as Record<string, Schema>;
  const countryCode = definitions.countryCode ?? {};
  const snippets = countryCode.defaultSnippets as { label: string; description: string; body: string }[];
  assert.ok(snippets.length >= 245 && snippets.length <= 255, `${snippets.length} codes`);
  assert.equal(new Set(snippets.map((s) => s.label)).size, snippets.length, 'codes are unique');
  const pattern = new RegExp(countryCode.pattern as string, 'u');
  for (const s of snippets) {
    assert.match(s.label, /^[A-Z]{2}$/);
    assert.equal(s.body, s.label);
    assert.ok(s.description.length > 2, `${s.label} has a name`);
    assert.ok(pattern.test(s.label) && pattern.test(s.label.toLowerCase()), `${s.label} matches the pattern`);
  }
  const name = (code: string) => snippets.find((s) => s.label === code)?.description;
  assert.equal(name('LT'), 'Lithuania');
  assert.equal(name('DE'), 'Germany');
  assert.equal(name('JP'), 'Japan');
  // The nullable ones carry the definition inline (cheaper for VS Code than anyOf [$ref, null]).
  for (const p of ['country', 'nationality']) {
    const property = properties[p] ?? {};
    assert.deepEqual(property.type, ['string', 'null'], p);
    assert.equal(property.pattern, countryCode.pattern, p);
    assert.deepEqual(property.defaultSnippets, snippets, p);
    assert.equal('anyOf' in property, false, p);
  }
  console.log(`countries: ${snippets.length} codes with names (LT -> ${name('LT')})`);
});
