/**
 * A minimal PDF writer: pages of left-aligned Helvetica text, nothing else. The report needs no
 * more, and a PDF library would add hundreds of kilobytes to a .vsix that must stay under 500 KB
 * (this file is a few kilobytes). Output is PDF 1.4 with a correct cross-reference table, so any
 * reader opens it (the unit test renders it with poppler's pdftoppm).
 *
 * Text uses the standard Helvetica font with WinAnsiEncoding, whose slots 128-159 are redefined
 * (Differences) for the Lithuanian letters and typographic marks the report may contain; any other
 * character outside Latin-1 is written as "?".
 */

/** Characters placed in the slots 128-159, with their PostScript glyph names. */
const EXTRA_GLYPHS: [string, string][] = [
  ['ą', 'aogonek'],
  ['Ą', 'Aogonek'],
  ['č', 'ccaron'],
  ['Č', 'Ccaron'],
  ['ę', 'eogonek'],
  ['Ę', 'Eogonek'],
  ['ė', 'edotaccent'],
  ['Ė', 'Edotaccent'],
  ['į', 'iogonek'],
  ['Į', 'Iogonek'],
  ['š', 'scaron'],
  ['Š', 'Scaron'],
  ['ų', 'uogonek'],
  ['Ų', 'Uogonek'],
  ['ū', 'umacron'],
  ['Ū', 'Umacron'],
  ['ž', 'zcaron'],
  ['Ž', 'Zcaron'],
  ['–', 'endash'],
  ['—', 'emdash'],
  ['‘', 'quoteleft'],
  ['’', 'quoteright'],
  ['“', 'quotedblleft'],
  ['”', 'quotedblright'],
  ['•', 'bullet'],
  ['…', 'ellipsis'],
];
const EXTRA_CODE = new Map(EXTRA_GLYPHS.map(([ch], i) => [ch, 128 + i]));

/** The bytes of one PDF string literal (without the parentheses). */
function encodeText(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 63;
    const latin1 = (cp >= 32 && cp <= 126) || (cp >= 160 && cp <= 255);
    const code = EXTRA_CODE.get(ch) ?? (latin1 ? cp : 63);
    // ( ) and \ are the delimiters and escape of a literal string.
    if (code === 40 || code === 41 || code === 92) bytes.push(92);
    bytes.push(code);
  }
  return Buffer.from(bytes);
}

export interface PdfLine {
  text: string;
  /** Font size in points (default 10). */
  size?: number;
  bold?: boolean;
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;

/** Splits text into lines of at most `width` characters at spaces (Helvetica 10 pt fits ~90 on A4). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  out.push(line);
  return out;
}

function pageContent(lines: PdfLine[]): Buffer {
  const parts: Buffer[] = [Buffer.from('BT\n')];
  let y = PAGE_HEIGHT - MARGIN;
  let first = true;
  for (const line of lines) {
    const size = line.size ?? 10;
    const lead = Math.round(size * 1.45);
    y -= lead;
    parts.push(Buffer.from(`/${line.bold ? 'F2' : 'F1'} ${size} Tf\n`));
    parts.push(Buffer.from(first ? `${MARGIN} ${y} Td\n` : `0 ${-lead} Td\n`));
    first = false;
    parts.push(Buffer.from('('), encodeText(line.text), Buffer.from(') Tj\n'));
  }
  parts.push(Buffer.from('ET\n'));
  return Buffer.concat(parts);
}

/** Lines per page, by height. */
function paginate(lines: PdfLine[]): PdfLine[][] {
  const pages: PdfLine[][] = [];
  let page: PdfLine[] = [];
  let used = 0;
  const room = PAGE_HEIGHT - 2 * MARGIN;
  for (const line of lines) {
    const lead = Math.round((line.size ?? 10) * 1.45);
    if (used + lead > room && page.length > 0) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(line);
    used += lead;
  }
  pages.push(page);
  return pages;
}

function pdfDate(ms: number): string {
  return `D:${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** A complete PDF document with the given lines, flowing onto as many A4 pages as needed. */
export function writePdf(lines: PdfLine[], info: { title: string; createdAt: number }): Buffer {
  const pages = paginate(lines);
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const differences = EXTRA_GLYPHS.map(([, name]) => `/${name}`).join(' ');
  const encoding = `<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 ${differences}] >>`;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // 2: the page tree, written once the page numbers are known
  const regular = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding ${encoding} >>`);
  const bold = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding ${encoding} >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const content = pageContent(page);
    const stream = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
        content,
        Buffer.from('endstream'),
      ]),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  );
  const infoObject = add(
    Buffer.concat([
      Buffer.from('<< /Title ('),
      encodeText(info.title),
      Buffer.from(
        `) /Producer (iDenfy Session Tools emulator) /CreationDate (${pdfDate(info.createdAt)}) >>`,
      ),
    ]),
  );

  // The header's second line holds bytes above 127, telling tools the file is binary.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, EOL.
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObject} 0 R >>\n`,
    `startxref\n${offset}\n%%EOF\n`,
  ].join('');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
