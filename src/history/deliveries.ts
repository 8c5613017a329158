/**
 * The webhook calls made for each session (by the emulator when it finished, or by Send Webhook and
 * Resend), kept beside the session history in the extension's global storage folder, which every VS
 * Code window shares: `<folder>/deliveries/<history entry id>/`, one immutable file per delivery,
 * written beside and renamed into place (a reader sees all of it or nothing), so two windows never
 * write the same file and no lock is needed. Folders are 0700 and files 0600: a payload holds the
 * person's data. A file holds the WebhookDelivery record and the payload sent (for Resend and Show
 * Payload), never the signing key: nothing here takes one.
 *
 * Deliveries live as long as their session does: prune() drops the folders of sessions the history
 * no longer stores (removed, cleared, past retention), whichever window removed them.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookDelivery } from '../webhooks/delivery';
import { isMissing, makePrivateDir, writePrivateFile } from './private-files';

/** A delivery as stored: its record, the exact payload text sent, and where it is. */
export interface StoredDelivery {
  /** The file's name without `.json`: unique, and sorts by time. */
  id: string;
  /** The history entry (session) it belongs to. */
  entryId: string;
  delivery: WebhookDelivery;
  /** The bytes sent, as UTF-8 text (the document after comments were removed). */
  payload: string;
}

/** The newest deliveries kept per session; older ones go when a new one is recorded. */
export const MAX_DELIVERIES_PER_SESSION = 50;

const SUFFIX = '.json';
/** History entry ids are UUIDs; anything that could leave the folder is refused. */
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const FORMAT_VERSION = 1;

let counter = 0;

export class DeliveryLog {
  /** `<folder>/deliveries`. */
  readonly dir: string;

  /** `folder`: the extension's global storage folder (the history's). */
  constructor(folder: string) {
    this.dir = join(folder, 'deliveries');
  }

  /** Stores one delivery; on disk (reached the operating system) when it returns. */
  record(entryId: string, delivery: WebhookDelivery, payload: string, now = Date.now()): StoredDelivery {
    const folder = this.folderOf(entryId);
    makePrivateDir(this.dir);
    makePrivateDir(folder);
    // Microseconds, the process and a counter: two windows (or two calls) never pick the same name,
    // and names sort by time.
    const id = `${String(Math.floor(now * 1000)).padStart(16, '0')}-${process.pid}-${String(counter++).padStart(8, '0')}`;
    const target = join(folder, id + SUFFIX);
    const stored: StoredDelivery = { id, entryId, delivery: { ...delivery }, payload };
    writePrivateFile(target, `${JSON.stringify({ version: FORMAT_VERSION, delivery, payload })}\n`);
    this.trim(folder);
    return stored;
  }

  /** The session's deliveries, newest first; damaged or foreign files are skipped. */
  list(entryId: string): StoredDelivery[] {
    if (!SAFE_ID.test(entryId)) return [];
    const folder = join(this.dir, entryId);
    const out: StoredDelivery[] = [];
    for (const name of names(folder)) {
      const read = this.read(entryId, name);
      if (read) out.push(read);
    }
    return out;
  }

  get(entryId: string, id: string): StoredDelivery | undefined {
    if (!SAFE_ID.test(entryId) || !SAFE_ID.test(id)) return undefined;
    return this.read(entryId, id);
  }

  /** Whether the session has any delivery (cheap: a listing, no reads). */
  has(entryId: string): boolean {
    return SAFE_ID.test(entryId) && names(join(this.dir, entryId)).length > 0;
  }

  /** The ids of the sessions with deliveries (one listing: the view asks once per redraw). */
  sessionIds(): Set<string> {
    try {
      return new Set(readdirSync(this.dir).filter((d) => SAFE_ID.test(d)));
    } catch (error) {
      if (isMissing(error)) return new Set();
      throw error;
    }
  }

  /**
   * Removes the deliveries of every session `isStored` says the history no longer holds; returns how
   * many sessions' deliveries went. The folders are listed before `isStored` is asked (the caller
   * snapshots the history inside it): a session is stored before its first delivery is written, so
   * a session another window has just created is in that snapshot and keeps its deliveries.
   */
  prune(isStored: () => (entryId: string) => boolean): number {
    let folders: string[];
    try {
      folders = readdirSync(this.dir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    if (folders.length === 0) return 0;
    const stored = isStored();
    let removed = 0;
    for (const entryId of folders) {
      if (stored(entryId)) continue;
      rmSync(join(this.dir, entryId), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  private read(entryId: string, id: string): StoredDelivery | undefined {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(this.dir, entryId, id + SUFFIX), 'utf8'));
    } catch {
      return undefined; // gone meanwhile, or damaged: not a delivery to show
    }
    if (!isStoredValue(value)) return undefined;
    return { id, entryId, delivery: value.delivery, payload: value.payload };
  }

  private folderOf(entryId: string): string {
    if (!SAFE_ID.test(entryId)) throw new Error(`not a history entry id: ${JSON.stringify(entryId)}`);
    return join(this.dir, entryId);
  }

  /** Keeps the newest MAX_DELIVERIES_PER_SESSION. */
  private trim(folder: string): void {
    for (const name of names(folder).slice(MAX_DELIVERIES_PER_SESSION)) {
      rmSync(join(folder, name + SUFFIX), { force: true });
    }
  }
}

/** Delivery file names (without `.json`), newest first; none when the folder does not exist. */
function names(folder: string): string[] {
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  return files
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .filter((n) => SAFE_ID.test(n))
    .sort()
    .reverse();
}

function isStoredValue(value: unknown): value is { delivery: WebhookDelivery; payload: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { delivery, payload } = value as { delivery?: Partial<WebhookDelivery>; payload?: unknown };
  return (
    typeof payload === 'string' &&
    typeof delivery === 'object' &&
    delivery !== null &&
    typeof delivery.at === 'string' &&
    typeof delivery.event === 'string' &&
    typeof delivery.url === 'string' &&
    (typeof delivery.status === 'number' || delivery.status === null) &&
    typeof delivery.durationMs === 'number' &&
    typeof delivery.payloadSha256 === 'string' &&
    (delivery.source === 'emulator' || delivery.source === 'editor')
  );
}
