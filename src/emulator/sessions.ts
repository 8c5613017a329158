/**
 * The emulator's memory of the sessions it created and where each verification stands. One store,
 * with a clock that tests replace, so expiry is tested by moving time rather than by waiting.
 * Bounded, so an emulator that runs as long as VS Code does not grow forever.
 *
 * Lifecycle: ACTIVE until finished (verification page, `dummyStatus`, or complete()), or EXPIRED
 * once `expiryTime` passes unfinished. A session under manual review is REVIEWING until its final
 * result. Deleting the personal data (allowed once the token has expired) leaves DELETED.
 *
 * `onFinished` is told each time a verification finishes (the interim result of a manual review
 * and its final one are two calls) and once when an unfinished one expires. Expiry has no event of
 * its own, so it is noticed whenever the clock is read (every request that looks at a session) and
 * by the server's timer (server.ts) when nobody asks.
 */
import type { FullAnswer, StatusAnswer, VerificationData } from '../model/result';
import type { OverallStatus } from '../model/result-vocabulary';
import { photoLinks } from './files-route';
import { type Outcome, OutcomeError, type ResultChecks, resultOf } from './outcomes';
import { buildSessionResponse, type SessionResponse } from './session-response';
import { deletedData, verificationData } from './verification-data';

export interface EmulatedSession {
  response: SessionResponse;
  /** The request as the model accepted it (defaults filled in): the source of the personal data. */
  request: Record<string, unknown>;
  /** Clock readings, in milliseconds. */
  createdAt: number;
  expiresAt: number;
  /** Set once the person (or a dummy status, or complete()) finished the verification. */
  result?: ResultChecks & { data: VerificationData; startTime: number; finishTime: number };
  deleted: boolean;
  /** True when the session was created by `dummyStatus`, without a real client. */
  dummy: boolean;
}

/**
 * Five times the history's 200 entries, so every session the history shows still has its page.
 */
export const DEFAULT_MAX_SESSIONS = 1000;
const DEFAULT_EXPIRY_SECONDS = 86_400;

export type Clock = () => number;

export class SessionStore {
  private readonly byToken = new Map<string, EmulatedSession>();
  private readonly byScanRef = new Map<string, EmulatedSession>();
  /** ACTIVE sessions whose expiry has not been noticed yet. */
  private readonly unfinished = new Set<EmulatedSession>();
  private noticing = false;
  /** Called when a verification finishes or expires (the server sends its webhook from here). */
  onFinished?: (session: EmulatedSession) => void;

  constructor(
    private readonly maxSessions = DEFAULT_MAX_SESSIONS,
    readonly clock: Clock = Date.now,
  ) {}

  /** The clock's reading; reading it notices the sessions that expired since the last reading. */
  now(): number {
    const now = this.clock();
    if (!this.noticing && this.unfinished.size > 0) this.noticeExpiry(now);
    return now;
  }

  private noticeExpiry(now: number): void {
    this.noticing = true;
    try {
      for (const session of this.unfinished) {
        if (now < session.expiresAt) continue;
        this.unfinished.delete(session);
        this.onFinished?.(session);
      }
    } finally {
      this.noticing = false;
    }
  }

