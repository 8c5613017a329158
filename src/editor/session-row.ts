/**
 * What one row of the iDenfy Sessions view says. Pure (no vscode import) so the wording is unit-tested:
 * the label and description must tell sessions apart without the tooltip, since rows are narrow.
 */
import type { HistoryEntry } from '../history/store';
import type { WebhookDelivery } from '../webhooks/delivery';

export interface SessionRow {
  label: string;
  description: string;
  expired: boolean;
  /** The last known status, lower case (active, approved, denied, suspected, reviewing, expired, deleted...). */
  status: string;
  /** When that status was learnt ("checked 5m ago"), or that it never was. */
  checked: string;
}

export function sessionRowText(
  entry: Pick<HistoryEntry, 'clientId' | 'scanRef' | 'expiresAt' | 'target' | 'status'>,
  now: Date = new Date(),
): SessionRow {
  const left = Date.parse(entry.expiresAt) - now.getTime();
  const expired = !(left > 0);
  // Until a status is asked, what is known is the token's own life: active until it expires.
  const status = entry.status?.overall.toLowerCase() ?? (expired ? 'expired' : 'active');
  const parts = [
    status,
    // The first block of a UUID is enough to tell a handful of sessions apart; the tooltip has it whole.
    entry.scanRef.split('-')[0] || entry.scanRef,
  ];
  if (status !== 'expired') parts.push(expired ? 'token expired' : `expires in ${duration(left)}`);
  if (entry.target === 'emulator') parts.push('emulator');
  const checkedAt = entry.status ? Date.parse(entry.status.checkedAt) : Number.NaN;
  const checked = Number.isNaN(checkedAt)
    ? 'status not checked yet'
    : `checked ${ago(now.getTime() - checkedAt)}`;
  return {
    label: entry.clientId || '(no clientId)',
    description: parts.join(' · '),
    expired,
    status,
    checked,
  };
}

function ago(ms: number): string {
  return ms < 60_000 ? 'just now' : `${duration(ms)} ago`;
}

/** "3h", "45m", "2d": rounded down, never "0m" for a session that has not expired yet. */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** What a delivery's row under its session says (label, description, outcome for the icon, tooltip lines). */
export interface DeliveryRow {
  label: string;
  description: string;
  /** ok: 2xx; refused: another status; failed: no answer (timeout, refused connection, reset). */
  outcome: 'ok' | 'refused' | 'failed';
  tooltip: string[];
}

/**
 * `200 IDENTIFICATION_AUTO_FINISHED` / `12 ms · 14:03:07` (local time): the status and the event tell
 * deliveries apart at a glance; the URL and the payload's SHA-256 are in the tooltip.
 */
export function deliveryRowText(
  d: Pick<
    WebhookDelivery,
    | 'at'
    | 'event'
    | 'url'
    | 'status'
    | 'durationMs'
    | 'payloadSha256'
    | 'error'
    | 'final'
    | 'source'
    | 'answerHead'
  >,
): DeliveryRow {
  const at = new Date(d.at);
  const time = Number.isNaN(at.getTime())
    ? d.at
    : [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const outcome = d.status === null ? 'failed' : d.status >= 200 && d.status < 300 ? 'ok' : 'refused';
  const parts = [`${Math.round(d.durationMs)} ms`, time];
  if (d.source === 'emulator') parts.push('emulator');
  const tooltip = [
    `**${d.status ?? 'no answer'}** ${d.event}${d.final === undefined ? '' : d.final ? ' (final)' : ' (interim)'}`,
    `**to** ${d.url}`,
    `**at** ${Number.isNaN(at.getTime()) ? d.at : at.toLocaleString()} (${Math.round(d.durationMs)} ms)`,
    `**sent by** ${d.source === 'emulator' ? 'the emulator, when the session finished' : 'Send Webhook'}`,
    `**payload SHA-256** \`${d.payloadSha256}\``,
  ];
  if (d.error) tooltip.push(`**error** ${d.error}`);
  return { label: `${d.status ?? 'failed'} ${d.event}`, description: parts.join(' · '), outcome, tooltip };
}
