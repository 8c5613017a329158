/**
 * The personal data an emulated verification "reads off the document": taken from the request
 * (names, date of birth, country, document details) so that what the integrator sent comes back
 * where iDenfy puts it, with plausible values where the request said nothing.
 */
import type { VerificationData } from '../model/result';
import { KYC_DOCUMENT_TYPES } from '../model/webhook-vocabulary';

const DAY_MS = 86_400_000;

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function verificationData(
  request: Record<string, unknown>,
  scanRef: string,
  now: number,
): VerificationData {
  const firstName = str(request.firstName) ?? 'John';
  const lastName = str(request.lastName) ?? 'Sample';
  const country = (str(request.country) ?? str(request.nationality) ?? 'LT').toUpperCase();
  const documents = Array.isArray(request.documents) ? request.documents : [];
  const sex = request.sex === 'M' ? 'MALE' : request.sex === 'F' ? 'FEMALE' : null;
  return {
    docFirstName: firstName.toUpperCase(),
    docLastName: lastName.toUpperCase(),
    // Stable per session, so the full answer and the PDF agree.
    docNumber: str(request.documentNumber) ?? `EM${scanRef.replace(/-/g, '').slice(0, 7).toUpperCase()}`,
    docPersonalCode: str(request.personalNumber),
    docExpiry: str(request.dateOfExpiry) ?? isoDate(now + 5 * 365 * DAY_MS),
    docDob: str(request.dateOfBirth) ?? '1990-01-01',
    docDateOfIssue: str(request.dateOfIssue) ?? isoDate(now - 5 * 365 * DAY_MS),
    docType: documentType(documents[0]),
    docSex: sex,
    docNationality: (str(request.nationality) ?? country).toUpperCase(),
    docIssuingCountry: country,
    fullName: `${firstName} ${lastName}`.toUpperCase(),
    selectedCountry: country,
    manuallyDataChanged: false,
    orgFirstName: firstName,
    orgLastName: lastName,
    orgNationality: null,
    orgBirthPlace: null,
    orgAuthority: null,
    orgAddress: str(request.address),
  };
}

/**
 * The document type iDenfy reports for the first one the request allowed. The result knows no
 * INTERNATIONAL_PASSPORT (KycDocumentTypeEnum); such a document is read as a PASSPORT.
 */
function documentType(requested: unknown): VerificationData['docType'] {
  if (requested === 'INTERNATIONAL_PASSPORT') return 'PASSPORT';
  const known = KYC_DOCUMENT_TYPES.find((t) => t.value === requested);
  return known ? known.value : 'ID_CARD';
}

/** What the data block holds once the personal data was deleted. */
export function deletedData(): VerificationData {
  const data = verificationData({}, '00000000', 0) as Record<string, unknown>;
  for (const key of Object.keys(data)) data[key] = null;
  return data as VerificationData;
}
