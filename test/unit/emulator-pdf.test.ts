/**
 * POST /api/v2/generate-pdf answers a real PDF: Base64 of a file whose cross-reference table is
 * exact, and which poppler's pdftoppm (a real PDF reader; apt package poppler-utils) renders to a
 * page with text on it, in English and Lithuanian.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { writePdf } from '../../src/emulator/pdf';
import { type Emulator, startEmulator } from '../../src/emulator/server';

let emu: Emulator;
let agent: Agent;
let dir: string;

async function post(path: string, body: unknown): Promise<{ status: number; text: string; type: string }> {
  const res = await request(`${emu.url}${path}`, {
    method: 'POST',
    dispatcher: agent,
    headers: {
      authorization: `Basic ${Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, text: await res.body.text(), type: String(res.headers['content-type']) };
}

/** The brightness of each pixel of an 8-bit, non-interlaced grey or RGB PNG (what pdftoppm writes). */
function pngPixels(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  assert.equal(png.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString('latin1');
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, '8 bits per sample');
      assert.ok(data[9] === 0 || data[9] === 2, 'grey or RGB');
      assert.equal(data[12], 0, 'not interlaced');
      channels = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const bytes = new Uint8Array(stride * height);
  // Undo the per-row filters (PNG specification, section 9), byte by byte.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (bytes[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (bytes[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (bytes[(y - 1) * stride + x - channels] ?? 0) : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const e = a + b - c;
        const [pa, pb, pc] = [Math.abs(e - a), Math.abs(e - b), Math.abs(e - c)];
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      bytes[y * stride + x] = (v + p) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += bytes[i * channels + k] ?? 0;
    pixels[i] = Math.round(sum / channels);
  }
  return { width, height, pixels };
}

/** Renders page 1 with pdftoppm and returns the share of dark pixels. */
function inkOnPageOne(pdf: Buffer, name: string): number {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const out = execFileSync(
    'pdftoppm',
    ['-f', '1', '-l', '1', '-r', '50', '-png', '-singlefile', file, join(dir, name)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  assert.equal(out, '');
  const { width, height, pixels } = pngPixels(readFileSync(join(dir, `${name}.png`)));
  assert.ok(width > 300 && height > 400, `A4 at 50 dpi, got ${width}x${height}`);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/** Every cross-reference offset points at its object, and startxref at the table. */
function assertExactXref(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  assert.equal(text.slice(startxref, startxref + 5), 'xref\n');
  const entries = text.slice(startxref).split('\n').slice(3);
  let n = 1;
  for (const entry of entries) {
    const m = /^(\d{10}) 00000 n $/.exec(entry);
    if (!m) break;
    assert.equal(text.slice(Number(m[1]), Number(m[1]) + `${n} 0 obj`.length), `${n} 0 obj`);
    n++;
  }
  assert.ok(n > 5, 'objects listed');
}

before(async () => {
  emu = await startEmulator();
  agent = new Agent();
  dir = mkdtempSync(join(tmpdir(), 'idenfy-pdf-'));
});
after(async () => {
  await agent.close();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/v2/generate-pdf', () => {
  it('answers 200 with the Base64 of a small, valid PDF that a reader renders with text on page 1', async () => {
    const created = JSON.parse(
      (await post('/api/v2/token', { clientId: 'pdf-1', firstName: 'Jonas', lastName: 'Jonaitis' })).text,
    ) as { scanRef: string };
    emu.complete(created.scanRef, { kind: 'DENIED', document: 'DOC_EXPIRED' });
    const reply = await post('/api/v2/generate-pdf', { scanRef: created.scanRef, language: 'en' });
    assert.equal(reply.status, 200);
    assert.match(reply.text, /^[A-Za-z0-9+/]+=*$/, 'Base64 text');
    const pdf = Buffer.from(reply.text, 'base64');
    assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.4');
    assert.ok(pdf.length < 20_000, `small: ${pdf.length} bytes`);
    assertExactXref(pdf);
    const text = pdf.toString('latin1');
    for (const expected of ['DENIED', 'DOC_EXPIRED', 'JONAS', created.scanRef])
      assert.ok(text.includes(expected), expected);
    const ink = inkOnPageOne(pdf, 'en');
    assert.ok(ink > 0.005 && ink < 0.5, `page 1 has text on white: ${(ink * 100).toFixed(2)}% dark`);
  });

  it('language lt renders Lithuanian letters; another language is BAD_VALUE', async () => {
    const created = JSON.parse(
      (await post('/api/v2/token', { clientId: 'pdf-2', firstName: 'Žydrūnė', lastName: 'Ąžuolaitė' })).text,
    ) as { scanRef: string };
    emu.complete(created.scanRef, { kind: 'APPROVED' });
    const reply = await post('/api/v2/generate-pdf', { scanRef: created.scanRef, language: 'lt' });
    assert.equal(reply.status, 200);
    const pdf = Buffer.from(reply.text, 'base64');
    assert.ok(pdf.toString('latin1').includes('/zcaron'), 'the Lithuanian glyphs are mapped');
    assert.ok(inkOnPageOne(pdf, 'lt') > 0.005);
    const bad = await post('/api/v2/generate-pdf', { scanRef: created.scanRef, language: 'de' });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.text).identifier, 'BAD_VALUE');
  });
});

describe('the PDF writer', () => {
  it('flows long text onto further pages and escapes delimiters', () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ text: `line ${i} (with) back\\slash` }));
    const pdf = writePdf(lines, { title: 'T', createdAt: 0 });
    assertExactXref(pdf);
    assert.match(pdf.toString('latin1'), /\/Count 3 >>/);
    assert.ok(pdf.toString('latin1').includes('\\(with\\) back\\\\slash'));
    assert.ok(inkOnPageOne(pdf, 'long') > 0.005);
    const info = execFileSync('pdfinfo', [join(dir, 'long.pdf')], { encoding: 'utf8' });
    assert.match(info, /Pages:\s+3/);
  });
});