  /** The earliest clock reading at which an unfinished session expires (for the server's timer). */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const s of this.unfinished) if (next === undefined || s.expiresAt < next) next = s.expiresAt;
    return next;
  }

  /** A session for a request the model accepted (its output, defaults filled in). */
  create(request: Record<string, unknown>, redirectBase: string): EmulatedSession {
    const now = this.now();
    const expirySeconds =
      typeof request.expiryTime === 'number' ? request.expiryTime : DEFAULT_EXPIRY_SECONDS;
    const dummyStatus = request.dummyStatus as string | undefined;
    const session: EmulatedSession = {
      response: buildSessionResponse(request, redirectBase),
      request: structuredClone(request),
      createdAt: now,
      // A dummy EXPIRED verification is created with its token already expired.
      expiresAt: dummyStatus === 'EXPIRED' ? now : now + expirySeconds * 1000,
      deleted: false,
      dummy: dummyStatus !== undefined,
    };
    this.byToken.set(session.response.authToken, session);
    this.byScanRef.set(session.response.scanRef, session);
    this.unfinished.add(session);
    if (dummyStatus === 'APPROVED' || dummyStatus === 'DENIED' || dummyStatus === 'SUSPECTED')
      this.finish(session, { kind: dummyStatus });
    // A dummy EXPIRED one is noticed at once, so its webhook is sent like the others'.
    else if (dummyStatus === 'EXPIRED') this.now();
    // A Map iterates in insertion order: the first key is the oldest session.
    if (this.byToken.size > this.maxSessions) {
      const oldest = this.byToken.values().next().value as EmulatedSession;
      this.byToken.delete(oldest.response.authToken);
      this.byScanRef.delete(oldest.response.scanRef);
      this.unfinished.delete(oldest);
    }
    return session;
  }

  get(authToken: string): EmulatedSession | undefined {
    return this.byToken.get(authToken);
  }

  byRef(scanRef: string): EmulatedSession | undefined {
    return this.byScanRef.get(scanRef);
  }

  /** Sessions of one client (all when clientId is undefined), oldest first. */
  list(clientId?: string): EmulatedSession[] {
    const all = [...this.byToken.values()];
    return clientId === undefined ? all : all.filter((s) => s.response.clientId === clientId);
  }

  status(session: EmulatedSession): OverallStatus {
    if (session.deleted) return 'DELETED';
    if (session.result) return session.result.overall;
    return this.tokenValid(session) ? 'ACTIVE' : 'EXPIRED';
  }

  tokenValid(session: EmulatedSession): boolean {
    return this.now() < session.expiresAt;
  }

  /** Finishes a verification: throws OutcomeError when its state does not allow `outcome`. */
  finish(session: EmulatedSession, outcome: Outcome): void {
    const status = this.status(session);
    if (status !== 'ACTIVE' && status !== 'REVIEWING')
      throw new OutcomeError(
        `The verification is ${status}; only an ACTIVE or REVIEWING one can be finished.`,
      );
    const now = this.now();
    const checks = resultOf(outcome, status === 'REVIEWING' ? session.result : undefined);
    const startTime = session.result?.startTime ?? Math.floor(now / 1000) - 60;
    session.result = {
      ...checks,
      data: session.result?.data ?? verificationData(session.request, session.response.scanRef, now),
      startTime,
      finishTime: session.result?.finishTime ?? Math.floor(now / 1000),
    };
    this.unfinished.delete(session);
    this.onFinished?.(session);
  }

  /** Deletes the personal data; 'tokenValid' while the token can still be used (iDenfy refuses then). */
  delete(session: EmulatedSession): 'deleted' | 'tokenValid' {
    if (session.deleted) return 'deleted';
    if (this.tokenValid(session)) return 'tokenValid';
    session.deleted = true;
    const { scanRef, authToken, clientId } = session.response;
    // Only the identifiers stay: names, dates, URLs and the result's data go.
    session.response = { authToken, scanRef, clientId } as SessionResponse;
    session.request = { clientId };
    if (session.result)
      session.result = { ...session.result, data: deletedData(), fraudTags: [], mismatchTags: [] };
    return 'deleted';
  }

  statusAnswer(session: EmulatedSession): StatusAnswer {
    const r = session.deleted ? undefined : session.result;
    return {
      status: this.status(session),
      autoDocument: r?.autoDocument ?? null,
      autoFace: r?.autoFace ?? null,
      manualDocument: r?.manualDocument ?? null,
      manualFace: r?.manualFace ?? null,
      fraudTags: r?.fraudTags ?? [],
      mismatchTags: r?.mismatchTags ?? [],
      scanRef: session.response.scanRef,
      clientId: String(session.response.clientId),
    };
  }

  /**
   * The /api/v2/full answer: `final` is always false there, and `overall` never REVIEWING (iDenfy's
   * notes): a verification under review shows its automatic verdict, which in the emulator is the
   * interim result's (approved checks with an uncertain face, i.e. SUSPECTED).
   */
  fullAnswer(session: EmulatedSession, baseUrl: string): FullAnswer {
    const status = this.statusAnswer(session);
    const r = session.deleted ? undefined : session.result;
    const overall = status.status === 'REVIEWING' ? 'SUSPECTED' : status.status;
    return {
      final: false,
      platform: r ? 'PC' : null,
      status: {
        overall,
        fraudTags: status.fraudTags,
        mismatchTags: status.mismatchTags,
        autoFace: status.autoFace,
        manualFace: status.manualFace,
        autoDocument: status.autoDocument,
        manualDocument: status.manualDocument,
        additionalSteps: null,
      },
      data: r?.data ?? deletedData(),
      // Like iDenfy's, the links stop working an hour after this answer.
      fileUrls: r ? photoLinks(baseUrl, status.scanRef, this.now()) : null,
      AML: null,
      LID: null,
      scanRef: status.scanRef,
      externalRef: typeof session.request.externalRef === 'string' ? session.request.externalRef : null,
      clientId: status.clientId,
      startTime: session.result?.startTime ?? null,
      finishTime: session.result?.finishTime ?? null,
      clientIp: r ? '127.0.0.1' : null,
      clientIpCountry: null,
      clientLocation: null,
    };
  }

  /**
   * The body of the webhook a finished (or expired) verification sends: the full answer, with
   * `final` as it is for the webhook (false only for the interim result of a manual review).
   */
  webhookPayload(session: EmulatedSession, baseUrl: string): FullAnswer {
    return { ...this.fullAnswer(session, baseUrl), final: session.result?.final ?? true };
  }
}
