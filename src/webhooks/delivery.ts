/**
 * One webhook call made for a session (by the emulator when a verification finishes, or by Send
 * Webhook / Resend): what the Sessions view lists under the session. Never holds the signing key.
 */
export interface WebhookDelivery {
  /** ISO 8601: when the call started. */
  at: string;
  /** The Idenfy-Event-Type header sent, e.g. IDENTIFICATION_AUTO_FINISHED. */
  event: string;
  /** Where it was sent (the receiver's URL as requested). */
  url: string;
  /** The receiver's HTTP status; null when no answer arrived (timeout, refused, reset, ...). */
  status: number | null;
  /** Milliseconds from the start of the call to the answer's end (or to the failure). */
  durationMs: number;
  /** Hex SHA-256 of the exact bytes sent: tells two payloads apart without storing the key. */
  payloadSha256: string;
  /** Why no status arrived, or the receiver's refusal in a few words (redacted). */
  error?: string;
  /** The first lines of the receiver's answer (bounded, redacted), for the user to read. */
  answerHead?: string;
  /** Whether the payload said `final: true` (interim automatic results are false). */
  final?: boolean;
  /** Who sent it: the emulator when its session finished, or the editor's Send Webhook / Resend. */
  source: 'emulator' | 'editor';
}
