/**
 * The webhook receivers offered as snippets for the integrator's own handler (snippets/, per language
 * through contributes.snippets). Each is a runnable file under receivers/ — linted, and type-checked
 * for TypeScript, with the rest of src/ — and the tests run each one against signed deliveries.
 */

export const RECEIVER_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type ReceiverLanguage = (typeof RECEIVER_LANGUAGES)[number];

/** How the tests start a receiver's file. */
export type ReceiverRuntime = 'node' | 'tsx' | 'python' | 'flask';

export interface Receiver {
  /** Typed to trigger the snippet; always starts with "idenfy-webhook-". */
  prefix: string;
  label: string;
  description: string;
  language: ReceiverLanguage;
  /** The source, relative to src/snippets/receivers/. */
  file: string;
  runtime: ReceiverRuntime;
  /** Texts of the source that become tab stops 1, 2, ... in this order; each occurs exactly once. */
  tabStops: readonly string[];
}

/** The route and the default port: the texts a user changes first. */
const TAB_STOPS = ['/idenfy/webhook', '3000'] as const;

const NODE_HTTP = 'iDenfy webhook receiver (Node http): verifies Idenfy-Signature over the raw body';
const EXPRESS = 'iDenfy webhook receiver (Express, express.raw): verifies Idenfy-Signature over the raw body';

export const RECEIVERS: readonly Receiver[] = [
  {
    prefix: 'idenfy-webhook-node',
    label: 'iDenfy: webhook receiver (Node http)',
    description: NODE_HTTP,
    language: 'javascript',
    file: 'node-http.js',
    runtime: 'node',
    tabStops: TAB_STOPS,
  },
  {
    prefix: 'idenfy-webhook-express',
    label: 'iDenfy: webhook receiver (Express)',
    description: EXPRESS,
    language: 'javascript',
    file: 'express.js',
    runtime: 'node',
    tabStops: TAB_STOPS,
  },
  {
    prefix: 'idenfy-webhook-node',
    label: 'iDenfy: webhook receiver (Node http)',
    description: NODE_HTTP,
    language: 'typescript',
    file: 'node-http.ts',
    runtime: 'tsx',
    tabStops: TAB_STOPS,
  },
  {
    prefix: 'idenfy-webhook-express',
    label: 'iDenfy: webhook receiver (Express)',
    description: EXPRESS,
    language: 'typescript',
    file: 'express.ts',
    runtime: 'tsx',
    tabStops: TAB_STOPS,
  },
  {
    prefix: 'idenfy-webhook-python',
    label: 'iDenfy: webhook receiver (Python standard library)',
    description:
      'iDenfy webhook receiver (http.server, hmac.compare_digest): verifies Idenfy-Signature over the raw body',
    language: 'python',
    file: 'python-stdlib.py',
    runtime: 'python',
    tabStops: TAB_STOPS,
  },
  {
    prefix: 'idenfy-webhook-flask',
    label: 'iDenfy: webhook receiver (Flask)',
    description:
      'iDenfy webhook receiver (Flask, request.get_data()): verifies Idenfy-Signature over the raw body',
    language: 'python',
    file: 'python-flask.py',
    runtime: 'flask',
    tabStops: TAB_STOPS,
  },
];

/** Where the generator writes a language's receiver snippets (contributed for that language only). */
export function receiverSnippetsPath(language: ReceiverLanguage): string {
  return `snippets/idenfy-webhook-receiver-${language}.json`;
}
