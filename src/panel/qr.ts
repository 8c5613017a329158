/**
 * The verification link as a QR code, drawn offline by qrcode-generator (no network, no canvas): one
 * SVG path of the dark modules, so the picture stays crisp at any size and needs no `img-src`.
 */
import qrcode from 'qrcode-generator';

export interface QrCode {
  /** Modules per side, the quiet zone included. */
  size: number;
  /** SVG path data of the dark modules, in module units (digits, spaces and `M h v z` only). */
  path: string;
}

/** The quiet zone the QR specification asks for (4 modules), so phones find the code on any background. */
const QUIET = 4;

/** Codes made lately, by text: a panel re-renders on every status change and the link stays the same. */
const recent = new Map<string, QrCode>();
const RECENT_MAX = 32;

/** The code for `text`; choosing the best mask takes tens of milliseconds, so it is made once per link. */
export function qrCode(text: string): QrCode {
  const known = recent.get(text);
  if (known) return known;
  const made = makeQrCode(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(text, made);
  return made;
}

function makeQrCode(text: string): QrCode {
  // Error correction M: readable with a little glare off a screen, and still small for a ~120-char link.
  const code = qrcode(0, 'M');
  // Bytes as UTF-8 (the library's default keeps the low byte of each UTF-16 unit).
  code.addData(utf8Latin1(text), 'Byte');
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!code.isDark(row, col)) continue;
      // Runs of dark modules on a row become one rectangle: a shorter path, no hairline seams.
      let end = col;
      while (end + 1 < count && code.isDark(row, end + 1)) end++;
      parts.push(`M${col + QUIET} ${row + QUIET}h${end - col + 1}v1h-${end - col + 1}z`);
      col = end;
    }
  }
  return { size: count + 2 * QUIET, path: parts.join('') };
}

/** The UTF-8 bytes of `text`, one char per byte, which is what the library's default mapping passes through. */
function utf8Latin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
