/**
 * What the session panel shows, computed from a history entry and its webhook deliveries. Pure (no
 * vscode): the same facts the Sessions view row and Check Status give, in one place for the panel.
 */
import type { HistoryEntry } from '../history/entry';
import { isExpired } from '../history/entry';
import { OVERALL_STATUSES } from '../model/result-vocabulary';
import { verificationPageUrl } from '../session/links';
import type { WebhookDelivery } from '../webhooks/delivery';
import { type QrCode, qrCode } from './qr';

export interface SessionPanelModel {
  entryId: string;
  clientId: string;
  scanRef: string;
  /** The credential profile that created the session (its name only), when recorded. */
  profile?: string;
  target: 'idenfy' | 'emulator';
  baseUrl: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  status: {
    /** iDenfy's overall status word (ACTIVE / EXPIRED until one was asked). */
    overall: string;
    meaning: string;
    /** ISO 8601, when the status was last asked; undefined when it never was. */
    checkedAt?: string;
  };
  /** The page the person verifies on, while the token is valid; with its QR code. */
  verification?: { url: string; qr: QrCode };
  /** Why there is no link (expired, or a base URL the link cannot be built from). */
  noLink?: string;
  deliveries: readonly WebhookDelivery[];
}

export function sessionPanelModel(
  entry: HistoryEntry,
  deliveries: readonly WebhookDelivery[],
  now: Date = new Date(),
): SessionPanelModel {
  const expired = isExpired(entry, now);
  // Until a status is asked, what is known is the token's own life, as in the Sessions view.
  const overall = entry.status?.overall ?? (expired ? 'EXPIRED' : 'ACTIVE');
  const meaning =
    OVERALL_STATUSES.find((s) => s.value === overall)?.description ?? 'A status this version does not know.';
  let verification: SessionPanelModel['verification'];
  let noLink: string | undefined;
  if (expired) {
    noLink = 'The session token has expired: the verification page no longer opens. Create a new session.';
  } else {
    try {
      const url = verificationPageUrl(entry.baseUrl, entry.response);
      verification = { url, qr: qrCode(url) };
    } catch (err) {
      noLink = `No verification link: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return {
    entryId: entry.id,
    clientId: entry.clientId,
    scanRef: entry.scanRef,
    ...(entry.profile ? { profile: entry.profile } : {}),
    target: entry.target,
    baseUrl: entry.baseUrl,
    createdAt: entry.createdAt,
    expiresAt: entry.expiresAt,
    expired,
    status: {
      overall,
      meaning,
      ...(entry.status ? { checkedAt: entry.status.checkedAt } : {}),
    },
    ...(verification ? { verification } : {}),
    ...(noLink ? { noLink } : {}),
    // Newest first, as the user looks for the last one.
    deliveries: [...deliveries].sort((a, b) => b.at.localeCompare(a.at)),
  };
}
