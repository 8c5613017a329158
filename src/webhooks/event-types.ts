/**
 * The values of the `Idenfy-Event-Type` header, as the `webhooks:` section of iDenfy's OpenAPI lists
 * them, each with what it announces; and the event a payload's shape implies, so Send Webhook and the
 * emulator name the same event for the same payload (the editor asks when the shape cannot tell).
 */
import { isPlainObject } from '../util/is-plain-object';

export const WEBHOOK_EVENT_TYPES = [
  'IDENTIFICATION',
  'IDENTIFICATION_AUTO_FINISHED',
  'IDENTIFICATION_MANUAL_FINISHED',
  'IDENTIFICATION_EXPIRED',
  'IDENTIFICATION_CANCELLED',
  'IDENTIFICATION_RESUBMITTED',
  'DOCUMENT_EXPIRATION',
  'VIDEO_CALL_FINISHED',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One line each, from the OpenAPI's descriptions (for quick picks and hovers). */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = {
  IDENTIFICATION:
    'Legacy: a client completed an identity verification (iDenfy now sends the AUTO_FINISHED, MANUAL_FINISHED, EXPIRED and CANCELLED events instead).',
  IDENTIFICATION_AUTO_FINISHED:
    'The automatic checks finished; with manual review on, this is the interim result (`final: false`).',
  IDENTIFICATION_MANUAL_FINISHED:
    'A reviewer approved or denied the verification: the final result (`final: true`).',
  IDENTIFICATION_EXPIRED: 'The verification expired before the client finished it.',
  IDENTIFICATION_CANCELLED: 'The client or the system cancelled the verification.',
  IDENTIFICATION_RESUBMITTED: 'The client resubmitted a verification.',
  DOCUMENT_EXPIRATION: "A verified client's identity document has expired.",
  VIDEO_CALL_FINISHED: 'A video-call verification finished.',
};

/** Newer iDenfy prose spells the identification events `ID_VERIFICATION_*`; both mean the same. */
const NEW_PREFIX = 'ID_VERIFICATION_';

/**
 * The event type a header value (or a user's typing) names, in the OpenAPI's spelling; undefined
 * when it names none. Case and surrounding blanks do not matter; `ID_VERIFICATION_X` is
 * `IDENTIFICATION_X`.
 */
export function parseEventType(text: string): WebhookEventType | undefined {
  let name = text.trim().toUpperCase();
  if (name.startsWith(NEW_PREFIX)) name = `IDENTIFICATION_${name.slice(NEW_PREFIX.length)}`;
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name) ? (name as WebhookEventType) : undefined;
}

const FINISHED = new Set(['APPROVED', 'DENIED', 'SUSPECTED']);

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * The event a verification payload announces, read from its shape: an interim result (`final:
 * false`) is AUTO_FINISHED; EXPIRED is EXPIRED; a final result with a reviewer's verdict
 * (`manualDocument`/`manualFace`) is MANUAL_FINISHED, one without is AUTO_FINISHED. Undefined when
 * the shape does not say (cancelled, resubmitted, document expiration, video calls look alike), so
 * the caller asks.
 */
export function eventTypeFor(payload: unknown): WebhookEventType | undefined {
  if (!isPlainObject(payload)) return undefined;
  const status = payload.status;
  if (!isPlainObject(status)) return undefined;
  const overall = status.overall;
  if (overall === 'EXPIRED') return 'IDENTIFICATION_EXPIRED';
  const final = payload.final;
  if (final === false && (FINISHED.has(overall as string) || overall === 'REVIEWING'))
    return 'IDENTIFICATION_AUTO_FINISHED';
  if (final !== true || !FINISHED.has(overall as string)) return undefined;
  return present(status.manualDocument) || present(status.manualFace)
    ? 'IDENTIFICATION_MANUAL_FINISHED'
    : 'IDENTIFICATION_AUTO_FINISHED';
}
