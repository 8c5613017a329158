/**
 * What one row of the iDenfy Sessions view says. Pure (no vscode import) so the wording is unit-tested:
 * the label and description must tell sessions apart without the tooltip, since rows are narrow.
 */
import type { HistoryEntry } from '../history/store';

export function sessionRowText(
  entry: Pick<HistoryEntry, 'clientId' | 'scanRef' | 'expiresAt' | 'target'>,
  now: Date = new Date(),
): { label: string; description: string; expired: boolean } {
  const left = Date.parse(entry.expiresAt) - now.getTime();
  const expired = !(left > 0);
  const parts = [
    // The first block of a UUID is enough to tell a handful of sessions apart; the tooltip has it whole.
    entry.scanRef.split('-')[0] || entry.scanRef,
    expired ? 'expired' : `expires in ${duration(left)}`,
  ];
  if (entry.target === 'emulator') parts.push('emulator');
  return { label: entry.clientId || '(no clientId)', description: parts.join(' · '), expired };
}

/** "3h", "45m", "2d": rounded down, never "0m" for a session that has not expired yet. */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}
