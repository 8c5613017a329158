/** Turns the receiver catalog (receivers.ts) into VS Code snippet files, one per language. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVERS, type Receiver, type ReceiverLanguage } from './receivers';

/** The receiver's runnable source: what its snippet inserts with every tab stop at its default. */
export function receiverSource(receiver: Receiver): string {
  return readFileSync(join(__dirname, 'receivers', receiver.file), 'utf8');
}

/** Snippet syntax reserves $ and \ everywhere, and } inside a tab stop's default. */
const escapeText = (text: string) => text.replace(/[$\\]/g, '\\$&');
const escapeDefault = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** The source as snippet lines, each tab-stop text replaced by `${n:text}` (n counts from 1). */
export function receiverSnippetLines(source: string, tabStops: readonly string[]): string[] {
  const stops = tabStops
    .map((text, i) => {
      const at = source.indexOf(text);
      if (at < 0 || source.indexOf(text, at + 1) >= 0) {
        throw new Error(`tab stop ${JSON.stringify(text)} must occur exactly once in the receiver`);
      }
      return { at, text, n: i + 1 };
    })
    .sort((a, b) => a.at - b.at);
  let snippet = '';
  let from = 0;
  for (const { at, text, n } of stops) {
    if (at < from) throw new Error(`tab stop ${JSON.stringify(text)} overlaps another`);
    snippet += `${escapeText(source.slice(from, at))}\${${n}:${escapeDefault(text)}}`;
    from = at + text.length;
  }
  snippet += escapeText(source.slice(from));
  return snippet.replace(/\n$/, '').split('\n');
}

export function renderReceiverSnippetFile(language: ReceiverLanguage): Record<string, unknown> {
  return Object.fromEntries(
    RECEIVERS.filter((r) => r.language === language).map((r) => [
      r.label,
      {
        prefix: r.prefix,
        description: r.description,
        body: receiverSnippetLines(receiverSource(r), r.tabStops),
      },
    ]),
  );
}
