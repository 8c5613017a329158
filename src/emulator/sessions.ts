/**
 * The emulator's memory of the sessions it created: each session's answer and where its
 * verification stands. Bounded, so an emulator that runs as long as VS Code does not grow forever.
 */
import { buildSessionResponse, type SessionResponse } from './session-response';

/** iDenfy's overall statuses that a newly created session can have. */
export type VerificationStatus = 'ACTIVE' | 'APPROVED' | 'DENIED' | 'SUSPECTED' | 'EXPIRED';

export interface EmulatedSession {
  response: SessionResponse;
  /** ACTIVE until the client finishes; a `dummyStatus` request starts (and usually ends) elsewhere. */
  status: VerificationStatus;
  /** True when the session was created by `dummyStatus`, without a real client. */
  dummy: boolean;
}

/**
 * Five times the history's 200 entries, so every session the history shows still has its page.
 */
export const DEFAULT_MAX_SESSIONS = 1000;

export class SessionStore {
  private readonly byToken = new Map<string, EmulatedSession>();

  constructor(private readonly maxSessions = DEFAULT_MAX_SESSIONS) {}

  /** A session for a request the model accepted (its output, defaults filled in). */
  create(request: Record<string, unknown>, redirectBase: string): EmulatedSession {
    const dummyStatus = request.dummyStatus as VerificationStatus | undefined;
    const session: EmulatedSession = {
      response: buildSessionResponse(request, redirectBase),
      status: dummyStatus ?? 'ACTIVE',
      dummy: dummyStatus !== undefined,
    };
    this.byToken.set(session.response.authToken, session);
    // A Map iterates in insertion order: the first key is the oldest session.
    if (this.byToken.size > this.maxSessions) this.byToken.delete(this.byToken.keys().next().value as string);
    return session;
  }

  get(authToken: string): EmulatedSession | undefined {
    return this.byToken.get(authToken);
  }
}
