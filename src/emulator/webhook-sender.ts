/**
 * The emulator's webhooks: when a verification finishes or expires (sessions.ts onFinished), the
 * emulator POSTs what iDenfy would (the full answer with `final` set, signed, with the event type
 * its shape implies) to the forward URL if one is set (as `stripe listen --forward-to`), else to the
 * session's callbackUrl, else nowhere. Sent in the background, so the page's answer never waits;
 * one session's calls go out in order (interim before final); stop() ends the ones under way.
 */
import type { OverallStatus } from '../model/result-vocabulary';
import { deliverWebhook } from '../webhooks/deliver';
import type { WebhookDelivery } from '../webhooks/delivery';
import { eventTypeFor } from '../webhooks/event-types';
import { checkWebhookTarget } from '../webhooks/target-url';
import type { EmulatedSession, SessionStore } from './sessions';

/** A fixed URL, or a function read at each delivery (the editor's setting can change while it runs). */
export type ForwardTarget = string | (() => string | undefined);

export interface WebhookEvent {
  scanRef: string;
  clientId: string;
  delivery: WebhookDelivery;
  /** The exact bytes sent (and signed). */
  body: Buffer;
}

export interface FinishedEvent {
  scanRef: string;
  clientId: string;
  overall: OverallStatus;
  final: boolean;
}

export interface WebhookSenderOptions {
  sessions: SessionStore;
  signingKey: string;
  forwardTo?: ForwardTarget;
  baseUrl: () => string;
  /** The emulator's clock, for the records' `at`. */
  clock: () => number;
  onFinished: (event: FinishedEvent) => void;
  onWebhook: (event: WebhookEvent) => void;
}

/** Throws when a fixed forward URL cannot be used, with the reason (at start, not at the first call). */
export function checkForwardTarget(forwardTo: ForwardTarget | undefined): void {
  if (typeof forwardTo !== 'string') return;
  const check = checkWebhookTarget(forwardTo);
  if (!check.ok) throw new Error(`Cannot forward webhooks: ${check.message}`);
}

export class WebhookSender {
  private readonly inFlight = new Set<Promise<void>>();
  /** The last call queued per session, so the next one starts after it. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: WebhookSenderOptions) {
    checkForwardTarget(options.forwardTo);
  }

  /** Where this session's webhook goes now, or undefined for nowhere. */
  private targetOf(session: EmulatedSession): string | undefined {
    const { forwardTo } = this.options;
    let forward: string | undefined;
    try {
      forward = typeof forwardTo === 'function' ? forwardTo() : forwardTo;
    } catch {
      forward = undefined;
    }
    if (forward !== undefined && forward.trim() !== '') return forward.trim();
    const callback = session.request.callbackUrl;
    return typeof callback === 'string' && callback.trim() !== '' ? callback.trim() : undefined;
  }

  /** sessions.ts calls this synchronously: the payload is taken now, the call is made later. */
  finished(session: EmulatedSession): void {
    const { sessions } = this.options;
    const payload = sessions.webhookPayload(session, this.options.baseUrl());
    const scanRef = session.response.scanRef;
    const clientId = String(session.response.clientId);
    // The session's own status: REVIEWING for the interim result (the payload, like /full, shows its automatic verdict).
    this.options.onFinished({ scanRef, clientId, overall: sessions.status(session), final: payload.final });
    const url = this.targetOf(session);
    if (url === undefined || this.stopping.signal.aborted) return;
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    // The shape decides, as for Send Webhook; every payload the emulator builds has one it can read.
    const eventType = eventTypeFor(payload) ?? 'IDENTIFICATION';
    const previous = this.queues.get(scanRef) ?? Promise.resolve();
    const call = previous.then(async () => {
      const delivery = await deliverWebhook({
        url,
        body,
        signingKey: this.options.signingKey,
        eventType,
        source: 'emulator',
        now: this.options.clock,
        signal: this.stopping.signal,
      });
      try {
        this.options.onWebhook({ scanRef, clientId, delivery, body });
      } catch {
        // A listener's failure is its own; the next call still goes out.
      }
    });
    this.queues.set(scanRef, call);
    this.inFlight.add(call);
    void call.finally(() => {
      this.inFlight.delete(call);
      if (this.queues.get(scanRef) === call) this.queues.delete(scanRef);
    });
  }

  /** Cancels the calls under way and waits until each has ended (and reported). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
