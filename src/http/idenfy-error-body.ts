/** iDenfy's error JSON (`{ identifier, message }`) and what can be read from its message. */
import { KNOWN_PROPERTIES } from '../model/request';

/** iDenfy's standard error body. */
interface IdenfyErrorBody {
  identifier: string;
  message: string;
}

export function isIdenfyErrorBody(value: unknown): value is IdenfyErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.identifier === 'string' && typeof v.message === 'string';
}

/** The longest server text quoted in a message or a log line. */
const SERVER_TEXT_MAX = 200;

/**
 * Server text made safe to quote: the secret is removed first, from the text as it came and again
 * once whitespace is folded (which could join a secret split across lines), and only then is the
 * text shortened, so a cut can never leave part of a secret behind. One line, no final dot.
 */
export function quoteServerText(text: string, redact: (text: string) => string = (t) => t): string {
  const flat = redact(redact(text).replace(/\s+/g, ' ').trim()).replace(/[.\s]+$/, '');
  return flat.length > SERVER_TEXT_MAX ? `${flat.slice(0, SERVER_TEXT_MAX - 3)}...` : flat;
}

/** Extracts the field from iDenfy messages of the form "Field 'country' ..." (any quote style). */
export function fieldFromMessage(message: string): string | undefined {
  const m = /\bfield\s+['"`\u2018\u201c]([A-Za-z_][\w.[\]]*)['"`\u2019\u201d]/i.exec(message);
  return m?.[1];
}

export function optionFromContractMessage(message: string): string | undefined {
  const named = fieldFromMessage(message);
  if (named !== undefined) return named;
  // The option mentioned first is the one the message is about; whole words only, so
  // "checkDuplicateFaces" is not found inside "checkDuplicateDocFaces".
  let first: { option: string; at: number } | undefined;
  // Any request property can be one the contract does not enable: the model's list is the one list.
  for (const option of KNOWN_PROPERTIES) {
    const at = message.search(new RegExp(`\\b${option}\\b`, 'i'));
    if (at >= 0 && (first === undefined || at < first.at)) first = { option, at };
  }
  return first?.option;
}
