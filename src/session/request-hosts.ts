/**
 * The hosts a request tells iDenfy to send results (callbackUrl) or the person being verified
 * (successUrl, errorUrl, unverifiedUrl) to. Shown before sending from an untrusted workspace, whose
 * files may have been written by someone else. Pure: no vscode import.
 */

const REDIRECTING_FIELDS = ['callbackUrl', 'successUrl', 'errorUrl', 'unverifiedUrl'] as const;

export interface NamedHost {
  host: string;
  /** The request's fields that point at this host, in REDIRECTING_FIELDS order. */
  fields: string[];
}

/** `body`: the JSON text about to be sent. Values that are not URLs are listed as they are. */
export function hostsNamedByRequest(body: string): NamedHost[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const byHost = new Map<string, string[]>();
  for (const field of REDIRECTING_FIELDS) {
    const raw = record[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const host = hostOf(raw.trim());
    byHost.set(host, [...(byHost.get(host) ?? []), field]);
  }
  return [...byHost].map(([host, fields]) => ({ host, fields }));
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host || url;
  } catch {
    return url;
  }
}

/**
 * Sends from a trusted workspace, or when the request names no host, without asking; otherwise only
 * when `ask` (a modal in the editor) confirms the question it is given.
 */
export async function confirmUntrustedSend(options: {
  trusted: boolean;
  body: string;
  fileName: string;
  ask: (message: string, detail: string) => PromiseLike<boolean>;
}): Promise<boolean> {
  if (options.trusted) return true;
  const hosts = hostsNamedByRequest(options.body);
  if (hosts.length === 0) return true;
  const listed = hosts.map((h) => `${h.host} (${h.fields.join(', ')})`).join('\n');
  return options.ask(
    `This workspace is not trusted. Send ${options.fileName} to iDenfy?`,
    `The request tells iDenfy to send verification results or the verified person to:\n${listed}\n\nSend only if you trust these hosts.`,
  );
}
