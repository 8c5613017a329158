/**
 * The ways an emulated verification can finish, and the result values each one produces. Values are
 * the ones iDenfy reports in such cases (result-vocabulary.ts says what each means), so the editor
 * and the integrator's code meet realistic combinations rather than arbitrary ones.
 */
import {
  type DocumentStatus,
  documentStatusValues,
  type FaceStatus,
  type FraudTag,
  faceStatusValues,
  fraudTagValues,
  type MismatchTag,
  mismatchTagValues,
} from '../model/result-vocabulary';

export type Outcome =
  | { kind: 'APPROVED' }
  /**
   * A failing document status, a failing face status, or both (default: FACE_MISMATCH); iDenfy may
   * also raise fraud or mismatch tags on a denied verification (e.g. a blocklisted face).
   */
  | {
      kind: 'DENIED';
      document?: DocumentStatus;
      face?: FaceStatus;
      fraudTags?: FraudTag[];
      mismatchTags?: MismatchTag[];
    }
  /** At least one tag (default: DUPLICATE_FACE). */
  | { kind: 'SUSPECTED'; fraudTags?: FraudTag[]; mismatchTags?: MismatchTag[] }
  /** Finished by the person, waiting for a reviewer: an interim automatic result; complete again for the final one. */
  | { kind: 'REVIEWING' };

export type OutcomeKind = Outcome['kind'];
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['APPROVED', 'DENIED', 'SUSPECTED', 'REVIEWING'];

export interface ResultChecks {
  overall: 'APPROVED' | 'DENIED' | 'SUSPECTED' | 'REVIEWING';
  /** False for the interim automatic result of a session sent to manual review. */
  final: boolean;
  autoDocument: DocumentStatus;
  autoFace: FaceStatus;
  manualDocument: DocumentStatus | null;
  manualFace: FaceStatus | null;
  fraudTags: FraudTag[];
  mismatchTags: MismatchTag[];
}

/** Why an outcome cannot be applied; the message is shown to the person who asked for it. */
export class OutcomeError extends Error {}

/** The outcome's tags, each once, checked against the model's values. */
function tags(outcome: { fraudTags?: FraudTag[]; mismatchTags?: MismatchTag[] }) {
  const fraud = [...new Set(outcome.fraudTags ?? [])];
  const mismatch = [...new Set(outcome.mismatchTags ?? [])];
  for (const t of fraud) if (!fraudTagValues.includes(t)) throw new OutcomeError(`Unknown fraud tag "${t}".`);
  for (const t of mismatch)
    if (!mismatchTagValues.includes(t)) throw new OutcomeError(`Unknown mismatch tag "${t}".`);
  return { fraud, mismatch };
}

function verdict(outcome: Exclude<Outcome, { kind: 'REVIEWING' }>) {
  switch (outcome.kind) {
    case 'APPROVED':
      return {
        document: 'DOC_VALIDATED' as DocumentStatus,
        face: 'FACE_MATCH' as FaceStatus,
        fraud: [],
        mismatch: [],
      };
    case 'DENIED': {
      const document = outcome.document ?? 'DOC_VALIDATED';
      const face = outcome.face ?? (outcome.document ? 'FACE_MATCH' : 'FACE_MISMATCH');
      if (!documentStatusValues.includes(document))
        throw new OutcomeError(`Unknown document status "${document}".`);
      if (!faceStatusValues.includes(face)) throw new OutcomeError(`Unknown face status "${face}".`);
      if (document === 'DOC_VALIDATED' && face === 'FACE_MATCH')
        throw new OutcomeError('A denied result needs a failing document status or face status.');
      return { document, face, ...tags(outcome) };
    }
    case 'SUSPECTED': {
      const { fraud, mismatch } = tags(outcome);
      if (fraud.length === 0 && mismatch.length === 0) fraud.push('DUPLICATE_FACE');
      return {
        document: 'DOC_VALIDATED' as DocumentStatus,
        face: 'FACE_MATCH' as FaceStatus,
        fraud,
        mismatch,
      };
    }
  }
}

/**
 * The result after `outcome`, given the interim result when the session is under review: the
 * automatic checks stay what they were, and the reviewer's verdict goes into the manual fields.
 */
export function resultOf(outcome: Outcome, underReview?: ResultChecks): ResultChecks {
  if (outcome.kind === 'REVIEWING') {
    if (underReview) throw new OutcomeError('The verification is already waiting for manual review.');
    // Automatic checks that could not decide on the face are what sends a verification to a reviewer.
    return {
      overall: 'REVIEWING',
      final: false,
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_UNCERTAIN',
      manualDocument: null,
      manualFace: null,
      fraudTags: [],
      mismatchTags: [],
    };
  }
  const v = verdict(outcome);
  if (underReview)
    return {
      ...underReview,
      overall: outcome.kind,
      final: true,
      manualDocument: v.document,
      manualFace: v.face,
      fraudTags: v.fraud,
      mismatchTags: v.mismatch,
    };
  return {
    overall: outcome.kind,
    final: true,
    autoDocument: v.document,
    autoFace: v.face,
    manualDocument: null,
    manualFace: null,
    fraudTags: v.fraud,
    mismatchTags: v.mismatch,
  };
}
